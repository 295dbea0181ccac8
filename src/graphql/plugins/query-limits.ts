// Apollo plugin: rejects queries that are too costly before they run (graphql-query-complexity).
import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, isListType, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../query/index.js';
import { rejection } from '../errors.js';

/** Default most expensive query allowed. */
export const DEFAULT_MAX_COST = 10_000;

/** A numeric argument clamped to its allowed range: out-of-range values are for argument validation to reject. */
const num = (value: unknown, fallback: number, max = 100) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : fallback;

/** Expected length of a list with no size argument (citations, hops, checks, actors of an event). */
export const LIST_FACTOR = 5;

/**
 * Costs a field by how much work and output it may cause: a connection `first` items of its children;
 * a path query 10 per hop of each of its `limit` paths; any other list LIST_FACTOR of its children.
 */
export const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const child = Math.max(1, childComplexity);
  if (field.name === 'transferPaths') {
    const o = (args.options ?? {}) as { limit?: number; maxHops?: number };
    return 10 * num(o.limit, 20) * num(o.maxHops, 4, 6) + child;
  }
  if (field.name === 'subgraph') return 100 * (1 + num(args.depth, 1, 4)) + child;
  const fieldType = getNamedType(field.type).name;
  if ('first' in args || fieldType.endsWith('Connection')) return 1 + num(args.first, DEFAULT_PAGE_SIZE) * child;
  if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1 + child;
  if (isListType(getNullableType(field.type))) return 1 + LIST_FACTOR * child;
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
