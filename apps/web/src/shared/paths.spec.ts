import { paths, safeNext } from './paths';

describe('safeNext', () => {
  it('keeps a path of the app, with its query', () => {
    expect(safeNext('/e/demo/me')).toBe('/e/demo/me');
    expect(safeNext('/organiser?tab=rounds')).toBe('/organiser?tab=rounds');
  });

  it('refuses anything that would leave the site or loop back to sign-in', () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 'e/demo', '', null, undefined, '/\u0000x', '/sign-in', '/sign-in?next=/x']) {
      expect(safeNext(next)).toBeUndefined();
    }
  });

  it('round-trips through the sign-in address', () => {
    const address = paths.signIn('/e/demo event/me?x=1&y=2');
    expect(safeNext(new URL(address, 'http://localhost').searchParams.get('next'))).toBe('/e/demo event/me?x=1&y=2');
  });
});
