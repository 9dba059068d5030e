import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useLocation, useSearchParams } from 'wouter';
import { homeOf } from '../shared/home-redirect';
import { SiteHeader } from '../shared/layout/site-header';
import { PageTitle } from '../shared/layout/page-title';
import { safeNext } from '../shared/paths';
import { getFragmentData } from '../gql';
import { sessionStore } from '../shared/session';
import { SessionFieldsFragment } from '../shared/session.documents';
import { SignInForm, type SignInCredentials } from './sign-in-form';
import { SignInDocument, SignInEventsDocument } from './sign-in.documents';
import type { CombinedError } from '@urql/core';

/** Sign in, then go back to the page that asked for it (`?next=`), else to one's home. */
export function SignInPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [, navigate] = useLocation();
  const [search] = useSearchParams();
  const [error, setError] = useState<CombinedError>();
  const [busy, setBusy] = useState(false);
  const ended = sessionStore.lastEnd();

  const signIn = async (credentials: SignInCredentials) => {
    setBusy(true);
    setError(undefined);
    const login = await client.mutation(SignInDocument, { input: credentials }).toPromise();
    if (!login.data) {
      setBusy(false);
      setError(login.error);
      return;
    }
    const payload = getFragmentData(SessionFieldsFragment, login.data.login);
    const { token } = payload;
    let eventSlug: string | undefined;
    if (payload.viewer.role === 'ATTENDEE') {
      // An attendee's pages live under their event's address.
      const events = await client
        .query(SignInEventsDocument, {}, { requestPolicy: 'network-only', fetchOptions: { headers: { authorization: `Bearer ${token}` } } })
        .toPromise();
      if (!events.data) {
        setBusy(false);
        setError(events.error);
        return;
      }
      eventSlug = events.data.events[0]?.slug;
    }
    const session = sessionStore.fromPayload(payload, eventSlug);
    sessionStore.start(session);
    navigate(`~${safeNext(search.get('next')) ?? homeOf(session)}`, { replace: true });
  };

  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <PageTitle title={t('signIn.title')} />
        {ended === 'expired' ? (
          <p className="notice" role="status">
            {t('session.expired')}
          </p>
        ) : ended === 'signed-out' ? (
          <p className="notice" role="status">
            {t('session.signedOut')}
          </p>
        ) : null}
        <p>{t('signIn.intro')}</p>
        <SignInForm busy={busy} error={error} onSubmit={signIn} />
      </main>
    </>
  );
}
