// The timeline question: dates and page checked before any read, actors and systems resolved in argument order,
// entries paged in timeline order.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, timeline, timelineFilter } from '../../../src/query/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { actor, dataset, event, system } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, namePort, notFound } from '../../helpers/ports.js';

const store = new MemoryStore();
beforeAll(async () => {
  await store.load(
    dataset({
      actors: [actor('JP', 'Japan'), actor('UA', 'Ukraine', ['UKR']), actor('RU', 'Russia'), actor('person:z', 'Zelensky', [], 'PERSON', 'UA')],
      systems: [system('system:patriot', 'Patriot'), system('system:patriot-missile', 'Patriot missile', 'system:patriot')],
      events: [
        event('event:war', 'WAR', '2022-02-24/..', ['RU', 'UA']),
        event('event:warning', 'WARNING', '2023-10', ['person:z', 'RU'], '2023-11-05'),
        event('event:combat', 'COMBAT_USE', '2023-04/2023-12-31', ['UA', 'RU'], '2023-12-22', ['system:patriot']),
        event('event:announce', 'ANNOUNCEMENT', '2023-12-22', ['JP'], '2023-12-22', ['system:patriot-missile']),
        event('event:policy', 'POLICY_CHANGE', '2023-12-22', ['JP'], '2023-12-22'),
      ],
    }),
  );
});

describe('timelineFilter', () => {
  it('rejects bad dates before any name is looked up, whatever else is wrong', async () => {
    const { ports, calls } = counting(store);
    await expect(timelineFilter(ports, { actors: ['Atlantis'], between: { from: '2023-02-29' } })).rejects.toThrow(invalidArgument('filter.between.from'));
    await expect(timelineFilter(ports, { between: { from: '2024', to: '2023-12' } })).rejects.toThrow(invalidArgument('filter.between'));
    await expect(timelineFilter(ports, { systems: ['Excalibur'], knownAt: '2023-12' })).rejects.toThrow(invalidArgument('filter.knownAt'));
    expect(calls).toEqual([]);
  });

  it('names an unknown actor or system by its index, with suggestions', async () => {
    await expect(timelineFilter(store, { actors: ['Japan', 'Ukrane'] })).rejects.toThrow(notFound('filter.actors[1]', ['Ukraine']));
    await expect(timelineFilter(store, { systems: ['Patriott'] })).rejects.toThrow(notFound('filter.systems[0]', ['Patriot']));
  });

  it('reports the first bad reference in order: actors before systems, earlier items first, whatever answers first', async () => {
    const names = namePort({ Japan: 'JP' }, { Patriot: 'system:patriot' }, { Atlantis: 40 });
    await expect(timelineFilter(names, { actors: ['Atlantis', 'Japan', 'Lemuria'], systems: ['Excalibur'] })).rejects.toThrow(notFound('filter.actors[0]'));
    await expect(timelineFilter(names, { actors: ['Japan'], systems: ['Patriot', 'Excalibur'] })).rejects.toThrow(notFound('filter.systems[1]'));
    await expect(timelineFilter(store, { actors: ['Japan', 'Lemuria'], systems: ['Excalibur'] })).rejects.toThrow(notFound('filter.actors[1]'));
  });

  it('resolves names, keeps non-empty lists and the dates', async () => {
    expect(await timelineFilter(store, null)).toEqual({});
    expect(await timelineFilter(store, { actors: [], systems: [], kinds: [] })).toEqual({});
    expect(await timelineFilter(store, { actors: ['UKR', 'Japan'], systems: ['Patriot missile'], kinds: ['WAR'], between: { from: '2023' }, knownAt: '2024-01-01' })).toEqual({
      actors: ['UA', 'JP'], systems: ['system:patriot-missile'], kinds: ['WAR'], between: { from: '2023-01-01', to: '9999-12-31' }, knownAt: '2024-01-01',
    });
  });
});

describe('timeline', () => {
  it('rejects a bad page before any port is asked', async () => {
    const { ports, calls } = counting(store);
    await expect(timeline(ports, { actors: ['Japan'] }, { first: 101 })).rejects.toThrow(invalidArgument('first'));
    await expect(timeline(ports, { actors: ['Japan'] }, { after: 'page-2' })).rejects.toThrow(invalidArgument('after'));
    expect(calls).toEqual([]);
  });

  it('rejects an unknown actor having only looked names up', async () => {
    const { ports, calls } = counting(store);
    await expect(timeline(ports, { actors: ['Narnia'] })).rejects.toThrow(notFound('filter.actors[0]'));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('lists entries by earliest, latest, id; an actor includes its parts, a system its family', async () => {
    const ids = async (filter: Parameters<typeof timeline>[1]) => (await timeline(store, filter)).items.map((e) => e.id);
    expect(await ids(null)).toEqual(['event:war', 'event:combat', 'event:warning', 'event:announce', 'event:policy']);
    expect(await ids({ actors: ['Ukraine'] })).toEqual(['event:war', 'event:combat', 'event:warning']);
    expect(await ids({ systems: ['Patriot'] })).toEqual(['event:combat', 'event:announce']);
    expect(await ids({ actors: ['Japan'], knownAt: '2023-12-21' })).toEqual([]);
    expect(await ids({ kinds: ['WARNING', 'WAR'], between: { from: '2023-11', to: '2023-12' } })).toEqual(['event:war']);
  });

  it('pages with keyset cursors', async () => {
    const first = await timeline(store, null, { first: 2 });
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true, hasPreviousPage: false });
    expect(first.items.map((e) => e.id)).toEqual(['event:war', 'event:combat']);
    const second = await timeline(store, null, { first: 2, after: first.cursors[1] });
    expect(second.items.map((e) => e.id)).toEqual(['event:warning', 'event:announce']);
    expect(second).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const fromAKey = await timeline(store, null, { after: encodeCursor(['2023-12-22', '2023-12-22', 'event:announce']) });
    expect(fromAKey.items.map((e) => e.id)).toEqual(['event:policy']);
  });
});
