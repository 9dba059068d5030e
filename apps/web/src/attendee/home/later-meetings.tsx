import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { placeFor } from '../../shared/table-place';
import { formatTime } from '../../shared/time';

export const LaterMeetingFragment = graphql(`
  fragment LaterMeeting_meeting on MyMeeting {
    id
    roundName
    table
    startsAt
  }
`);

/** The meetings after the next one, one line each. */
export function LaterMeetings({ meetings, timeZone }: { meetings: FragmentType<typeof LaterMeetingFragment>[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const rows = meetings.map((meeting) => getFragmentData(LaterMeetingFragment, meeting));
  const place = placeFor(t);
  return (
    <section className="later" aria-labelledby="later-title">
      <h2 id="later-title">{t('attendee.home.later')}</h2>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>{t('attendee.home.laterItem', { round: row.roundName, time: formatTime(row.startsAt, timeZone, i18n.language), place: place(row.table) })}</li>
        ))}
      </ul>
    </section>
  );
}
