import { built } from './built';

describe('built', () => {
  it('fails with the reason and the fix when the file is not built, instead of letting a suite skip', () => {
    expect(() => built('apps/api/src/no-such-file.js')).toThrow('dist/apps/api/src/no-such-file.js is missing: run `npm run build`');
  });
});
