// Apollo plugin: a mutation runs only for a token of the editor role or above, checked before any resolver runs.
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { requireRole, type Principal } from '../../auth/index.js';
import { ArmsgraphError } from '../../domain/errors.js';
import { GRAPHQL_CODES } from '../errors.js';

/** HTTP status of a refusal: 401 asks for a token, 403 says the token's role is too low. */
export const ACCESS_STATUS: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** A refusal of authorisation as a GraphQL error with its code and HTTP status (a 401 asks for a Bearer token). */
export function accessRejection(error: ArmsgraphError): GraphQLError {
  const code = GRAPHQL_CODES[error.code];
  const status = ACCESS_STATUS[code] ?? 400;
  const headers = status === 401 ? new HeaderMap([['www-authenticate', 'Bearer']]) : undefined;
  return new GraphQLError(error.message, { extensions: { code, http: { status, ...(headers && { headers }) } } });
}

/**
 * Builds the plugin. Whatever the mutation fields are, a request below editor is refused as a whole with
 * UNAUTHENTICATED (no token) or FORBIDDEN (a reader's token), so no resolver of a write ever starts for it.
 * A schema without mutations is left to the read-only check of the query-limits plugin.
 */
export function writeAccessPlugin<T extends { readonly principal: Principal }>(): ApolloServerPlugin<T> {
  const listener: GraphQLRequestListener<T> = {
    async didResolveOperation({ operation, schema, contextValue }) {
      if (operation?.operation !== 'mutation' || !schema.getMutationType()) return;
      try {
        requireRole(contextValue.principal, 'editor');
      } catch (error) {
        if (error instanceof ArmsgraphError) throw accessRejection(error);
        throw error;
      }
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
