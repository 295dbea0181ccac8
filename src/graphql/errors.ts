// The one place where errors become GraphQL errors: project codes → extensions.code, no stacks outside development.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArmsgraphError, type ErrorCode } from '../domain/errors.js';

/** extensions.code for each project error code. */
export const GRAPHQL_CODES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: 'BAD_USER_INPUT',
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** Builds Apollo's formatError: maps our errors, keeps GraphQL's own codes, hides internals in production. */
export function createFormatError(options: { development: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      if (original instanceof ArmsgraphError) {
        const { suggestions, argument, issues } = original.details as { suggestions?: string[]; argument?: string; issues?: { field: string; message: string }[] };
        return {
          ...formatted,
          message: original.message,
          extensions: {
            code: GRAPHQL_CODES[original.code],
            ...(argument !== undefined && { argument }),
            ...(suggestions !== undefined && { suggestions }),
            // A claim that does not hold: every problem, each naming its argument (`input.citations[0].quote`).
            ...(issues !== undefined && { issues: issues.map(({ field, message }) => ({ field, message })) }),
            ...(options.development && formatted.extensions?.stacktrace !== undefined && { stacktrace: formatted.extensions.stacktrace }),
          },
        };
      }
      const code = formatted.extensions?.code;
      if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
        return {
          ...formatted,
          message: options.development ? formatted.message : 'Internal server error',
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            ...(options.development && formatted.extensions?.stacktrace !== undefined && { stacktrace: formatted.extensions.stacktrace }),
          },
        };
      }
      return formatted;
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  };
}

/** A GraphQL error for a request rejected before execution (too deep, too costly, too many operations). */
export function rejection(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 }, ...extra } });
}
