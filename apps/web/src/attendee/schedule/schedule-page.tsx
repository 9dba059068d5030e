import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { placeFor } from '../../shared/table-place';
import { dayIn, formatDay, formatTime } from '../../shared/time';
import { AttendeeLayout } from '../attendee-layout';
import { CheckInQr } from './check-in-qr';
import { MyCheckInCodeDocument, MyScheduleDocument } from './schedule.documents';

/**
 * /e/<event>/schedule: the attendee's day (mySchedule) — talks bookmarked or given, office hours, round
 * tables, sit-outs — by day and time on the event's clock, and their badge: the check-in code as a QR code.
 */
export default function SchedulePage({ eventSlug }: { eventSlug: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [result] = useQuery({ query: MyScheduleDocument, variables: { eventSlug } });
  const [showBadge, setShowBadge] = useState(false);
  const schedule = result.data?.mySchedule;
  const place = placeFor(t);
  const days = schedule?.entries.map((entry) => dayIn(entry.startsAt, schedule.timeZone)) ?? [];

  return (
    <AttendeeLayout eventName={result.data?.event.name} title={t('attendee.schedule.title')}>
      <p>{t('attendee.schedule.intro')}</p>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {!schedule && !result.error ? <Loading /> : null}
      {schedule && !schedule.entries.length ? <p className="card">{t('attendee.schedule.empty')}</p> : null}
      {schedule?.entries.length ? (
        <ol className="schedule" aria-label={t('attendee.schedule.listLabel')}>
          {schedule.entries.map((entry, index) => {
            // The day above the first entry of each day.
            const dayHeading = index === 0 || days[index] !== days[index - 1] ? formatDay(entry.startsAt, schedule.timeZone, i18n.language) : null;
            const detail =
              entry.__typename === 'TalkScheduleEntry'
                ? t(entry.speaking ? 'attendee.schedule.yourTalk' : 'attendee.schedule.bookmarked')
                : entry.__typename === 'MeetingScheduleEntry'
                  ? t('attendee.schedule.with', { names: entry.meeting.partners.map((p) => p.name ?? t('attendee.schedule.someone')).join(', ') })
                  : entry.__typename === 'SitOutScheduleEntry'
                    ? t(`attendee.home.sitOutReason.${entry.reason}`)
                    : '';
            return (
              <li key={entry.id} className={`card schedule-entry schedule-${entry.kind.toLowerCase()}`}>
                {dayHeading ? <p className="schedule-day">{dayHeading}</p> : null}
                <p className="schedule-time">
                  <time dateTime={entry.startsAt}>{formatTime(entry.startsAt, schedule.timeZone, i18n.language)}</time>–
                  <time dateTime={entry.endsAt}>{formatTime(entry.endsAt, schedule.timeZone, i18n.language)}</time>{' '}
                  <span className="schedule-kind">{t(`attendee.schedule.kind.${entry.kind}`)}</span>
                </p>
                <h2>{entry.title}</h2>
                {entry.place ? <p>{entry.kind === 'TALK' ? entry.place : place(entry.place)}</p> : null}
                {detail ? <p className="hint">{detail}</p> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <section className="card badge" aria-labelledby={`${id}-badge`}>
        <h2 id={`${id}-badge`}>{t('attendee.schedule.badgeTitle')}</h2>
        <p>{t('attendee.schedule.badgeText')}</p>
        {showBadge ? (
          <Badge />
        ) : (
          <button type="button" className="button-primary" onClick={() => setShowBadge(true)}>
            {t('attendee.schedule.showBadge')}
          </button>
        )}
      </section>
    </AttendeeLayout>
  );
}

function Badge() {
  const { t } = useTranslation();
  const [code] = useQuery({ query: MyCheckInCodeDocument });
  if (code.error) return <ErrorNotice error={code.error} />;
  const badge = code.data?.myCheckInCode;
  if (!badge) return <Loading />;
  const value = badge.code;
  return (
    <>
      <CheckInQr rows={badge.qrRows} label={t('attendee.schedule.qrLabel')} />
      <p className="hint">
        {t('attendee.schedule.codeLabel')} <code className="check-in-code">{value}</code>
      </p>
    </>
  );
}
