// The backfillCandidates question: window, years and result count checked before any read, the recipient resolved,
// declared backfill links first, then ring exchanges found in the data by class, time and stock, with both hops'
// evidence; over the seed and a hand-built Ringtausch in the memory store.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SipriDeal, Transfer } from '../../../src/domain/model.js';
import {
  DEFAULT_BACKFILL_RESULTS, DEFAULT_BACKFILL_YEARS, MAX_BACKFILL_RESULTS, MAX_BACKFILL_YEARS, backfillCandidates, type BackfillCandidate,
} from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { actor, dataset, sipriTransfer, system } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, notFound } from '../../helpers/ports.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');

/** A SIPRI deal: deliveries [year, units, TIV], SIPRI's item description and the items' condition. */
function deal(
  id: string, from: string, to: string, system: string, deliveries: [number, number, number][], description: string,
  condition: SipriDeal['condition'] = 'SECOND_HAND', more: { backfills?: string[] } = {},
): Transfer {
  const t = sipriTransfer(id, from, to, system, deliveries, 'Armoured vehicles');
  return { ...t, sipri: { ...t.sipri!, description, condition }, backfills: (more.backfills ?? []).map((b) => `transfer:${b}`) };
}

/** A candidate in a line: via, from, declared, fit, class, gap. */
const line = (c: BackfillCandidate) => [c.via, c.from, c.declared, Math.round(c.fit * 1000) / 1000, c.itemClass, c.gapYears];

