// The README's GraphQL examples run as written against the seed, without errors.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir, readSourceTexts } from '../src/seeds/index.js';
import { MemoryStore } from '../src/store/index.js';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { authConfig, hashToken, newToken } from '../src/auth/index.js';
import { ClaimService, MemoryClaimLog } from '../src/claims/index.js';
import { createServer } from '../src/server.js';
import { startServer, type RunningServer } from './helpers/http.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('README', () => {
  let server: RunningServer;
  let readme: string;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(await loadSeedDir(path.join(ROOT, 'seeds')));
    server = await startServer(store);
    readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('starts with the two commands', () => {
    const commands = readme.slice(0, 1200).match(/^npm install && npm (start|test)/gm);
    expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  it('every GraphQL example answers without errors', async () => {
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((q) => !/^\s*mutation/.test(q));
    expect(examples).toHaveLength(9);
    const answers = await Promise.all(examples.map((q) => server.gql(q)));
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    const [paths, routes, backfills, trends, check, timeline, transfers, search, reconcile] = answers.map((a) => a.body.data);
    // On the seed alone only the articles speak: Japan's backfill counts on the United States' Patriot missiles row.
    const claimed = reconcile.reconcile.rows.find((r: any) => r.donor.name === 'United States');
    expect(claimed).toMatchObject({ label: 'Patriot', unit: 'SAM', status: 'CLAIMED_ONLY', committed: null, delivered: null });
    expect(claimed.claims.map((c: any) => c.role)).toEqual(['BACKFILL', 'DIRECT']);
    expect(paths.transferPaths.paths[0].hops.map((h: any) => h.to.name)).toEqual(['United States', 'Ukraine']);
    expect(routes.transferRoutes.nodes.map((r: any) => r.actors.map((a: any) => a.name).join(' → '))).toEqual(['Japan → United States → Ukraine']);
    expect(routes.transferRoutes.nodes[0].checks.map((c: any) => c.effect)).toEqual(['REQUIRES_CONSENT', 'PROHIBITED']);
    expect(backfills.backfillCandidates[0]).toMatchObject({ declared: true, from: { name: 'Japan' }, via: { name: 'United States' } });
    // The seed's articles carry no TIV: no trend groups, and the totals say so.
    expect(trends.transferTrends).toMatchObject({ universe: 'WORLD', groups: [], periods: [{ period: '2015/2019', tiv: 0 }, { period: '2020/2024', tiv: 0 }] });
    expect(trends.dependence).toMatchObject({ partners: [], periods: [{ main: null, hhi: null }, { main: null, hhi: null }] });
    expect(check.transferCheck.verdict).toBe('PROHIBITED');
    expect(timeline.timeline.totalCount).toBe(1);
    expect(transfers.transfers.totalCount).toBe(2);
    expect(search.search[0].node.id).toBe('system:patriot');
  });

  it('every mutation example writes its claim, with an editor token', async () => {
    const mutations = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((q) => /^\s*mutation/.test(q));
    expect(mutations).toHaveLength(1);
    const seeds = path.join(ROOT, 'seeds');
    const seed = await loadSeedDir(seeds);
    const store = new MemoryStore();
    const claims = await ClaimService.open({ base: seed, texts: (await readSourceTexts(seed.sources, seeds)).texts, log: new MemoryClaimLog(), store });
    const token = newToken();
    const { app, shutdown } = await createServer({
      store, claims, logger: pino({ level: 'silent' }), auth: authConfig({ rateLimit: false, tokens: [{ name: 'alice', role: 'editor', sha256: hashToken(token) }] }),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
      for (const query of mutations) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
        const body = (await response.json()) as { data?: any; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        expect(body.data.addTransfer.claim).toMatchObject({ id: 'claim:1', by: 'alice' });
      }
    } finally {
      await shutdown();
    }
  });
});
