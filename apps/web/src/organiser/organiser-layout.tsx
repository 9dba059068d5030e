import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useRouter } from 'wouter';
import { paths } from '../shared/paths';
import { useSession } from '../shared/session';
import { SiteHeader } from '../shared/layout/site-header';

/** One entry of the staff menu: an absolute path of the app and its words. */
export interface OrganiserNavItem {
  href: string;
  label: string;
  /** Current only on this very page, not on the pages under it (the events list, under which everything is). */
  exact?: boolean;
}

/**
 * A link of the staff menu, current for its own page and every page under it (the attendees tab stays
 * current on the import page), said to screen readers too.
 */
function OrganiserNavTab({ href, exact, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const { base } = useRouter();
  const [location] = useLocation();
  const here = base + location;
  const active = here === href || (!exact && here.startsWith(`${href}/`));
  return (
    <Link href={`~${href}`} className={active ? 'tab active' : 'tab'} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/**
 * The frame of every organiser and admin page (laptop first; on a phone the menu scrolls sideways):
 * what is being organised, the menu, the page. Pages render their own <PageTitle>.
 */
export function OrganiserLayout({ heading, items, children }: { heading?: string; items: OrganiserNavItem[]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader title={heading ?? t('organiser.nav.brand')}>
        <nav aria-label={t('organiser.nav.label')} className="tabs">
          {items.map((item) => (
            <OrganiserNavTab key={item.href} href={item.href} exact={item.exact}>
              {item.label}
            </OrganiserNavTab>
          ))}
        </nav>
      </SiteHeader>
      <main id="main" className="page page-wide">
        {children}
      </main>
    </>
  );
}

/** The menu of the pages that are about no one event: the events, and for an admin the admin page. */
export function useStaffNav(): OrganiserNavItem[] {
  const { t } = useTranslation();
  const session = useSession();
  const items: OrganiserNavItem[] = [{ href: paths.organiserHome(), label: t('organiser.nav.events'), exact: true }];
  if (session?.role === 'ADMIN') items.push({ href: paths.organiserAdmin(), label: t('organiser.nav.admin') });
  return items;
}