describe('backfillCandidates', () => {
  describe('over the seed in the memory store', () => {
    const store = new MemoryStore();
    beforeAll(async () => {
      await store.load(await loadSeedDir(SEED_DIR));
    });

    it('rejects a bad window, years or first before any port is asked, even a name', async () => {
      const cases: [Parameters<typeof backfillCandidates>[2], string][] = [
        [{ between: { from: '2022-02-30' } }, 'between.from'],
        [{ between: { to: 'soon' } }, 'between.to'],
        [{ between: { from: '2024', to: '2022' } }, 'between'],
        [{ years: -1 }, 'years'],
        [{ years: MAX_BACKFILL_YEARS + 1 }, 'years'],
        [{ years: 1.5 }, 'years'],
        [{ first: 0 }, 'first'],
        [{ first: MAX_BACKFILL_RESULTS + 1 }, 'first'],
      ];
      for (const [input, argument] of cases) {
        const { ports, calls } = counting(store);
        await expect(backfillCandidates(ports, 'Atlantis', input)).rejects.toThrow(invalidArgument(argument));
        expect([argument, calls]).toEqual([argument, []]);
      }
      expect([DEFAULT_BACKFILL_YEARS, MAX_BACKFILL_YEARS, DEFAULT_BACKFILL_RESULTS, MAX_BACKFILL_RESULTS]).toEqual([2, 5, 20, 100]);
    });

    it('names an unknown recipient with suggestions, having only looked names up', async () => {
      const { ports, calls } = counting(store);
      await expect(backfillCandidates(ports, 'Ukrain')).rejects.toThrow(notFound('recipient', ['Ukraine']));
      expect(dataCalls(calls)).toEqual([]);
    });

    it('gives the declared link first: Japan’s Patriot missiles backfill the United States’ for Ukraine', async () => {
      const [first, ...rest] = await backfillCandidates(store, 'Ukraine');
      expect(line(first!)).toEqual(['US', 'JP', true, 1, 'SAM', 1]);
      expect(first!.to).toBe('UA');
      expect(first!.replenished).toMatchObject({ from: 'JP', to: 'US', deals: 1, systems: ['system:patriot-missile'] });
      expect(first!.replenished.transfers.map((t) => t.id)).toEqual(['transfer:jp-us-patriot-missiles-2024']);
      expect(first!.delivered).toMatchObject({ from: 'US', to: 'UA', deals: 1 });
      expect(first!.delivered.transfers.map((t) => t.id)).toEqual(['transfer:us-ua-patriot-missiles-potential']);
      expect(rest.filter((c) => c.declared)).toEqual([]);
    });

    it('finds no replenishment of deliveries outside the window', async () => {
      expect(await backfillCandidates(store, 'UA', { between: { to: '2023-06' } })).toEqual([]);
    });
  });

  describe('over a hand-built Ringtausch in the memory store', () => {
    const systems = [
      system('system:leopard-2a4', 'Leopard 2A4'), system('system:t-72', 'T-72M1'), system('system:mi-24', 'Mi-24'), system('system:ah-1z', 'AH-1Z'),
      system('system:bmp-1', 'BMP-1'), system('system:m113', 'M113'), system('system:nasams', 'NASAMS'), system('system:gepard', 'Gepard'),
      system('system:pzh-2000', 'PzH-2000'), system('system:leopard-1', 'Leopard 1'),
    ];
    const transfers = [
      // Czechia gave T-72s to Ukraine in 2022; Germany replenished it with Leopard 2A4s from December 2022.
      deal('cz-ua-t72', 'CZ', 'UA', 'system:t-72', [[2022, 40, 40]], 'tank'),
      deal('de-cz-leopard', 'DE', 'CZ', 'system:leopard-2a4', [[2022, 1, 2], [2023, 13, 26]], 'tank'),
      // Czech Mi-24s to Ukraine in 2022, new US helicopters in 2024.
      deal('cz-ua-mi24', 'CZ', 'UA', 'system:mi-24', [[2022, 4, 8]], 'combat helicopter'),
      deal('us-cz-ah1z', 'US', 'CZ', 'system:ah-1z', [[2024, 2, 30]], 'combat helicopter', 'NEW'),
      // Polish BMP-1s (IFV) replenished with APCs: a substitute class.
      deal('pl-ua-bmp1', 'PL', 'UA', 'system:bmp-1', [[2022, 100, 20]], 'infantry fighting vehicle'),
      deal('us-pl-m113', 'US', 'PL', 'system:m113', [[2022, 50, 10]], 'armoured personnel carrier'),
      // Slovak tanks replenished three years later: outside the default two years.
      deal('sk-ua-t72', 'SK', 'UA', 'system:t-72', [[2022, 30, 30]], 'tank'),
      deal('de-sk-leopard', 'DE', 'SK', 'system:leopard-2a4', [[2025, 15, 30]], 'tank'),
      // A declared backfill of a new NASAMS delivery, however poor the fit by class and time would be.
      deal('no-ua-nasams', 'NO', 'UA', 'system:nasams', [[2022, 2, 100]], 'SAM system', 'NEW'),
      deal('us-no-m113', 'US', 'NO', 'system:m113', [[2024, 10, 5]], 'armoured personnel carrier', 'NEW', { backfills: ['no-ua-nasams'] }),
      // Germany's Gepards (air defence) and the howitzers it received meanwhile (artillery): no candidate.
      deal('de-ua-gepard', 'DE', 'UA', 'system:gepard', [[2022, 30, 60]], 'self-propelled anti-aircraft gun', 'SECOND_HAND'),
      deal('nl-de-pzh', 'NL', 'DE', 'system:pzh-2000', [[2022, 3, 12]], 'self-propelled gun', 'NEW'),
      // Ukraine's own exports to Czechia and Czechia's to itself never count.
      deal('ua-cz-tank', 'UA', 'CZ', 'system:t-72', [[2022, 1, 1]], 'tank'),
    ];
    const store = new MemoryStore();
    beforeAll(async () => {
      await store.load(dataset({ actors: [actor('UA', 'Ukraine'), actor('CZ', 'Czechia'), actor('DE', 'Germany')], systems, transfers }));
    });

    it('names a bad argument or an unknown recipient before reading any transfer', async () => {
      const { ports, calls } = counting(store);
      await expect(backfillCandidates(ports, 'UA', { years: 6 })).rejects.toThrow(invalidArgument('years'));
      await expect(backfillCandidates(ports, 'Ukraina')).rejects.toThrow(notFound('recipient', ['Ukraine']));
      expect(dataCalls(calls)).toEqual([]);
    });

    it('lists declared links first, then found exchanges by fit: class, years apart, second-hand stock', async () => {
      expect((await backfillCandidates(store, 'Ukraine')).map(line)).toEqual([
        ['NO', 'US', true, 1, 'SAM system', 2],
        ['CZ', 'DE', false, 1, 'tank', 0],
        ['PL', 'US', false, 0.5, 'armoured fighting vehicle', 0],
        ['CZ', 'US', false, 0.333, 'helicopter', 2],
      ]);
    });

    it('gives both hops’ evidence of the Ringtausch: the deliveries to the recipient and the replenishment', async () => {
      const ring = (await backfillCandidates(store, 'UA')).find((c) => c.via === 'CZ' && c.from === 'DE')!;
      expect(ring.delivered).toMatchObject({
        from: 'CZ', to: 'UA', deals: 1, units: 40, tiv: 40, span: { earliest: '2022-01-01', latest: '2022-12-31' }, systems: ['system:t-72'],
      });
      expect(ring.delivered.transfers.map((t) => t.id)).toEqual(['transfer:cz-ua-t72']);
      expect(ring.replenished).toMatchObject({
        from: 'DE', to: 'CZ', deals: 1, units: 14, tiv: 28, span: { earliest: '2022-01-01', latest: '2023-12-31' }, systems: ['system:leopard-2a4'],
      });
      expect(ring.replenished.transfers.map((t) => t.id)).toEqual(['transfer:de-cz-leopard']);
    });

    it('counts a replenishment’s deliveries in the years it was looked for, beyond the window on the recipient', async () => {
      const ring = (await backfillCandidates(store, 'UA', { between: { from: '2022', to: '2022' } })).find((c) => c.via === 'CZ' && c.from === 'DE')!;
      expect([ring.delivered.tiv, ring.replenished.units, ring.replenished.tiv]).toEqual([40, 14, 28]);
    });

    it('a replenishment a year apart fits half as well', async () => {
      const late = new MemoryStore();
      await late.load(
        dataset({
          systems,
          transfers: [deal('cz-ua-t72', 'CZ', 'UA', 'system:t-72', [[2022, 40, 40]], 'tank'), deal('de-cz-leopard', 'DE', 'CZ', 'system:leopard-2a4', [[2023, 14, 28]], 'tank')],
        }),
      );
      expect((await backfillCandidates(late, 'UA')).map(line)).toEqual([['CZ', 'DE', false, 0.5, 'tank', 1]]);
    });

    it('leaves out replenishments more than `years` away, and takes them in when asked for more years', async () => {
      expect((await backfillCandidates(store, 'UA')).some((c) => c.via === 'SK')).toBe(false);
      expect((await backfillCandidates(store, 'UA', { years: 0 })).map(line)).toEqual([
        ['CZ', 'DE', false, 1, 'tank', 0],
        ['PL', 'US', false, 0.5, 'armoured fighting vehicle', 0],
      ]);
      expect((await backfillCandidates(store, 'UA', { years: 3 })).filter((c) => c.via === 'SK').map(line)).toEqual([['SK', 'DE', false, 0.25, 'tank', 3]]);
    });

    it('considers only the deliveries to the recipient in the window', async () => {
      expect(await backfillCandidates(store, 'UA', { between: { from: '2023' } })).toEqual([]);
    });

    it('takes fit, class and gap from one pair: a same-class replenishment years away lends no class to a same-year substitute', async () => {
      const ask = async (...replenishments: Transfer[]) => {
        const s = new MemoryStore();
        await s.load(dataset({ systems, transfers: [deal('x-ua', 'XX', 'UA', 'system:bmp-1', [[2022, 10, 10]], 'infantry fighting vehicle'), ...replenishments] }));
        return backfillCandidates(s, 'UA');
      };
      const apc = (year: number) => deal(`y-x-apc-${year}`, 'YY', 'XX', 'system:m113', [[year, 10, 10]], 'armoured personnel carrier');
      const ifv = (year: number) => deal(`y-x-ifv-${year}`, 'YY', 'XX', 'system:bmp-1', [[year, 10, 10]], 'infantry fighting vehicle');
      // A substitute in the same year (0.5) against the same class two years later (1/3).
      const [near] = await ask(apc(2022), ifv(2024));
      expect(line(near!)).toEqual(['XX', 'YY', false, 0.5, 'armoured fighting vehicle', 0]);
      expect(near!.replenished.deals).toBe(2);
      // The same class a year later (1/2) against a substitute two years later (1/6); on equal fit, the same class.
      expect((await ask(apc(2024), ifv(2023))).map(line)).toEqual([['XX', 'YY', false, 0.5, 'IFV', 1]]);
      expect((await ask(apc(2022), ifv(2023))).map(line)).toEqual([['XX', 'YY', false, 0.5, 'IFV', 1]]);
    });

    it('keeps the first `first` candidates', async () => {
      const all = await backfillCandidates(store, 'UA');
      expect(await backfillCandidates(store, 'UA', { first: 2 })).toEqual(all.slice(0, 2));
    });
  });
});
