// Apollo plugin: rejects queries that are too costly before they run (graphql-query-complexity).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, DEFAULT_ROUTE_MAX_HOPS } from '../../query/index.js';
import { rejection } from '../errors.js';

/** Default most expensive query allowed. */
export const DEFAULT_MAX_COST = 10_000;

/** A numeric argument clamped to its allowed range: out-of-range values are for argument validation to reject. */
const num = (value: unknown, fallback: number, max = 100) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : fallback;

/** Expected length of a list with no size argument (citations, hops, checks, actors of an event). */
export const LIST_FACTOR = 5;

/** Fields that aggregate over the whole graph (SIPRI: ~25,000 delivery rows; ×10: ten times that) and their cost. */
const AGGREGATES = new Set(['transferTrends', 'dependence', 'deliveryLags']);
export const AGGREGATE_COST = 1_000;

/**
 * Costs a field by how much work and output it may cause: a connection `first` items of its children;
 * a path query 10 per hop of each of its `limit` paths; a routes query 10 per hop of each route on its page (the
 * witness chains read whole and checked) plus `first` times each route's selection, so its chains' and its hops'
 * transfers' pages multiply in; a trend question AGGREGATE_COST; any other list LIST_FACTOR of its children.
 */
export const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const child = Math.max(1, childComplexity);
  if (field.name === 'transferPaths') {
    const o = (args.options ?? {}) as { limit?: number; maxHops?: number };
    return 10 * num(o.limit, 20) * num(o.maxHops, 4, 6) + child;
  }
  if (field.name === 'transferRoutes') {
    const first = num(args.first, DEFAULT_PAGE_SIZE);
    const o = (args.options ?? {}) as { maxHops?: number };
    return 10 * first * num(o.maxHops, DEFAULT_ROUTE_MAX_HOPS, 6) + 1 + first * child;
  }
  if (field.name === 'subgraph') return 100 * (1 + num(args.depth, 1, 4)) + child;
  // The trend questions aggregate every delivery the filter selects: a fixed, high cost, so one operation holds few.
  if (AGGREGATES.has(field.name)) return AGGREGATE_COST + child;
  const fieldType = getNamedType(field.type).name;
  if ('first' in args || fieldType.endsWith('Connection')) return 1 + num(args.first, DEFAULT_PAGE_SIZE) * child;
  if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1 + child;
  if (isListType(getNullableType(field.type))) return 1 + LIST_FACTOR * child;
  return undefined;
};

/** Most cached costs per document (variables that change the cost are few; a full cache is simply cleared). */
const COSTS_PER_DOCUMENT = 256;

/**
 * The part of the variables a cost can depend on: strings never do (ids, dates, enums; `@include(if:)` takes a
 * Boolean), so they are blanked and questions that differ only in who and when share one cached cost.
 */
const costKey = (operationName: string | undefined, variables: Record<string, unknown> | undefined) =>
  `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {}, (_, v: unknown) => (typeof v === 'string' ? '' : v))}`;

/** Builds the plugin for a schema; `maxCost` bounds the estimated cost of one operation. */
export function queryLimitsPlugin<T extends object>(schema: GraphQLSchema, maxCost = DEFAULT_MAX_COST): ApolloServerPlugin<T> {
  // Apollo hands the same parsed DocumentNode for the same query text (its document store), so costs are cached
  // per document: walking the document on every request was ~14 % of a paths request's CPU.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined) => {
    const key = costKey(operationName, variables);
    let known = costs.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        ...(operationName ? { operationName } : {}),
        estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch (error) {
      // Costing coerces the variables first: a variable of the wrong type is the client's error, not a crash.
      if (error instanceof GraphQLError) throw rejection(error.message, 'BAD_USER_INPUT');
      throw error;
    }
    if (known === undefined) costs.set(document, (known = new Map()));
    if (known.size >= COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation of that name: Apollo answers OPERATION_RESOLUTION_FAILURE itself.
          if (!operation) return;
          // The schema has only queries; graphql-js would fail a mutation at execution, as an internal error.
          if (!schema.getRootType(operation.operation)) {
            throw rejection(`This API is read-only: it has no ${operation.operation} operations`, 'GRAPHQL_VALIDATION_FAILED');
          }
          const cost = costOf(document, request.operationName ?? undefined, request.variables);
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
