// Contract for the Kiel import and reconcile: seed + SIPRI excerpt + Kiel release-29 excerpt, figures read from the files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/domain/model.js';
import { importKiel, mergeDatasets } from '../../../src/import/index.js';
import { ask, type ReconcileRow } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';

/** The Kiel release-29 excerpt (rows copied unchanged from the tracker's files). */
export const KIEL_EXCERPT = path.resolve(import.meta.dirname, '../../fixtures/kiel/release-29-excerpt');

/** weapons.csv line by line, to check counts and line numbers against the file itself. */
function weaponsLine(donor: string, category: string): { line: number; text: string } {
  const lines = readFileSync(path.join(KIEL_EXCERPT, 'weapons.csv'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(`"${donor}","${category}"`));
  return { line: at + 1, text: lines[at]! };
}

const row = (rows: readonly ReconcileRow[], donor: string, group: string, unit: string) => {
  const found = rows.find((r) => r.donor === donor && r.group === group && r.unit === unit);
  expect(found, `${donor} ${group} ${unit}`).toBeDefined();
  return found!;
};

/** Registers the Kiel import and reconcile cases. */
export function describeReconcile(ctx: ContractContext): void {
  describe('Kiel import and reconcile', () => {
    let store: GraphStore;
    let all: Dataset;
    beforeAll(async () => {
      store = ctx.store;
      all = mergeDatasets(await ctx.sipri(), (await importKiel(KIEL_EXCERPT)).dataset);
      await ctx.load(all);
    });

    it('holds every Kiel commitment as imported, each citing its file and line, known since the release day', async () => {
      const kiel = all.aidCommitments.filter((a) => a.kiel !== undefined);
      const held = await store.aidCommitments('UA');
      expect(held.map((a) => a.id)).toEqual(all.aidCommitments.filter((a) => a.recipient === 'UA').map((a) => a.id).sort());
      expect(held.filter((a) => a.kiel !== undefined)).toEqual(kiel);
      expect(kiel.every((a) => a.knownSince === '2026-08-04' && a.citations[0]!.locator === `${a.kiel!.file}:${a.kiel!.line}`)).toBe(true);
      const patriot = held.find((a) => a.id === 'aid:kiel-de-air-defense-patriot-air-defense-battery')!;
      expect(patriot).toMatchObject({ donor: 'DE', recipient: 'UA', system: 'system:patriot', quantity: { exact: 5 }, kiel: { line: weaponsLine('Germany', 'Air Defense').line } });
      // Months are as precise as the tracker: EDTF months.
      expect(held.find((a) => a.id === 'aid:kiel-de-2022-03')!.date).toMatchObject({ edtf: '2022-03', precision: 'MONTH' });
      expect(await store.aidCommitments('JP')).toEqual([]);
    });

    it('reconciles by family: Germany Patriot batteries against SIPRI SAM systems, never against missiles', async () => {
      const { rows } = await ask(store).reconcile('Ukraine', { by: 'FAMILY' });
      const systems = row(rows, 'DE', 'system:patriot', 'air defence system');
      expect(systems).toMatchObject({
        status: 'PARTLY_DELIVERED', committed: 5, delivered: 3, difference: 2, agreement: 'DISAGREES', sources: ['KIEL', 'SIPRI'],
        deliveredByYear: [{ year: 2023, units: 2, estimated: false, transfers: ['transfer:sipri-66214'] }, { year: 2024, units: 1, estimated: false, transfers: ['transfer:sipri-66214'] }],
      });
      expect(systems.commitments.map((c) => c.citations[0]!.locator)).toEqual([`weapons.csv:${weaponsLine('Germany', 'Air Defense').line}`]);
      expect(systems.corroborates).toEqual([{ from: 'aid:kiel-de-air-defense-patriot-air-defense-battery', fromSource: 'KIEL', to: 'transfer:sipri-66214', toSource: 'SIPRI' }]);
      expect(systems.counting).toBe('Kiel counts "Patriot air defense battery"; SIPRI counts SAM system (Patriot-3 SAMS)');
      // The missiles (PAC-2 175 in 2023, PAC-3 128 in 2024) are their own row, which Kiel never counts.
      const missiles = row(rows, 'DE', 'system:patriot', 'SAM');
      expect(missiles).toMatchObject({ status: 'DELIVERED_NOT_SEEN_COMMITTED', committed: null, delivered: 303, agreement: 'ONE_SOURCE' });
      expect(row(rows, 'DE', 'system:iris-t', 'air defence system')).toMatchObject({ status: 'COMMITTED_NOT_SEEN_DELIVERED', committed: 14, delivered: null });
      expect(row(rows, 'RO', 'system:patriot', 'air defence system')).toMatchObject({ status: 'DELIVERED_IN_FULL', committed: 1, delivered: 1, difference: 0, agreement: 'AGREES' });
    });

    it('shows the seed\'s Japan → United States backfill as an article claim on the US Patriot row, with its quotes', async () => {
      const { rows } = await ask(store).reconcile('UA', { donors: ['United States'] });
      expect(new Set(rows.map((r) => r.donor))).toEqual(new Set(['US']));
      const r = row(rows, 'US', 'system:patriot', 'SAM');
      expect(r.claims.map((c) => [c.id, c.role, c.supplier, c.recipient, c.quantity])).toEqual([
        ['transfer:jp-us-patriot-missiles-2024', 'BACKFILL', 'JP', 'US', 'dozens'],
        ['transfer:us-ua-patriot-missiles-potential', 'DIRECT', 'US', 'UA', 'some of its own current supply'],
      ]);
      expect(r.claims.every((c) => c.citations.every((q) => q.quote !== undefined && q.quote.length > 0))).toBe(true);
      // SIPRI deal 66180: Patriot-3 SAMS, 1 in 2023 and 2 in 2024 — the three batteries Kiel counts.
      expect(row(rows, 'US', 'system:patriot', 'air defence system')).toMatchObject({ committed: 3, delivered: 3, status: 'DELIVERED_IN_FULL', agreement: 'AGREES' });
    });

    it('limits to sources and groups by category, and every row cites a file row, a deal or a quote', async () => {
      const kielOnly = await ask(store).reconcile('Ukraine', { by: 'CATEGORY', sources: ['KIEL'] });
      expect(kielOnly.rows.every((r) => r.sources.length === 1 && r.sources[0] === 'KIEL')).toBe(true);
      // Germany's Air Defense line: Iris-T SLM (14) and Patriot (5).
      expect(row(kielOnly.rows, 'DE', 'air defence system', 'air defence system').committed).toBe(19);
      const { rows } = await ask(store).reconcile('Ukraine', { by: 'CATEGORY', between: { from: '2024', to: '2024' } });
      expect(row(rows, 'DE', 'air defence system', 'air defence system')).toMatchObject({ committed: 19, delivered: 6 });
      for (const r of rows) {
        for (const f of [...r.commitments, ...r.deliveries, ...r.claims]) {
          expect(f.citations.length, f.id).toBeGreaterThan(0);
          expect(f.citations.every((c) => c.locator !== undefined || c.quote !== undefined), f.id).toBe(true);
        }
      }
    });

    it('limits the transfers list, the totals, the subgraph and the timeline to sources; each entry says its source', async () => {
      const q = ask(store);
      const seed = all.transfers.filter((t) => t.sipri === undefined && t.recipient === 'UA').map((t) => t.id);
      const listed = await q.transfers({ recipient: 'Ukraine', sources: ['SEED'] }, { first: 100 });
      expect(listed.items.map((t) => t.id).sort()).toEqual(seed.sort());
      const sipri = await q.transfers({ recipient: 'UA', sources: ['sipri'] }, { first: 100 });
      expect(sipri.totalCount).toBe(all.transfers.filter((t) => t.sipri !== undefined && t.recipient === 'UA').length);
      expect(await q.transferStats({ recipient: 'UA', sources: ['KIEL'] }, ['SUPPLIER'])).toEqual([]);
      const around = await q.subgraph({ around: ['UA'], depth: 1, filter: { sources: ['SEED'] } });
      expect(around.edges.map((e) => e.id).sort()).toEqual(seed.sort());
      const kiel = await q.timeline({ actors: ['Germany'], sources: ['KIEL'] }, { first: 100 });
      const expected = all.aidCommitments.filter((a) => a.kiel !== undefined && a.donor === 'DE').map((a) => a.id);
      expect(kiel.items.map((e) => e.id).sort()).toEqual(expected.sort());
      expect(kiel.items.every((e) => e.source === 'KIEL')).toBe(true);
      const mixed = await q.timeline({ actors: ['Japan'] }, { first: 100 });
      expect(new Set(mixed.items.map((e) => e.source))).toEqual(new Set(['SEED', 'SIPRI', 'KIEL']));
      await expect(q.timeline({ sources: ['WIKI'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'filter.sources[0]' } });
      await expect(q.transfers({ sources: ['SEED', 'x'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'filter.sources[1]' } });
    });

    it('refuses a bad by, source or window before reading, naming the argument', async () => {
      await expect(ask(store).reconcile('UA', { by: 'SYSTEM' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'by' } });
      await expect(ask(store).reconcile('UA', { sources: ['KIEL', 'WIKIPEDIA'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'sources[1]' } });
      await expect(ask(store).reconcile('UA', { between: { from: '2024-02-30' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'between.from' } });
      await expect(ask(store).reconcile('Ukrain')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}
