import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { AttendeeLayout } from '../attendee-layout';
import { OfficeHoursEventDocument, OfficeHoursTalksDocument } from './office-hours.documents';
import { TalkCard } from './talk-card';

/** /e/<event>/office-hours: the event's talks, and a short 1:1 with a speaker after theirs — asked for, granted or on standby. */
export default function OfficeHoursPage({ eventSlug }: { eventSlug: string }) {
  const { t } = useTranslation();
  const [event, refetchEvent] = useQuery({ query: OfficeHoursEventDocument, variables: { eventSlug } });
  const eventId = event.data?.event.id;
  const [talks, refetchTalks] = useQuery({ query: OfficeHoursTalksDocument, variables: { eventId: eventId ?? '' }, pause: !eventId, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => {
    refetchEvent({ requestPolicy: 'network-only' });
    refetchTalks({ requestPolicy: 'network-only' });
  }, [refetchEvent, refetchTalks]);
  const tagLabels = useMemo(() => new Map(event.data?.event.vocabulary.map((tag) => [tag.slug, tag.label])), [event.data?.event.vocabulary]);
  const error = (!event.data && event.error) || (!talks.data && talks.error);
  return (
    <AttendeeLayout eventName={event.data?.event.name} title={t('attendee.officeHours.title')}>
      <p>{t('attendee.officeHours.intro')}</p>
      {error ? (
        <ErrorNotice error={error} onRetry={refresh} />
      ) : !event.data || !talks.data ? (
        <Loading />
      ) : talks.data.talks.length === 0 ? (
        <p className="card empty">{t('attendee.officeHours.none')}</p>
      ) : (
        <ul className="talk-list">
          {talks.data.talks.map((talk) => (
            <TalkCard key={talk.id} talk={talk} timeZone={event.data!.event.timeZone} me={event.data!.me.attendeeId ?? ''} tagLabels={tagLabels} />
          ))}
        </ul>
      )}
    </AttendeeLayout>
  );
}
