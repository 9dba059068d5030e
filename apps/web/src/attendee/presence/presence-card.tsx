import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { PresenceFragment, SetMyPresenceDocument } from './presence.documents';

/** "I'm here" when arriving, "Check out" when leaving: only people at the venue are matched. */
export function PresenceCard({ attendee }: { attendee: FragmentType<typeof PresenceFragment> }) {
  const { t } = useTranslation();
  const me = getFragmentData(PresenceFragment, attendee);
  const [result, setMyPresence] = useMutation(SetMyPresenceDocument);
  // The answer of the last change, else what the page loaded (the home refetches after the change too).
  const present = getFragmentData(PresenceFragment, result.data?.setMyPresence)?.present ?? me.present;
  return (
    <section className={present ? 'card presence present' : 'card presence'} aria-labelledby="presence-title">
      <h2 id="presence-title">{present ? t('attendee.presence.checkedIn') : t('attendee.presence.notCheckedIn')}</h2>
      <p>{present ? t('attendee.presence.checkedInText') : t('attendee.presence.notCheckedInText')}</p>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      <button
        type="button"
        className={present ? 'button-secondary' : 'button-primary'}
        disabled={result.fetching}
        onClick={() => void setMyPresence({ present: !present })}
      >
        {present ? t('attendee.presence.checkOut') : t('attendee.presence.checkIn')}
      </button>
    </section>
  );
}
