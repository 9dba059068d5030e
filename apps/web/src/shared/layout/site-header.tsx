import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useLocation } from 'wouter';
import { paths } from '../paths';
import { sessionStore, useSession } from '../session';
import { SignOutDocument } from '../session.documents';
import { LanguageSwitch } from './language-switch';

/** The bar at the top of every page: what this is, the language, and signing out. */
export function SiteHeader({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const client = useClient();
  const signOut = () => {
    // The API ends the session (its token stops working everywhere); the page does not wait for it.
    void client.mutation(SignOutDocument, {}).toPromise();
    sessionStore.end('signed-out');
    navigate(`~${paths.signIn()}`, { replace: true });
  };
  return (
    <header className="site-header">
      <div className="site-header-row">
        <span className="brand">{title ?? t('app.name')}</span>
        <LanguageSwitch />
        {session ? (
          <button type="button" className="button-secondary" onClick={signOut}>
            {t('session.signOut')}
          </button>
        ) : null}
      </div>
      {children}
    </header>
  );
}
