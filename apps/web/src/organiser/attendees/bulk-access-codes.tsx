import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { CombinedError } from '@urql/core';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { accessCodesCsv, type IssuedCode } from './access-codes-csv';
import { IssueAccessCodesDocument, OrganiserAttendeeIdsDocument } from './attendees.documents';
import type { toApiFilter } from './attendee-filter';

/** issueAccessCodes takes up to 100 attendees at once (all or none). */
const BATCH = 100;

type Step = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; codes: (IssuedCode & { attendeeId: string })[] } | { kind: 'failed'; error: CombinedError; done: number };

/**
 * New access codes for everyone the list shows (every page of the current filter), in batches of 100,
 * after a confirmation (earlier unused codes stop working); then a CSV for a mail merge.
 */
export function BulkAccessCodes({
  eventId,
  eventSlug,
  filter,
  total,
  onIssued,
}: {
  eventId: string;
  eventSlug: string;
  filter: ReturnType<typeof toApiFilter>;
  total: number;
  onIssued: (codes: (IssuedCode & { attendeeId: string })[]) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const run = async () => {
    // Who is in the list now, every page of it.
    const people: { id: string; name?: string | null; email?: string | null }[] = [];
    let after: string | null | undefined;
    setStep({ kind: 'running', done: 0, total });
    do {
      const page = await client.query(OrganiserAttendeeIdsDocument, { eventId, filter, after }, { requestPolicy: 'network-only' }).toPromise();
      if (!page.data) return setStep({ kind: 'failed', error: page.error!, done: 0 });
      people.push(...page.data.attendees.edges.map((edge) => edge.node));
      after = page.data.attendees.pageInfo.hasNextPage ? page.data.attendees.pageInfo.endCursor : undefined;
    } while (after);
    const byId = new Map(people.map((person) => [person.id, person]));
    const codes: (IssuedCode & { attendeeId: string })[] = [];
    setStep({ kind: 'running', done: 0, total: people.length });
    for (let start = 0; start < people.length; start += BATCH) {
      const batch = people.slice(start, start + BATCH).map((person) => person.id);
      const result = await client.mutation(IssueAccessCodesDocument, { attendeeIds: batch }).toPromise();
      if (!result.data) {
        // The batches before this one are issued: their codes are kept for the download.
        if (codes.length) onIssued(codes);
        return setStep({ kind: 'failed', error: result.error!, done: codes.length });
      }
      for (const grant of result.data.issueAccessCodes) {
        const person = byId.get(grant.attendeeId ?? '');
        codes.push({ attendeeId: grant.attendeeId ?? '', name: person?.name, email: person?.email, code: grant.code, expiresAt: grant.expiresAt });
      }
      setStep({ kind: 'running', done: codes.length, total: people.length });
    }
    onIssued(codes);
    setStep({ kind: 'done', codes });
  };

  return (
    <section className="card" aria-labelledby="bulk-codes-title">
      <h2 id="bulk-codes-title">{t('organiser.codes.title')}</h2>
      <div role="status" aria-live="polite">
        {step.kind === 'running' ? (
          <>
            <p>{t('organiser.codes.progress', { done: step.done, total: step.total })}</p>
            <progress max={step.total || 1} value={step.done} aria-label={t('organiser.codes.title')} />
          </>
        ) : step.kind === 'done' ? (
          <p>{t('organiser.codes.done', { count: step.codes.length })}</p>
        ) : null}
      </div>
      {step.kind === 'failed' ? (
        <>
          {step.done ? <p>{t('organiser.codes.partly', { count: step.done })}</p> : null}
          <ErrorNotice error={step.error} />
        </>
      ) : null}
      {step.kind === 'done' ? <CodesDownload codes={step.codes} eventSlug={eventSlug} /> : null}
      {step.kind === 'confirm' ? (
        <div className="notice notice-warning">
          <p>{t('organiser.codes.confirm', { count: total })}</p>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => void run()}>
              {t('organiser.codes.confirmButton', { count: total })}
            </button>
            <button type="button" className="button-secondary" onClick={() => setStep({ kind: 'idle' })}>
              {t('organiser.codes.cancel')}
            </button>
          </div>
        </div>
      ) : step.kind !== 'running' ? (
        <>
          <p className="hint">{t('organiser.codes.hint')}</p>
          <button type="button" className="button-secondary" disabled={total === 0} onClick={() => setStep({ kind: 'confirm' })}>
            {t('organiser.codes.issueAll', { count: total })}
          </button>
        </>
      ) : null}
    </section>
  );
}

/** The codes as a file (made in the page: they never travel again), linked for as long as the page shows them. */
function CodesDownload({ codes, eventSlug }: { codes: readonly IssuedCode[]; eventSlug: string }) {
  const { t } = useTranslation();
  const url = useMemo(() => URL.createObjectURL(new Blob([accessCodesCsv(codes, `${location.origin}${paths.signIn()}`)], { type: 'text/csv;charset=utf-8' })), [codes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <p>
      <a className="button-primary" href={url} download={`access-codes-${eventSlug}.csv`}>
        {t('organiser.codes.download', { count: codes.length })}
      </a>
    </p>
  );
}
