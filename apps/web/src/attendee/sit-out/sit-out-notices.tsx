import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getFragmentData, type FragmentType } from '../../gql';
import { formatTime } from '../../shared/time';
import { SitOutFragment } from './sit-out.documents';

/**
 * A clear notice for each published round, not yet over, that the attendee sits out — with the reason
 * in words (their own reason only: `Round.mySitOut`) and what they can do about it.
 */
export function SitOutNotices({ rounds, now, timeZone }: { rounds: FragmentType<typeof SitOutFragment>[]; now: Date; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const current = rounds.map((round) => getFragmentData(SitOutFragment, round)).filter((round) => round.mySitOut && Date.parse(round.endsAt) > now.getTime());
  if (!current.length) return null;
  return (
    <>
      {current.map((round) => (
        <section key={round.id} className="card sit-out" aria-labelledby={`sit-out-${round.id}`}>
          <h2 id={`sit-out-${round.id}`}>{t('attendee.home.sittingOut', { round: round.name })}</h2>
          <p className="sit-out-when">
            {t('attendee.sitOut.when', { from: formatTime(round.startsAt, timeZone, i18n.language), to: formatTime(round.endsAt, timeZone, i18n.language) })}
          </p>
          <p>{t(`attendee.home.sitOutReason.${round.mySitOut!}`)}</p>
          {round.mySitOut === 'NO_CONSENT' ? (
            <p>
              <Link href="/profile">{t('attendee.sitOut.toProfile')}</Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
