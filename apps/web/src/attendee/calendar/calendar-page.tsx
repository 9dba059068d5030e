import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { AttendeeLayout } from '../attendee-layout';
import { CalendarEventDocument, IssueCalendarFeedDocument } from './calendar.documents';
import { webcalUrl } from './webcal';

/**
 * /e/<event>/calendar: a private subscription link to the attendee's meetings (.ics), to copy or open
 * in a calendar app. The API keeps only one link per attendee, so the page makes one when asked
 * (never on its own: that would stop the one already subscribed).
 */
export default function CalendarPage({ eventSlug }: { eventSlug: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [event] = useQuery({ query: CalendarEventDocument, variables: { eventSlug } });
  const [issued, issueFeed] = useMutation(IssueCalendarFeedDocument);
  const [copied, setCopied] = useState<'copied' | 'select' | undefined>();
  const field = useRef<HTMLInputElement>(null);
  const url = issued.data?.issueCalendarFeed.url;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      // No clipboard access (an old browser, a refused permission): select it for a manual copy.
      field.current?.select();
      setCopied('select');
    }
  };

  return (
    <AttendeeLayout eventName={event.data?.event.name} title={t('attendee.calendar.title')}>
      <p>{t('attendee.calendar.intro')}</p>
      <section className="card calendar" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('attendee.calendar.linkTitle')}</h2>
        {url ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-url`}>{t('attendee.calendar.linkLabel')}</label>
              <input id={`${id}-url`} ref={field} className="feed-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} aria-describedby={`${id}-private`} />
              <p className="hint" id={`${id}-private`}>
                {t('attendee.calendar.private')}
              </p>
            </div>
            <div className="actions">
              <button type="button" className="button-primary" onClick={() => void copy()}>
                {t('attendee.calendar.copy')}
              </button>
              <a className="button-secondary button-link-like" href={webcalUrl(url)}>
                {t('attendee.calendar.open')}
              </a>
            </div>
            <p className="hint" role="status">
              {copied === 'copied' ? t('attendee.calendar.copied') : copied === 'select' ? t('attendee.calendar.copyYourself') : ''}
            </p>
            <p className="hint">{t('attendee.calendar.howTo')}</p>
          </>
        ) : (
          <>
            <p>{t('attendee.calendar.makeText')}</p>
            {issued.error ? <ErrorNotice error={issued.error} /> : null}
            <button type="button" className="button-primary" disabled={issued.fetching} onClick={() => void issueFeed({})}>
              {t('attendee.calendar.make')}
            </button>
          </>
        )}
      </section>
      {url ? (
        <section className="calendar-renew" aria-labelledby={`${id}-renew`}>
          <h2 id={`${id}-renew`}>{t('attendee.calendar.renewTitle')}</h2>
          <p>{t('attendee.calendar.renewText')}</p>
          {issued.error ? <ErrorNotice error={issued.error} /> : null}
          <button
            type="button"
            className="button-secondary"
            disabled={issued.fetching}
            onClick={() => {
              setCopied(undefined);
              void issueFeed({});
            }}
          >
            {t('attendee.calendar.renew')}
          </button>
        </section>
      ) : null}
    </AttendeeLayout>
  );
}
