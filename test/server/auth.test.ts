// Who may read and write, through the real server: every refusal with its HTTP status and extensions.code, nothing
// written by any of them (a test-only mutation counts its runs), rate limits per token, no token in the logs.
import { Writable } from 'node:stream';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAuditLog, authConfig, hashToken, newToken, requireRole, type AuthConfig, type TokenEntry } from '../../src/auth/index.js';
import type { GraphQLContext } from '../../src/graphql/index.js';
import { readTypeDefs } from '../../src/graphql/index.js';
import { resolvers } from '../../src/graphql/resolvers/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { createServer } from '../../src/server.js';
import { MemoryStore } from '../../src/store/index.js';
import { SEED_DIR } from '../contract/graph-store.contract.js';

const TOKEN = { reader: newToken(), editor: newToken(), admin: newToken(), expired: newToken(), expiredAdmin: newToken() };
const ENTRIES: TokenEntry[] = [
  { name: 'analyst', role: 'reader', sha256: hashToken(TOKEN.reader) },
  { name: 'ci', role: 'editor', sha256: hashToken(TOKEN.editor), expires: '2999-01-01T00:00:00Z' },
  { name: 'root', role: 'admin', sha256: hashToken(TOKEN.admin) },
  { name: 'old', role: 'reader', sha256: hashToken(TOKEN.expired), expires: '2020-01-01T00:00:00Z' },
  { name: 'old-root', role: 'admin', sha256: hashToken(TOKEN.expiredAdmin), expires: '2021-06-30T12:00:00+02:00' },
];

/** Runs of the test-only mutation that got past authorisation: must stay 0 through every refusal. */
let written = 0;

/**
 * The API's schema plus a test-only `Mutation { bump }` that writes the way resolvers are meant to: requireRole
 * first, then the change, then the audit log.
 */
function schemaWithMutation() {
  return makeExecutableSchema({
    typeDefs: [...readTypeDefs(), '"Test only." type Mutation { "Counts a write." bump: Int! }'],
    resolvers: [
      resolvers,
      {
        Mutation: {
          bump: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
            const who = requireRole(ctx.principal, 'editor');
            written += 1;
            await ctx.audit.append({ who: who.name, role: who.role, action: 'bump', target: 'counter', before: { value: written - 1 }, after: { value: written } });
            return written;
          },
        },
      },
    ],
    inheritResolversFromInterfaces: true,
  });
}

const store = new MemoryStore();
const opened: (() => Promise<void>)[] = [];
beforeAll(async () => {
  await store.load(await loadSeedDir(SEED_DIR));
});
afterAll(async () => {
  for (const close of opened) await close();
});

