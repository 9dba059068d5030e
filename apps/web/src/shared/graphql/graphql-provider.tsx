import type { ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { sessionStore, useSession } from '../session';
import { createGraphqlClient } from './client';

let current: { token?: string; client: ReturnType<typeof createGraphqlClient> } | undefined;

/** The client of the signed-in session: signing in or out replaces it (and closes its socket), so no cache outlives its owner. */
function clientForSession(token: string | undefined): Client {
  if (!current || current.token !== token) {
    current?.client.dispose();
    current = { token, client: createGraphqlClient({ token, onUnauthenticated: () => sessionStore.end('expired') }) };
  }
  return current.client.client;
}

export function GraphqlProvider({ children }: { children: ReactNode }) {
  return <Provider value={clientForSession(useSession()?.token)}>{children}</Provider>;
}
