// The claim cases on Neo4j, its claims in the database (each write one transaction with its log entry), and two
// instances on one database writing claims at the same time.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { authConfig, hashToken, newToken } from '../../src/auth/index.js';
import { createServer } from '../../src/server.js';
import { ClaimService, StoreClaimLog, type ClaimRequest } from '../../src/claims/index.js';
import { ask } from '../../src/query/index.js';
import { loadSeedDir, readSourceTexts } from '../../src/seeds/index.js';
import { Neo4jStore } from '../../src/store/index.js';
import { clearClaimLog, neo4jAvailable } from '../helpers/neo4j.js';
import { describeClaims } from './claims.contract.js';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

const transfer = (i: number): ClaimRequest => ({
  op: 'ADD',
  records: {
    transfers: [{
      id: `transfer:two-instances-${i}`, supplier: 'JP', recipient: 'US', system: 'system:patriot-missile', status: 'PLANNED', kind: 'BACKFILL', date: '2024',
      citations: [{ source: 'source:kyiv-independent-2023-12-japan-patriots', quote: 'The missiles cost millions of dollars each' }],
    }],
  },
});

const available = await neo4jAvailable();
describe.runIf(available)('claims on Neo4j', () => {
  describeClaims('neo4j', () => Neo4jStore.connect(), (store) => new StoreClaimLog(store as Neo4jStore), clearClaimLog);

  it("two instances on one database: each sees the other's claims, and claims written at once get distinct numbers", async () => {
    await clearClaimLog();
    const seed = await loadSeedDir(SEEDS);
    const { texts } = await readSourceTexts(seed.sources, SEEDS);
    const [storeA, storeB] = [await Neo4jStore.connect(), await Neo4jStore.connect()];
    try {
      const a = await ClaimService.open({ base: seed, texts, log: new StoreClaimLog(storeA), store: storeA });
      const b = await ClaimService.open({ base: seed, texts, log: new StoreClaimLog(storeB), store: storeB });
      expect((await a.submit(transfer(1), 'alice')).claim.id).toBe('claim:1');
      // B has not seen claim 1: it reads it before writing its own, so its claim is number 2 and keeps claim 1's fact.
      expect((await b.submit(transfer(2), 'bob')).claim.id).toBe('claim:2');
      expect(b.list().map((c) => c.id)).toEqual(['claim:1', 'claim:2']);
      // At once: one instance's transaction finds the number taken, reads the other's claims and writes again.
      const both = await Promise.all([a.submit(transfer(3), 'alice'), b.submit(transfer(4), 'bob'), a.submit(transfer(5), 'alice'), b.submit(transfer(6), 'bob')]);
      expect(both.map((r) => r.claim.id).sort()).toEqual(['claim:3', 'claim:4', 'claim:5', 'claim:6']);
      const ids = async (store: Neo4jStore) => (await ask(store).transfers({ sources: ['CLAIM'] }, { first: 100 })).items.map((t) => t.id).sort();
      const all = [1, 2, 3, 4, 5, 6].map((i) => `transfer:two-instances-${i}`);
      expect(await ids(storeA)).toEqual(all);
      expect(await ids(storeB)).toEqual(all);
      // A restarted instance replays all six from the database.
      const c = await ClaimService.open({ base: seed, texts, log: new StoreClaimLog(storeA), store: storeA });
      expect(c.list().map((x) => x.by)).toEqual(expect.arrayContaining(['alice', 'bob']));
      expect(c.list()).toHaveLength(6);
    } finally {
      await storeA.close();
      await storeB.close();
      await clearClaimLog();
    }
  });

  it('a write\'s answer carries bookmarks; sent to another instance, its reads wait for that write; a bogus one is refused', async () => {
    await clearClaimLog();
    const seed = await loadSeedDir(SEEDS);
    const { texts } = await readSourceTexts(seed.sources, SEEDS);
    const token = newToken();
    const auth = authConfig({ rateLimit: false, tokens: [{ name: 'alice', role: 'editor', sha256: hashToken(token) }] });
    const [storeA, storeB] = [await Neo4jStore.connect(), await Neo4jStore.connect()];
    const serve = async (store: Neo4jStore) => {
      const claims = await ClaimService.open({ base: seed, texts, log: new StoreClaimLog(store), store });
      const server = await createServer({ store, claims, auth, logger: pino({ level: 'silent' }) });
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      return { url: `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/graphql`, shutdown: server.shutdown };
    };
    const [a, b] = [await serve(storeA), await serve(storeB)];
    const post = (url: string, query: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query }) });
    try {
      const wrote = await post(a.url, `mutation { addTransfer(input: { supplier: "JP", recipient: "UA", system: "Patriot missile", status: POTENTIAL, date: "2024",
        citations: [{ source: "source:kyiv-independent-2023-12-japan-patriots", quote: "The missiles cost millions of dollars each" }] }) { written { id } } }`);
      expect(wrote.status).toBe(200);
      const bookmark = wrote.headers.get('armsgraph-bookmark')!;
      expect(JSON.parse(Buffer.from(bookmark, 'base64url').toString('utf8'))).toEqual([expect.any(String)]);
      const read = await post(b.url, '{ transfers(filter: { sources: [CLAIM] }) { totalCount } }', { 'armsgraph-bookmark': bookmark });
      expect(await read.json()).toEqual({ data: { transfers: { totalCount: 1 } } });
      expect(read.headers.get('armsgraph-bookmark')).toBeNull();
      const malformed = await post(b.url, '{ stats { actors } }', { 'armsgraph-bookmark': 'not base64 json' });
      expect(malformed.status).toBe(400);
      const bogus = await post(b.url, '{ transfers(filter: { sources: [CLAIM] }) { totalCount } }', { 'armsgraph-bookmark': Buffer.from(JSON.stringify(['not-a-bookmark'])).toString('base64url') });
      expect(((await bogus.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await a.shutdown();
      await b.shutdown();
      await clearClaimLog();
    }
  });
});
