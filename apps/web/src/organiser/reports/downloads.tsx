import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { asCombinedError, downloadFile } from './download';

/** The pairing report as files (the whole event, or the round chosen): CSV for any tool, XLSX with a summary sheet. */
export function Downloads({ eventId, eventSlug, roundId }: { eventId: string; eventSlug: string; roundId?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'xlsx'>();
  const [error, setError] = useState<CombinedError>();
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setError(undefined);
    try {
      await downloadFile(paths.pairingsFile(eventId, format, roundId), `pairings-${eventSlug}.${format}`);
    } catch (failure) {
      setError(asCombinedError(failure));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="downloads">
      <div className="form-actions">
        <button type="button" className="button-secondary" disabled={Boolean(busy)} onClick={() => void download('csv')}>
          {busy === 'csv' ? t('organiser.reports.downloading') : t('organiser.reports.downloadCsv')}
        </button>
        <button type="button" className="button-secondary" disabled={Boolean(busy)} onClick={() => void download('xlsx')}>
          {busy === 'xlsx' ? t('organiser.reports.downloading') : t('organiser.reports.downloadXlsx')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
