import { Redirect } from 'wouter';
import { paths } from './paths';
import { useSession, type Session } from './session';

/** The home page of whoever is signed in. */
export function homeOf(session: Session): string {
  if (session.role === 'ATTENDEE' && session.eventSlug) return paths.attendeeHome(session.eventSlug);
  if (session.role === 'ATTENDEE') return paths.signIn();
  return paths.organiserHome();
}

export function HomeRedirect() {
  const session = useSession();
  return <Redirect to={`~${session ? homeOf(session) : paths.signIn()}`} replace />;
}
