import { JwtService } from '@nestjs/jwt';
import type { Client } from 'pg';
import type { TokenClaims } from '../../apps/api/src/auth/actor';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../apps/api/src/auth/auth.service';

/**
 * Signs thousands of attendees in at once for a load test: a session row each, straight in the
 * database, and a token signed as the API signs them (with `secret`, the API's). Signing them in
 * through `login` would measure scrypt-free but throttled sign-ins, not `myMeetings`.
 */
export async function benchAttendeeTokens(client: Client, eventId: string, attendeeIds: readonly string[], secret: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string; attendee_id: string }>(
    `INSERT INTO sessions (attendee_id, expires_at) SELECT unnest($1::uuid[]), now() + interval '1 day' RETURNING id, attendee_id`,
    [[...new Set(attendeeIds)]],
  );
  const sessionOf = new Map(rows.map((row) => [row.attendee_id, row.id]));
  const jwt = new JwtService({ secret });
  return attendeeIds.map((id) => {
    const claims: TokenClaims = { sub: id, kind: 'attendee', evt: eventId, sid: sessionOf.get(id)! };
    return jwt.sign(claims, { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 3600 });
  });
}
