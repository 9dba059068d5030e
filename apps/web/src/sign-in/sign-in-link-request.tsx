import type { CombinedError } from '@urql/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { describeApiError } from '../shared/api-error';
import { ErrorNotice } from '../shared/layout/error-notice';
import { eventSlugFrom } from './event-for-link';
import { RequestSignInLinkDocument } from './sign-in.documents';
import { SubmitButton } from '../shared/layout/submit-button';

/**
 * "Email me a sign-in link": the API answers the same whether the address is registered or not, and
 * so does this form — it never says whether a mail was sent.
 */
export function SignInLinkRequest({ eventSlug, onUseCode }: { eventSlug?: string; onUseCode: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError>();
  const [sent, setSent] = useState<string>();
  const [eventText, setEventText] = useState('');
  const problem = error ? describeApiError(error) : undefined;
  const invalid = (field: string) => Boolean(problem?.fields.some((entry) => entry.field === field)) || undefined;
  const [slugMissing, setSlugMissing] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const slug = eventSlug ?? eventSlugFrom(eventText);
    setSlugMissing(!slug);
    if (!slug) return;
    setBusy(true);
    setError(undefined);
    const answer = await client.mutation(RequestSignInLinkDocument, { input: { email, eventSlug: slug } }).toPromise();
    setBusy(false);
    if (answer.data) setSent(email);
    else setError(answer.error);
  };

  if (sent) {
    return (
      <div className="notice" role="status">
        <p>{t('signInLink.sent', { email: sent })}</p>
        <p>{t('signInLink.sentHint')}</p>
        <button type="button" className="button-link" onClick={() => setSent(undefined)}>
          {t('signInLink.again')}
        </button>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('signInLink.title')}</h2>
      <p>{t('signInLink.intro')}</p>
      {problem ? <ErrorNotice error={error!} /> : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" inputMode="email" required maxLength={320} aria-invalid={invalid('email')} />
      </div>
      {eventSlug ? null : (
        <div className="field">
          <label htmlFor={`${id}-event`}>{t('signInLink.event')}</label>
          <input
            id={`${id}-event`}
            value={eventText}
            onChange={(change) => setEventText(change.target.value)}
            required
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={`${id}-event-hint`}
            aria-invalid={slugMissing || invalid('eventSlug')}
          />
          <p className="hint" id={`${id}-event-hint`}>
            {slugMissing ? t('signInLink.eventUnreadable') : t('signInLink.eventHint')}
          </p>
        </div>
      )}
      <SubmitButton busy={busy} busyLabel={t('signInLink.sending')}>
        {t('signInLink.submit')}
      </SubmitButton>
      <button type="button" className="button-link" onClick={onUseCode}>
        {t('signIn.useAccessCode')}
      </button>
    </form>
  );
}
