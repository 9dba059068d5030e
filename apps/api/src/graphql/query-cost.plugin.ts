import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Lists without a page size are assumed this long when costing a query. */
const ASSUMED_LIST_LENGTH = 10;

/**
 * Every field costs 1; a field with a `first` argument multiplies what it
 * selects by `first` (a page of 100 costs 100 times its rows); other lists by
 * an assumed length — except `edges`, whose size its connection already paid.
 */
export const pageAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const pageSize = typeof args.first === 'number' ? Math.max(args.first, 0) : undefined;
  if (pageSize !== undefined) return 1 + childComplexity * pageSize;
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') return 1 + childComplexity * ASSUMED_LIST_LENGTH;
  return 1 + childComplexity;
};

export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

/** Refuses, before anything runs, an operation whose estimated cost exceeds the budget. */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageAwareEstimator],
            });
          } catch {
            // Variables that do not fit the schema: execution refuses them next, with a BAD_USER_INPUT naming the field.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`This query would cost ${cost}, over the budget of ${maxCost}: ask for smaller pages or fewer fields`, {
              extensions: { code: QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
