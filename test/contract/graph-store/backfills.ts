// Contract for backfillCandidates: the seed's declared backfill, and the Leopard-for-T-72 ring in the SIPRI excerpt
// summed by hand from the CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';
import { counting, csvDeals, csvHop, round, type CsvDeal } from './routes-reference.js';

/** Registers the backfillCandidates cases. */
export function describeBackfills(ctx: ContractContext): void {
  describe('backfillCandidates', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed', () => {
      beforeAll(() => ctx.loadSeed());

      it('the declared backfill comes first, marked: Japan replenishes the United States for what it sends Ukraine', async () => {
        // From the data: the seed transfer that declares what it backfills.
        const link = ctx.seed.transfers.find((t) => t.backfills.length > 0)!;
        const backfilled = ctx.seed.transfers.find((t) => t.id === link.backfills[0])!;
        const candidates = await ask(store).backfillCandidates('Ukraine');
        expect(candidates.map((c) => [c.via, c.from, c.to, c.declared])).toEqual([[backfilled.supplier, link.supplier, backfilled.recipient, true]]);
        expect(candidates.map((c) => [c.via, c.from])).toEqual([['US', 'JP']]);
        const [c] = candidates;
        expect(c!.fit).toBe(1);
        expect(c!.replenished.transfers.map((t) => t.id)).toEqual([link.id]);
        expect(c!.delivered.transfers.map((t) => t.id)).toEqual([backfilled.id]);
        // 2024 (Japan's missiles) against 2023 (the announcement that opens the US delivery): one year apart.
        expect(c!.gapYears).toBe(1);
        expect(await ask(store).backfillCandidates('Japan')).toEqual([]);
      });

      it('refuses bad years and first, naming them, before reading any transfer', async () => {
        const { ports, calls } = counting(store);
        for (const [input, argument] of [[{ years: 6 }, 'years'], [{ years: -1 }, 'years'], [{ first: 0 }, 'first'], [{ first: 101 }, 'first'], [{ between: { from: '2024-02-30' } }, 'between.from']] as const) {
          calls.length = 0;
          await expect(ask(ports).backfillCandidates('UA', input)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument } });
          expect(calls).toEqual([]);
        }
        await expect(ask(ports).backfillCandidates('Ukrane')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { argument: 'recipient' } });
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      let deals: Map<string, CsvDeal>;
      beforeAll(async () => {
        await ctx.loadSipri();
        deals = await csvDeals();
      });

      it('the declared link first, then Germany’s Leopards to Czechia for the T-72s Czechia sent Ukraine', async () => {
        const candidates = await ask(store).backfillCandidates('UA');
        expect(candidates.map((c) => [c.via, c.from, c.declared, c.itemClass])).toEqual([['US', 'JP', true, 'SAM'], ['CZ', 'DE', false, 'tank']]);
        const ring = candidates[1]!;
        // Same class, deliveries in overlapping years, second-hand stock passed on: the best fit.
        expect([ring.fit, ring.gapYears]).toEqual([1, 0]);
        const tanks = (d: CsvDeal) => d.description === 'tank';
        const { span: _, ...replenished } = csvHop(deals, 'Germany', 'Czechia');
        const { span: __, ...delivered } = csvHop(deals, 'Czechia', 'Ukraine', tanks);
        const summed = (h: typeof ring.replenished) => ({ deals: h.deals, units: h.units, tiv: h.tiv, transfers: h.transfers.map((t) => t.id).sort() });
        expect(summed(ring.replenished)).toEqual({ ...replenished, transfers: [...replenished.transfers].sort() });
        expect(summed(ring.delivered)).toEqual({ ...delivered, transfers: [...delivered.transfers].sort() });
        expect(ring.delivered.deals).toBe(4);
      });

      it('sources keep both hops to the transfers of those sources: the declared link is the seed\'s, the ring SIPRI\'s', async () => {
        const bySource = async (sources: string[]) =>
          (await ask(store).backfillCandidates('UA', { sources })).map((c) => [c.via, c.from, c.declared, c.itemClass]);
        expect(await bySource(['SEED'])).toEqual([['US', 'JP', true, 'SAM']]);
        expect(await bySource(['SIPRI'])).toEqual([['CZ', 'DE', false, 'tank']]);
        const sipriOnly = await ask(store).backfillCandidates('UA', { sources: ['SIPRI'] });
        for (const c of sipriOnly) for (const t of [...c.replenished.transfers, ...c.delivered.transfers]) expect(t.id).toMatch(/^transfer:sipri-/);
        await expect(ask(store).backfillCandidates('UA', { sources: ['NATO'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'sources[0]' } });
      });

      it('a window limits the deliveries to the recipient; the replenishing hop counts what it delivered around them', async () => {
        const [declared, ring] = await ask(store).backfillCandidates('UA', { between: { from: '2023', to: '2023' } });
        expect([declared!.declared, ring!.via, ring!.from]).toEqual([true, 'CZ', 'DE']);
        // Czech tanks delivered in 2023: one deal.
        const in2023 = (d: CsvDeal) => d.supplier === 'Czechia' && d.recipient === 'Ukraine' && d.description === 'tank' && d.rows.some((r) => r.year === 2023);
        expect(ring!.delivered.transfers.map((t) => t.id)).toEqual(csvHop(deals, 'Czechia', 'Ukraine', in2023).transfers);
        expect(ring!.delivered.tiv).toBe(round([...deals.values()].filter(in2023).flatMap((d) => d.rows).filter((r) => r.year === 2023).reduce((n, r) => n + r.tiv, 0)));
        // The Leopards delivered 2022–2023, within two years of those deliveries: both years count.
        expect([ring!.replenished.units, ring!.replenished.tiv]).toEqual([csvHop(deals, 'Germany', 'Czechia').units, csvHop(deals, 'Germany', 'Czechia').tiv]);
        expect(await ask(store).backfillCandidates('UA', { first: 1 })).toHaveLength(1);
        expect((await ask(store).backfillCandidates('UA', { years: 1 })).map((c) => c.via)).toEqual(['US', 'CZ']);
      });
    });
  });
}
