import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from './connection-banner';

/** Around every page: a skip link for keyboard users and the connection notice. Pages render their own header and <main id="main">. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <ConnectionBanner />
      {children}
    </>
  );
}
