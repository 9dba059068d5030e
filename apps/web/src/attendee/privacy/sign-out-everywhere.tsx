import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { sessionStore } from '../../shared/session';
import { SignOutEverywhereDocument } from './privacy.documents';

/**
 * Ends every session of this attendee (`signOutEverywhere`): a lost phone or a shared computer is signed
 * out at its next request, and so is this device, after a confirmation.
 */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const [ending, signOutEverywhere] = useMutation(SignOutEverywhereDocument);
  const [confirming, setConfirming] = useState(false);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // Focus follows the dialog's steps: to its question when it opens, back to the button when called off.
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
    else if (returnFocus) opener.current?.focus();
  }, [confirming, returnFocus]);

  const confirm = async () => {
    const answer = await signOutEverywhere({});
    if (answer.data?.signOutEverywhere == null) return;
    // This device's token has ended with the others: forget it here too, and the sign-in page says why.
    sessionStore.end('signed-out-everywhere');
    navigate(`~${paths.signIn()}`, { replace: true });
  };

  return (
    <section className="card" aria-labelledby={`${id}-devices`}>
      <h2 id={`${id}-devices`}>{t('attendee.privacy.devicesTitle')}</h2>
      <p>{t('attendee.privacy.devicesText')}</p>
      {!confirming ? (
        <button
          type="button"
          ref={opener}
          className="button-secondary"
          onClick={() => {
            setReturnFocus(false);
            setConfirming(true);
          }}
        >
          {t('attendee.privacy.signOutEverywhere')}
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <h3 id={`${id}-confirm`} ref={confirmTitle} tabIndex={-1}>
            {t('attendee.privacy.signOutConfirmTitle')}
          </h3>
          <p>{t('attendee.privacy.signOutConfirmText')}</p>
          {ending.error ? <ErrorNotice error={ending.error} /> : null}
          <div className="actions">
            <button type="button" className="button-danger" disabled={ending.fetching} onClick={() => void confirm()}>
              {ending.fetching ? t('attendee.privacy.signingOut') : t('attendee.privacy.signOutConfirm')}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setReturnFocus(true);
                setConfirming(false);
              }}
            >
              {t('attendee.privacy.staySignedIn')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
