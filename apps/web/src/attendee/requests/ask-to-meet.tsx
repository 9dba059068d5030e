import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData } from '../../gql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { MeetingRequestFieldsFragment, RequestMeetingDocument } from './requests.documents';
import { FormActions } from '../form-actions';

/**
 * "Ask to meet": a button that opens a short message form; once sent, the request's status in words. Asking
 * again (a later visit) finds the same request (the API is idempotent), so the status is always the true one.
 */
export function AskToMeet({ attendeeId, name }: { attendeeId: string; name: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [sent, send] = useMutation(RequestMeetingDocument);
  const request = getFragmentData(MeetingRequestFieldsFragment, sent.data?.requestMeeting);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await send({ input: { attendeeId, message } });
    if (answer.data) setOpen(false);
  };

  if (request) {
    return (
      <p className="notice" role="status">
        {t('attendee.requests.askedStatus', { name, status: t(`attendee.requests.status.${request.status}`) })}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('attendee.requests.ask', { name })}
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit} aria-label={t('attendee.requests.ask', { name })}>
      <div className="field">
        <label htmlFor={`${id}-message`}>{t('attendee.requests.message')}</label>
        <textarea id={`${id}-message`} value={message} maxLength={280} rows={3} onChange={(event) => setMessage(event.target.value)} aria-describedby={`${id}-hint`} />
        <p className="hint" id={`${id}-hint`}>
          {t('attendee.requests.messageHint', { name })}
        </p>
      </div>
      {sent.error ? <ErrorNotice error={sent.error} /> : null}
      <FormActions busy={sent.fetching} onCancel={() => setOpen(false)}>
        {t('attendee.requests.send')}
      </FormActions>
    </form>
  );
}
