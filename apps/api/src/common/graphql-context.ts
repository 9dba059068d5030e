import type { RequestWithAuth } from '../auth/auth.decorators';
import type { RequestLoaders } from '../graphql/request-loaders';

/** What every resolver finds in its GraphQL context. */
export interface GraphqlContext {
  req: RequestWithAuth;
  /** The HTTP reply (Fastify's); none over WebSocket. */
  reply?: { header(name: string, value: string): unknown };
  loaders: RequestLoaders;
}
