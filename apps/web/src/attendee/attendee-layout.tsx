import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavTab } from '../shared/layout/nav-tab';
import { PageTitle } from '../shared/layout/page-title';
import { SiteHeader } from '../shared/layout/site-header';

/** The frame of every attendee page (phone first): the event's name, the attendee menu, the page. */
export function AttendeeLayout({ eventName, title, children }: { eventName?: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader title={eventName}>
        <nav aria-label={t('attendee.nav.label')} className="tabs attendee-tabs">
          <NavTab href="/me">{t('attendee.nav.home')}</NavTab>
          <NavTab href="/schedule">{t('attendee.nav.schedule')}</NavTab>
          <NavTab href="/profile">{t('attendee.nav.profile')}</NavTab>
          <NavTab href="/office-hours">{t('attendee.nav.officeHours')}</NavTab>
          <NavTab href="/requests">{t('attendee.nav.requests')}</NavTab>
          <NavTab href="/calendar">{t('attendee.nav.calendar')}</NavTab>
          <NavTab href="/privacy">{t('attendee.nav.privacy')}</NavTab>
        </nav>
      </SiteHeader>
      <main id="main" className="page">
        <PageTitle title={title} />
        {children}
      </main>
    </>
  );
}
