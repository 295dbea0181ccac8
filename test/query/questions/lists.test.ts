// The list questions: page, text and dates checked before any read, references resolved, keyset pages returned.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actors, systems, transfers } from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { counting, dataCalls, invalidArgument, notFound } from '../../helpers/ports.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');
const store = new MemoryStore();
beforeAll(async () => {
  await store.load(await loadSeedDir(SEED_DIR));
});
const ids = (page: { items: readonly { id: string }[] }) => page.items.map((x) => x.id);

describe('actors', () => {
  it('rejects a bad page or a text with nothing to match before any port is asked', async () => {
    const { ports, calls } = counting(store);
    await expect(actors(ports, null, { first: -1 })).rejects.toThrow(invalidArgument('first'));
    await expect(actors(ports, null, { after: 'x' })).rejects.toThrow(invalidArgument('after'));
    await expect(actors(ports, { text: ' - ' })).rejects.toThrow(invalidArgument('filter.text'));
    expect(calls).toEqual([]);
  });

  it('filters by kind and by names containing the normalised text', async () => {
    expect(ids(await actors(store, { kinds: ['PERSON'] }))).toEqual(['person:rahm-emanuel', 'person:volodymyr-zelensky']);
    // "us" is in "U.S." (the United States) and in "Russia".
    expect(ids(await actors(store, { text: 'U.S.' }))).toEqual(['RU', 'US']);
    expect(ids(await actors(store, { text: 'Japan', kinds: ['ORGANIZATION', 'PERSON'] }))).toEqual(['org:jp-mofa']);
  });

  it('pages by id', async () => {
    const first = await actors(store, { kinds: ['STATE'] }, { first: 3 });
    expect(ids(first)).toEqual(['JP', 'RU', 'UA']);
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(ids(await actors(store, { kinds: ['STATE'] }, { first: 3, after: first.cursors[2] }))).toEqual(['US']);
  });
});

describe('systems', () => {
  it('rejects a bad page or text before any port is asked, even a name look-up', async () => {
    const { ports, calls } = counting(store);
    await expect(systems(ports, { family: 'Atlantis' }, { first: 1000 })).rejects.toThrow(invalidArgument('first'));
    await expect(systems(ports, { text: '!!', family: 'Atlantis' })).rejects.toThrow(invalidArgument('filter.text'));
    expect(calls).toEqual([]);
  });

  it('names an unknown family, with suggestions, having only looked names up', async () => {
    const { ports, calls } = counting(store);
    await expect(systems(ports, { family: 'Patriott' })).rejects.toThrow(notFound('filter.family', ['Patriot']));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('filters by family (the system and its members), category and text', async () => {
    expect(ids(await systems(store, { family: 'Patriot' }))).toEqual(['system:patriot', 'system:patriot-missile']);
    expect(ids(await systems(store, { family: 'Patriot missile' }))).toEqual(['system:patriot-missile']);
    expect(ids(await systems(store, { text: 'MIM-104' }))).toEqual(['system:patriot']);
    expect(ids(await systems(store, { category: 'no such category' }))).toEqual([]);
  });
});

describe('transfers', () => {
  it('rejects a bad page or date before any port is asked', async () => {
    const { ports, calls } = counting(store);
    await expect(transfers(ports, { supplier: 'Atlantis' }, { first: 101 })).rejects.toThrow(invalidArgument('first'));
    await expect(transfers(ports, { supplier: 'Atlantis', between: { from: '2023-13' } })).rejects.toThrow(invalidArgument('filter.between.from'));
    await expect(transfers(ports, { knownAt: '22-12-2023' })).rejects.toThrow(invalidArgument('filter.knownAt'));
    expect(calls).toEqual([]);
  });

  it('names an unknown reference, having only looked names up', async () => {
    const { ports, calls } = counting(store);
    await expect(transfers(ports, { supplier: 'Japn' })).rejects.toThrow(notFound('filter.supplier', ['Japan']));
    await expect(transfers(ports, { recipient: 'Lemuria', system: 'Excalibur' })).rejects.toThrow(notFound('filter.recipient'));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('lists matching transfers in time order', async () => {
    expect(ids(await transfers(store, { recipient: 'Ukraine' }))).toEqual(['transfer:ua-first-patriot-systems-2023-04', 'transfer:us-ua-patriot-missiles-potential']);
    expect(ids(await transfers(store, { system: 'Patriot missile', knownAt: '2023-12-22' }))).toEqual([
      'transfer:us-ua-patriot-missiles-potential', 'transfer:jp-us-patriot-missiles-2024',
    ]);
    expect(ids(await transfers(store, { statuses: ['PLANNED'] }))).toEqual(['transfer:jp-us-patriot-missiles-2024']);
  });

  it('lets a fixed supplier or recipient (an actor’s own transfers) override the filter’s', async () => {
    expect(ids(await transfers(store, { supplier: 'Japan' }, null, { supplier: 'US' }))).toEqual(['transfer:us-ua-patriot-missiles-potential']);
    expect(ids(await transfers(store, { recipient: 'Ukraine' }, { first: 1 }, { recipient: 'US' }))).toEqual(['transfer:jp-us-patriot-missiles-2024']);
  });
});
