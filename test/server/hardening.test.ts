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
