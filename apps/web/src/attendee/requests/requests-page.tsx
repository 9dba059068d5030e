import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import type { RequestCard_RequestFragment as Request } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { formatDayTime } from '../../shared/time';
import { AttendeeLayout } from '../attendee-layout';
import { CancelMeetingRequestDocument, MeetingRequestFieldsFragment, MyMeetingRequestsDocument, RequestsEventDocument, RespondToMeetingRequestDocument } from './requests.documents';

type Person = { name?: string | null; role?: string | null; company?: string | null } | null | undefined;

/** /e/<event>/requests: the meeting requests received (accept or decline) and sent (status, withdraw). */
export default function RequestsPage({ eventSlug }: { eventSlug: string }) {
  const { t } = useTranslation();
  const [event] = useQuery({ query: RequestsEventDocument, variables: { eventSlug } });
  const [mine, refetch] = useQuery({ query: MyMeetingRequestsDocument, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const requests = (mine.data?.myMeetingRequests ?? []).map((request) => getFragmentData(MeetingRequestFieldsFragment, request));
  const received = requests.filter((request) => request.direction === 'RECEIVED');
  const sent = requests.filter((request) => request.direction === 'SENT');
  const error = !mine.data && mine.error;
  const timeZone = event.data?.event.timeZone ?? 'UTC';
  return (
    <AttendeeLayout eventName={event.data?.event.name} title={t('attendee.requests.title')}>
      <p>{t('attendee.requests.intro')}</p>
      {error ? (
        <ErrorNotice error={error} onRetry={refresh} />
      ) : !mine.data ? (
        <Loading />
      ) : (
        <>
          <RequestSection id="requests-received" title={t('attendee.requests.received')} empty={t('attendee.requests.noneReceived')} requests={received} timeZone={timeZone} />
          <RequestSection id="requests-sent" title={t('attendee.requests.sent')} empty={t('attendee.requests.noneSent')} requests={sent} timeZone={timeZone} />
        </>
      )}
    </AttendeeLayout>
  );
}

/** The requests of one direction under their heading, or a line saying there are none. */
function RequestSection({ id, title, empty, requests, timeZone }: { id: string; title: string; empty: string; requests: Request[]; timeZone: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {requests.length === 0 ? (
        <p className="card empty">{empty}</p>
      ) : (
        <ul className="request-list">
          {requests.map((request) => (
            <RequestCard key={request.id} request={request} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One request: the other person as they share themselves, the message, the status; the actions it allows. */
function RequestCard({ request, timeZone }: { request: Request; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [responded, respond] = useMutation(RespondToMeetingRequestDocument);
  const [cancelled, cancel] = useMutation(CancelMeetingRequestDocument);
  const receivedIt = request.direction === 'RECEIVED';
  const other: Person = receivedIt ? request.requester : request.recipient;
  const who = describe(other) ?? t('attendee.home.partnerUnnamed');
  const until = formatDayTime(request.expiresAt, timeZone, i18n.language);
  const error = responded.error ?? cancelled.error;
  const busy = responded.fetching || cancelled.fetching;
  return (
    <li className={`card request status-${request.status.toLowerCase()}`}>
      <h3>{receivedIt ? t('attendee.requests.from', { name: who }) : t('attendee.requests.to', { name: who })}</h3>
      {request.message ? <p className="request-message">“{request.message}”</p> : null}
      <p className="request-status" role="status">
        {t(`attendee.requests.status.${request.status}`)}
        {request.status === 'PENDING' || request.status === 'ACCEPTED' ? ` · ${t('attendee.requests.until', { when: until })}` : ''}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        {receivedIt && request.status === 'PENDING' ? (
          <>
            <button type="button" className="button-primary" disabled={busy} onClick={() => void respond({ input: { id: request.id, accept: true } })}>
              {t('attendee.requests.accept')}
            </button>
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void respond({ input: { id: request.id, accept: false } })}>
              {t('attendee.requests.decline')}
            </button>
          </>
        ) : null}
        {(!receivedIt && request.status === 'PENDING') || request.status === 'ACCEPTED' ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void cancel({ id: request.id })}>
            {t('attendee.requests.withdraw')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** "Ada Lovelace · Engineer · Acme": only what they share; null when they share nothing. */
function describe(person: Person): string | null {
  if (!person?.name) return null;
  return [person.name, person.role, person.company].filter(Boolean).join(' · ');
}
