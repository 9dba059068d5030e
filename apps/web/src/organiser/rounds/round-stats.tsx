import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewedRound } from './round-page';

/** Scores as the review shows them: two decimals, whatever the language's separator. */
export function formatScore(score: number | null | undefined, locale?: string): string {
  return score === null || score === undefined ? '—' : score.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatShare(share: number | null | undefined, locale?: string): string {
  return share === null || share === undefined ? '—' : share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
}

/** Labelled figures side by side (the review's statistics, the event's key figures). */
export function StatGrid({ figures }: { figures: readonly (readonly [label: string, value: string])[] }) {
  return (
    <dl className="stat-grid">
      {figures.map(([label, value]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The draft at a glance: how many are matched, the scores, the mix, how good the pairing is, and who is served worst. */
export function RoundStatsView({ round }: { round: ReviewedRound }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const stats = round.stats!;
  const figures: [string, string][] = [
    [t('organiser.stats.eligible'), String(stats.eligible)],
    [t('organiser.stats.matched'), String(stats.matched)],
    [
      t('organiser.stats.tables'),
      round.tableSize ? t('organiser.stats.topicTablesValue', { count: stats.tables, size: round.tableSize }) : t('organiser.stats.tablesValue', { pairs: stats.pairs, trios: stats.trios }),
    ],
    [t('organiser.stats.byes'), String(stats.byes)],
    [t('organiser.stats.meanScore'), formatScore(stats.meanScore, i18n.language)],
    [t('organiser.stats.minScore'), formatScore(stats.minScore, i18n.language)],
    [t('organiser.stats.crossCompany'), formatShare(stats.crossCompanyShare, i18n.language)],
    [t('organiser.stats.crossRole'), formatShare(stats.crossRoleShare, i18n.language)],
  ];
  return (
    <section aria-labelledby={`${id}-title`} className="review-stats">
      <h2 id={`${id}-title`}>{t('organiser.stats.title')}</h2>
      <StatGrid figures={figures} />
      <p>
        {round.tableSize && stats.scoreUpperBound !== null && stats.scoreUpperBound !== undefined && !stats.certifiedOptimal
          ? t('organiser.stats.tablesGap', { gap: formatShare(stats.optimalityGap, i18n.language), total: formatScore(stats.totalScore, i18n.language), bound: formatScore(stats.scoreUpperBound, i18n.language) })
          : stats.certifiedOptimal
            ? t('organiser.stats.optimal')
            : stats.optimalityGap > 0
              ? t('organiser.stats.gap', { gap: formatShare(stats.optimalityGap, i18n.language) })
              : t('organiser.stats.notProven')}
        {stats.fairnessCost !== null && stats.fairnessCost !== undefined ? ` ${t('organiser.stats.fairnessCost', { cost: formatScore(stats.fairnessCost, i18n.language) })}` : ''}
      </p>
      {stats.text ? (
        <p>
          {t('organiser.stats.text', {
            people: stats.text.people,
            share: formatShare(stats.text.share, i18n.language),
            rank: stats.text.rank,
            explained: formatShare(stats.text.explainedVariance, i18n.language),
          })}
        </p>
      ) : null}
      {stats.worstServed.length ? (
        <>
          <h3 id={`${id}-worst`}>{t('organiser.stats.worstServed')}</h3>
          <p className="hint">{t('organiser.stats.worstServedHint')}</p>
          <ol className="worst-served" aria-labelledby={`${id}-worst`}>
            {stats.worstServed.map((entry) => (
              <li key={entry.attendeeId}>
                <span className="person-name">{entry.attendee?.name ?? t('organiser.meetings.deleted')}</span>
                {entry.attendee?.company ? <span className="person-detail"> · {entry.attendee.company}</span> : null}
                <span> — {t('organiser.stats.scoreOf', { score: formatScore(entry.score, i18n.language) })}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
