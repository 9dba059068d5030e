import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../shared/not-found-page';
import { AttendeeHomePage } from './home/attendee-home-page';

/** An attendee's pages, under /e/<their event>/. Each screen fetches its own data. */
export function AttendeeRoutes({ eventSlug }: { eventSlug: string }) {
  return (
    <Switch>
      <Route path="/me">
        <AttendeeHomePage eventSlug={eventSlug} />
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
