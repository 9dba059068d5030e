import type { CombinedError } from '@urql/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../shared/api-error';
import { SubmitButton } from '../shared/layout/submit-button';

export interface SignInCredentials {
  email: string;
  accessCode?: string;
  password?: string;
}

/** Email and access code (or, for admins, a password); the error, if any, in words and on the fields concerned. */
export function SignInForm({ busy, error, onSubmit }: { busy: boolean; error?: CombinedError; onSubmit: (credentials: SignInCredentials) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [withPassword, setWithPassword] = useState(false);
  const problem = error ? describeApiError(error, { UNAUTHENTICATED: 'errors.signInFailed' }) : undefined;
  const invalid = (field: string) => Boolean(problem?.fields.some((entry) => entry.field === field));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const secret = String(form.get('secret') ?? '').trim();
    onSubmit(withPassword ? { email, password: secret } : { email, accessCode: secret });
  };

  return (
    <form className="form" onSubmit={submit} noValidate={false} aria-describedby={problem ? `${id}-error` : undefined}>
      {problem ? (
        <div id={`${id}-error`} className="notice notice-error" role="alert">
          {t(problem.messageKey as 'errors.network')}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" inputMode="email" required aria-invalid={invalid('email') || undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{withPassword ? t('signIn.password') : t('signIn.accessCode')}</label>
        {withPassword ? (
          <input key="password" id={`${id}-secret`} name="secret" type="password" autoComplete="current-password" required />
        ) : (
          <>
            <input
              key="code"
              id={`${id}-secret`}
              name="secret"
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              required
              aria-describedby={`${id}-code-hint`}
              aria-invalid={invalid('accessCode') || undefined}
            />
            <p id={`${id}-code-hint`} className="hint">
              {t('signIn.accessCodeHint')}
            </p>
          </>
        )}
      </div>
      <SubmitButton busy={busy} busyLabel={t('signIn.submitting')}>
        {t('signIn.submit')}
      </SubmitButton>
      <button type="button" className="button-link" onClick={() => setWithPassword(!withPassword)}>
        {withPassword ? t('signIn.useAccessCode') : t('signIn.usePassword')}
      </button>
    </form>
  );
}
