// Hardening: security headers and CSP, CORS allow-list, query size limit, admin reload behind a token.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { createServer } from '../../src/server.js';
import { MemoryStore } from '../../src/store/index.js';
import { SEED_DIR } from '../contract/graph-store.contract.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function server(options: Partial<Parameters<typeof createServer>[0]> = {}) {
  const store = new MemoryStore();
  const seed = await loadSeedDir(SEED_DIR);
  await store.load(seed);
  const { app, shutdown } = await createServer({ store, logger: pino({ level: 'silent' }), reload: async () => seed, ...options });
  close = () => shutdown(0);
  return app;
}

const json = { 'content-type': 'application/json' };

describe('server hardening', () => {
  it('sends a strict Content-Security-Policy and security headers', async () => {
    const app = await server();
    const page = await app.inject({ method: 'GET', url: '/health/live' });
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const graphiql = await app.inject({ method: 'GET', url: '/graphiql' });
    expect(graphiql.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(graphiql.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers CORS only for allowed origins', async () => {
    const app = await server({ corsOrigins: ['https://analysts.example.org'] });
    const allowed = await app.inject({ method: 'OPTIONS', url: '/graphql', headers: { origin: 'https://analysts.example.org', 'access-control-request-method': 'POST' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://analysts.example.org');
    const other = await app.inject({ method: 'OPTIONS', url: '/graphql', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses queries larger than the limit before parsing them', async () => {
    const app = await server({ maxQueryBytes: 1024 });
    const big = `{ stats { actors } } # ${'x'.repeat(2000)}`;
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: json, payload: { query: big } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errors: [{ message: `The query is ${Buffer.byteLength(big)} bytes; at most 1024 are accepted`, extensions: { code: 'BAD_USER_INPUT' } }] });
    const tooLarge = await app.inject({ method: 'POST', url: '/graphql', headers: json, payload: JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(tooLarge.statusCode).toBe(413);
  });

  it('costs a routes query by its page × maxHops and by its nested pages (chains, hop transfers)', async () => {
    const app = await server();
    const cost = async (query: string) => {
      const res = await app.inject({ method: 'POST', url: '/graphql', headers: json, payload: { query } });
      const body = res.json() as { data?: unknown; errors?: { extensions: { code: string; cost?: number } }[] };
      return body.errors ? [res.statusCode, body.errors[0]!.extensions.code, body.errors[0]!.extensions.cost] : [res.statusCode, 'OK'];
    };
    const routes = (args: string, selection: string) => `{ transferRoutes(from: "JP", to: "UA"${args}) { nodes { ${selection} } } }`;
    const nested = (chains: number, transfers: number) =>
      `chains(first: ${chains}) { nodes { hops { transfer { id } } } } hops { transfers(first: ${transfers}) { nodes { id } } }`;
    // 10 × first × maxHops for the search and the page's witnesses, then first × each route's selection.
    expect(await cost(routes(', first: 100', nested(100, 100)))).toEqual([400, 'QUERY_TOO_COMPLEX', 10 * 100 * 3 + 1 + 100 * (1 + 1201 + 1006)]);
    expect(await cost(routes(', first: 100', nested(100, 1)))).toEqual([400, 'QUERY_TOO_COMPLEX', 10 * 100 * 3 + 1 + 100 * (1 + 1201 + 16)]);
    expect(await cost(routes(', first: 100', nested(1, 100)))).toEqual([400, 'QUERY_TOO_COMPLEX', 10 * 100 * 3 + 1 + 100 * (1 + 13 + 1006)]);
    expect(await cost(routes(', first: 20, options: { maxHops: 6 }', nested(20, 5)))).toEqual([200, 'OK']);
    const twice = `{ a: transferRoutes(from: "JP", to: "UA", first: 100, options: { maxHops: 6 }) { nodes { id } }
      b: transferRoutes(from: "US", to: "UA", first: 100, options: { maxHops: 6 }) { nodes { id } } }`;
    expect(await cost(twice)).toEqual([400, 'QUERY_TOO_COMPLEX', 2 * (10 * 100 * 6 + 1 + 100 * 2)]);
  });

  it('keeps /admin/reload off without a token, and requires the token when one is set', async () => {
    const off = await server();
    expect((await off.inject({ method: 'POST', url: '/admin/reload' })).statusCode).toBe(404);
    await close!();
    const on = await server({ adminToken: 's3cret-token' });
    const none = await on.inject({ method: 'POST', url: '/admin/reload' });
    expect(none.statusCode).toBe(401);
    const wrong = await on.inject({ method: 'POST', url: '/admin/reload', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const right = await on.inject({ method: 'POST', url: '/admin/reload', headers: { authorization: 'Bearer s3cret-token' } });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ status: 'reloaded', transfers: 3 });
  });
});
