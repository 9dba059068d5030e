import { languageNames } from './languages';

describe('languages typed in the profile', () => {
  it('turns a code or a name, in the page’s language or English, into the code', () => {
    const french = languageNames('fr');
    expect(french.resolve('FR')).toBe('fr');
    expect(french.resolve('anglais')).toBe('en');
    expect(french.resolve('German')).toBe('de');
    expect(french.resolve(' Klingon ')).toBe('Klingon');
  });

  it('names a code in the page’s language, and leaves what is not a code as it is', () => {
    expect(languageNames('en').label('fr')).toBe('French');
    expect(languageNames('fr').label('en')).toBe('anglais');
    expect(languageNames('en').label('not a code!')).toBe('not a code!');
  });
});
