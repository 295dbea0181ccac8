// Apollo plugin: logs errors a client cannot fix (internal, unavailable) with their cause; user errors stay quiet.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ArmsgraphError } from '../../domain/errors.js';

/** Builds the plugin around a pino logger. */
export function errorLogPlugin<T extends object>(logger: Logger): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = original instanceof ArmsgraphError ? original.code : error.extensions?.code;
            if (code === 'UNAVAILABLE') logger.warn({ operationName, path: error.path, msg: (original as Error).message }, 'store unavailable');
            else if (code === undefined || code === 'INTERNAL' || code === 'INTERNAL_SERVER_ERROR') {
              logger.error({ operationName, path: error.path, err: original }, 'internal error while answering a GraphQL request');
            }
          }
        },
      };
    },
  };
}
