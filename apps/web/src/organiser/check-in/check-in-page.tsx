import type { CombinedError } from '@urql/core';
import { lazy, Suspense, useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeApiError } from '../../shared/api-error';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { formatTime } from '../../shared/time';
import { useOrganiserEvent } from '../events/organiser-event';
import { CheckInAttendeeDocument, CheckInPresentCountDocument } from './check-in.documents';
import './check-in.css';

// The camera and its QR decoder come only when an organiser starts scanning.
const CameraScanner = lazy(() => import('./camera-scanner'));

/** What one scan or typed code gave, newest first. */
type ScanOutcome =
  | { key: number; kind: 'checkedIn' | 'alreadyPresent'; name: string; at: string }
  | { key: number; kind: 'refused'; messageKey: string };

/**
 * The desk at the venue: scan an attendee's badge (the QR code of their My schedule page) with the phone's
 * camera, or type the code under it, and they are marked present (checkIn). Each scan says whom it checked
 * in, that they already were, or why the code was refused; the count of present attendees follows.
 */
export function CheckInPage() {
  const { t, i18n } = useTranslation();
  const event = useOrganiserEvent();
  const id = useId();
  const [count, refetchCount] = useQuery({ query: CheckInPresentCountDocument, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const [, checkIn] = useMutation(CheckInAttendeeDocument);
  const [outcomes, setOutcomes] = useState<ScanOutcome[]>([]);
  const [scanning, setScanning] = useState(false);
  const [typed, setTyped] = useState('');
  const [sending, setSending] = useState(false);

  const submit = useCallback(
    async (code: string): Promise<boolean> => {
      const result = await checkIn({ eventId: event.id, code }, { additionalTypenames: ['Attendee'] });
      const key = Date.now() + Math.random();
      const done = result.data?.checkIn;
      const outcome: ScanOutcome = done
        ? { key, kind: done.alreadyPresent ? 'alreadyPresent' : 'checkedIn', name: done.attendee.name ?? '', at: done.checkedInAt }
        : { key, kind: 'refused', messageKey: describeApiError(result.error as CombinedError).messageKey };
      setOutcomes((previous) => [outcome, ...previous].slice(0, 5));
      refetchCount({ requestPolicy: 'network-only' });
      return Boolean(done);
    },
    [checkIn, event.id, refetchCount],
  );

  const onTyped = async (form: FormEvent) => {
    form.preventDefault();
    const code = typed.trim();
    if (!code || sending) return;
    setSending(true);
    try {
      if (await submit(code)) setTyped('');
    } finally {
      setSending(false);
    }
  };

  const present = count.data?.present.totalCount;
  const registered = count.data?.registered.totalCount;
  const latest = outcomes[0];
  const describe = useMemo(
    () => (outcome: ScanOutcome) =>
      outcome.kind === 'refused'
        ? t(outcome.messageKey as 'errors.network')
        : t(`organiser.checkIn.${outcome.kind}`, { name: outcome.name, time: formatTime(outcome.at, event.timeZone, i18n.language) }),
    [t, event.timeZone, i18n.language],
  );

  return (
    <>
      <PageTitle title={t('organiser.checkIn.title')} />
      <p className="hint">{t('organiser.checkIn.intro')}</p>
      <p className="check-in-count" aria-live="polite">
        {present === undefined || registered === undefined ? <Loading /> : t('organiser.checkIn.count', { present, registered })}
      </p>

      <div role="status" aria-live="assertive" className="check-in-latest">
        {latest ? (
          <p key={latest.key} className={`notice ${latest.kind === 'refused' ? 'notice-error' : latest.kind === 'alreadyPresent' ? 'notice-warning' : ''}`}>
            {describe(latest)}
          </p>
        ) : null}
      </div>

      <section className="card" aria-labelledby={`${id}-camera`}>
        <h2 id={`${id}-camera`}>{t('organiser.checkIn.cameraTitle')}</h2>
        {scanning ? (
          <>
            <Suspense fallback={<Loading />}>
              <CameraScanner onCode={submit} />
            </Suspense>
            <button type="button" className="button-secondary" onClick={() => setScanning(false)}>
              {t('organiser.checkIn.stopCamera')}
            </button>
          </>
        ) : (
          <button type="button" className="button-primary" onClick={() => setScanning(true)}>
            {t('organiser.checkIn.startCamera')}
          </button>
        )}
      </section>

      <form className="card form" onSubmit={onTyped} aria-labelledby={`${id}-typed`}>
        <h2 id={`${id}-typed`}>{t('organiser.checkIn.typedTitle')}</h2>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('organiser.checkIn.codeLabel')}</label>
          <input
            id={`${id}-code`}
            value={typed}
            onChange={(change) => setTyped(change.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={200}
          />
        </div>
        <button type="submit" className="button-primary" disabled={sending || !typed.trim()}>
          {t('organiser.checkIn.submit')}
        </button>
      </form>

      {outcomes.length > 1 ? (
        <section aria-labelledby={`${id}-recent`}>
          <h2 id={`${id}-recent`}>{t('organiser.checkIn.recent')}</h2>
          <ul className="check-in-recent">
            {outcomes.slice(1).map((outcome) => (
              <li key={outcome.key}>{describe(outcome)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
