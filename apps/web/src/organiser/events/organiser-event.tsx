import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { getFragmentData, graphql } from '../../gql';
import type { OrganiserEventFieldsFragment as OrganiserEventFields } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { OrganiserLayout, useStaffNav } from '../organiser-layout';
import { OrganiserEventFieldsFragment } from './event.documents';

export const OrganiserEventDocument = graphql(`
  query OrganiserEvent($slug: String!) {
    event(slug: $slug) {
      ...OrganiserEventFields
    }
  }
`);

/** The event a staff page is about, as its frame loaded it once for every section. */
export type OrganiserEvent = OrganiserEventFields;

const OrganiserEventContext = createContext<OrganiserEvent | undefined>(undefined);

/** The event of the current organiser page (any section under /organiser/e/<slug>/). */
export function useOrganiserEvent(): OrganiserEvent {
  const event = useContext(OrganiserEventContext);
  if (!event) throw new Error('useOrganiserEvent is used outside an event’s pages');
  return event;
}

/**
 * Loads the event of /organiser/e/<slug>/ once and hands it to the frame and its pages. An unknown slug,
 * or an event this organiser does not run, says so in words (NOT_FOUND from the API for both: nothing tells them apart).
 */
export function OrganiserEventProvider({ slug, children }: { slug: string; children: (event: OrganiserEvent) => ReactNode }) {
  const { t } = useTranslation();
  const nav = useStaffNav();
  const [result, refetch] = useQuery({ query: OrganiserEventDocument, variables: { slug } });
  const event = getFragmentData(OrganiserEventFieldsFragment, result.data?.event);
  if (!event) {
    return (
      <OrganiserLayout items={nav}>
        <PageTitle title={result.error ? t('organiser.event.unavailable') : t('app.loading')} />
        {result.error ? <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Loading />}
      </OrganiserLayout>
    );
  }
  return <OrganiserEventContext.Provider value={event}>{children(event)}</OrganiserEventContext.Provider>;
}