async function serve(auth: AuthConfig, logger = pino({ level: 'silent' })): Promise<FastifyInstance> {
  const dataset = await loadSeedDir(SEED_DIR);
  const { app, shutdown } = await createServer({ store, logger, auth, audit: new MemoryAuditLog(), schema: schemaWithMutation(), reload: async () => dataset });
  opened.push(() => shutdown(0));
  return app;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (payload: unknown, headers: Record<string, string> = {}, url = '/graphql'): InjectOptions => ({
  method: 'POST', url, headers: { ...JSON_TYPE, ...headers }, payload: JSON.stringify(payload),
});
const get = (url: string, headers: Record<string, string> = {}): InjectOptions => ({ method: 'GET', url, headers });
const READ = { query: '{ stats { actors } }' };
const WRITE = { query: 'mutation { bump }' };
const gqlUrl = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params)}`;

/** The status and code of an answer: extensions.code of the first error (GraphQL), error.code (/export, /admin), or OK. */
function outcome(res: { statusCode: number; body: string }): [number, string] {
  const body = JSON.parse(res.body) as any;
  const code = body?.errors?.[0]?.extensions?.code ?? body?.error?.code ?? (Array.isArray(body) ? body.find((b: any) => b.errors)?.errors[0].extensions.code : undefined);
  return [res.statusCode, code ?? 'OK'];
}

interface Case {
  readonly name: string;
  readonly request: InjectOptions;
  readonly status: number;
  readonly code: string;
}

/** Refusals by a server with anonymous reading on (the default) and the five tokens above. */
const OPEN_CASES: Case[] = [
  // No token, or one that is not a valid token.
  { name: 'mutation without a token', request: post(WRITE), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'mutation with an unknown token', request: post(WRITE, bearer(newToken())), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'query with an unknown token (a bad token is refused even for reading)', request: post(READ, bearer(newToken())), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'header "Bearer" without a token', request: post(WRITE, { authorization: 'Bearer' }), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'header "Bearer " with blanks only', request: post(READ, { authorization: 'Bearer    ' }), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'Basic credentials', request: post(WRITE, { authorization: `Basic ${Buffer.from('ci:secret').toString('base64')}` }), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a valid token under another scheme', request: post(WRITE, { authorization: `Token ${TOKEN.editor}` }), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'the token alone, without a scheme', request: post(WRITE, { authorization: TOKEN.editor }), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'two tokens in one header', request: post(WRITE, { authorization: `Bearer ${TOKEN.reader} ${TOKEN.editor}` }), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a token of 10 KB', request: post(READ, bearer('x'.repeat(10_000))), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'expired reader token, reading', request: post(READ, bearer(TOKEN.expired)), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'expired admin token, writing', request: post(WRITE, bearer(TOKEN.expiredAdmin)), status: 401, code: 'UNAUTHENTICATED' },
  // A token of too low a role.
  { name: 'reader token on a mutation', request: post(WRITE, bearer(TOKEN.reader)), status: 403, code: 'FORBIDDEN' },
  {
    name: 'reader token on a mutation chosen by operationName from a document that also reads',
    request: post({ query: 'query R { stats { actors } } mutation W { bump }', operationName: 'W' }, bearer(TOKEN.reader)),
    status: 403, code: 'FORBIDDEN',
  },
  { name: 'reader token on a mutation passed with variables', request: post({ query: 'mutation M($on: Boolean!) { bump @include(if: $on) }', variables: { on: true } }, bearer(TOKEN.reader)), status: 403, code: 'FORBIDDEN' },
  { name: 'anonymous on the admin-only audit log', request: post({ query: '{ auditLog { totalCount } }' }), status: 200, code: 'UNAUTHENTICATED' },
  { name: 'reader token on the admin-only audit log', request: post({ query: '{ auditLog { totalCount } }' }, bearer(TOKEN.reader)), status: 200, code: 'FORBIDDEN' },
  { name: 'editor token on the admin-only audit log', request: post({ query: '{ auditLog { totalCount } }' }, bearer(TOKEN.editor)), status: 200, code: 'FORBIDDEN' },
  // Tokens in the URL, however spelt: refused before they are looked at.
  { name: 'POST /graphql?token=', request: post(READ, {}, `/graphql?token=${TOKEN.admin}`), status: 400, code: 'BAD_REQUEST' },
  { name: 'POST /graphql?access_token= with a valid header too', request: post(WRITE, bearer(TOKEN.editor), `/graphql?access_token=${TOKEN.editor}`), status: 400, code: 'BAD_REQUEST' },
  { name: 'POST /graphql?api_key=', request: post(READ, {}, '/graphql?api_key=abc'), status: 400, code: 'BAD_REQUEST' },
  { name: 'POST /graphql?Authorization=Bearer …', request: post(READ, {}, `/graphql?Authorization=${encodeURIComponent(`Bearer ${TOKEN.admin}`)}`), status: 400, code: 'BAD_REQUEST' },
  { name: 'GET /graphql with &X-Auth-Token=', request: get(`${gqlUrl({ query: READ.query })}&X-Auth-Token=abc`, { 'apollo-require-preflight': 'true' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'GET /graphql with a token as the value of an innocent parameter', request: get(gqlUrl({ query: READ.query, q: TOKEN.reader }), { 'apollo-require-preflight': 'true' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'GET /export?token=', request: get(`/export?format=JSON&around=JP&token=${TOKEN.reader}`), status: 400, code: 'BAD_REQUEST' },
  { name: 'GET /export with an unknown token', request: get('/export?format=JSON&around=JP', bearer(newToken())), status: 401, code: 'UNAUTHENTICATED' },
  // What Apollo itself refuses stays refused, whoever asks.
  { name: 'GET mutation with an editor token (mutations only over POST)', request: get(gqlUrl({ query: WRITE.query }), { ...bearer(TOKEN.editor), 'apollo-require-preflight': 'true' }), status: 405, code: 'BAD_REQUEST' },
  {
    name: 'CSRF: a text/plain POST of a mutation without a preflight header, even with an editor token',
    request: { method: 'POST', url: '/graphql', headers: { 'content-type': 'text/plain', ...bearer(TOKEN.editor) }, payload: JSON.stringify(WRITE) },
    status: 400, code: 'BAD_REQUEST',
  },
  { name: 'CSRF: a GET without a preflight header', request: get(gqlUrl({ query: READ.query })), status: 400, code: 'BAD_REQUEST' },
  // A batch is allowed or refused as a whole.
  { name: 'batch of a read and a mutation, reader token', request: post([READ, WRITE], bearer(TOKEN.reader)), status: 403, code: 'FORBIDDEN' },
  { name: 'batch of a read and a mutation, no token', request: post([READ, WRITE]), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'batch with the mutation first, reader token', request: post([WRITE, READ, READ], bearer(TOKEN.reader)), status: 403, code: 'FORBIDDEN' },
  {
    name: 'batch whose second operation picks its mutation by operationName, no token',
    request: post([READ, { query: 'query R { stats { actors } } mutation W { bump }', operationName: 'W' }]),
    status: 401, code: 'UNAUTHENTICATED',
  },
  // Reloading the data is for admins.
  { name: 'POST /admin/reload with an editor token', request: { method: 'POST', url: '/admin/reload', headers: bearer(TOKEN.editor) }, status: 403, code: 'FORBIDDEN' },
  { name: 'POST /admin/reload without a token', request: { method: 'POST', url: '/admin/reload' }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'POST /admin/reload?token=', request: { method: 'POST', url: `/admin/reload?token=${TOKEN.admin}` }, status: 400, code: 'BAD_REQUEST' },
];

describe('authorisation over HTTP, anonymous reading on', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await serve(authConfig({ tokens: ENTRIES, rateLimit: false }));
  });

  it(`refuses ${OPEN_CASES.length} requests, each with its status and code, and none of them writes`, async () => {
    expect(OPEN_CASES.length).toBeGreaterThanOrEqual(30);
    const answers: Record<string, [number, string]> = {};
    for (const c of OPEN_CASES) answers[c.name] = outcome(await app.inject(c.request));
    expect(answers).toEqual(Object.fromEntries(OPEN_CASES.map((c) => [c.name, [c.status, c.code]])));
    expect(written).toBe(0);
  });

  it('says why in the message, asks for Bearer on 401, and never repeats the token', async () => {
    const unknown = newToken();
    const res = await app.inject(post(WRITE, bearer(unknown)));
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ errors: [{ message: expect.stringMatching(/^Unknown token/), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(res.body).not.toContain(unknown);
    const lone = await app.inject(post(WRITE));
    expect(lone.headers['www-authenticate']).toBe('Bearer');
    expect(lone.json()).toEqual({ errors: [{ message: 'This needs a token with the editor role: send the header `Authorization: Bearer <token>`.', extensions: { code: 'UNAUTHENTICATED' } }] });
    const expired = await app.inject(post(READ, bearer(TOKEN.expired)));
    expect(expired.json().errors[0].message).toMatch(/^Expired token: the token "old" expired at 2020-01-01T00:00:00Z/);
    const inUrl = await app.inject(post(READ, {}, `/graphql?token=${TOKEN.admin}`));
    expect(inUrl.json().errors[0].message).toMatch(/not accepted in the URL \(query parameter "token"\)/);
    expect(inUrl.body).not.toContain(TOKEN.admin);
    const csrf = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'text/plain', ...bearer(TOKEN.editor) }, payload: JSON.stringify(WRITE) });
    expect(csrf.json().errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const batch = await app.inject(post([READ, WRITE], bearer(TOKEN.reader)));
    expect(batch.json()).toEqual({ errors: [{ message: expect.stringMatching(/^The batch holds a mutation; none of it was run. The token "analyst" has the reader role/), extensions: { code: 'FORBIDDEN' } }] });
  });

  it('lets anyone read without a token, and tells each caller who it is', async () => {
    const me = '{ me { name role anonymous } }';
    expect((await app.inject(post({ query: me }))).json()).toEqual({ data: { me: { name: null, role: 'READER', anonymous: true } } });
    expect((await app.inject(post({ query: me }, bearer(TOKEN.reader)))).json()).toEqual({ data: { me: { name: 'analyst', role: 'READER', anonymous: false } } });
    expect((await app.inject(post({ query: me }, bearer(TOKEN.editor)))).json()).toEqual({ data: { me: { name: 'ci', role: 'EDITOR', anonymous: false } } });
    expect((await app.inject(post({ query: me }, { authorization: `bearer ${TOKEN.admin}` }))).json()).toEqual({ data: { me: { name: 'root', role: 'ADMIN', anonymous: false } } });
    expect(outcome(await app.inject(get('/export?format=JSON&around=JP')))).toEqual([200, 'OK']);
    expect(outcome(await app.inject(get(gqlUrl({ query: READ.query }), { 'apollo-require-preflight': 'true' })))).toEqual([200, 'OK']);
    expect(written).toBe(0);
  });

  it('lets an editor write (alone or in a batch) and an admin read the audit log of it', async () => {
    expect((await app.inject(post(WRITE, bearer(TOKEN.editor)))).json()).toEqual({ data: { bump: 1 } });
    expect((await app.inject(post([READ, WRITE], bearer(TOKEN.admin)))).json()).toEqual([{ data: { stats: { actors: expect.any(Number) } } }, { data: { bump: 2 } }]);
    expect(written).toBe(2);
    const log = await app.inject(post({ query: '{ auditLog(first: 1) { totalCount nodes { id who role action target before after } pageInfo { hasNextPage endCursor } } }' }, bearer(TOKEN.admin)));
    expect(log.json().data.auditLog).toEqual({
      totalCount: 2,
      nodes: [{ id: '2', who: 'root', role: 'ADMIN', action: 'bump', target: 'counter', before: '{"value":1}', after: '{"value":2}' }],
      pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
    });
    const older = await app.inject(post({ query: 'query($a: String) { auditLog(after: $a) { nodes { who at } } }', variables: { a: log.json().data.auditLog.pageInfo.endCursor } }, bearer(TOKEN.admin)));
    expect(older.json().data.auditLog.nodes).toEqual([{ who: 'ci', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    const reload = await app.inject({ method: 'POST', url: '/admin/reload', headers: bearer(TOKEN.admin) });
    expect(reload.statusCode).toBe(200);
  });
});

describe('authorisation over HTTP, the API as it is (no mutations yet)', () => {
  it('answers a lone mutation as read-only, refuses a batch holding one without a token, and says who is asking', async () => {
    const { app, shutdown } = await createServer({ store, logger: pino({ level: 'silent' }), auth: authConfig({ tokens: ENTRIES, rateLimit: false }) });
    opened.push(() => shutdown(0));
    expect(outcome(await app.inject(post({ query: 'mutation { deleteAll }' })))).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    expect(outcome(await app.inject(post(WRITE, bearer(TOKEN.editor))))).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    expect(outcome(await app.inject(post([READ, { query: 'mutation { deleteAll }' }])))).toEqual([401, 'UNAUTHENTICATED']);
    expect((await app.inject(post({ query: '{ me { name role } }' }, bearer(TOKEN.editor)))).json()).toEqual({ data: { me: { name: 'ci', role: 'EDITOR' } } });
    expect(outcome(await app.inject(post({ query: '{ auditLog { totalCount } }' }, bearer(TOKEN.admin))))).toEqual([200, 'OK']);
  });
});

describe('authorisation over HTTP, anonymous reading off', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await serve(authConfig({ tokens: ENTRIES, anonymousRead: false, rateLimit: false }));
  });

  it('refuses every request without a token with 401, and serves a reader token', async () => {
    const before = written;
    expect(outcome(await app.inject(post(READ)))).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(await app.inject(post({ query: '{ me { anonymous } }' })))).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(await app.inject(post({ query: '{ __schema { queryType { name } } }' })))).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(await app.inject(post(WRITE)))).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(await app.inject(get('/export?format=JSON&around=JP')))).toEqual([401, 'UNAUTHENTICATED']);
    expect((await app.inject(post(READ))).json().errors[0].message).toMatch(/does not allow anonymous requests/);
    expect(outcome(await app.inject(post(READ, bearer(TOKEN.reader))))).toEqual([200, 'OK']);
    expect(outcome(await app.inject(get('/export?format=JSON&around=JP', bearer(TOKEN.reader))))).toEqual([200, 'OK']);
    expect(outcome(await app.inject(post(WRITE, bearer(TOKEN.reader))))).toEqual([403, 'FORBIDDEN']);
    // CORS preflights carry no credentials and are not refused; the probes stay open.
    expect((await app.inject({ method: 'OPTIONS', url: '/graphql' })).statusCode).not.toBe(401);
    expect((await app.inject(get('/health/ready'))).statusCode).toBe(200);
    expect(written).toBe(before);
  });
});

describe('rate limit per token', () => {
  it('answers 429 RATE_LIMITED past the limit, counting each token and each anonymous address apart', async () => {
    const app = await serve(authConfig({ tokens: ENTRIES, rateLimit: { perToken: 3, perAnonymous: 2 } }));
    const statuses = async (headers: Record<string, string>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i += 1) out.push((await app.inject(post(READ, headers))).statusCode);
      return out;
    };
    expect(await statuses(bearer(TOKEN.reader), 4)).toEqual([200, 200, 200, 429]);
    const limited = await app.inject(post(READ, bearer(TOKEN.reader)));
    expect(outcome(limited)).toEqual([429, 'RATE_LIMITED']);
    expect(limited.json().errors[0].message).toMatch(/^Too many requests for the token "analyst": at most 3 a minute; retry in \d+ s\.$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-limit']).toBe('3');
    // Another token has its own budget; anonymous requests from this address have theirs, and /export shares it.
    expect(await statuses(bearer(TOKEN.editor), 3)).toEqual([200, 200, 200]);
    expect(await statuses({}, 2)).toEqual([200, 200]);
    expect(outcome(await app.inject(get('/export?format=JSON&around=JP')))).toEqual([429, 'RATE_LIMITED']);
    expect((await app.inject(get('/export?format=JSON&around=JP'))).json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});

describe('request logs', () => {
  it('never hold a token: not the Authorization header, not a token sent in the URL', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await serve(authConfig({ tokens: ENTRIES, rateLimit: false }), pino({ level: 'trace' }, sink));
    await app.inject(post(READ, bearer(TOKEN.reader)));
    await app.inject(post(WRITE, bearer(TOKEN.editor)));
    await app.inject(post(READ, bearer(newToken())));
    await app.inject(post(READ, {}, `/graphql?access_token=${TOKEN.admin}&x=1`));
    await app.inject(get(`/export?format=JSON&q=${TOKEN.expired}`));
    const log = lines.join('');
    expect(log).toContain('"url":"/graphql"');
    expect(log).toContain('/graphql?access_token=[REDACTED]&x=1');
    expect(log).toContain('/export?format=JSON&q=[REDACTED]');
    for (const token of Object.values(TOKEN)) expect(log).not.toContain(token);
    expect(log.toLowerCase()).not.toContain('bearer');
  });
});
