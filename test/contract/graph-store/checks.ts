// Contract for transferCheck: the seed's Japanese rules as they stood on a day, and hand-made wars and embargoes.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { actor, dataset, event, restriction } from '../../helpers/dataset.js';
import type { ContractContext } from './context.js';

/** Registers the transferCheck cases. */
export function describeChecks(ctx: ContractContext): void {
  const { load } = ctx;

  describe('transferCheck', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('check JP → UA for Patriot is PROHIBITED on 2024-01-15 because Ukraine is at war', async () => {
        const check = await ask(store).transferCheck({ supplier: 'JP', recipient: 'UA', system: 'system:patriot', on: '2024-01-15' });
        expect(check.verdict).toBe('PROHIBITED');
        expect(check.on).toBe('2024-01-15');
        expect(check.reasons.map((r) => [r.restriction, r.rule, r.effect])).toEqual([
          ['restriction:jp-no-export-to-party-at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'PROHIBITED'],
        ]);
        expect(check.reasons[0]!.citations[0]!.quote).toContain('so Japan cannot send Patriot missiles directly to Ukraine');
      });

      it('check reflects the rules as they stood on 2023-12-01, before the change', async () => {
        const check = await ask(store).transferCheck({ supplier: 'JP', recipient: 'UA', system: 'system:patriot', on: '2023-12-01' });
        expect(check.verdict).toBe('PROHIBITED');
        expect(check.reasons.map((r) => r.restriction)).toEqual(['restriction:jp-arms-export-ban', 'restriction:jp-no-export-to-party-at-war']);
        const toUs = await ask(store).transferCheck({ supplier: 'JP', recipient: 'US', system: 'system:patriot', on: '2023-12-01' });
        expect(toUs.verdict).toBe('PROHIBITED');
        const after = await ask(store).transferCheck({ supplier: 'JP', recipient: 'US', system: 'system:patriot', on: '2024-01-15' });
        expect(after).toEqual({ verdict: 'ALLOWED', reasons: [], on: '2024-01-15' });
      });

      it('re-export of Japanese-supplied Patriots needs Japan’s consent; the ministry counts as Japan', async () => {
        const consent = await ask(store).transferCheck({ supplier: 'US', recipient: 'UA', system: 'system:patriot-missile', on: '2024-01-15', origin: 'JP' });
        expect(consent.verdict).toBe('REQUIRES_CONSENT');
        expect(consent.reasons.map((r) => [r.restriction, r.consentOf])).toEqual([['restriction:jp-reexport-consent', 'JP']]);
        expect((await ask(store).transferCheck({ supplier: 'US', recipient: 'UA', system: 'system:patriot', on: '2024-01-15' })).verdict).toBe('ALLOWED');
        expect((await ask(store).transferCheck({ supplier: 'org:jp-mofa', recipient: 'UA', on: '2024-01-15' })).verdict).toBe('PROHIBITED');
        await expect(ask(store).transferCheck({ supplier: 'JP', recipient: 'UA', on: '2024-13-01' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });

    describe('checks on hand-made rules', () => {
      it('a war that ended no longer prohibits; a restriction applies only while in force', async () => {
        await load(
          dataset({
            actors: [actor('AA'), actor('BB'), actor('CC')],
            events: [event('event:war', 'WAR', '2000/2005', ['BB', 'CC'])],
            restrictions: [
              restriction('restriction:war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'AA', '1990/..', { suppliers: ['AA'] }),
              restriction('restriction:embargo', 'NO_ARMS_EXPORT', 'AA', '2010/2012', { suppliers: ['AA'], recipients: ['CC'] }),
            ],
          }),
        );
        const on = async (recipient: string, day: string) => (await ask(store).transferCheck({ supplier: 'AA', recipient, on: day })).reasons.map((r) => r.restriction);
        expect(await on('BB', '2003-01-01')).toEqual(['restriction:war']);
        expect(await on('BB', '2006-01-01')).toEqual([]);
        expect(await on('CC', '2011-06-30')).toEqual(['restriction:embargo']);
        expect(await on('BB', '2011-06-30')).toEqual([]);
      });
    });
  });
}
