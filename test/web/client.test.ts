// The dashboard's GraphQL client: data out, or one error with the server's message and extensions.code.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { gql, GraphQLRequestError, setBearerToken } from '../../src/web/api/client.js';
import { TypedDocumentString, type DashboardResolveQuery } from '../../src/web/api/generated/graphql.js';
import { RESOLVE_QUERY } from '../../src/web/api/queries.js';

/** A document typed as the generated ones are. */
const doc = <TResult = unknown, TVariables = Record<string, never>>(text: string) => new TypedDocumentString<TResult, TVariables>(text);

const answer = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

async function failure(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLRequestError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLRequestError');
}

describe('gql', () => {
  it('surfaces errors[0].message and extensions.code', async () => {
    const error = await failure(gql(doc('{ x }'), {}, { fetch: answer(200, { errors: [{ message: 'unknown actor "Japn"', extensions: { code: 'NOT_FOUND' } }, { message: 'second' }] }) }));
    expect([error.message, error.code]).toEqual(['unknown actor "Japn"', 'NOT_FOUND']);
  });

  it('keeps the issues of a refused claim, each naming its field, and drops malformed ones', async () => {
    const issues = [{ field: 'input.recipient', message: 'unknown actor "Atlantis"' }, { field: 'input.citations[0].quote', message: 'quote not found' }];
    const error = await failure(gql(doc('{ x }'), {}, { fetch: answer(200, { errors: [{ message: 'the claim does not hold', extensions: { code: 'BAD_USER_INPUT', issues: [...issues, { field: 3 }, 'x'] } }] }) }));
    expect([error.code, error.issues]).toEqual(['BAD_USER_INPUT', issues]);
    expect((await failure(gql(doc('{ x }'), {}, { fetch: answer(200, { errors: [{ message: 'no', extensions: { code: 'NOT_FOUND' } }] }) }))).issues).toEqual([]);
  });

  it('sends the signed-in token as Authorization: Bearer, and none once signed out', async () => {
    const seen: (string | null)[] = [];
    const ok = (async (_: string, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return new Response(JSON.stringify({ data: {} }), { status: 200 });
    }) as unknown as typeof fetch;
    try {
      setBearerToken('ag_abc');
      await gql(doc('{ me { name } }'), {}, { fetch: ok });
    } finally {
      setBearerToken(undefined);
    }
    await gql(doc('{ me { name } }'), {}, { fetch: ok });
    expect(seen).toEqual(['Bearer ag_abc', null]);
  });

  it('names the HTTP status when the answer is not JSON or has no data', async () => {
    expect((await failure(gql(doc('{ x }'), {}, { fetch: answer(502, '<html>bad gateway</html>') }))).code).toBe('HTTP_502');
    expect((await failure(gql(doc('{ x }'), {}, { fetch: answer(200, { data: null }) }))).code).toBe('HTTP_200');
    expect((await failure(gql(doc('{ x }'), {}, { fetch: answer(400, { errors: [{ message: 'bad' }] }) }))).code).toBe('HTTP_400');
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await failure(gql(doc('{ x }'), {}, { fetch: down }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toContain('fetch failed');
  });

  it('posts JSON to /graphql and returns data', async () => {
    let seen: { url: string; init: RequestInit | undefined } | undefined;
    const ok = (async (url: string, init?: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ data: { stats: { actors: 10 } } }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await gql(doc<{ stats: { actors: number } }, { a: number }>('query S { stats { actors } }'), { a: 1 }, { fetch: ok })).toEqual({ stats: { actors: 10 } });
    expect(seen?.url).toBe('/graphql');
    expect(seen?.init?.method).toBe('POST');
    expect(new Headers(seen?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(seen?.init?.body))).toEqual({ query: 'query S { stats { actors } }', variables: { a: 1 } });
  });

  it('types the variables and the result by the generated document, and posts its text', async () => {
    let sent: unknown;
    const ok = (async (_: string, init?: RequestInit) => {
      sent = JSON.parse(String(init?.body));
      return new Response(JSON.stringify({ data: { from: { id: 'JP', name: 'Japan' } } }), { status: 200 });
    }) as unknown as typeof fetch;
    const data = await gql(RESOLVE_QUERY, { from: 'Japan' }, { fetch: ok });
    expectTypeOf(data).toEqualTypeOf<DashboardResolveQuery>();
    // @ts-expect-error: the document's required variable `from` is missing.
    void (() => gql(RESOLVE_QUERY, {}, { fetch: ok }));
    expect(data.from?.name).toBe('Japan');
    expect(sent).toEqual({ query: RESOLVE_QUERY.toString(), variables: { from: 'Japan' } });
  });
});
