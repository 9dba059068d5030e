import { Route, Switch } from 'wouter';
import { RoundPage } from './round-page';
import { RoundsPage } from './rounds-page';
import './rounds.css';

/** The Rounds section of an event (/organiser/e/<slug>/rounds): the list with its form, and one round. */
export function RoundsSection() {
  return (
    <Switch>
      <Route path="/" component={RoundsPage} />
      <Route path="/:roundId">{(params) => <RoundPage key={params.roundId} roundId={params.roundId} />}</Route>
    </Switch>
  );
}
