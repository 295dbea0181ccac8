// ask(ports): every question bound to one store, answering as the question modules do.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, subgraph, transferPaths } from '../../../src/query/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { TEST_SOURCE, actor, dataset, transfer } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument } from '../../helpers/ports.js';

const store = new MemoryStore();
beforeAll(async () => {
  await store.load(
    dataset({
      actors: [actor('AA', 'Alpha'), actor('BB', 'Bravo'), actor('CC', 'Charlie'), actor('DD', 'Delta')],
      transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2021' })],
    }),
  );
});

describe('ask', () => {
  it('prepares arguments as the questions do: a bad argument reads nothing', async () => {
    const { ports, calls } = counting(store);
    const q = ask(ports);
    await expect(q.transferPaths('Alpha', 'Charlie', { maxHops: 9 })).rejects.toThrow(invalidArgument('options.maxHops'));
    await expect(q.timeline(null, { first: 500 })).rejects.toThrow(invalidArgument('first'));
    await expect(q.search('??')).rejects.toThrow(invalidArgument('text'));
    await expect(q.exportSelection({ around: ['Alpha'], depth: 9 })).rejects.toThrow(invalidArgument('depth'));
    await expect(q.transferStats(null, [])).rejects.toThrow(invalidArgument('groupBy'));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('answers as the question modules, over the store it was given', async () => {
    const q = ask(store);
    expect(await q.transferPaths('Alpha', 'Charlie')).toEqual(await transferPaths(store, 'Alpha', 'Charlie'));
    expect(await q.subgraph({ around: ['Bravo'] })).toEqual(await subgraph(store, { around: ['Bravo'] }));
    expect((await q.actors(null, { first: 2 })).items.map((a) => a.id)).toEqual(['AA', 'BB']);
    expect((await q.transfers({ supplier: 'Bravo' })).items.map((t) => t.id)).toEqual(['transfer:bc']);
  });

  it('exportSelection: the whole graph without around, with the sources its transfers cite', async () => {
    const all = await ask(store).exportSelection({});
    expect(all.selection).toEqual({ around: [], depth: 1, filter: {} });
    expect(all.subgraph.actors.map((a) => a.id)).toEqual(['AA', 'BB', 'CC', 'DD']);
    expect(all.subgraph.edges.map((e) => e.id)).toEqual(['transfer:ab', 'transfer:bc']);
    expect([...all.sources.keys()]).toEqual([TEST_SOURCE.id]);
    const around = await ask(store).exportSelection({ around: ['Alpha'], depth: 1 });
    expect(around.subgraph.actors.map((a) => a.id)).toEqual(['AA', 'BB']);
  });
});
