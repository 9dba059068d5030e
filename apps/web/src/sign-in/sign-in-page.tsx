import type { CombinedError } from '@urql/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useLocation, useSearchParams } from 'wouter';
import { getFragmentData, type FragmentType } from '../gql';
import { homeOf } from '../shared/home-redirect';
import { PageTitle } from '../shared/layout/page-title';
import { SiteHeader } from '../shared/layout/site-header';
import { paths, safeNext } from '../shared/paths';
import { sessionStore } from '../shared/session';
import { SessionFieldsFragment } from '../shared/session.documents';
import { knownEventSlug, lastEvent } from './event-for-link';
import { SignInForm, type SignInCredentials } from './sign-in-form';
import { SignInLinkRequest } from './sign-in-link-request';
import { SignInDocument, SignInEventsDocument, SignInWithLinkDocument } from './sign-in.documents';

/**
 * Sign in — with email and access code, or by opening a sign-in link (`/sign-in?token=…`, mailed
 * by the API) — then go back to the page that asked for it (`?next=`), else to one's home.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [, navigate] = useLocation();
  const [search] = useSearchParams();
  const [error, setError] = useState<CombinedError>();
  const [busy, setBusy] = useState(false);
  const ended = sessionStore.lastEnd();
  const linkToken = search.get('token');
  const next = search.get('next');
  const redeemed = useRef<string | undefined>(undefined);
  // With an access code, or by asking for a link by email.
  const [mode, setMode] = useState<'code' | 'link'>('code');
  const eventSlug = knownEventSlug(search);

  /** Keeps the session a sign-in answered, with the attendee's event (their pages live under its address). */
  const start = async (answer: FragmentType<typeof SessionFieldsFragment>): Promise<void> => {
    const payload = getFragmentData(SessionFieldsFragment, answer);
    let eventSlug: string | undefined;
    if (payload.viewer.role === 'ATTENDEE') {
      const events = await client
        .query(SignInEventsDocument, {}, { requestPolicy: 'network-only', fetchOptions: { headers: { authorization: `Bearer ${payload.token}` } } })
        .toPromise();
      if (!events.data) {
        setBusy(false);
        setError(events.error);
        return;
      }
      eventSlug = events.data.events[0]?.slug;
      // So that "email me a link" on this device knows the event next time.
      if (eventSlug) lastEvent.remember(eventSlug);
    }
    const session = sessionStore.fromPayload(payload, eventSlug);
    sessionStore.start(session);
    navigate(`~${safeNext(next) ?? homeOf(session)}`, { replace: true });
  };

  const signIn = async (credentials: SignInCredentials) => {
    setBusy(true);
    setError(undefined);
    const login = await client.mutation(SignInDocument, { input: credentials }).toPromise();
    if (!login.data) {
      setBusy(false);
      setError(login.error);
      return;
    }
    await start(login.data.login);
  };

  // A sign-in link: redeemed once (it works once), and its token leaves the address bar and the history at once.
  useEffect(() => {
    if (!linkToken || redeemed.current === linkToken) return;
    redeemed.current = linkToken;
    const kept = new URLSearchParams();
    if (next) kept.set('next', next);
    if (search.get('event')) kept.set('event', search.get('event')!);
    navigate(`~${paths.signIn()}${kept.toString() ? `?${kept}` : ''}`, { replace: true });
    void (async () => {
      setBusy(true);
      setError(undefined);
      const answer = await client.mutation(SignInWithLinkDocument, { input: { token: linkToken } }).toPromise();
      if (!answer.data) {
        setBusy(false);
        setError(answer.error);
        return;
      }
      await start(answer.data.signInWithLink);
    })();
    // `start` is recreated each render; the link is redeemed once per token whatever else changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkToken]);

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
        ) : ended === 'signed-out-everywhere' ? (
          <p className="notice" role="status">
            {t('session.signedOutEverywhere')}
          </p>
        ) : ended === 'deleted' ? (
          <p className="notice" role="status">
            {t('session.deleted')}
          </p>
        ) : null}
        {mode === 'link' ? (
          <SignInLinkRequest eventSlug={eventSlug} onUseCode={() => setMode('code')} />
        ) : (
          <>
            <p>{t('signIn.intro')}</p>
            <SignInForm busy={busy} error={error} onSubmit={signIn} />
            <p className="sign-in-alternative">
              <button type="button" className="button-link" onClick={() => setMode('link')}>
                {t('signInLink.open')}
              </button>
            </p>
          </>
        )}
      </main>
    </>
  );
}
