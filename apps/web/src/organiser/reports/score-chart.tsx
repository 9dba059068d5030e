import type { CombinedError } from '@urql/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { asCombinedError, fetchReportFile } from './download';

/**
 * The API's histogram of pair scores per round (reports/score-chart.ts), on the page. The SVG needs the
 * bearer token, so it is fetched, then shown as an `<img>` from a `data:` address — which the page's CSP
 * already allows for images (web/web-app.ts). An SVG shown as an image runs no script and loads nothing
 * else, so the API's markup (round names are organisers' text) never becomes part of the page: it is
 * never put into the DOM as HTML. `version` changes when the figures were read again, to draw it afresh.
 */
export function ScoreChart({ eventId, roundNames, version }: { eventId: string; roundNames: string[]; version: unknown }) {
  const { t, i18n } = useTranslation();
  const [chart, setChart] = useState<{ src?: string; error?: CombinedError }>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    fetchReportFile(paths.scoreChart(eventId))
      .then((response) => response.text())
      .then((svg) => current && setChart({ src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }))
      .catch((error: unknown) => current && setChart({ error: asCombinedError(error) }));
    return () => {
      current = false;
    };
  }, [eventId, version, attempt]);

  if (chart.error) return <ErrorNotice error={chart.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!chart.src) return null;
  const rounds = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(roundNames);
  return (
    <figure className="score-chart">
      <img src={chart.src} alt={t('organiser.reports.chartAlt', { rounds })} />
      <figcaption className="hint">{t('organiser.reports.chartCaption')}</figcaption>
    </figure>
  );
}
