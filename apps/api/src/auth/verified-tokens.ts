import type { TokenClaims } from './actor';

/** Claims as a verified token carries them: `exp` in seconds since the epoch. */
export type VerifiedClaims = TokenClaims & { exp: number };

/**
 * Tokens whose signature, issuer and audience were already checked, with their claims, until
 * they expire. An attendee's app sends the same token with every request; checking its HMAC
 * again gives the same answer and was ~5% of a `myMeetings` request. Only verified tokens go
 * in, expiry is checked on every hit, and the oldest leave first beyond `capacity`. The cache
 * belongs to one process, as the signing secret does. Whether the person behind the token still
 * exists is not cached: that is looked up on every request.
 */
export class VerifiedTokens {
  private readonly byToken = new Map<string, VerifiedClaims>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): VerifiedClaims | undefined {
    const claims = this.byToken.get(token);
    if (!claims) return undefined;
    // The same rule as jsonwebtoken: expired from the second `exp` itself.
    if (this.now() >= claims.exp * 1000) {
      this.byToken.delete(token);
      return undefined;
    }
    return claims;
  }

  remember(token: string, claims: TokenClaims & { exp?: number }): void {
    if (typeof claims.exp !== 'number') return;
    if (this.byToken.size >= this.capacity) this.byToken.delete(this.byToken.keys().next().value!);
    this.byToken.set(token, claims as VerifiedClaims);
  }
}
