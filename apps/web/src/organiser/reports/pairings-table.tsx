import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { formatDayTime } from '../../shared/time';
import { formatScore } from '../rounds/round-stats';
import { MarkNoShowDocument, OrganiserPairingReportDocument } from './reports.documents';

/** Every meeting of the published rounds (or of one round), 50 a page: who, where, when, the score, why, and what they said. */
export function PairingsTable({ eventId, roundId, timeZone }: { eventId: string; roundId?: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  // The cursors of the pages seen so far: going back is going to the previous one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const [result, refetch] = useQuery({ query: OrganiserPairingReportDocument, variables: { eventId, roundId: roundId ?? null, after }, requestPolicy: 'network-only' });
  const [marking, markNoShow] = useMutation(MarkNoShowDocument);
  const [markError, setMarkError] = useState<CombinedError>();
  // Who did not come: said per person; their pairs may then meet in a later round.
  const mark = async (meetingId: string, attendeeId: string, noShow: boolean) => {
    setMarkError(undefined);
    const answer = await markNoShow({ meetingId, attendeeId, noShow });
    setMarkError(answer.error);
    refetch({ requestPolicy: 'network-only' });
  };
  const report = result.data?.pairingReport;
  if (!report) return result.error ? <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Loading />;
  if (report.totalCount === 0) return <p>{t('organiser.reports.noPairings')}</p>;
  const first = (cursors.length - 1) * 50 + 1;
  return (
    <>
      {markError ? <ErrorNotice error={markError} /> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('organiser.reports.pairingsTitle')}>
        <table className="data-table pairings-table">
          <caption className="visually-hidden">{t('organiser.reports.pairingsCaption', { from: first, to: first + report.edges.length - 1, total: report.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organiser.rounds.name')}</th>
              <th scope="col">{t('organiser.meetings.table')}</th>
              <th scope="col">{t('organiser.rounds.when')}</th>
              <th scope="col">{t('organiser.meetings.people')}</th>
              <th scope="col" className="number">
                {t('organiser.meetings.score')}
              </th>
              <th scope="col">{t('organiser.meetings.why')}</th>
              <th scope="col">{t('organiser.rounds.statusLabel')}</th>
              <th scope="col">{t('organiser.reports.feedback')}</th>
            </tr>
          </thead>
          <tbody>
            {report.edges.map(({ node }) => (
              <tr key={node.meetingId}>
                <td>{node.roundName}</td>
                <th scope="row">{node.table}</th>
                <td>{formatDayTime(node.startsAt, timeZone, i18n.language)}</td>
                <td>
                  <ul className="people">
                    {node.participants.map((person) => (
                      <li key={person.attendeeId}>
                        <span className="person-name">{person.name ?? t('organiser.reports.private')}</span>
                        {person.role || person.company ? <span className="person-detail"> · {[person.role, person.company].filter(Boolean).join(', ')}</span> : null}
                        {person.noShow ? <span className="badge badge-danger">{t('organiser.reports.noShow')}</span> : null}
                        {node.status !== 'CANCELLED' ? (
                          <button
                            type="button"
                            className="button-select"
                            aria-pressed={person.noShow}
                            disabled={marking.fetching}
                            aria-label={t('organiser.reports.markNoShow', { name: person.name ?? t('organiser.reports.private') })}
                            onClick={() => void mark(node.meetingId, person.attendeeId, !person.noShow)}
                          >
                            {t('organiser.reports.didNotCome')}
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="number">{formatScore(node.score, i18n.language)}</td>
                <td>{node.topReasons.join(' · ')}</td>
                <td>{t(`organiser.reports.meetingStatus.${node.status}`)}</td>
                <td>
                  {node.feedback.responses === 0
                    ? '—'
                    : t('organiser.reports.feedbackValue', {
                        count: node.feedback.responses,
                        rating: node.feedback.meanRating == null ? '—' : formatScore(node.feedback.meanRating, i18n.language),
                        again: node.feedback.wouldMeetAgain,
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span>{t('organiser.reports.pageOf', { from: first, to: first + report.edges.length - 1, total: report.totalCount })}</span>
        <button type="button" className="button-secondary" disabled={cursors.length === 1} onClick={() => setCursors((current) => current.slice(0, -1))}>
          {t('organiser.reports.previous')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={!report.pageInfo.hasNextPage}
          onClick={() => setCursors((current) => [...current, report.pageInfo.endCursor ?? null])}
        >
          {t('organiser.reports.next')}
        </button>
      </div>
    </>
  );
}
