import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const claims = (exp: number | undefined) => ({ sub: 'a', kind: 'attendee' as const, evt: 'e', sid: 's', exp });

  it('gives back what was verified until the second the token expires', () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens(10, () => now);
    tokens.remember('t', claims(1_060));
    expect(tokens.get('t')).toMatchObject({ sub: 'a', exp: 1_060 });
    now = 1_059_999;
    expect(tokens.get('t')).toBeDefined();
    now = 1_060_000;
    expect(tokens.get('t')).toBeUndefined();
    now = 1_000_000;
    expect(tokens.get('t')).toBeUndefined(); // gone for good, not only hidden
  });

  it('never keeps a token without an expiry, and knows nothing it was not told', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('forever', claims(undefined));
    expect(tokens.get('forever')).toBeUndefined();
    expect(tokens.get('never-seen')).toBeUndefined();
  });

  it('lets the oldest go beyond its capacity', () => {
    const tokens = new VerifiedTokens(2, () => 0);
    tokens.remember('a', claims(10));
    tokens.remember('b', claims(10));
    tokens.remember('c', claims(10));
    expect([tokens.get('a'), tokens.get('b'), tokens.get('c')].map(Boolean)).toEqual([false, true, true]);
  });
});
