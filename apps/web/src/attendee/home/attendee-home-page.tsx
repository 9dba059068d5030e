import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import { useOnReconnect } from '../../shared/graphql/connection';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { placeFor } from '../../shared/table-place';
import { formatTime } from '../../shared/time';
import { useAttendeeEvent } from '../attendee-event';
import { AttendeeLayout } from '../attendee-layout';
import { PastMeetings } from '../past-meetings/past-meetings';
import { PresenceCard } from '../presence/presence-card';
import { UpcomingRounds } from '../presence/upcoming-rounds';
import { SitOutNotices } from '../sit-out/sit-out-notices';
import { AttendeeRoundsDocument } from '../sit-out/sit-out.documents';
import { AttendeeHomeDocument, AttendeeHomeMeetingAssignedDocument } from './attendee-home.documents';
import { LaterMeetings } from './later-meetings';
import { NextMeeting } from './next-meeting';
import { useNow } from './use-now';

/**
 * The attendee's home: checking in and out, their next meeting, the ones after, the rounds still to
 * come (to sit one out), and the past meetings with their feedback. Asks again whenever a round with
 * a table for them is published (pushed over the socket) and when the connection comes back.
 */
export function AttendeeHomePage({ eventSlug }: { eventSlug: string }) {
  const { t, i18n } = useTranslation();
  const [result, refetch] = useQuery({ query: AttendeeHomeDocument, variables: { eventSlug }, requestPolicy: 'cache-and-network' });
  const [pushed] = useSubscription({ query: AttendeeHomeMeetingAssignedDocument });
  const { event, tagLabels } = useAttendeeEvent(result.data?.event);
  const eventId = event?.id;
  const [rounds, refetchRounds] = useQuery({ query: AttendeeRoundsDocument, variables: { eventId: eventId ?? '' }, pause: !eventId, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    refetchRounds({ requestPolicy: 'network-only' });
  }, [refetch, refetchRounds]);
  useOnReconnect(refresh);
  const timeZone = event?.timeZone ?? 'UTC';

  const assigned = pushed.data?.meetingAssigned;
  useEffect(() => {
    if (assigned) refresh();
  }, [assigned, refresh]);
  const announcement = assigned ? t('attendee.home.announce', { round: assigned.roundName, place: placeFor(t)(assigned.table), time: formatTime(assigned.startsAt, timeZone, i18n.language) }) : '';

  const now = useNow(15_000);
  // Sitting a round out is not pushed (only a table is): while a coming round may be published — from half
  // an hour before its start until its end — the page asks again every 30 s.
  const publishing = result.data?.myUpcomingRounds.some((round) => Date.parse(round.startsAt) - 30 * 60_000 < now.getTime()) ?? false;
  useEffect(() => {
    if (!publishing) return;
    const timer = setInterval(refresh, 30_000);
    return () => clearInterval(timer);
  }, [publishing, refresh]);
  const meetings = result.data?.myMeetings ?? [];
  // Split on the page's clock, so a meeting that ends while the page is open moves down to the past ones.
  const upcoming = meetings.filter((meeting) => Date.parse(meeting.endsAt) > now.getTime());
  const past = meetings.filter((meeting) => Date.parse(meeting.endsAt) <= now.getTime());
  const [next, ...later] = upcoming;

  return (
    <AttendeeLayout eventName={event?.name} title={t('attendee.home.title')}>
      {result.data ? <PresenceCard attendee={result.data.myProfile} /> : null}
      {rounds.data ? <SitOutNotices rounds={rounds.data.rounds} now={now} timeZone={timeZone} /> : null}
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} onRetry={refresh} />
      ) : !result.data ? (
        <Loading />
      ) : next ? (
        <NextMeeting meeting={next} timeZone={timeZone} tagLabels={tagLabels} />
      ) : (
        <section className="card empty">
          <h2>{past.length ? t('attendee.home.noNext') : t('attendee.home.nothingYet')}</h2>
          <p>{t('attendee.home.nothingYetText')}</p>
        </section>
      )}
      {later.length ? <LaterMeetings meetings={later} timeZone={timeZone} /> : null}
      {result.data ? <UpcomingRounds rounds={result.data.myUpcomingRounds} timeZone={timeZone} onChanged={refresh} /> : null}
      {past.length ? <PastMeetings meetings={past} timeZone={timeZone} /> : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </AttendeeLayout>
  );
}
