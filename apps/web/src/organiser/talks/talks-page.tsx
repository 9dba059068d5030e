import type { CombinedError } from '@urql/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import type { OrganiserTalksQuery, SlotAllocationStatus } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { TalkFieldsFragment } from '../../shared/talk.documents';
import { formatDayTime, formatTime } from '../../shared/time';
import { useOrganiserEvent } from '../events/organiser-event';
import { ConfirmAction } from '../rounds/confirm-action';
import { CreateTalkForm } from './create-talk-form';
import { AllocateOfficeHoursDocument, AllocateSpeakerSlotsDocument, OrganiserTalksDocument, PublishOfficeHoursDocument, PublishSpeakerSlotsDocument } from './talks.documents';
import '../rounds/rounds.css';
import './talks.css';

type Talk = OrganiserTalksQuery['talks'][number];

/** Talks and their speakers' office hours: each talk's requests and how they were allocated (granted, standby), and a form for a new talk. */
export function TalksPage() {
  const { t } = useTranslation();
  const event = useOrganiserEvent();
  // An empty list holds no Talk for the cache to see: creating one changes it.
  const context = useMemo(() => ({ additionalTypenames: ['Talk'] }), []);
  const [result, refetch] = useQuery({ query: OrganiserTalksDocument, variables: { eventId: event.id }, requestPolicy: 'cache-and-network', context });
  const talks = result.data?.talks;
  const tagLabels = useMemo(() => new Map(event.vocabulary.map((tag) => [tag.slug, tag.label])), [event.vocabulary]);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <PageTitle title={t('organiser.talks.title')} />
      <p className="hint">{t('organiser.talks.intro')}</p>
      {result.error && !talks ? (
        <ErrorNotice error={result.error} onRetry={refresh} />
      ) : !talks ? (
        <Loading />
      ) : talks.length === 0 ? (
        <p>{t('organiser.talks.empty')}</p>
      ) : (
        <>
          <ProgrammeCard eventId={event.id} onChanged={refresh} />
          {talks.map((talk) => (
            <TalkCard key={talk.id} talk={talk} timeZone={event.timeZone} tagLabels={tagLabels} onChanged={refresh} />
          ))}
        </>
      )}
      <CreateTalkForm event={event} onCreated={refresh} />
    </>
  );
}

/** The whole programme at once: every talk not yet published allocated (allocateOfficeHours), then every allocated one published. */
function ProgrammeCard({ eventId, onChanged }: { eventId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [allocation, allocate] = useMutation(AllocateOfficeHoursDocument);
  const [publication, publish] = useMutation(PublishOfficeHoursDocument);
  const [error, setError] = useState<CombinedError>();
  const [stats, setStats] = useState<{ askers: number; served: number; slotsOffered: number; slotsGranted: number }>();
  const busy = allocation.fetching || publication.fetching;
  const run = async (action: () => Promise<{ error?: CombinedError }>) => {
    setError(undefined);
    setStats(undefined);
    const outcome = await action();
    setError(outcome.error);
    onChanged();
    return outcome;
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.talks.programme.title')}</h2>
      <p className="hint">{t('organiser.talks.programme.intro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {stats ? (
        <p role="status">
          {t('organiser.talks.programme.allocated', { served: stats.served, askers: stats.askers, granted: stats.slotsGranted, offered: stats.slotsOffered })}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const outcome = await allocate({ eventId });
              if (outcome.data) setStats(outcome.data.allocateOfficeHours);
              return outcome;
            })
          }
        >
          {t('organiser.talks.programme.allocate')}
        </button>
        <ConfirmAction
          disabled={busy}
          label={t('organiser.talks.programme.publish')}
          title={t('organiser.talks.programme.publishTitle')}
          confirmLabel={t('organiser.talks.programme.publishConfirm')}
          onConfirm={() => void run(() => publish({ eventId }))}
        >
          <p>{t('organiser.talks.publishText')}</p>
        </ConfirmAction>
      </div>
    </section>
  );
}

const STATUS_BADGE: Record<SlotAllocationStatus, string> = { OPEN: 'badge', ALLOCATED: 'badge badge-warning', PUBLISHED: 'badge' };

