// The transferPaths question: options checked before any read, ends resolved in argument order, paths ranked and
// checked over any implementation of the ports (a hand-made one over arrays, and the memory store with the seed).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Event, Restriction, Transfer } from '../../../src/domain/model.js';
import { bySpanThenId, mayOverlap } from '../../../src/domain/time.js';
import {
  Hierarchy, checkPathOptions, pathEnds, pathsBetween, resolvePathOptions, transferPaths,
  type CheckContextRequest, type CheckPort, type NamePort, type Path, type PathCandidate, type PathPort, type TransferFilter,
} from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { event, restriction, transfer } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, namePort, notFound } from '../../helpers/ports.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');
const ids = (p: Path) => p.hops.map((h) => h.transfer.id.replace('transfer:', '')).join(',');
const differentEnds = expect.objectContaining({ name: 'InvalidArgumentError', code: 'INVALID_ARGUMENT', details: { argument: 'to' } });

/**
 * A second implementation of the ports the question needs: plain functions over arrays. `pathCandidates` gives bare
 * candidates (no citations, no status), so whole transfers can only come from `checkContext`.
 */
function arrayPorts(parts: {
  transfers: Transfer[];
  restrictions?: Restriction[];
  wars?: Event[];
  families?: [member: string, family: string][];
  aliases?: Record<string, string>;
}): NamePort & PathPort & CheckPort & { asked: { candidates: [string, string, number, TransferFilter][]; contexts: CheckContextRequest[] } } {
  const families = new Hierarchy(parts.families ?? []);
  const actorIds = [...new Set(parts.transfers.flatMap((t) => [t.supplier, t.recipient]))];
  const names = namePort(
    { ...Object.fromEntries(actorIds.map((id) => [id, id])), ...parts.aliases },
    Object.fromEntries([...new Set([...parts.transfers.map((t) => t.system), ...(parts.families ?? []).flat()])].map((id) => [id, id])),
  );
  const asked = { candidates: [] as [string, string, number, TransferFilter][], contexts: [] as CheckContextRequest[] };
  const passes = (t: Transfer, f: TransferFilter) =>
    (f.system === undefined || families.ancestorsOrSelf(t.system).includes(f.system)) &&
    (f.statuses === undefined || f.statuses.includes(t.status)) &&
    (f.between === undefined || mayOverlap(t.date, f.between)) &&
    (f.knownAt === undefined || t.knownSince <= f.knownAt);
  const bare = (t: Transfer): PathCandidate => ({
    id: t.id, supplier: t.supplier, recipient: t.recipient, system: t.system, backfills: t.backfills, date: { earliest: t.date.earliest, latest: t.date.latest },
  });
  return {
    ...names,
    asked,
    async pathCandidates(from, to, maxHops, filter) {
      asked.candidates.push([from, to, maxHops, filter]);
      const kept = parts.transfers.filter((t) => passes(t, filter)).sort(bySpanThenId).map(bare);
      return { outgoing: (a) => kept.filter((t) => t.supplier === a), incoming: (a) => kept.filter((t) => t.recipient === a) };
    },
    async checkContext(request) {
      asked.contexts.push(request);
      return {
        restrictions: parts.restrictions ?? [],
        wars: parts.wars ?? [],
        actors: new Hierarchy([]),
        systems: families,
        nameOf: (id) => id,
        transfers: new Map(parts.transfers.filter((t) => request.transfers?.includes(t.id)).map((t) => [t.id, t])),
      };
    },
  };
}

