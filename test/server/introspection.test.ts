// Introspection is on for analysts, off with NODE_ENV=production unless GRAPHQL_INTROSPECTION=true.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { MemoryStore } from '../../src/store/index.js';

const saved = { NODE_ENV: process.env.NODE_ENV, GRAPHQL_INTROSPECTION: process.env.GRAPHQL_INTROSPECTION };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function introspect(): Promise<{ ok: boolean; code?: string; stack: boolean }> {
  const { app, shutdown } = await createServer({ store: new MemoryStore(), logger: pino({ level: 'silent' }) });
  try {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: '{ __schema { queryType { name } } }' } });
    const body = res.json() as { data?: unknown; errors?: { extensions?: { code?: string; stacktrace?: unknown } }[] };
    const bad = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: '{ transfers(first: 500) { totalCount } }' } });
    const badBody = bad.json() as { errors: { extensions: { stacktrace?: unknown } }[] };
    return { ok: body.data !== undefined && !body.errors, ...(body.errors?.[0]?.extensions?.code && { code: body.errors[0].extensions.code }), stack: badBody.errors[0]!.extensions.stacktrace !== undefined };
  } finally {
    await shutdown(0);
  }
}

describe('introspection and stack traces by environment', () => {
  it('is on by default, without stack traces', async () => {
    delete process.env.NODE_ENV;
    delete process.env.GRAPHQL_INTROSPECTION;
    expect(await introspect()).toEqual({ ok: true, stack: false });
  });

  it('is off in production, and back on with GRAPHQL_INTROSPECTION=true', async () => {
    process.env.NODE_ENV = 'production';
    expect(await introspect()).toMatchObject({ ok: false, code: 'GRAPHQL_VALIDATION_FAILED', stack: false });
    process.env.GRAPHQL_INTROSPECTION = 'true';
    expect(await introspect()).toMatchObject({ ok: true });
  });

  it('development adds stack traces', async () => {
    process.env.NODE_ENV = 'development';
    expect(await introspect()).toMatchObject({ ok: true, stack: true });
  });
});
