import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { useAttendeeEvent } from '../attendee-event';
import { AttendeeLayout } from '../attendee-layout';
import { OfficeHoursEventDocument, OfficeHoursTalksDocument } from './office-hours.documents';
import { TalkCard } from './talk-card';

/** /e/<event>/office-hours: the event's talks, and a short 1:1 with a speaker after theirs — asked for, granted or on standby. */
export default function OfficeHoursPage({ eventSlug }: { eventSlug: string }) {
  const { t } = useTranslation();
  const [result, refetchEvent] = useQuery({ query: OfficeHoursEventDocument, variables: { eventSlug } });
  const { event, tagLabels } = useAttendeeEvent(result.data?.event);
  const eventId = event?.id;
  const [talks, refetchTalks] = useQuery({ query: OfficeHoursTalksDocument, variables: { eventId: eventId ?? '' }, pause: !eventId, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => {
    refetchEvent({ requestPolicy: 'network-only' });
    refetchTalks({ requestPolicy: 'network-only' });
  }, [refetchEvent, refetchTalks]);
  const error = (!result.data && result.error) || (!talks.data && talks.error);
  return (
    <AttendeeLayout eventName={event?.name} title={t('attendee.officeHours.title')}>
      <p>{t('attendee.officeHours.intro')}</p>
      {error ? (
        <ErrorNotice error={error} onRetry={refresh} />
      ) : !result.data || !talks.data ? (
        <Loading />
      ) : talks.data.talks.length === 0 ? (
        <p className="card empty">{t('attendee.officeHours.none')}</p>
      ) : (
        <ul className="talk-list">
          {talks.data.talks.map((talk) => (
            <TalkCard key={talk.id} talk={talk} timeZone={event!.timeZone} me={result.data!.me.attendeeId ?? ''} tagLabels={tagLabels} />
          ))}
        </ul>
      )}
    </AttendeeLayout>
  );
}
