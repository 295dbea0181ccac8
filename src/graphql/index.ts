// The GraphQL layer: schema-first API over a GraphStore.
export { createApollo, DEFAULT_MAX_DEPTH } from './apollo.js';
export type { ApiOptions } from './apollo.js';
export { createContext } from './context.js';
export type { GraphQLContext, RequestAccess } from './context.js';
export { createSchema, readTypeDefs, SCHEMA_DIR } from './schema.js';
export { GRAPHQL_CODES, createFormatError } from './errors.js';
export { DEFAULT_MAX_COST } from './plugins/query-limits.js';
export { errorLogPlugin } from './plugins/error-log.js';
export { ACCESS_STATUS, accessRejection, writeAccessPlugin } from './plugins/write-access.js';
export { batchRefusal, requestsWrite } from './writes.js';
export type { Refusal } from './writes.js';
export { serveSubscriptions } from './subscriptions.js';
export type { SubscriptionOptions } from './subscriptions.js';
