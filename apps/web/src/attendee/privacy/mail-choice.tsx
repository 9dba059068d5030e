import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { MyMailChoiceDocument, SetMailOptOutDocument } from './privacy.documents';

/**
 * The event's emails (reminders before each meeting and office-hour slot, sit-out notices, invitations):
 * off and on again (`setMailOptOut`, the same switch as the mails' one-click unsubscribe link). Sign-in
 * links one asks for are sent either way; turning them back on queues the reminders still to come.
 */
export function MailChoice() {
  const { t } = useTranslation();
  const id = useId();
  const [profile, refetch] = useQuery({ query: MyMailChoiceDocument });
  const [saving, setMailOptOut] = useMutation(SetMailOptOutDocument);
  // What the last change did, said once in the status line (not on first load).
  const [changed, setChanged] = useState<'off' | 'on'>();
  const optedOut = saving.data?.setMailOptOut.mailOptOut ?? profile.data?.myProfile.mailOptOut ?? false;

  const choose = async (optOut: boolean) => {
    setChanged(undefined);
    const answer = await setMailOptOut({ optOut });
    if (answer.data) setChanged(answer.data.setMailOptOut.mailOptOut ? 'off' : 'on');
  };

  return (
    <section className="card" aria-labelledby={`${id}-mail`}>
      <h2 id={`${id}-mail`}>{t('attendee.privacy.mailTitle')}</h2>
      {profile.error && !profile.data ? (
        <ErrorNotice error={profile.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !profile.data ? null : (
        <>
          <p>{optedOut ? t('attendee.privacy.mailOff') : t('attendee.privacy.mailOn')}</p>
          {saving.error ? <ErrorNotice error={saving.error} /> : null}
          <button type="button" className="button-secondary" disabled={saving.fetching} onClick={() => void choose(!optedOut)}>
            {optedOut ? t('attendee.privacy.mailResume') : t('attendee.privacy.mailStop')}
          </button>
        </>
      )}
      <p className="hint" role="status">
        {changed === 'off' ? t('attendee.privacy.mailStopped') : changed === 'on' ? t('attendee.privacy.mailResumed') : ''}
      </p>
    </section>
  );
}
