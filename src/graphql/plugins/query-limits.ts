// Apollo plugin: rejects queries that are too costly before they run (graphql-query-complexity).
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../query/index.js';
import { rejection } from '../errors.js';

/** Default most expensive query allowed. */
export const DEFAULT_MAX_COST = 10_000;

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/**
 * Costs lists by how many items they may return: a connection `first` items of its children; a path query
 * its `limit` paths of up to `maxHops` hops each; search its `first` hits.
 */
export const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name === 'transferPaths') {
    const o = (args.options ?? {}) as { limit?: number; maxHops?: number };
    const limit = num(o.limit, 20);
    const hops = num(o.maxHops, 4);
    return 10 * hops + limit * hops * Math.max(1, childComplexity);
  }
  if ('first' in args || /Connection$/.test(String(field.type).replace(/!$/, ''))) {
    return 1 + num(args.first, DEFAULT_PAGE_SIZE) * Math.max(1, childComplexity);
  }
  if (field.name === 'subgraph') return 50 * (1 + num(args.depth, 1)) + 50 * Math.max(1, childComplexity);
  return undefined;
};

/** Builds the plugin for a schema; `maxCost` bounds the estimated cost of one operation. */
export function queryLimitsPlugin<T extends object>(schema: GraphQLSchema, maxCost = DEFAULT_MAX_COST): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw rejection(
              `Query cost ${cost} exceeds the limit of ${maxCost}: ask for fewer items (first, limit, maxHops) or fewer nested lists`,
              'QUERY_TOO_COMPLEX',
              { cost, maxCost },
            );
          }
        },
      };
    },
  };
}
