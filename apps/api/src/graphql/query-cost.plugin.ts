import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
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

/** Costs remembered per document: enough for every variable set a client app sends, bounded against floods. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Refuses, before anything runs, an operation whose estimated cost exceeds the budget.
 *
 * The estimate walks the whole operation, yet depends only on the document, the operation
 * and the variables. Apollo hands the same parsed document to every request with the same
 * query text, so costs are remembered per document (weakly: they go when the document does).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => {
    let known = costs.get(document);
    if (!known) costs.set(document, (known = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let cost = known.get(key);
    if (cost === undefined) {
      cost = estimate(schema, document, operationName, variables);
      if (known.size < COSTS_PER_DOCUMENT) known.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = costOf(schema, document, request.operationName ?? undefined, request.variables ?? {});
          if (cost !== null && cost > maxCost) {
            throw new GraphQLError(`This query would cost ${cost}, over the budget of ${maxCost}: ask for smaller pages or fewer fields`, {
              extensions: { code: QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Null when the variables do not fit the schema: execution refuses them next, with a BAD_USER_INPUT naming the field. */
function estimate(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number | null {
  try {
    return getComplexity({ schema, query: document, operationName, variables, estimators: [pageAwareEstimator] });
  } catch {
    return null;
  }
}
