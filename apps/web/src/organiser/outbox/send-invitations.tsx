import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { InvitationRunDocument, InvitationRunFieldsFragment, LatestInvitationRunDocument, SendInvitationsDocument } from './outbox.documents';

/** How often a running invitation run is asked for its progress. */
const POLL_MS = 1_000;

/**
 * Send the invitations (a personal sign-in link each) to everyone, or to those checked in, and follow
 * the run until every message has left (or is held, failed, bounced). A run still going when the page
 * opens is followed too. `onProgress` lets the outbox below catch up as messages go out.
 */
export function SendInvitations({ eventId, onProgress }: { eventId: string; onProgress: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [latest] = useQuery({ query: LatestInvitationRunDocument, variables: { eventId }, requestPolicy: 'network-only' });
  const [started, setStarted] = useState<string>();
  const latestRun = latest.data?.invitationRuns[0] ? getFragmentData(InvitationRunFieldsFragment, latest.data.invitationRuns[0]) : undefined;
  const runId = started ?? latestRun?.id;
  const [polled, poll] = useQuery({ query: InvitationRunDocument, variables: { id: runId ?? '' }, pause: !runId, requestPolicy: 'network-only' });
  const run = polled.data ? getFragmentData(InvitationRunFieldsFragment, polled.data.invitationRun) : runId === latestRun?.id ? latestRun : undefined;
  const [sending, send] = useMutation(SendInvitationsDocument);
  const [confirming, setConfirming] = useState(false);
  const [onlyPresent, setOnlyPresent] = useState(false);
  const [resend, setResend] = useState(false);

  const done = run?.progress.done ?? true;
  const progressKey = run ? JSON.stringify(run.progress) : '';
  useEffect(() => {
    if (done) return;
    const timer = setTimeout(() => poll({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [done, progressKey, poll]);
  useEffect(() => {
    if (progressKey) onProgress();
  }, [progressKey, onProgress]);

  const submit = async () => {
    setConfirming(false);
    const result = await send({ input: { eventId, resend, ...(onlyPresent ? { filter: { present: true } } : {}) } });
    if (result.data) setStarted(getFragmentData(InvitationRunFieldsFragment, result.data.sendInvitations).id);
  };

  const left = run ? run.progress.queued : 0;
  const gone = run ? run.queued - left : 0;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.outbox.invitations')}</h2>
      <p className="hint">{t('organiser.outbox.invitationsHint')}</p>
      <fieldset disabled={sending.fetching || !done}>
        <legend>{t('organiser.outbox.who')}</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-who`} checked={!onlyPresent} onChange={() => setOnlyPresent(false)} />
          {t('organiser.outbox.everyone')}
        </label>
        <label className="checkbox">
          <input type="radio" name={`${id}-who`} checked={onlyPresent} onChange={() => setOnlyPresent(true)} />
          {t('organiser.outbox.onlyPresent')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={resend} onChange={(event) => setResend(event.target.checked)} />
          {t('organiser.outbox.resend')}
        </label>
        {confirming ? (
          <div className="notice notice-warning">
            <p>{resend ? t('organiser.outbox.confirmResend') : t('organiser.outbox.confirm')}</p>
            <div className="form-actions">
              <button type="button" className="button-primary" onClick={() => void submit()}>
                {t('organiser.outbox.confirmButton')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                {t('organiser.outbox.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => setConfirming(true)}>
              {t('organiser.outbox.send')}
            </button>
          </div>
        )}
      </fieldset>
      {sending.error ? <ErrorNotice error={sending.error} /> : null}
      {polled.error && !run ? <ErrorNotice error={polled.error} /> : null}
      <div role="status" aria-live="polite">
        {run ? (
          <>
            <p>{t('organiser.outbox.run', { matched: run.matched, queued: run.queued, skipped: run.skipped })}</p>
            {run.queued > 0 ? <progress max={run.queued} value={gone} aria-label={t('organiser.outbox.progress')} /> : null}
            <p>
              {done ? t('organiser.outbox.done') : t('organiser.outbox.going', { done: gone, total: run.queued })}{' '}
              {t('organiser.outbox.runCounts', {
                sent: run.progress.sent,
                held: run.progress.held,
                failed: run.progress.failed,
                bounced: run.progress.bounced,
                cancelled: run.progress.cancelled,
              })}
            </p>
          </>
        ) : null}
      </div>
      {run && run.progress.held > 0 ? <p className="notice notice-warning">{t('organiser.outbox.heldNotice')}</p> : null}
    </section>
  );
}
