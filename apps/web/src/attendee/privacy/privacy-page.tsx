import type { CombinedError } from '@urql/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { sessionStore } from '../../shared/session';
import { lastEvent } from '../../sign-in/event-for-link';
import { AttendeeLayout } from '../attendee-layout';
import { downloadJson, exportFileName } from './download';
import { MailChoice } from './mail-choice';
import { DeleteMyDataDocument, ExportMyDataDocument, PrivacyEventDocument } from './privacy.documents';
import { SignOutEverywhere } from './sign-out-everywhere';

/**
 * /e/<event>/privacy: download everything Pairwise holds about me (GDPR access), the event's emails off or on,
 * signing out on every device, and erasing it all (GDPR erasure) after a confirmation.
 */
export default function PrivacyPage({ eventSlug }: { eventSlug: string }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useClient();
  const [, navigate] = useLocation();
  const [event] = useQuery({ query: PrivacyEventDocument, variables: { eventSlug } });
  const [exporting, setExporting] = useState<{ busy: boolean; error?: CombinedError; done?: boolean }>({ busy: false });
  const [deletion, deleteMyData] = useMutation(DeleteMyDataDocument);
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const confirmTitle = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
  }, [confirming]);

  const download = async () => {
    setExporting({ busy: true });
    // Always fresh from the API: a copy kept by the page could be out of date.
    const answer = await client.query(ExportMyDataDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (!answer.data) {
      setExporting({ busy: false, error: answer.error });
      return;
    }
    downloadJson(answer.data.exportMyData, exportFileName(eventSlug, new Date()));
    setExporting({ busy: false, done: true });
  };

  const erase = async () => {
    const answer = await deleteMyData({});
    if (!answer.data?.deleteMyData) return;
    // Every session of theirs has ended on the API: this one ends here too, and the sign-in page says why.
    sessionStore.end('deleted');
    lastEvent.forget();
    navigate(`~${paths.signIn()}`, { replace: true });
  };

  const retention = event.data?.event.retentionDays;
  return (
    <AttendeeLayout eventName={event.data?.event.name} title={t('attendee.privacy.title')}>
      <section className="card" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('attendee.privacy.exportTitle')}</h2>
        <p>{t('attendee.privacy.exportText')}</p>
        {exporting.error ? <ErrorNotice error={exporting.error} /> : null}
        <button type="button" className="button-primary" disabled={exporting.busy} onClick={() => void download()}>
          {exporting.busy ? t('attendee.privacy.exporting') : t('attendee.privacy.export')}
        </button>
        <p className="hint" role="status">
          {exporting.done ? t('attendee.privacy.exported') : ''}
        </p>
      </section>

      {event.data ? (
        <section className="card" aria-labelledby={`${id}-keep`}>
          <h2 id={`${id}-keep`}>{t('attendee.privacy.keptTitle')}</h2>
          <p>{retention != null ? t('attendee.privacy.keptDays', { days: retention }) : t('attendee.privacy.keptDefault')}</p>
        </section>
      ) : null}

      <MailChoice />
      <SignOutEverywhere />

      <section className="card danger-zone" aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>{t('attendee.privacy.deleteTitle')}</h2>
        <p>{t('attendee.privacy.deleteText')}</p>
        {!confirming ? (
          <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
            {t('attendee.privacy.delete')}
          </button>
        ) : (
          <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
            <h3 id={`${id}-confirm`} ref={confirmTitle} tabIndex={-1}>
              {t('attendee.privacy.confirmTitle')}
            </h3>
            <ul>
              <li>{t('attendee.privacy.confirmProfile')}</li>
              <li>{t('attendee.privacy.confirmMeetings')}</li>
              <li>{t('attendee.privacy.confirmSessions')}</li>
            </ul>
            <div className="field-check">
              <input id={`${id}-understood`} type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
              <label htmlFor={`${id}-understood`}>{t('attendee.privacy.understood')}</label>
            </div>
            {deletion.error ? <ErrorNotice error={deletion.error} /> : null}
            <div className="actions">
              <button type="button" className="button-danger" disabled={!understood || deletion.fetching} onClick={() => void erase()}>
                {deletion.fetching ? t('attendee.privacy.deleting') : t('attendee.privacy.confirmDelete')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setConfirming(false);
                  setUnderstood(false);
                }}
              >
                {t('attendee.privacy.keep')}
              </button>
            </div>
          </div>
        )}
      </section>
    </AttendeeLayout>
  );
}
