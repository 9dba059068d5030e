import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';
import type { AppLogger } from '../logging/app-logger';
import { isClientFacing } from './format-graphql-error';
import type { GraphqlContext } from '../common/graphql-context';

export const INTERNAL_ERROR_LOG_MESSAGE = 'Unexpected error while resolving a GraphQL operation';

/**
 * Logs each error the client only sees as INTERNAL_SERVER_ERROR, in full and with the id of
 * the request (the `x-request-id` its response carries), so a report from a user leads to it.
 */
export function internalErrorLogPlugin(logger: AppLogger): ApolloServerPlugin<GraphqlContext> {
  const listener = {
    async didEncounterErrors({ errors, contextValue }: { errors: readonly GraphQLError[]; contextValue: GraphqlContext }) {
      for (const error of errors) {
        if (!isClientFacing(error, error.extensions?.code)) {
          logger.error({ reqId: (contextValue.req as { id?: string }).id, err: unwrapResolverError(error) }, INTERNAL_ERROR_LOG_MESSAGE);
        }
      }
    },
  };
  // One listener for every request: nothing is allocated per request unless it fails.
  return { requestDidStart: async () => listener };
}
