import { Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../shared/layout/loading';
import { PageTitle } from '../shared/layout/page-title';
import { paths } from '../shared/paths';
import { AdminPage } from './admin/admin-page';
import { AttendeesSection } from './attendees/attendees-section';
import { CheckInPage } from './check-in/check-in-page';
import { CreateEventPage } from './events/create-event-page';
import { EventSettingsPage } from './events/event-settings-page';
import { EventsPage } from './events/events-page';
import { OrganiserEventProvider } from './events/organiser-event';
import { MatchingRulesPage } from './matching-rules/matching-rules-page';
import { OutboxPage } from './outbox/outbox-page';
import { OrganiserLayout, useStaffNav, type OrganiserNavItem } from './organiser-layout';
import { ReportsPage } from './reports/reports-page';
import { RoundsSection } from './rounds/rounds-section';
import { TalksPage } from './talks/talks-page';
import './organiser.css';
import './organiser-strings';

/**
 * One page of an event's staff menu, at /organiser/e/<slug>/<path>. Its component is mounted as a nested
 * route: its own sub-pages use paths relative to it (`/`, `/:roundId`), and it reads the event with
 * useOrganiserEvent(). Add a section here (one line; `lazy(() => import(…))` works too) and it gets its tab.
 */
export interface EventSection {
  path: string;
  /** Its tab's words: `organiser.nav.<label>` in the catalogues. */
  label: 'attendees' | 'checkIn' | 'rounds' | 'matchingRules' | 'talks' | 'reports' | 'outbox' | 'settings';
  component: ComponentType;
}

/** The menu of an event, in this order. The first one is where /organiser/e/<slug> leads. */
export const EVENT_SECTIONS: EventSection[] = [
  { path: 'attendees', label: 'attendees', component: AttendeesSection },
  { path: 'check-in', label: 'checkIn', component: CheckInPage },
  { path: 'rounds', label: 'rounds', component: RoundsSection },
  { path: 'matching-rules', label: 'matchingRules', component: MatchingRulesPage },
  { path: 'talks', label: 'talks', component: TalksPage },
  { path: 'reports', label: 'reports', component: ReportsPage },
  { path: 'outbox', label: 'outbox', component: OutboxPage },
  { path: 'settings', label: 'settings', component: EventSettingsPage },
];

function OrganiserEventRoutes({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const staffNav = useStaffNav();
  return (
    <OrganiserEventProvider slug={slug}>
      {(event) => {
        const items: OrganiserNavItem[] = [
          { href: paths.organiserHome(), label: t('organiser.nav.allEvents'), exact: true },
          ...EVENT_SECTIONS.map((section) => ({ href: paths.organiserEvent(event.slug, section.path), label: t(`organiser.nav.${section.label}`) })),
          ...staffNav.slice(1),
        ];
        return (
          <OrganiserLayout heading={event.name} items={items}>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/">
                  <Redirect to={`/${EVENT_SECTIONS[0]!.path}`} replace />
                </Route>
                {EVENT_SECTIONS.map((section) => (
                  <Route key={section.path} path={`/${section.path}`} nest component={section.component} />
                ))}
                <Route>
                  <NotFoundContent />
                </Route>
              </Switch>
            </Suspense>
          </OrganiserLayout>
        );
      }}
    </OrganiserEventProvider>
  );
}

/** An unknown address inside an event: said inside the event's frame (its menu still leads somewhere). */
function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('app.notFoundTitle')} />
      <p>{t('app.notFoundText')}</p>
    </>
  );
}

/** The staff pages that are about no one event. */
function StaffPage({ children }: { children: ReactNode }) {
  return <OrganiserLayout items={useStaffNav()}>{children}</OrganiserLayout>;
}

/** Organisers' and admins' pages, under /organiser/ (loaded on demand: an attendee's phone never downloads them). */
export default function OrganiserRoutes() {
  return (
    <Switch>
      <Route path="/" component={EventsPage} />
      <Route path="/events/new" component={CreateEventPage} />
      <Route path="/admin" component={AdminPage} />
      <Route path="/e/:slug" nest>
        {(params) => <OrganiserEventRoutes slug={params.slug} />}
      </Route>
      <Route>
        <StaffPage>
          <NotFoundContent />
        </StaffPage>
      </Route>
    </Switch>
  );
}
