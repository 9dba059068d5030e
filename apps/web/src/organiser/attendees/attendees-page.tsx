import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { paths } from '../../shared/paths';
import { useOrganiserEvent } from '../events/organiser-event';
import { Pager } from '../pager';
import { isFiltered, readFilter, toApiFilter, writeFilter, type AttendeeFilterState } from './attendee-filter';
import { AttendeeFilters } from './attendee-filters';
import { OrganiserAttendeesDocument } from './attendees.documents';
import { AttendeesTable } from './attendees-table';
import { BulkAccessCodes } from './bulk-access-codes';
import type { IssuedCode } from './access-codes-csv';

const PAGE_SIZE = 50;

/**
 * An event's attendees: search and filters (kept in the address), a page at a time, presence toggled in
 * the table, access codes for one or for everyone in the list (with a CSV for a mail merge).
 */
export function AttendeesPage() {
  const { t } = useTranslation();
  const event = useOrganiserEvent();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = useMemo(() => readFilter(search), [search]);
  const apiFilter = useMemo(() => toApiFilter(filter), [filter]);
  const filterKey = writeFilter(filter);
  // The cursors of the pages before this one (back goes to the previous), for this filter only.
  const [pages, setPages] = useState<{ filterKey: string; cursors: (string | null)[] }>({ filterKey, cursors: [null] });
  const cursors = pages.filterKey === filterKey ? pages.cursors : [null];
  const after = cursors[cursors.length - 1];
  const [result, refetch] = useQuery({
    query: OrganiserAttendeesDocument,
    variables: { eventId: event.id, filter: apiFilter, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const [issued, setIssued] = useState<ReadonlyMap<string, IssuedCode>>(new Map());
  const onIssued = useCallback((entries: [string, IssuedCode][]) => setIssued((before) => new Map([...before, ...entries])), []);
  const tagLabels = useMemo(() => new Map(event.vocabulary.map((tag) => [tag.slug, tag.label])), [event.vocabulary]);

  const changeFilter = useCallback(
    (next: AttendeeFilterState) => {
      const query = writeFilter(next);
      const here = paths.organiserEvent(event.slug, 'attendees');
      navigate(`~${query ? `${here}?${query}` : here}`, { replace: true });
    },
    [event.slug, navigate],
  );

  const connection = result.data?.attendees;
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const shown = connection?.edges.length ?? 0;
  const caption = t('organiser.attendees.caption', { from: first, to: first + shown - 1, total: connection?.totalCount ?? 0 });
  return (
    <>
      <div className="page-heading">
        <PageTitle title={t('organiser.attendees.title')} />
        <Link href={`~${paths.organiserEvent(event.slug, 'attendees/import')}`} className="button-primary">
          {t('organiser.attendees.import')}
        </Link>
      </div>
      <AttendeeFilters filter={filter} vocabulary={event.vocabulary} onChange={changeFilter} />
      {result.error && !connection ? (
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !connection ? (
        <Loading />
      ) : connection.totalCount === 0 ? (
        <p>{isFiltered(filter) ? t('organiser.attendees.noMatch') : t('organiser.attendees.empty')}</p>
      ) : (
        <>
          <p role="status" className="muted">
            {isFiltered(filter) ? t('organiser.attendees.countFiltered', { count: connection.totalCount }) : t('organiser.attendees.count', { count: connection.totalCount })}
          </p>
          <AttendeesTable
            attendees={connection.edges.map((edge) => edge.node)}
            tagLabels={tagLabels}
            issued={issued}
            onIssued={(attendeeId, code) => onIssued([[attendeeId, code]])}
            caption={caption}
          />
          <Pager label={t('organiser.attendees.pages')} caption={caption} cursors={cursors} pageInfo={connection.pageInfo} onCursors={(next) => setPages({ filterKey, cursors: next })} />
        </>
      )}
      {connection ? (
        <BulkAccessCodes
          key={filterKey}
          eventId={event.id}
          eventSlug={event.slug}
          filter={apiFilter}
          total={connection.totalCount}
          onIssued={(codes) => onIssued(codes.map((code) => [code.attendeeId, code]))}
        />
      ) : null}
    </>
  );
}
