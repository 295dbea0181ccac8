// The subgraph question: depth and dates checked first, `around` and the filter resolved in argument order, the
// neighbourhood (or the whole graph) assembled sorted by id, and the sources it cites.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SUBGRAPH_DEPTH, MAX_SUBGRAPH_DEPTH, assembleSubgraph, checkDepth, citedSources, prepareSubgraph, selectSubgraph, subgraph,
} from '../../../src/query/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { TEST_SOURCE, actor, dataset, system, transfer } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, namePort, notFound } from '../../helpers/ports.js';

// EE → AA → BB → CC ⇢ DD (CANCELLED), and FF alone.
const data = dataset({
  actors: [actor('AA', 'Alpha'), actor('BB', 'Bravo'), actor('CC', 'Charlie'), actor('DD', 'Delta'), actor('EE', 'Echo'), actor('FF', 'Foxtrot')],
  systems: [system('system:s1', 'S1'), system('system:s2', 'S2'), system('system:unused', 'Unused')],
  transfers: [
    transfer({ id: 'bc', from: 'BB', to: 'CC', system: 'system:s2', date: '2021' }),
    transfer({ id: 'ab', from: 'AA', to: 'BB', system: 'system:s1', date: '2020' }),
    transfer({ id: 'cd', from: 'CC', to: 'DD', system: 'system:s1', date: '2022', status: 'CANCELLED' }),
    transfer({ id: 'ea', from: 'EE', to: 'AA', system: 'system:s1', date: '2010' }),
  ],
});
const actorIds = (g: { actors: readonly { id: string }[] }) => g.actors.map((a) => a.id);
const edgeIds = (g: { edges: readonly { id: string }[] }) => g.edges.map((e) => e.id.replace('transfer:', ''));

const store = new MemoryStore();
beforeAll(async () => {
  await store.load(data);
});

describe('checkDepth', () => {
  it('rejects a depth outside 0–4 or not an integer, naming depth', () => {
    for (const depth of [-1, MAX_SUBGRAPH_DEPTH + 1, 1.5]) expect(() => checkDepth(depth)).toThrow(invalidArgument('depth'));
    expect(MAX_SUBGRAPH_DEPTH).toBe(4);
  });

  it('defaults to 1 and keeps the bounds', () => {
    expect(checkDepth(undefined)).toBe(1);
    expect(checkDepth(null)).toBe(DEFAULT_SUBGRAPH_DEPTH);
    expect(checkDepth(0)).toBe(0);
    expect(checkDepth(4)).toBe(4);
  });
});

describe('assembleSubgraph', () => {
  it('reads no node when there is no transfer', async () => {
    const { ports, calls } = counting(store);
    expect(await assembleSubgraph(ports, [actor('ZZ'), actor('AA')], [])).toEqual({ actors: [actor('AA'), actor('ZZ')], systems: [], edges: [] });
    expect(calls).toEqual([]);
  });

  it('sorts actors and edges by id and reads the transfers’ systems once each', async () => {
    const { ports, calls } = counting(store);
    const transfers = [...data.transfers];
    const graph = await assembleSubgraph(ports, [...data.actors].reverse(), transfers);
    expect(actorIds(graph)).toEqual(['AA', 'BB', 'CC', 'DD', 'EE', 'FF']);
    expect(edgeIds(graph)).toEqual(['ab', 'bc', 'cd', 'ea']);
    expect(graph.edges[0]).toEqual({ id: 'transfer:ab', source: 'AA', target: 'BB', transfer: data.transfers[1] });
    expect(graph.systems.map((s) => s.id)).toEqual(['system:s1', 'system:s2']);
    expect(calls).toEqual(['nodes']);
  });
});

