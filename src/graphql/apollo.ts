// The Apollo Server of the API: schema, write access, limits (depth, cost), CSRF prevention, introspection, error formatting.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLContext } from './context.js';
import { depthLimitRule } from './depth-limit.js';
import { createFormatError } from './errors.js';
import { DEFAULT_MAX_ALIASES, maxAliasesRule } from './max-aliases.js';
import { inputLimitsPlugin } from './plugins/input-limits.js';
import { queryLimitsPlugin, DEFAULT_MAX_COST } from './plugins/query-limits.js';
import { writeAccessPlugin } from './plugins/write-access.js';
import { createSchema } from './schema.js';

/** Options of the API. */
export interface ApiOptions {
  /** Stack traces and internal messages in errors. */
  readonly development: boolean;
  /** Schema introspection (GraphiQL needs it). */
  readonly introspection: boolean;
  /** Deepest selection allowed. */
  readonly maxDepth?: number;
  /** Largest estimated cost allowed. */
  readonly maxCost?: number;
  /** Most aliased fields in one document. */
  readonly maxAliases?: number;
  /** More plugins (the server adds its drain plugin). */
  readonly plugins?: ApolloServerPlugin<GraphQLContext>[];
  /** The executable schema. Default: `createSchema()` (schema/*.graphql); tests extend it (a test-only mutation). */
  readonly schema?: GraphQLSchema;
}

/** Default deepest selection. */
export const DEFAULT_MAX_DEPTH = 12;

/** Creates (but does not start) the Apollo server. */
export function createApollo(options: ApiOptions): ApolloServer<GraphQLContext> {
  const schema = options.schema ?? createSchema();
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: options.introspection,
    csrfPrevention: true,
    // The server owns shutdown (SIGTERM/SIGINT): it stops Apollo, which drains HTTP, then closes the store.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: options.development,
    validationRules: [depthLimitRule(options.maxDepth ?? DEFAULT_MAX_DEPTH), maxAliasesRule(options.maxAliases ?? DEFAULT_MAX_ALIASES)],
    formatError: createFormatError({ development: options.development }),
    plugins: [
      // No HTTP caching hints are used; computing them per field costs measurable time on large results.
      ApolloServerPluginCacheControlDisabled(),
      // Who may write, before what a write would cost: a refused mutation is refused for that, whatever it asks.
      writeAccessPlugin<GraphQLContext>(),
      inputLimitsPlugin<GraphQLContext>(),
      queryLimitsPlugin<GraphQLContext>(schema, options.maxCost ?? DEFAULT_MAX_COST),
      ...(options.plugins ?? []),
    ],
  });
}
