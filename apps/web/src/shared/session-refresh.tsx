import { useEffect } from 'react';
import { useClient } from 'urql';
import { getFragmentData } from '../gql';
import { sessionStore, useSession } from './session';
import { RefreshSessionDocument, SessionFieldsFragment } from './session.documents';

const CHECK_EVERY_MS = 60_000;

/**
 * Keeps a session alive for as long as the API lets it last: once the token's `refreshAfter` has
 * passed (checked every minute and whenever the page comes back into view), it is exchanged for a
 * fresh one. A refused refresh ends the session like any refused token (the GraphQL client does that).
 */
export function SessionRefresh() {
  const client = useClient();
  const session = useSession();
  const token = session?.token;
  const refreshAfter = session?.refreshAfter;

  useEffect(() => {
    if (!token || !refreshAfter) return;
    let refreshing = false;
    const check = async () => {
      if (refreshing || Date.parse(refreshAfter) > Date.now() || document.visibilityState === 'hidden') return;
      refreshing = true;
      const result = await client.mutation(RefreshSessionDocument, {}).toPromise();
      const current = sessionStore.get();
      // Only replace the session it was asked for (not one started meanwhile in another tab).
      if (result.data && current?.token === token) {
        sessionStore.start(sessionStore.fromPayload(getFragmentData(SessionFieldsFragment, result.data.refreshSession), current.eventSlug));
      }
      refreshing = false;
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    const onVisible = () => void check();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client, token, refreshAfter]);

  return null;
}
