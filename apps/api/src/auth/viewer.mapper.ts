import type { Actor } from './actor';
import { Viewer, ViewerRole } from './models/auth.models';

export function toViewer(actor: Actor): Viewer {
  if (actor.kind === 'attendee') {
    return { role: ViewerRole.ATTENDEE, accountId: null, attendeeId: actor.attendeeId, eventIds: [actor.eventId] };
  }
  return {
    role: actor.isAdmin ? ViewerRole.ADMIN : ViewerRole.ORGANISER,
    accountId: actor.accountId,
    attendeeId: null,
    eventIds: [...actor.organiserOf].sort(),
  };
}
