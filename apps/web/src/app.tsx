import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { AttendeeRoutes } from './attendee/attendee-routes';
import { SignInPage } from './sign-in/sign-in-page';
import { GraphqlProvider } from './shared/graphql/graphql-provider';
import { HomeRedirect } from './shared/home-redirect';
import { AppShell } from './shared/layout/app-shell';
import { Loading } from './shared/layout/loading';
import { NotFoundPage } from './shared/not-found-page';
import { RequireSession } from './shared/require-session';
import { SessionRefresh } from './shared/session-refresh';

// Staff screens load on demand: an attendee's phone never downloads them.
const OrganiserRoutes = lazy(() => import('./organiser/organiser-routes'));

export function App() {
  return (
    <GraphqlProvider>
      <SessionRefresh />
      <AppShell>
        <Switch>
          <Route path="/sign-in" component={SignInPage} />
          <Route path="/e/:eventSlug" nest>
            {(params) => (
              <RequireSession roles={['ATTENDEE']}>
                <AttendeeRoutes eventSlug={params.eventSlug} />
              </RequireSession>
            )}
          </Route>
          <Route path="/organiser" nest>
            <RequireSession roles={['ORGANISER', 'ADMIN']}>
              <Suspense fallback={<Loading />}>
                <OrganiserRoutes />
              </Suspense>
            </RequireSession>
          </Route>
          <Route path="/" component={HomeRedirect} />
          <Route component={NotFoundPage} />
        </Switch>
      </AppShell>
    </GraphqlProvider>
  );
}
