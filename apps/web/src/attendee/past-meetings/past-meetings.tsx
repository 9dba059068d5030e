import { useTranslation } from 'react-i18next';
import { getFragmentData, type FragmentType } from '../../gql';
import { placeFor } from '../../shared/table-place';
import { dayIn, formatDay, formatTime } from '../../shared/time';
import { FeedbackForm } from './feedback-form';
import { PastMeetingFragment } from './past-meetings.documents';

/** The meetings that have ended, newest first, each with the attendee's feedback (round tables; not office hours). */
export function PastMeetings({ meetings, timeZone }: { meetings: FragmentType<typeof PastMeetingFragment>[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const rows = meetings.map((meeting) => getFragmentData(PastMeetingFragment, meeting)).reverse();
  const today = dayIn(new Date(), timeZone);
  const place = placeFor(t);
  return (
    <section className="past" aria-labelledby="past-title">
      <h2 id="past-title">{t('attendee.past.title')}</h2>
      <ul className="past-list">
        {rows.map((row) => {
          const time = formatTime(row.startsAt, timeZone, i18n.language);
          const when = dayIn(row.startsAt, timeZone) === today ? time : t('attendee.past.dayTime', { day: formatDay(row.startsAt, timeZone, i18n.language), time });
          const names = row.partners.map((partner) => partner.name ?? t('attendee.home.partnerUnnamed')).join(', ');
          return (
            <li key={row.id} className="card past-meeting">
              <h3 id={`past-${row.id}`}>{row.roundName}</h3>
              <p className="past-when">{t('attendee.past.when', { when, place: place(row.table) })}</p>
              {names ? <p>{t('attendee.past.with', { names })}</p> : null}
              {row.status === 'CANCELLED' ? (
                <p className="hint">{t('attendee.past.cancelled')}</p>
              ) : row.kind === 'ROUND' ? (
                <FeedbackForm meetingId={row.id} roundName={row.roundName} feedback={row.myFeedback} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
