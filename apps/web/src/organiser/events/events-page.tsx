import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import { getFragmentData, graphql } from '../../gql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { paths } from '../../shared/paths';
import { useSession } from '../../shared/session';
import { OrganiserLayout, useStaffNav } from '../organiser-layout';
import { formatEventDays } from './event-days';
import { OrganiserEventFieldsFragment } from './event.documents';

export const OrganiserEventsDocument = graphql(`
  query OrganiserEvents {
    events {
      ...OrganiserEventFields
    }
  }
`);

/** The events this organiser runs (all of them for an admin, who may also create one). */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const nav = useStaffNav();
  const [result, refetch] = useQuery({ query: OrganiserEventsDocument, requestPolicy: 'cache-and-network' });
  const events = getFragmentData(OrganiserEventFieldsFragment, result.data?.events);
  return (
    <OrganiserLayout items={nav}>
      <div className="page-heading">
        <PageTitle title={t('organiser.events.title')} />
        {session?.role === 'ADMIN' ? (
          <Link href={`~${paths.organiserNewEvent()}`} className="button-primary">
            {t('organiser.events.create')}
          </Link>
        ) : null}
      </div>
      {result.error && !events ? (
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !events ? (
        <Loading />
      ) : events.length === 0 ? (
        <p>{session?.role === 'ADMIN' ? t('organiser.events.emptyAdmin') : t('organiser.events.empty')}</p>
      ) : (
        <ul className="event-cards">
          {events.map((event) => (
            <li key={event.id} className="card">
              <h2>
                <Link href={`~${paths.organiserEvent(event.slug)}`}>{event.name}</Link>
              </h2>
              <p className="muted">
                {[formatEventDays(event, i18n.language), event.timeZone, event.venue].filter(Boolean).join(' · ')}
              </p>
              <p className="event-card-links">
                <Link href={`~${paths.organiserEvent(event.slug, 'settings')}`}>{t('organiser.events.edit', { name: event.name })}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </OrganiserLayout>
  );
}
