// Whether a request body (one operation or a batch) asks for a write, so a batch can be refused as a whole.
import { Kind, getOperationAST, parse, type DocumentNode } from 'graphql';
import { requireRole, roleAtLeast, type Principal } from '../auth/index.js';
import { ArmsgraphError } from '../domain/errors.js';
import { GRAPHQL_CODES } from './errors.js';
import { ACCESS_STATUS } from './plugins/write-access.js';

/** The operation of a document that would run; every operation when the name does not pick one (Apollo refuses those). */
function chosen(document: DocumentNode, operationName: unknown): string[] {
  const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
  if (operation) return [operation.operation];
  return document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.operation] : []));
}

/**
 * Whether any operation of `body` is a mutation. Only texts that contain the word `mutation` are parsed (a query
 * is not parsed twice); a text that does not parse writes nothing (Apollo answers its parse error).
 */
export function requestsWrite(body: unknown): boolean {
  const operations = Array.isArray(body) ? body : [body];
  return operations.some((op) => {
    const text = (op as { query?: unknown } | null)?.query;
    if (typeof text !== 'string' || !/\bmutation\b/.test(text)) return false;
    try {
      return chosen(parse(text, { noLocation: true }), (op as { operationName?: unknown }).operationName).includes('mutation');
    } catch {
      return false;
    }
  });
}

/** Why a request is refused before it runs: its HTTP status, `extensions.code` and message. */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The refusal of a batch holding a mutation the caller may not make (UNAUTHENTICATED 401 without a token,
 * FORBIDDEN 403 below editor), or undefined. Apollo runs a batch's operations one by one, and the write-access
 * plugin refuses only the mutation: refused here, none of the batch runs. Editors' batches are not parsed.
 */
export function batchRefusal(body: unknown, principal: Principal): Refusal | undefined {
  if (!Array.isArray(body) || roleAtLeast(principal.role, 'editor') || !requestsWrite(body)) return undefined;
  try {
    requireRole(principal, 'editor');
    return undefined;
  } catch (error) {
    if (!(error instanceof ArmsgraphError)) throw error;
    const code = GRAPHQL_CODES[error.code];
    return { status: ACCESS_STATUS[code] ?? 403, code, message: `The batch holds a mutation; none of it was run. ${error.message}` };
  }
}
