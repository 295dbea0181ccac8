// A tiny GraphQL client: POSTs a typed document as JSON to /graphql (with the signed-in editor's token, if any) and
// turns GraphQL errors into one typed error.
import type { TypedDocumentString } from './generated/graphql.js';

/** One problem of a refused claim (`extensions.issues`): the argument it is about (`input.recipient`) and why. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** A failed GraphQL request, with the server's first message and its `extensions.code`. */
export class GraphQLRequestError extends Error {
  /** `extensions.code` of the first error (BAD_USER_INPUT, NOT_FOUND, …), or HTTP_<status> / NETWORK_ERROR. */
  readonly code: string;
  /** Every problem of a refused claim, each naming its field (empty for other errors). */
  readonly issues: readonly FieldIssue[];
  constructor(message: string, code: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'GraphQLRequestError';
    this.code = code;
    this.issues = issues;
  }
}

interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message?: string; readonly extensions?: { readonly code?: unknown; readonly issues?: unknown } }[];
}

/** The token every request sends (`Authorization: Bearer …`), set by the sign-in; none: the anonymous reader. */
let bearer: string | undefined;

/** Sets (or, with undefined, forgets) the token every later request sends. */
export function setBearerToken(token: string | undefined): void {
  bearer = token;
}

/** The issues of an error's extensions, kept when they have the `{ field, message }` shape. */
function issuesOf(extensions: { readonly issues?: unknown } | undefined): FieldIssue[] {
  if (!Array.isArray(extensions?.issues)) return [];
  return extensions.issues.filter(
    (i): i is FieldIssue => typeof i === 'object' && i !== null && typeof (i as FieldIssue).field === 'string' && typeof (i as FieldIssue).message === 'string',
  );
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
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }) },
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
    throw new GraphQLRequestError(first.message ?? 'Unknown GraphQL error', code, issuesOf(first.extensions));
  }
  if (body.data == null) throw new GraphQLRequestError(`The server answered ${response.status} with no data`, `HTTP_${response.status}`);
  return body.data;
}
