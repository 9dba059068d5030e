import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';
import { connection } from './connection';

export interface GraphqlClientOptions {
  /** The signed-in person's token, if any. */
  token?: string;
  /** The API refused the token (expired, revoked, the person erased): the session is over. */
  onUnauthenticated: () => void;
}

/** A live socket answers a ping within this long, or it is taken for lost (a phone that left the Wi-Fi). */
const PONG_TIMEOUT_MS = 5_000;
const PING_EVERY_MS = 15_000;

export function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphqlError) => graphqlError.extensions?.code === 'UNAUTHENTICATED');
}

/** The live socket on /graphql (graphql-ws), reconnecting for as long as the page is open. */
function createSocket(token: string | undefined): SocketClient {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  let socket: WebSocket | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  return createSocketClient({
    url: `${protocol}//${location.host}/graphql`,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: true,
    lazyCloseTimeout: 1_000,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    // A failed connection attempt (no network yet) is worth retrying as much as a dropped one.
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 5_000))),
    on: {
      connected: (connected) => {
        socket = connected as WebSocket;
        connection.found();
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        socket = undefined;
        // 1000 is the lazy close after the last subscription ended, not a loss.
        if ((event as CloseEvent | undefined)?.code !== 1000) connection.lost();
      },
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Pong timeout');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });
}

/**
 * The GraphQL client of one session: queries and mutations over POST /graphql (JSON, so Apollo's
 * CSRF prevention is satisfied), subscriptions over the socket, the token on both.
 */
export function createGraphqlClient({ token, onUnauthenticated }: GraphqlClientOptions): { client: Client; dispose: () => void } {
  const socket = createSocket(token);
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
    exchanges: [
      mapExchange({
        onResult: (result) => {
          if (!result.error?.networkError) connection.found();
        },
        onError: (error) => {
          if (error.networkError) connection.lost();
          if (token && isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void socket.dispose() };
}