function TalkCard({ talk: row, timeZone, tagLabels, onChanged }: { talk: Talk; timeZone: string; tagLabels: ReadonlyMap<string, string>; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const talk = { ...row, ...getFragmentData(TalkFieldsFragment, row) };
  const id = useId();
  const [allocation, allocate] = useMutation(AllocateSpeakerSlotsDocument);
  const [publication, publish] = useMutation(PublishSpeakerSlotsDocument);
  const [error, setError] = useState<CombinedError>();
  const run = async (action: () => Promise<{ error?: CombinedError }>) => {
    setError(undefined);
    const outcome = await action();
    setError(outcome.error);
    onChanged();
  };
  const busy = allocation.fetching || publication.fetching;
  const officeHoursStart = talk.endsAt;
  const officeHoursEnd = new Date(Date.parse(talk.endsAt) + talk.slotCount * talk.slotMinutes * 60_000).toISOString();
  return (
    <article className="card talk-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{talk.title}</h2>
      <p>
        {t('organiser.talks.by', { name: talk.speaker.name ?? t('organiser.meetings.unnamed') })} ·{' '}
        {t('organiser.rounds.timeRange', { from: formatDayTime(talk.startsAt, timeZone, i18n.language), to: formatTime(talk.endsAt, timeZone, i18n.language) })}
        {talk.location ? ` · ${talk.location}` : ''}
      </p>
      <p>
        <span className={STATUS_BADGE[talk.allocationStatus]}>{t(`organiser.talks.status.${talk.allocationStatus}`)}</span>{' '}
        {talk.slotCount
          ? t('organiser.talks.officeHours', {
              count: talk.slotCount,
              minutes: talk.slotMinutes,
              from: formatTime(officeHoursStart, timeZone, i18n.language),
              to: formatTime(officeHoursEnd, timeZone, i18n.language),
            })
          : t('organiser.talks.noOfficeHours')}
        {' · '}
        {t('organiser.talks.requests', { count: talk.requestCount })}
      </p>
      {talk.tags.length ? <p className="hint">{t('organiser.talks.topics', { tags: talk.tags.map((tag) => tagLabels.get(tag) ?? tag).join(', ') })}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        {talk.allocationStatus !== 'PUBLISHED' ? (
          <button type="button" className={talk.allocationStatus === 'OPEN' ? 'button-primary' : 'button-secondary'} disabled={busy} onClick={() => void run(() => allocate({ talkId: talk.id }))}>
            {talk.allocationStatus === 'OPEN' ? t('organiser.talks.allocate') : t('organiser.talks.allocateAgain')}
          </button>
        ) : null}
        {talk.allocationStatus === 'ALLOCATED' ? (
          <ConfirmAction
            primary
            disabled={busy}
            label={t('organiser.talks.publish')}
            title={t('organiser.talks.publishTitle', { title: talk.title })}
            confirmLabel={t('organiser.talks.publishConfirm')}
            onConfirm={() => void run(() => publish({ talkId: talk.id }))}
          >
            <p>{t('organiser.talks.publishText')}</p>
          </ConfirmAction>
        ) : null}
      </div>
      {talk.requests.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('organiser.talks.requestsCaption', { title: talk.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organiser.talks.who')}</th>
                <th scope="col">{t('organiser.talks.question')}</th>
                <th scope="col">{t('organiser.talks.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {talk.requests.map((request) => (
                <tr key={request.attendee.id}>
                  <th scope="row">
                    {request.attendee.name ?? t('organiser.meetings.unnamed')}
                    {request.attendee.company ? <span className="person-detail"> · {request.attendee.company}</span> : null}
                  </th>
                  <td>{request.question}</td>
                  <td>
                    {request.status === 'GRANTED' && request.slotStartsAt && request.slotEndsAt
                      ? t('organiser.talks.granted', { from: formatTime(request.slotStartsAt, timeZone, i18n.language), to: formatTime(request.slotEndsAt, timeZone, i18n.language) })
                      : request.status === 'STANDBY'
                        ? t('organiser.talks.standby', { rank: request.standbyRank ?? '—' })
                        : t('organiser.talks.pending')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}
