// A tiny GraphQL client: POSTs a typed document as JSON to /graphql and turns GraphQL errors into one typed error.
import type { TypedDocumentString } from './generated/graphql.js';

/** A failed GraphQL request, with the server's first message and its `extensions.code`. */
export class GraphQLRequestError extends Error {
  /** `extensions.code` of the first error (BAD_USER_INPUT, NOT_FOUND, …), or HTTP_<status> / NETWORK_ERROR. */
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'GraphQLRequestError';
    this.code = code;
  }
}

interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message?: string; readonly extensions?: { readonly code?: unknown } }[];
}

/** Options of one request. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Endpoint (default `/graphql`, same origin). */
  readonly endpoint?: string;
  /** The fetch to use (tests pass a stub). */
  readonly fetch?: typeof fetch;
}

/**
 * What follows the document: its variables (optional when the operation requires none) and the request options.
 * `{} extends TVariables` holds exactly when every variable is optional.
 */
export type GqlArguments<TVariables> = {} extends TVariables
  ? [variables?: TVariables, options?: RequestOptions]
  : [variables: TVariables, options?: RequestOptions];

/**
 * Runs one GraphQL operation and returns its `data`, typed by the document (documents/*.graphql, typed by
 * `npm run codegen`), as are its variables. Throws GraphQLRequestError carrying `errors[0].message` and
 * `extensions.code` when the answer has errors, is not JSON, or the request fails.
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables, options = {}]: GqlArguments<TVariables>
): Promise<TResult> {
  const query = document.toString();
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      ...(options.signal !== undefined && { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new GraphQLRequestError(`Cannot reach the server: ${error instanceof Error ? error.message : String(error)}`, 'NETWORK_ERROR');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new GraphQLRequestError(`The server answered ${response.status} ${response.statusText} without JSON`, `HTTP_${response.status}`);
  }
  const first = body.errors?.[0];
  if (first !== undefined) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : `HTTP_${response.status}`;
    throw new GraphQLRequestError(first.message ?? 'Unknown GraphQL error', code);
  }
  if (body.data == null) throw new GraphQLRequestError(`The server answered ${response.status} with no data`, `HTTP_${response.status}`);
  return body.data;
}
