import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNotice } from '../shared/layout/error-notice';
import { Loading } from '../shared/layout/loading';
import { PageTitle } from '../shared/layout/page-title';
import { SiteHeader } from '../shared/layout/site-header';

const OrganiserEventsDocument = graphql(`
  query OrganiserEvents {
    events {
      id
      slug
      name
      startsOn
      endsOn
      timeZone
    }
  }
`);

/** The events this organiser runs (all of them for an admin). */
export function OrganiserHomePage() {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: OrganiserEventsDocument });
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <PageTitle title={t('organiser.home.title')} />
        {result.error && !result.data ? (
          <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !result.data ? (
          <Loading />
        ) : result.data.events.length === 0 ? (
          <p>{t('organiser.home.empty')}</p>
        ) : (
          <ul className="event-list">
            {result.data.events.map((event) => (
              <li key={event.id}>
                <strong>{event.name}</strong>
                {event.startsOn ? <span> · {t('organiser.home.dates', { from: event.startsOn, to: event.endsOn ?? event.startsOn })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
