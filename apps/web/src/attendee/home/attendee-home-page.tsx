import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import { useOnReconnect } from '../../shared/graphql/connection';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { formatTime } from '../../shared/time';
import { AttendeeLayout } from '../attendee-layout';
import { PastMeetings } from '../past-meetings/past-meetings';
import { PresenceCard } from '../presence/presence-card';
import { UpcomingRounds } from '../presence/upcoming-rounds';
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
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useOnReconnect(refresh);
  const timeZone = result.data?.event.timeZone ?? 'UTC';

  const assigned = pushed.data?.meetingAssigned;
  useEffect(() => {
    if (assigned) refresh();
  }, [assigned, refresh]);
  const announcement = assigned ? t('attendee.home.announce', { round: assigned.roundName, table: assigned.table, time: formatTime(assigned.startsAt, timeZone, i18n.language) }) : '';

  const now = useNow(15_000);
  const tagLabels = useMemo(() => new Map(result.data?.event.vocabulary.map((tag) => [tag.slug, tag.label])), [result.data?.event.vocabulary]);
  const meetings = result.data?.myMeetings ?? [];
  // Split on the page's clock, so a meeting that ends while the page is open moves down to the past ones.
  const upcoming = meetings.filter((meeting) => Date.parse(meeting.endsAt) > now.getTime());
  const past = meetings.filter((meeting) => Date.parse(meeting.endsAt) <= now.getTime());
  const [next, ...later] = upcoming;

  return (
    <AttendeeLayout eventName={result.data?.event.name} title={t('attendee.home.title')}>
      {result.data ? <PresenceCard attendee={result.data.myProfile} /> : null}
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
