import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSearchParams } from 'wouter';
import type { OrganiserEventStatsQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { useOrganiserEvent } from '../events/organiser-event';
import { ColumnHeadings } from '../column-headings';
import { formatScore, formatShare, StatGrid } from '../rounds/round-stats';
import { RoundStatusBadge } from '../rounds/round-status';
import { Downloads } from './downloads';
import { PairingsTable } from './pairings-table';
import { ScoreChart } from './score-chart';
import { OrganiserEventStatsDocument } from './reports.documents';
// The figures and badges look as in a round's review.
import '../rounds/rounds.css';
import './reports.css';

/** What the event's networking produced: the key figures, each round's scores, and every pairing (with the files). */
export function ReportsPage() {
  const { t } = useTranslation();
  const event = useOrganiserEvent();
  // Always asked afresh: the figures change with every round closed and every no-show marked elsewhere.
  const [result, refetch] = useQuery({ query: OrganiserEventStatsDocument, variables: { eventId: event.id }, requestPolicy: 'network-only' });
  // A round's page links here with ?round=<id> (to mark who did not come before closing it).
  const [search] = useSearchParams();
  const [roundId, setRoundId] = useState(() => search.get('round') ?? '');
  const id = useId();
  const stats = result.data?.eventStats;
  return (
    <>
      <PageTitle title={t('organiser.reports.title')} />
      {result.error && !stats ? (
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !stats ? (
        <Loading />
      ) : (
        <>
          <Kpis stats={stats} />
          <section aria-labelledby={`${id}-rounds`}>
            <h2 id={`${id}-rounds`}>{t('organiser.reports.roundsTitle')}</h2>
            {stats.rounds.length === 0 ? (
              <p>{t('organiser.reports.noRounds')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <ColumnHeadings
                    columns={[
                      t('organiser.rounds.name'),
                      t('organiser.rounds.statusLabel'),
                      { figure: t('organiser.reports.meetings') },
                      { figure: t('organiser.reports.pairs') },
                      { figure: t('organiser.stats.meanScore') },
                      { figure: t('organiser.stats.minScore') },
                      { figure: t('organiser.reports.maxScore') },
                    ]}
                  />
                  <tbody>
                    {stats.rounds.map((round) => (
                      <tr key={round.roundId}>
                        <th scope="row">{round.name}</th>
                        <td>
                          <RoundStatusBadge status={round.status} />
                        </td>
                        <td className="number">{round.meetings}</td>
                        <td className="number">{round.pairs}</td>
                        <td className="number">{formatScore(round.meanScore)}</td>
                        <td className="number">{formatScore(round.minScore)}</td>
                        <td className="number">{formatScore(round.maxScore)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {stats.rounds.length ? <ScoreChart eventId={event.id} roundNames={stats.rounds.map((round) => round.name)} version={stats} /> : null}
          </section>
          <section aria-labelledby={`${id}-pairings`}>
            <h2 id={`${id}-pairings`}>{t('organiser.reports.pairingsTitle')}</h2>
            <div className="filters">
              <div className="field">
                <label htmlFor={`${id}-round`}>{t('organiser.reports.roundFilter')}</label>
                <select id={`${id}-round`} value={roundId} onChange={(change) => setRoundId(change.target.value)}>
                  <option value="">{t('organiser.reports.allRounds')}</option>
                  {stats.rounds.map((round) => (
                    <option key={round.roundId} value={round.roundId}>
                      {round.name}
                    </option>
                  ))}
                </select>
              </div>
              <Downloads eventId={event.id} eventSlug={event.slug} roundId={roundId || undefined} />
            </div>
            <PairingsTable key={roundId} eventId={event.id} roundId={roundId || undefined} timeZone={event.timeZone} />
          </section>
        </>
      )}
    </>
  );
}

type Stats = OrganiserEventStatsQuery['eventStats'];

/** The key figures of the event (published rounds only). */
function Kpis({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const figures: [string, string][] = [
    [t('organiser.reports.kpi.registered'), String(stats.attendeesRegistered)],
    [t('organiser.reports.kpi.present'), String(stats.attendeesPresent)],
    [t('organiser.reports.kpi.matched'), String(stats.attendeesMatched)],
    [t('organiser.reports.kpi.scheduled'), String(stats.meetingsScheduled)],
    [t('organiser.reports.kpi.held'), String(stats.meetingsHeld)],
    [t('organiser.reports.kpi.noShow'), String(stats.meetingsNoShow)],
    [t('organiser.reports.kpi.cancelled'), String(stats.meetingsCancelled)],
    [t('organiser.stats.crossCompany'), formatShare(stats.crossCompanyShare, i18n.language)],
    [t('organiser.stats.crossRole'), formatShare(stats.crossRoleShare, i18n.language)],
    [t('organiser.reports.kpi.feedback'), String(stats.feedbackResponses)],
    [t('organiser.reports.kpi.rating'), stats.feedbackMeanRating == null ? '—' : t('organiser.reports.outOfFive', { rating: formatScore(stats.feedbackMeanRating, i18n.language) })],
    [t('organiser.reports.kpi.meetAgain'), formatShare(stats.wouldMeetAgainShare, i18n.language)],
    [t('organiser.reports.kpi.repeatPairs'), String(stats.repeatPairs)],
    [t('organiser.reports.kpi.slots'), t('organiser.reports.slotsValue', { granted: stats.speakerSlotsGranted, requested: stats.speakerSlotsRequested })],
  ];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.reports.kpiTitle')}</h2>
      <p className="hint">{t('organiser.reports.kpiHint')}</p>
      <StatGrid figures={figures} />
    </section>
  );
}
