import type { IssuedSession } from './auth.service';
import type { AuthPayload } from './models/auth.models';
import { toViewer } from './viewer.mapper';

/** What every sign-in answers (`login`, `refreshSession`, sign-in links): the same payload. */
export function toAuthPayload(session: IssuedSession): AuthPayload {
  return { token: session.token, expiresAt: session.expiresAt, refreshAfter: session.refreshAfter, viewer: toViewer(session.actor) };
}
