import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import type { OrganiserRoundQuery } from '../../gql/graphql';
import { useOnReconnect } from '../../shared/graphql/connection';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { paths } from '../../shared/paths';
import { formatDayTime, formatTime } from '../../shared/time';
import { AdjustPanel } from './adjust-panel';
import type { Seat } from './adjustment';
import { PageTitle } from '../../shared/layout/page-title';
import { useOrganiserEvent } from '../events/organiser-event';
import { DraftProblems } from './draft-problems';
import { GenerationProgress } from './generation-progress';
import { LeftOutList } from './left-out';
import { MeetingsSection } from './meetings-section';
import { RoundActions } from './round-actions';
import { RoundStatsView } from './round-stats';
import { RoundStatusBadge } from './round-status';
import { OrganiserRoundDocument } from './round.documents';
import { useAdjust } from './use-adjust';

export type ReviewedRound = OrganiserRoundQuery['round'];

/** While a round is being generated its progress is asked for this often (the API has no push for it). */
const PROGRESS_POLL_MS = 1_000;

/** One round: generate it (with its progress), review the draft, adjust it by hand, publish, close or cancel it. */
export function RoundPage({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const event = useOrganiserEvent();
  const [result, refetch] = useQuery({ query: OrganiserRoundDocument, variables: { id: roundId }, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useOnReconnect(refresh);
  const round = result.data?.round;
  const generating = round?.status === 'GENERATING';
  useEffect(() => {
    if (!generating) return;
    const timer = setInterval(refresh, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [generating, refresh]);
  const [selected, setSelected] = useState<Seat[]>([]);
  const adjustable = round?.status === 'GENERATED';
  const clear = useCallback(() => setSelected([]), []);
  const adjust = useAdjust(roundId, clear);
  // A selection belongs to the draft it was made on: gone once the round is no longer adjustable.
  const selection = adjustable ? selected : [];
  const toggle = useCallback(
    (seat: Seat) =>
      setSelected((current) => {
        if (current.some((entry) => entry.attendeeId === seat.attendeeId)) return current.filter((entry) => entry.attendeeId !== seat.attendeeId);
        return current.length < 2 ? [...current, seat] : [current[0]!, seat];
      }),
    [],
  );

  if (!round) {
    return (
      <>
        <PageTitle title={t('organiser.round.title')} />
        {result.error ? <ErrorNotice error={result.error} onRetry={refresh} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <p>
        <Link href={`~${paths.organiserEvent(event.slug, 'rounds')}`}>{t('organiser.round.backToRounds')}</Link>
      </p>
      <PageTitle title={round.name} />
      <section className="round-header" aria-label={t('organiser.round.statusAndActions')}>
        <p>
          <RoundStatusBadge status={round.status} />{' '}
          {t('organiser.rounds.timeRange', {
            from: formatDayTime(round.startsAt, event.timeZone, i18n.language),
            to: formatTime(round.endsAt, event.timeZone, i18n.language),
          })}{' '}
          · {t('organiser.round.zone', { zone: event.timeZone })}
        </p>
        <RoundActions round={round} onChanged={refresh} />
        {round.status === 'PUBLISHED' || round.status === 'CLOSED' ? (
          <p>
            <Link href={`~${paths.organiserEvent(event.slug, 'reports')}?${new URLSearchParams({ round: round.id })}`}>{t('organiser.round.noShows')}</Link>
          </p>
        ) : null}
      </section>
      {round.status === 'GENERATING' || (round.progress && ['failed', 'cancelled'].includes(round.progress.phase) && round.status !== 'GENERATED') ? (
        <GenerationProgress progress={round.progress} status={round.status} />
      ) : null}
      {round.stats ? (
        <>
          <DraftProblems problems={round.draftProblems} />
          <RoundStatsView round={round} />
          <LeftOutList leftOut={round.leftOut} selected={selection} onToggle={adjustable ? toggle : undefined} />
          {adjustable ? <AdjustPanel selected={selection} adjust={adjust} onClear={clear} /> : null}
          <MeetingsSection
            round={round}
            brokenTables={new Set(round.draftProblems.map((problem) => problem.meetingId))}
            selected={selection}
            onToggle={adjustable ? toggle : undefined}
            onMove={adjustable ? (to) => selection.length === 1 && void adjust.run({ kind: 'move', who: selection[0]!, to }) : undefined}
            busy={adjust.busy}
          />
        </>
      ) : round.status === 'DRAFT' ? (
        <p className="notice">{t('organiser.round.draftHint')}</p>
      ) : null}
    </>
  );
}
