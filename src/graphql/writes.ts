// Whether a request body (one operation or a batch) asks for a write, so a batch can be refused as a whole.
import { Kind, getOperationAST, parse, type DocumentNode } from 'graphql';

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
