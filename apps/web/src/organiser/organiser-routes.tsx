import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../shared/not-found-page';
import { OrganiserHomePage } from './organiser-home-page';

/** Organisers' and admins' pages, under /organiser/ (loaded on demand). */
export default function OrganiserRoutes() {
  return (
    <Switch>
      <Route path="/" component={OrganiserHomePage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
