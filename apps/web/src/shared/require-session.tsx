import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import type { ViewerRole } from '../gql/graphql';
import { paths } from './paths';
import { useSession } from './session';

/**
 * Pages for signed-in people. Without a session (never had one, signed out, or expired) the page
 * sends them to sign in and remembers where they were; someone of another role goes to their own home.
 */
export function RequireSession({ roles, children }: { roles: ViewerRole[]; children: ReactNode }) {
  const session = useSession();
  if (!session) return <Redirect to={`~${paths.signIn(location.pathname + location.search)}`} replace />;
  if (!roles.includes(session.role)) return <Redirect to="~/" replace />;
  return children;
}