describe('checkPathOptions', () => {
  it('rejects out-of-range bounds as options.<name>', () => {
    for (const maxHops of [0, 7, 1.5]) expect(() => checkPathOptions({ maxHops })).toThrow(invalidArgument('options.maxHops'));
    for (const limit of [0, 101]) expect(() => checkPathOptions({ limit })).toThrow(invalidArgument('options.limit'));
  });

  it('rejects bad dates as options.between.from, options.between.to, options.knownAt', () => {
    expect(() => checkPathOptions({ between: { from: '2024-02-30' } })).toThrow(invalidArgument('options.between.from'));
    expect(() => checkPathOptions({ between: { to: 'later' } })).toThrow(invalidArgument('options.between.to'));
    expect(() => checkPathOptions({ between: { from: '2024', to: '2023' } })).toThrow(invalidArgument('options.between'));
    expect(() => checkPathOptions({ knownAt: '2024-01' })).toThrow(invalidArgument('options.knownAt'));
  });

  it('applies the defaults, treating null as absent, and leaves the system to be resolved', () => {
    const { system: _, ...defaults } = resolvePathOptions();
    expect(checkPathOptions(undefined)).toEqual(defaults);
    expect(checkPathOptions({ system: 'Patriot', maxHops: null, order: null, limit: null, statuses: [], viaBackfill: null })).toEqual(defaults);
    expect(defaults).toMatchObject({ maxHops: 4, limit: 20, order: 'ANY', viaBackfill: false });
  });

  it('keeps what is given, with dates as days', () => {
    expect(
      checkPathOptions({ statuses: ['DELIVERED'], maxHops: 2, order: 'STRICT', between: { from: '2022', to: '2023-06' }, knownAt: '2024-01-15', viaBackfill: true, limit: 5 }),
    ).toEqual({ statuses: ['DELIVERED'], maxHops: 2, order: 'STRICT', between: { from: '2022-01-01', to: '2023-06-30' }, knownAt: '2024-01-15', viaBackfill: true, limit: 5 });
  });
});

describe('pathEnds', () => {
  const names = (delays: Record<string, number> = {}) => namePort({ Japan: 'JP', Ukraine: 'UA', 'United States': 'US' }, { Patriot: 'system:patriot' }, delays);

  it('names the unknown end or system, with suggestions', async () => {
    await expect(pathEnds(names(), 'Japn', 'Ukraine', null)).rejects.toThrow(notFound('from', ['Japan']));
    await expect(pathEnds(names(), 'Japan', 'Ukrain', null)).rejects.toThrow(notFound('to', ['Ukraine']));
    await expect(pathEnds(names(), 'Japan', 'Ukraine', 'Patriott')).rejects.toThrow(notFound('options.system', ['Patriot']));
  });

  it('reports the first bad argument in order, even when its look-up answers last', async () => {
    await expect(pathEnds(names({ Atlantis: 40 }), 'Atlantis', 'Lemuria', 'Excalibur')).rejects.toThrow(notFound('from'));
    await expect(pathEnds(names({ Lemuria: 40 }), 'Japan', 'Lemuria', 'Excalibur')).rejects.toThrow(notFound('to'));
  });

  it('rejects two names for the same actor, naming to', async () => {
    await expect(pathEnds(names(), 'Japan', 'JP', null)).rejects.toThrow(differentEnds);
  });

  it('resolves names and ids; no system stays undefined', async () => {
    expect(await pathEnds(names(), 'Japan', 'UA', 'Patriot')).toEqual({ from: 'JP', to: 'UA', system: 'system:patriot' });
    expect(await pathEnds(names(), 'JP', 'United States', undefined)).toEqual({ from: 'JP', to: 'US', system: undefined });
  });
});

