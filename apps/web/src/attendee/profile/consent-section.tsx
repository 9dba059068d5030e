import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData } from '../../gql';
import type { ProfileFieldsFragment as Profile } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { CONSENT_NOTICE_VERSION } from './consent-notice';
import { GiveConsentDocument, ProfileFieldsFragment, WithdrawConsentDocument } from './profile.documents';

/** Being matched is the attendee's explicit choice: the notice in full, then agree (recorded with its version and time) or withdraw. */
export function ConsentSection({ profile, onChanged }: { profile: Profile; onChanged: (profile: Profile) => void }) {
  const { t, i18n } = useTranslation();
  const [given, giveConsent] = useMutation(GiveConsentDocument);
  const [withdrawn, withdrawConsent] = useMutation(WithdrawConsentDocument);
  const error = given.error ?? withdrawn.error;
  const busy = given.fetching || withdrawn.fetching;
  const since = profile.consentAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(profile.consentAt)) : undefined;

  const give = async () => {
    const answer = await giveConsent({ noticeVersion: CONSENT_NOTICE_VERSION });
    if (answer.data) onChanged(getFragmentData(ProfileFieldsFragment, answer.data.giveMatchmakingConsent));
  };
  const withdraw = async () => {
    const answer = await withdrawConsent({});
    if (answer.data) onChanged(getFragmentData(ProfileFieldsFragment, answer.data.withdrawMatchmakingConsent));
  };

  const notice = (
    <div className="consent-notice">
      <p>{t('attendee.consent.notice.what')}</p>
      <p>{t('attendee.consent.notice.shared')}</p>
      <p>{t('attendee.consent.notice.kept')}</p>
      <p>{t('attendee.consent.notice.withdraw')}</p>
    </div>
  );

  return (
    <section className="card consent" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('attendee.consent.title')}</h2>
      {profile.consentMatchmaking ? (
        // Agreed already: the words stay one tap away, and out of the way of the profile.
        <details className="consent-details">
          <summary>{t('attendee.consent.readNotice')}</summary>
          {notice}
        </details>
      ) : (
        notice
      )}
      <p className="consent-state" role="status">
        {profile.consentMatchmaking ? (since ? t('attendee.consent.givenSince', { since }) : t('attendee.consent.given')) : t('attendee.consent.notGiven')}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {profile.consentMatchmaking ? (
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void withdraw()}>
          {t('attendee.consent.withdraw')}
        </button>
      ) : (
        <button type="button" className="button-primary" disabled={busy} onClick={() => void give()}>
          {t('attendee.consent.give')}
        </button>
      )}
    </section>
  );
}
