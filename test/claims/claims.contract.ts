// Claims on a store (run against each: claims.memory.test.ts, claims.neo4j.test.ts): checked as seed files are,
// stored in LMDB, replayed at start, ended never deleted.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimService, type ClaimLog, type ClaimRequest } from '../../src/claims/index.js';
import type { Dataset } from '../../src/domain/model.js';
import { ValidationError } from '../../src/domain/errors.js';
import { ask } from '../../src/query/index.js';
import { loadSeedDir, readSourceTexts } from '../../src/seeds/index.js';
import type { GraphStore } from '../../src/store/index.js';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const ARTICLE = 'source:kyiv-independent-2023-12-japan-patriots';

/** A transfer claim in seed form: Germany → Ukraine, Patriot, cited to a quote of a new source (no stored text). */
const germanPatriots: ClaimRequest = {
  op: 'ADD',
  records: {
    sources: [{ id: 'source:analyst-note-1', title: 'Bundeswehr press release', publisher: 'Bundeswehr', publishedAt: '2024-04-13' }],
    transfers: [{
      id: 'transfer:de-ua-patriot-2024-04', supplier: 'DE', recipient: 'UA', system: 'system:patriot', status: 'APPROVED', kind: 'DONATION',
      date: '2024-04', quantity: { exact: 1 },
      citations: [{ source: 'source:analyst-note-1', quote: 'Germany will deliver a third Patriot system to Ukraine' }],
    }],
  },
};

/**
 * Registers the claim cases for a store; `makeStore` gives a fresh connected one (its data is replaced) and
 * `openLog` the claim log that store keeps (each test opens it again, as a restarted server does: the LMDB file of
 * a data directory, or the store's own database); `reset` empties the log before the cases.
 */
