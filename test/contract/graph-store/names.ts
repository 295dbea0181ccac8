// Contract for names and entities: ids and aliases resolved (with did-you-mean), nodes read by id.
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../src/store/index.js';
import { actor, dataset } from '../../helpers/dataset.js';
import type { ContractContext } from './context.js';

/** Registers the name-resolution and node cases. */
export function describeNames(ctx: ContractContext): void {
  const { load } = ctx;

  describe('resolveActor and resolveSystem', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('resolves ids and aliases case- and punctuation-insensitively', async () => {
        for (const ref of ['JP', 'Japan', 'japan', 'JAPAN', '日本']) expect(await store.resolveActor(ref)).toBe('JP');
        for (const ref of ['US', 'U.S.', 'usa', 'United States', 'united-states']) expect(await store.resolveActor(ref)).toBe('US');
        expect(await store.resolveActor('Japanese Foreign Ministry')).toBe('org:jp-mofa');
        expect(await store.resolveSystem('Patriot')).toBe('system:patriot');
        expect(await store.resolveSystem('patriot missiles')).toBe('system:patriot-missile');
        expect(await store.resolveSystem('Кинджал')).toBe('system:kinzhal');
      });

      it('looks a node up by id or alias in one go, as resolving it and reading it would', async () => {
        for (const ref of ['JP', 'Japan', '日本']) expect(await store.lookupActor(ref)).toEqual(await store.node('JP'));
        expect(await store.lookupSystem('patriot missiles')).toEqual(await store.node('system:patriot-missile'));
        expect((await store.lookupActor('United States')).value).toMatchObject({ id: 'US', name: 'United States' });
        await expect(store.lookupActor('Japn')).rejects.toMatchObject({ code: 'NOT_FOUND', suggestions: expect.arrayContaining(['Japan']) });
        await expect(store.lookupSystem('Japan')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      it('rejects unknown references with did-you-mean suggestions', async () => {
        await expect(store.resolveActor('Japn')).rejects.toMatchObject({ code: 'NOT_FOUND', suggestions: expect.arrayContaining(['Japan']) });
        await expect(store.resolveActor('Patriot')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.resolveSystem('Patriott')).rejects.toMatchObject({ code: 'NOT_FOUND', suggestions: expect.arrayContaining(['Patriot']) });
      });
    });

    describe('on a hand-made graph', () => {
      it('aliases resolve whatever the accents and punctuation', async () => {
        await load(dataset({ actors: [actor('CI', "Côte d'Ivoire", ['Ivory Coast'])] }));
        for (const ref of ["cote d'ivoire", 'COTE DIVOIRE', 'Côte-d’Ivoire', 'ivory coast', 'CI']) expect(await store.resolveActor(ref)).toBe('CI');
      });
    });
  });

  describe('node and nodes', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('node returns any entity by id, undefined for unknown ids', async () => {
        expect((await store.node('event:jp-export-rules-2023-12-22'))?.type).toBe('Event');
        expect((await store.node('transfer:jp-us-patriot-missiles-2024'))?.value).toMatchObject({ supplier: 'JP', recipient: 'US', status: 'PLANNED' });
        expect(await store.node('event:nope')).toBeUndefined();
        const many = await store.nodes(['JP', 'system:patriot', 'nope']);
        expect([...many.keys()].sort()).toEqual(['JP', 'system:patriot']);
      });
    });
  });
}
