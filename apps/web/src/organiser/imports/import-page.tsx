import type { CombinedError } from '@urql/core';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { PageTitle } from '../../shared/layout/page-title';
import { paths } from '../../shared/paths';
import { useOrganiserEvent } from '../events/organiser-event';
import { ImportAttendeesDocument } from './import.documents';
import { ImportReport, type ImportReportData } from './import-report';
import { fileAsBase64 } from './file-as-base64';

type Step =
  | { kind: 'choose'; unreadable?: boolean }
  | { kind: 'previewing'; fileName: string }
  | { kind: 'preview'; fileName: string; csvBase64: string; report: ImportReportData }
  | { kind: 'importing'; fileName: string; csvBase64: string; report: ImportReportData }
  | { kind: 'imported'; fileName: string; report: ImportReportData };

/**
 * Import a ticketing export: choose the file, see what it would do (a dry run: the columns mapped, the
 * counts, rejected lines, who could be matched), then import it and read the report. The file goes to the
 * API as it is (its bytes): the API reads its encoding and separator, as `pairwise import` does.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const id = useId();
  const event = useOrganiserEvent();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<CombinedError>();
  // A new file input after cancelling: choosing the same file again is a change too.
  const [inputKey, setInputKey] = useState(0);
  const restart = () => {
    setInputKey((key) => key + 1);
    setStep({ kind: 'choose' });
  };
  const [, importAttendees] = useMutation(ImportAttendeesDocument);

  const choose = async (change: ChangeEvent<HTMLInputElement>) => {
    const file = change.target.files?.[0];
    setError(undefined);
    if (!file) return setStep({ kind: 'choose' });
    setStep({ kind: 'previewing', fileName: file.name });
    let csvBase64;
    try {
      csvBase64 = await fileAsBase64(file);
    } catch {
      return setStep({ kind: 'choose', unreadable: true });
    }
    const result = await importAttendees({ eventId: event.id, csvBase64, dryRun: true });
    if (!result.data) {
      setError(result.error);
      return setStep({ kind: 'choose' });
    }
    setStep({ kind: 'preview', fileName: file.name, csvBase64, report: result.data.importAttendees });
  };

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    setError(undefined);
    setStep({ ...step, kind: 'importing' });
    const result = await importAttendees({ eventId: event.id, csvBase64: step.csvBase64, dryRun: false });
    if (!result.data) {
      setError(result.error);
      return setStep({ ...step, kind: 'preview' });
    }
    setStep({ kind: 'imported', fileName: step.fileName, report: result.data.importAttendees });
  };

  const report = step.kind === 'preview' || step.kind === 'importing' || step.kind === 'imported' ? step.report : undefined;
  const writes = report ? report.created + report.updated : 0;
  return (
    <>
      <PageTitle title={t('organiser.import.title')} />
      <p>
        <Link href={`~${paths.organiserEvent(event.slug, 'attendees')}`}>{t('organiser.import.back')}</Link>
      </p>
      {step.kind !== 'imported' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('organiser.import.file')}</label>
          <input
            key={inputKey}
            id={`${id}-file`}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
            onChange={(change) => void choose(change)}
            disabled={step.kind === 'previewing' || step.kind === 'importing'}
            aria-describedby={`${id}-file-hint`}
          />
          <p id={`${id}-file-hint`} className="hint">
            {t('organiser.import.fileHint')}
          </p>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {step.kind === 'previewing' ? <p>{t('organiser.import.previewing', { file: step.fileName })}</p> : null}
        {step.kind === 'importing' ? <p>{t('organiser.import.importing', { file: step.fileName })}</p> : null}
        {step.kind === 'preview' ? <p className="notice">{t('organiser.import.previewOf', { file: step.fileName })}</p> : null}
        {step.kind === 'imported' ? <p className="notice">{t('organiser.import.importedFrom', { file: step.fileName })}</p> : null}
      </div>
      {step.kind === 'choose' && step.unreadable ? (
        <div className="notice notice-error" role="alert">
          <p>{t('organiser.import.unreadable')}</p>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {report ? <ImportReport report={report} /> : null}
      {step.kind === 'preview' || step.kind === 'importing' ? (
        <div className="form-actions">
          <button type="button" className="button-primary" disabled={step.kind === 'importing' || writes === 0} onClick={() => void confirm()}>
            {t('organiser.import.confirm', { count: writes })}
          </button>
          <button type="button" className="button-secondary" disabled={step.kind === 'importing'} onClick={restart}>
            {t('organiser.import.cancel')}
          </button>
        </div>
      ) : null}
      {step.kind === 'imported' ? (
        <div className="form-actions">
          <Link href={`~${paths.organiserEvent(event.slug, 'attendees')}`} className="button-primary">
            {t('organiser.import.seeAttendees')}
          </Link>
          <button type="button" className="button-secondary" onClick={restart}>
            {t('organiser.import.another')}
          </button>
        </div>
      ) : null}
    </>
  );
}
