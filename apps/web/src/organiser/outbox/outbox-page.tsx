import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { MailStatus } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { useOrganiserEvent } from '../events/organiser-event';
import { formatDateTime } from '../format';
import { Pager } from '../pager';
import { OutboxDocument } from './outbox.documents';
import { SendInvitations } from './send-invitations';

const PAGE_SIZE = 50;

const STATUS_BADGE: Record<MailStatus, string> = {
  SENT: 'badge',
  QUEUED: 'badge',
  HELD: 'badge badge-warning',
  CANCELLED: 'badge',
  FAILED: 'badge badge-danger',
  BOUNCED: 'badge badge-danger',
};

/**
 * The event's messages, newest first: to whom, what, and how it went (sent, held without a mail server,
 * failed or bounced with the SMTP server's answer); and the invitations, sent from here.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const event = useOrganiserEvent();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [result, refetch] = useQuery({ query: OutboxDocument, variables: { eventId: event.id, first: PAGE_SIZE, after }, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const connection = result.data?.outbox;
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const caption = t('organiser.outbox.caption', { from: first, to: first + (connection?.edges.length ?? 0) - 1, total: connection?.totalCount ?? 0 });
  return (
    <>
      <PageTitle title={t('organiser.outbox.title')} />
      <SendInvitations eventId={event.id} onProgress={refresh} />
      <h2>{t('organiser.outbox.messages')}</h2>
      {result.error && !connection ? (
        <ErrorNotice error={result.error} onRetry={refresh} />
      ) : !connection ? (
        <Loading />
      ) : connection.totalCount === 0 ? (
        <p>{t('organiser.outbox.empty')}</p>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organiser.outbox.to')}</th>
                  <th scope="col">{t('organiser.outbox.subject')}</th>
                  <th scope="col">{t('organiser.outbox.kind')}</th>
                  <th scope="col">{t('organiser.outbox.status')}</th>
                  <th scope="col">{t('organiser.outbox.answer')}</th>
                  <th scope="col">{t('organiser.outbox.when', { zone: event.timeZone })}</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node: message }) => (
                  <tr key={message.id}>
                    <th scope="row">{message.to}</th>
                    <td>{message.subject ?? <span className="muted">{t('organiser.outbox.notRendered')}</span>}</td>
                    <td>{t(`organiser.outbox.kinds.${message.kind}`)}</td>
                    <td>
                      <span className={STATUS_BADGE[message.status]}>{t(`organiser.outbox.statuses.${message.status}`)}</span>
                      {message.attempts > 1 ? <span className="hint"> {t('organiser.outbox.attempts', { count: message.attempts })}</span> : null}
                    </td>
                    {/* The SMTP server's own words, as it answered. */}
                    <td lang="en" className="smtp-answer">
                      {message.error}
                    </td>
                    <td>{formatDateTime(message.sentAt ?? message.sendAfter, i18n.language, event.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label={t('organiser.outbox.pages')} caption={caption} cursors={cursors} pageInfo={connection.pageInfo} onCursors={setCursors} />
        </>
      )}
    </>
  );
}