export function describeClaims(
  name: string,
  makeStore: () => Promise<GraphStore>,
  openLog: (store: GraphStore, dir: string) => ClaimLog,
  reset: () => Promise<void> = async () => {},
): void {
describe(`ClaimService on the ${name} store`, () => {
  let dir: string;
  let seed: Dataset;
  let texts: Map<string, string>;
  const day = (d: string) => () => new Date(`${d}T10:00:00.000Z`);
  beforeAll(async () => {
    await reset();
    dir = await mkdtemp(path.join(os.tmpdir(), 'armsgraph-claims-'));
    seed = await loadSeedDir(SEEDS);
    seed = { ...seed, actors: [...seed.actors, { id: 'DE', name: 'Germany', kind: 'STATE', aliases: [] }] };
    texts = (await readSourceTexts(seed.sources, SEEDS)).texts;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a cited transfer: the store answers with it at once, stamped, known since the day it was recorded', async () => {
    const store = await makeStore();
    const log = openLog(store, dir);
    const claims = await ClaimService.open({ base: seed, texts, log, store, now: day('2026-11-29') });
    const result = await claims.submit(germanPatriots, 'alice');
    expect(result).toMatchObject({ claim: { id: 'claim:1', seq: 1, by: 'alice', recordedAt: '2026-11-29T10:00:00.000Z' }, written: ['source:analyst-note-1', 'transfer:de-ua-patriot-2024-04'], ended: [] });
    const ua = await ask(store).transfers({ supplier: 'DE' }, {});
    expect(ua.items.map((t) => [t.id, t.knownSince, t.claim?.id, t.claim?.by])).toEqual([['transfer:de-ua-patriot-2024-04', '2026-11-29', 'claim:1', 'alice']]);
    expect((await ask(store).transfers({ supplier: 'DE', knownAt: '2026-11-28' }, {})).totalCount).toBe(0);
    expect((await ask(store).transferRoutes('DE', 'UA')).items.map((r) => r.id)).toEqual(['DE>UA']);
    // An analyst's claim is an article claim in reconcile, as the seed's are, with its source.
    const germany = (await ask(store).reconcile('UA', { by: 'FAMILY', donors: ['DE'] })).rows;
    expect(germany.map((r) => [r.label, r.status, r.claims.map((c) => [c.id, c.source, c.count])])).toEqual([
      ['Patriot', 'CLAIMED_ONLY', [['transfer:de-ua-patriot-2024-04', 'CLAIM', 1]]],
    ]);
    await claims.close();
    await store.close();
  });

  it('refuses a quote not in its stored source, an unknown actor, ids already in the graph, naming each field; writes nothing', async () => {
    const store = await makeStore();
    const log = openLog(store, dir);
    const claims = await ClaimService.open({ base: seed, texts, log, store, now: day('2026-11-29') });
    const bad: ClaimRequest = {
      op: 'ADD',
      records: {
        transfers: [{
          id: 'transfer:fr-ua-patriot', supplier: 'FR', recipient: 'UA', system: 'system:patriot', status: 'APPROVED', kind: 'DONATION', date: '2024-04',
          citations: [{ source: ARTICLE, quote: 'Japan will send Ukraine fifty Patriot batteries' }],
        }],
      },
    };
    const error = await claims.submit(bad, 'alice').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.field, i.message])).toEqual([
      ['transfers[0].supplier', 'unknown actor "FR"'],
      ['transfers[0].citations[0].quote', `quote not found verbatim in the text of source "${ARTICLE}": "Japan will send Ukraine fifty Patriot batteries"`],
    ]);
    const duplicate = await claims.submit(germanPatriots, 'alice').catch((e: unknown) => e);
    expect((duplicate as ValidationError).issues.map((i) => [i.field, i.message])).toEqual([
      ['sources[0].id', 'id "source:analyst-note-1" is already in the graph; choose another, or correct that fact'],
      ['transfers[0].id', 'id "transfer:de-ua-patriot-2024-04" is already in the graph; choose another, or correct that fact'],
    ]);
    expect(claims.list().map((c) => c.id)).toEqual(['claim:1']);
    expect((await ask(store).transfers({ recipient: 'UA' }, {})).totalCount).toBe(3);
    await claims.close();
    await store.close();
  });

  it('after a restart the claims are replayed; a retraction ends the fact, which stays in its history', async () => {
    const store = await makeStore();
    const log = openLog(store, dir);
    const claims = await ClaimService.open({ base: seed, texts, log, store, now: day('2026-11-30') });
    expect((await ask(store).transfers({ supplier: 'DE' }, {})).items.map((t) => t.id)).toEqual(['transfer:de-ua-patriot-2024-04']);
    const retracted = await claims.submit({ op: 'RETRACT', target: 'transfer:de-ua-patriot-2024-04', reason: 'misread the press release' }, 'bob');
    expect(retracted).toMatchObject({ claim: { id: 'claim:2', by: 'bob' }, written: [], ended: ['transfer:de-ua-patriot-2024-04'] });
    expect((await ask(store).transfers({ supplier: 'DE' }, {})).totalCount).toBe(0);
    expect((await ask(store).transfers({ supplier: 'DE', knownAt: '2026-11-29' }, {})).totalCount).toBe(1);
    const again = await claims.submit({ op: 'RETRACT', target: 'transfer:de-ua-patriot-2024-04', reason: 'twice' }, 'bob').catch((e: unknown) => e);
    expect((again as ValidationError).issues.map((i) => i.field)).toEqual(['target']);
    await claims.close();
    await store.close();
  });

  it('a correction ends the old version and adds the next one (.v2), with the old quote checks', async () => {
    const store = await makeStore();
    const log = openLog(store, dir);
    const claims = await ClaimService.open({ base: seed, texts, log, store, now: day('2026-12-01') });
    const old = seed.transfers.find((t) => t.id === 'transfer:us-ua-patriot-missiles-potential')!;
    const corrected = await claims.submit({
      op: 'CORRECT', target: old.id, reason: 'the WSJ quote says "potentially"; status stays POTENTIAL but the date is known',
      records: {
        transfers: [{
          id: 'ignored', supplier: 'US', recipient: 'UA', system: 'system:patriot-missile', status: 'POTENTIAL', kind: 'UNKNOWN', date: '2024',
          citations: [{ source: ARTICLE, quote: 'paving the way for the U.S. to replenish its stocks while potentially sending Ukraine some of its own current supply' }],
        }],
      },
    }, 'carol');
    expect(corrected).toMatchObject({ written: ['transfer:us-ua-patriot-missiles-potential.v2'], ended: [old.id] });
    const now = await ask(store).transfers({ recipient: 'UA', supplier: 'US' }, {});
    expect(now.items.map((t) => [t.id, t.claim?.supersedes])).toEqual([['transfer:us-ua-patriot-missiles-potential.v2', old.id]]);
    const before = await ask(store).transfers({ recipient: 'UA', supplier: 'US', knownAt: '2026-11-30' }, {});
    expect(before.items.map((t) => [t.id, t.knownUntil])).toEqual([[old.id, '2026-12-01']]);
    await claims.close();
    await store.close();
  });
});
}