describe('prepareSubgraph', () => {
  it('rejects a bad depth or date before any port is asked', async () => {
    const { ports, calls } = counting(store);
    await expect(prepareSubgraph(ports, { around: ['Atlantis'], depth: 5 })).rejects.toThrow(invalidArgument('depth'));
    await expect(prepareSubgraph(ports, { around: ['Atlantis'], filter: { between: { to: '2020-02-30' } } })).rejects.toThrow(invalidArgument('filter.between.to'));
    await expect(prepareSubgraph(ports, { around: ['AA'], filter: { supplier: 'Atlantis', knownAt: '2020' } })).rejects.toThrow(invalidArgument('filter.knownAt'));
    expect(calls).toEqual([]);
  });

  it('names an unknown actor of around by its index, with suggestions, having only looked names up', async () => {
    const { ports, calls } = counting(store);
    await expect(prepareSubgraph(ports, { around: ['Alpha', 'Bravoo'] })).rejects.toThrow(notFound('around[1]', ['Bravo']));
    await expect(prepareSubgraph(ports, { around: ['AA'], filter: { recipient: 'Charly' } })).rejects.toThrow(notFound('filter.recipient', ['Charlie']));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('reports the first bad argument in order: around before the filter, earlier items first, whatever answers first', async () => {
    const names = namePort({ Alpha: 'AA' }, {}, { Atlantis: 40 });
    await expect(prepareSubgraph(names, { around: ['Atlantis', 'Lemuria'], filter: { supplier: 'Mu' } })).rejects.toThrow(notFound('around[0]'));
    await expect(prepareSubgraph(store, { around: ['Alpha', 'Lemuria'], filter: { supplier: 'Mu', recipient: 'Atlantis' } })).rejects.toThrow(notFound('around[1]'));
  });

  it('resolves around and the filter, with the default depth', async () => {
    expect(await prepareSubgraph(store, { around: ['Alpha', 'CC'], filter: { supplier: 'Bravo', statuses: ['DELIVERED'] } })).toEqual({
      around: ['AA', 'CC'], depth: 1, filter: { supplier: 'BB', statuses: ['DELIVERED'] },
    });
    expect(await prepareSubgraph(store, { around: null, depth: 0 })).toEqual({ around: [], depth: 0, filter: {} });
  });
});

describe('selectSubgraph', () => {
  it('is the whole graph when around is empty: every actor, every matching transfer', async () => {
    const { ports, calls } = counting(store);
    const graph = await selectSubgraph(ports, { around: [], depth: 1, filter: { statuses: ['DELIVERED'] } });
    expect(actorIds(graph)).toEqual(['AA', 'BB', 'CC', 'DD', 'EE', 'FF']);
    expect(edgeIds(graph)).toEqual(['ab', 'bc', 'ea']);
    expect(graph.systems.map((s) => s.id)).toEqual(['system:s1', 'system:s2']);
    expect(calls.sort()).toEqual(['allActors', 'allTransfers', 'nodes']);
  });

  it('is the neighbourhood of around otherwise', async () => {
    const { ports, calls } = counting(store);
    const graph = await selectSubgraph(ports, { around: ['BB'], depth: 1, filter: {} });
    expect(actorIds(graph)).toEqual(['AA', 'BB', 'CC']);
    expect(calls).toEqual(['neighbourhood', 'nodes']);
  });
});

describe('subgraph', () => {
  it('rejects bad input before reading any data', async () => {
    const { ports, calls } = counting(store);
    await expect(subgraph(ports, { around: ['BB'], depth: -1 })).rejects.toThrow(invalidArgument('depth'));
    await expect(subgraph(ports, { around: ['Zulu'] })).rejects.toThrow(notFound('around[0]'));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('grows with depth, in both directions', async () => {
    const at = async (depth: number) => subgraph(store, { around: ['Bravo'], depth });
    expect([actorIds(await at(0)), edgeIds(await at(0))]).toEqual([['BB'], []]);
    expect([actorIds(await at(1)), edgeIds(await at(1))]).toEqual([['AA', 'BB', 'CC'], ['ab', 'bc']]);
    expect([actorIds(await at(2)), edgeIds(await at(2))]).toEqual([['AA', 'BB', 'CC', 'DD', 'EE'], ['ab', 'bc', 'cd', 'ea']]);
  });

  it('follows and returns only transfers matching the filter', async () => {
    const graph = await subgraph(store, { around: ['BB'], depth: 4, filter: { statuses: ['DELIVERED'], between: { from: '2015' } } });
    expect([actorIds(graph), edgeIds(graph)]).toEqual([['AA', 'BB', 'CC'], ['ab', 'bc']]);
  });

  it('keeps transfers among the actors of around at depth 0', async () => {
    const graph = await subgraph(store, { around: ['AA', 'BB', 'FF'], depth: 0 });
    expect([actorIds(graph), edgeIds(graph), graph.systems.map((s) => s.id)]).toEqual([['AA', 'BB', 'FF'], ['ab'], ['system:s1']]);
  });

  it('is empty without around (exports use selectSubgraph for the whole graph)', async () => {
    expect(await subgraph(store, { around: [] })).toEqual({ actors: [], systems: [], edges: [] });
  });
});

describe('citedSources', () => {
  it('reads nothing for a graph without edges', async () => {
    const { ports, calls } = counting(store);
    expect(await citedSources(ports, { actors: [], systems: [], edges: [] })).toEqual(new Map());
    expect(calls).toEqual([]);
  });

  it('gives each source the edges cite, once', async () => {
    const { ports, calls } = counting(store);
    const sources = await citedSources(ports, await subgraph(store, { around: ['BB'] }));
    expect([...sources]).toEqual([[TEST_SOURCE.id, TEST_SOURCE]]);
    expect(calls).toEqual(['nodes']);
  });
});
