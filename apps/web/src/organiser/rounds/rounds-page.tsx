import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { paths } from '../../shared/paths';
import { formatDayTime, formatTime } from '../../shared/time';
import { PageTitle } from '../../shared/layout/page-title';
import { useOrganiserEvent } from '../events/organiser-event';
import { ColumnHeadings } from '../column-headings';
import { CreateRoundForm } from './create-round-form';
import { RoundStatusBadge } from './round-status';
import { OrganiserRoundsDocument } from './rounds.documents';

/** An event's rounds in time order, and a form to add the next one. */
export function RoundsPage() {
  const { t, i18n } = useTranslation();
  const event = useOrganiserEvent();
  // An empty list holds no Round for the cache to see: say that creating one changes it.
  const context = useMemo(() => ({ additionalTypenames: ['Round'] }), []);
  const [result, refetch] = useQuery({ query: OrganiserRoundsDocument, variables: { eventId: event.id }, requestPolicy: 'cache-and-network', context });
  const rounds = result.data?.rounds;
  return (
    <>
      <PageTitle title={t('organiser.rounds.title')} />
      <section aria-labelledby="rounds-list-title">
        <h2 id="rounds-list-title" className="visually-hidden">
          {t('organiser.rounds.listTitle')}
        </h2>
        {result.error && !rounds ? (
          <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !rounds ? (
          <Loading />
        ) : rounds.length === 0 ? (
          <p>{t('organiser.rounds.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('organiser.rounds.listTitle')}</caption>
              <ColumnHeadings
                columns={[
                  t('organiser.rounds.name'),
                  t('organiser.rounds.when'),
                  t('organiser.rounds.statusLabel'),
                  { figure: t('organiser.rounds.matched') },
                  { figure: t('organiser.rounds.tables') },
                ]}
              />
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id}>
                    <th scope="row">
                      <Link href={`~${paths.organiserRound(event.slug, round.id)}`}>{round.name}</Link>
                    </th>
                    <td>
                      {t('organiser.rounds.timeRange', {
                        from: formatDayTime(round.startsAt, event.timeZone, i18n.language),
                        to: formatTime(round.endsAt, event.timeZone, i18n.language),
                      })}
                    </td>
                    <td>
                      <RoundStatusBadge status={round.status} />
                    </td>
                    <td className="number">{round.stats ? round.stats.matched : '—'}</td>
                    <td className="number">{round.stats ? round.stats.pairs + round.stats.trios : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {rounds ? (
        <CreateRoundForm
          // Filled in once the list is known: the next round's name, after the last one.
          key={rounds.length}
          event={event}
          suggestedName={t('organiser.rounds.suggestedName', { number: rounds.length + 1 })}
          previousEnd={rounds.filter((round) => round.status !== 'CANCELLED').at(-1)?.endsAt}
        />
      ) : null}
    </>
  );
}
