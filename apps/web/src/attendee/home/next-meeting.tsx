import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { placeFor } from '../../shared/table-place';
import { dayIn, formatDay, formatTime, zoneLabel } from '../../shared/time';
import { Countdown } from './countdown';
import { PartnerCard } from './partner-card';

export const NextMeetingFragment = graphql(`
  fragment NextMeeting_meeting on MyMeeting {
    roundName
    table
    startsAt
    endsAt
    sentence
    openingQuestion
    partners {
      id
      ...PartnerCard_attendee
    }
  }
`);

/** The next meeting at a glance: round, time on the event's clock with a countdown, table, who, why, and a first question. */
export function NextMeeting({ meeting, timeZone, tagLabels }: { meeting: FragmentType<typeof NextMeetingFragment>; timeZone: string; tagLabels: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const next = getFragmentData(NextMeetingFragment, meeting);
  const time = formatTime(next.startsAt, timeZone, i18n.language);
  const zone = zoneLabel(next.startsAt, timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone, i18n.language);
  const shownTime = zone ? t('attendee.home.eventTime', { time, zone }) : time;
  const today = dayIn(new Date(), timeZone) === dayIn(next.startsAt, timeZone);
  return (
    <section className="card next-meeting" aria-labelledby="next-meeting-title">
      <p className="eyebrow">{t('attendee.home.next')}</p>
      <h2 id="next-meeting-title">{next.roundName}</h2>
      <p className="table-label">{placeFor(t)(next.table)}</p>
      <p className="when">
        {today ? t('attendee.home.startsAt', { time: shownTime }) : t('attendee.home.startsAtOn', { day: formatDay(next.startsAt, timeZone, i18n.language), time: shownTime })}
      </p>
      <Countdown startsAt={next.startsAt} endsAt={next.endsAt} timeZone={timeZone} />
      <h3>{t('attendee.home.youMeet')}</h3>
      <ul className="partners">
        {next.partners.map((partner) => (
          <PartnerCard key={partner.id} partner={partner} tagLabels={tagLabels} />
        ))}
      </ul>
      <h3>{next.partners.length > 1 ? t('attendee.home.whyThisTable') : t('attendee.home.whyYouTwo')}</h3>
      <p className="sentence">{next.sentence}</p>
      <h3>{t('attendee.home.openingQuestion')}</h3>
      <p className="opening-question">{next.openingQuestion}</p>
    </section>
  );
}
