import { Route, Switch } from 'wouter';
import { ImportPage } from '../imports/import-page';
import { AttendeesPage } from './attendees-page';

/** /organiser/e/<slug>/attendees and its import page. */
export function AttendeesSection() {
  return (
    <Switch>
      <Route path="/" component={AttendeesPage} />
      <Route path="/import" component={ImportPage} />
    </Switch>
  );
}