describe('transferPaths', () => {
  describe('over the seed in the memory store', () => {
    const store = new MemoryStore();
    beforeAll(async () => {
      await store.load(await loadSeedDir(SEED_DIR));
    });

    it('rejects out-of-range options before any port is asked, even a name', async () => {
      for (const maxHops of [0, 7]) {
        const { ports, calls } = counting(store);
        await expect(transferPaths(ports, 'Japan', 'Ukraine', { maxHops })).rejects.toThrow(invalidArgument('options.maxHops'));
        expect(calls).toEqual([]);
      }
      const { ports, calls } = counting(store);
      await expect(transferPaths(ports, 'Japan', 'Ukraine', { limit: 500 })).rejects.toThrow(invalidArgument('options.limit'));
      expect(calls).toEqual([]);
    });

    it('rejects bad dates before any port is asked, whatever else is wrong', async () => {
      const { ports, calls } = counting(store);
      await expect(transferPaths(ports, 'Japan', 'Ukraine', { between: { from: '2024-13' } })).rejects.toThrow(invalidArgument('options.between.from'));
      await expect(transferPaths(ports, 'Atlantis', 'Ukraine', { knownAt: 'yesterday' })).rejects.toThrow(invalidArgument('options.knownAt'));
      expect(calls).toEqual([]);
    });

    it('rejects an unknown actor or system, naming the argument with suggestions, having only looked names up', async () => {
      const cases: [string, string, string | null, unknown][] = [
        ['Japn', 'Ukraine', null, notFound('from', ['Japan'])],
        ['Japan', 'Ukrain', null, notFound('to', ['Ukraine'])],
        ['Japan', 'Ukraine', 'Patriott', notFound('options.system', ['Patriot'])],
        ['Atlantis', 'Lemuria', 'Excalibur', notFound('from')],
        ['Japan', 'Lemuria', 'Excalibur', notFound('to')],
      ];
      for (const [from, to, system, error] of cases) {
        const { ports, calls } = counting(store);
        await expect(transferPaths(ports, from, to, { system })).rejects.toThrow(error);
        expect(calls.length).toBeGreaterThan(0);
        expect(dataCalls(calls)).toEqual([]);
      }
    });

    it('rejects a path from an actor to itself before reading any transfer', async () => {
      const { ports, calls } = counting(store);
      await expect(transferPaths(ports, 'Japan', 'JP')).rejects.toThrow(differentEnds);
      expect(dataCalls(calls)).toEqual([]);
    });

    it('finds exactly Japan → United States → Ukraine for Patriot, in two reads, with the rules that bear on it', async () => {
      const { ports, calls } = counting(store);
      const result = await transferPaths(ports, 'Japan', 'Ukraine', { system: 'Patriot' });
      expect(dataCalls(calls)).toEqual(['pathCandidates', 'checkContext']);
      expect(result.truncated).toBe(false);
      expect(result.paths).toHaveLength(1);
      const [p] = result.paths;
      expect(p!.hops.map((h) => [h.from, h.to, h.transfer.id, h.via])).toEqual([
        ['JP', 'US', 'transfer:jp-us-patriot-missiles-2024', 'TRANSFER'],
        ['US', 'UA', 'transfer:us-ua-patriot-missiles-potential', 'TRANSFER'],
      ]);
      expect(p!.checks.map((c) => [c.restriction, c.effect, c.hop, c.consentOf ?? null])).toEqual([
        ['restriction:jp-reexport-consent', 'REQUIRES_CONSENT', 1, 'JP'],
        ['restriction:jp-no-export-to-party-at-war', 'PROHIBITED', null, null],
      ]);
    });

    it('the Patriot chain is time-respecting, not strict, unless the backfill link counts', async () => {
      expect((await transferPaths(store, 'JP', 'UA', { system: 'Patriot', order: 'TIME_RESPECTING' })).paths.map(ids)).toEqual([
        'jp-us-patriot-missiles-2024,us-ua-patriot-missiles-potential',
      ]);
      expect((await transferPaths(store, 'JP', 'UA', { system: 'Patriot', order: 'STRICT' })).paths).toEqual([]);
      const backfill = await transferPaths(store, 'JP', 'UA', { system: 'Patriot', order: 'STRICT', viaBackfill: true });
      expect(backfill.paths.map((p) => p.hops.map((h) => h.via))).toEqual([['TRANSFER', 'BACKFILL']]);
    });
  });

  describe('over a hand-made implementation of the ports', () => {
    const t = (id: string, from: string, to: string, date: string, more: Partial<Parameters<typeof transfer>[0]> = {}) => transfer({ id, from, to, date, ...more });

    it('rejects bad options and unknown ends before any data port is asked', async () => {
      const ports = arrayPorts({ transfers: [t('ab', 'AA', 'BB', '2020')] });
      await expect(transferPaths(ports, 'AA', 'BB', { maxHops: 0 })).rejects.toThrow(invalidArgument('options.maxHops'));
      await expect(transferPaths(ports, 'AA', 'ZZ')).rejects.toThrow(notFound('to'));
      expect(ports.asked).toEqual({ candidates: [], contexts: [] });
    });

    it('asks for candidates with the resolved system, the default statuses and maxHops', async () => {
      const ports = arrayPorts({ transfers: [t('ab', 'AA', 'BB', '2020', { system: 'system:pac-3' })], families: [['system:pac-3', 'system:patriot']], aliases: { Alpha: 'AA' } });
      await transferPaths(ports, 'Alpha', 'BB', { system: 'system:patriot', maxHops: 3, knownAt: '2024-01-01' });
      expect(ports.asked.candidates).toEqual([
        ['AA', 'BB', 3, { system: 'system:patriot', statuses: ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL'], knownAt: '2024-01-01' }],
      ]);
    });

    it('ranks fewer hops first, then earlier arrival, then ids', async () => {
      const ports = arrayPorts({
        transfers: [
          t('ac', 'AA', 'CC', '2030'),
          t('ab-2', 'AA', 'BB', '2019'),
          t('ab-1', 'AA', 'BB', '2020'),
          t('bc-late', 'BB', 'CC', '2021'),
          t('bc-early', 'BB', 'CC', '2020-06'),
          t('ad', 'AA', 'DD', '2018'),
          t('dc', 'DD', 'CC', '2020-06'),
        ],
      });
      const result = await transferPaths(ports, 'AA', 'CC');
      expect(result.paths.map(ids)).toEqual(['ac', 'ab-1,bc-early', 'ab-2,bc-early', 'ad,dc', 'ab-1,bc-late', 'ab-2,bc-late']);
      expect(result.truncated).toBe(false);
    });

    it('keeps limit paths and reports truncated when more exist', async () => {
      const ports = arrayPorts({ transfers: [t('ac', 'AA', 'CC', '2030'), t('ab', 'AA', 'BB', '2019'), t('bc-1', 'BB', 'CC', '2020'), t('bc-2', 'BB', 'CC', '2021')] });
      const cut = await transferPaths(ports, 'AA', 'CC', { limit: 2 });
      expect(cut.paths.map(ids)).toEqual(['ac', 'ab,bc-1']);
      expect(cut.truncated).toBe(true);
      expect(await transferPaths(ports, 'AA', 'CC', { limit: 3 })).toMatchObject({ truncated: false });
    });

    it('applies the order rules of DESIGN §5 between hops', async () => {
      const ports = arrayPorts({
        transfers: [t('ab', 'AA', 'BB', '2020'), t('bc-before', 'BB', 'CC', '2019-12'), t('bc-overlapping', 'BB', 'CC', '2020-03'), t('bc-after', 'BB', 'CC', '2021-01-01')],
      });
      const order = async (o: 'ANY' | 'TIME_RESPECTING' | 'STRICT') => (await transferPaths(ports, 'AA', 'CC', { order: o })).paths.map(ids);
      expect(await order('ANY')).toEqual(['ab,bc-before', 'ab,bc-overlapping', 'ab,bc-after']);
      // TIME_RESPECTING: next.latest >= prev.earliest; STRICT: next.earliest >= prev.latest.
      expect(await order('TIME_RESPECTING')).toEqual(['ab,bc-overlapping', 'ab,bc-after']);
      expect(await order('STRICT')).toEqual(['ab,bc-after']);
    });

    it('with viaBackfill, a backfilled hop may follow whatever the order', async () => {
      const ports = arrayPorts({ transfers: [t('ab', 'AA', 'BB', '2024-01/..', { backfills: ['bc'] }), t('bc', 'BB', 'CC', '2023-12-22/..')] });
      expect((await transferPaths(ports, 'AA', 'CC', { order: 'STRICT' })).paths).toEqual([]);
      const result = await transferPaths(ports, 'AA', 'CC', { order: 'STRICT', viaBackfill: true });
      expect(result.paths.map((p) => p.hops.map((h) => [h.transfer.id, h.via]))).toEqual([[['transfer:ab', 'TRANSFER'], ['transfer:bc', 'BACKFILL']]]);
    });

    it('attaches the checks: no export to a party at war, on the hop and on the direct route', async () => {
      const ports = arrayPorts({
        transfers: [t('ab', 'AA', 'BB', '2024'), t('bc', 'BB', 'CC', '2024-06'), t('ac', 'AA', 'CC', '2025')],
        restrictions: [restriction('restriction:at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'AA', '2014/..', { suppliers: ['AA'] })],
        wars: [event('event:war', 'WAR', '2022-02-24/..', ['CC', 'DD'])],
      });
      const result = await transferPaths(ports, 'AA', 'CC');
      expect(result.paths.map((p) => [ids(p), p.checks.map((c) => [c.restriction, c.effect, c.hop])])).toEqual([
        ['ac', [['restriction:at-war', 'PROHIBITED', 0]]],
        ['ab,bc', [['restriction:at-war', 'PROHIBITED', null]]],
      ]);
    });

    it('reads whole transfers and the check context for the kept hops only, in one request', async () => {
      const ports = arrayPorts({
        transfers: [t('ab', 'AA', 'BB', '2019-05', { system: 'system:x' }), t('bc', 'BB', 'CC', '2021/2022', { system: 'system:y' }), t('ad', 'AA', 'DD', '2010'), t('dc', 'DD', 'CC', '2030')],
      });
      const result = await transferPaths(ports, 'AA', 'CC', { limit: 1 });
      expect(result).toMatchObject({ truncated: true });
      expect(ports.asked.contexts).toEqual([
        { actors: ['AA', 'BB', 'CC'], systems: ['system:x', 'system:y'], window: { from: '2019-05-01', to: '2022-12-31' }, transfers: ['transfer:ab', 'transfer:bc'] },
      ]);
      const [hop] = result.paths[0]!.hops;
      expect(hop!.transfer).toMatchObject({ status: 'DELIVERED', citations: [{ source: 'source:test' }] });
    });
  });
});

describe('pathsBetween', () => {
  it('does not read the check context when there is no path', async () => {
    const ports = arrayPorts({ transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020' }), transfer({ id: 'cb', from: 'CC', to: 'BB', date: '2020' })] });
    expect(await pathsBetween(ports, 'AA', 'CC', resolvePathOptions())).toEqual({ paths: [], truncated: false });
    expect(ports.asked.candidates).toHaveLength(1);
    expect(ports.asked.contexts).toEqual([]);
  });

  it('asks for the question’s system in the check context and checks the direct route for it', async () => {
    const ports = arrayPorts({
      transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', system: 'system:m', date: '2024' }), transfer({ id: 'bc', from: 'BB', to: 'CC', system: 'system:m', date: '2024' })],
      families: [['system:m', 'system:f']],
      restrictions: [restriction('restriction:f-only', 'NO_ARMS_EXPORT', 'AA', '2020/..', { suppliers: ['AA'], recipients: ['CC'], systems: ['system:f'] })],
    });
    const result = await pathsBetween(ports, 'AA', 'CC', resolvePathOptions({ system: 'system:f' }));
    expect(ports.asked.contexts[0]!.systems).toEqual(['system:m', 'system:f']);
    expect(result.paths[0]!.checks.map((c) => [c.restriction, c.hop])).toEqual([['restriction:f-only', null]]);
  });
});
