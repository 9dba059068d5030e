import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from '../shared/layout/loading';
import { NotFoundPage } from '../shared/not-found-page';
import { AttendeeHomePage } from './home/attendee-home-page';

// The home comes with the first load; the other screens are fetched when opened (the phone's first
// download stays small), and they still count in the attendee budget (scripts/check-budget.mjs).
const ProfilePage = lazy(() => import('./profile/profile-page'));
const OfficeHoursPage = lazy(() => import('./office-hours/office-hours-page'));
const CalendarPage = lazy(() => import('./calendar/calendar-page'));
const SchedulePage = lazy(() => import('./schedule/schedule-page'));
const PrivacyPage = lazy(() => import('./privacy/privacy-page'));
const RequestsPage = lazy(() => import('./requests/requests-page'));

/** An attendee's pages, under /e/<their event>/. Each screen fetches its own data. */
export function AttendeeRoutes({ eventSlug }: { eventSlug: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/me">
          <AttendeeHomePage eventSlug={eventSlug} />
        </Route>
        <Route path="/profile">
          <ProfilePage eventSlug={eventSlug} />
        </Route>
        <Route path="/office-hours">
          <OfficeHoursPage eventSlug={eventSlug} />
        </Route>
        <Route path="/requests">
          <RequestsPage eventSlug={eventSlug} />
        </Route>
        <Route path="/schedule">
          <SchedulePage eventSlug={eventSlug} />
        </Route>
        <Route path="/calendar">
          <CalendarPage eventSlug={eventSlug} />
        </Route>
        <Route path="/privacy">
          <PrivacyPage eventSlug={eventSlug} />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
