// Rows of one SIPRI deal become one Transfer with its deliveries, an EDTF span and a citation of the release.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationIssue } from '../../src/domain/errors.js';
import { parseTimeSpan } from '../../src/domain/time.js';
import { dealEdtf, IssueCollector, openSipriCsv, SipriDatasetBuilder, sipriSource, type SipriMapResult } from '../../src/import/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/sipri');

async function build(name: string, strictNames = true): Promise<{ result: SipriMapResult; issues: IssueCollector }> {
  const issues = new IssueCollector(name);
  const csv = await openSipriCsv(path.join(FIXTURES, name), { issues });
  const builder = new SipriDatasetBuilder({ release: csv.preamble, issues, strictNames });
  for await (const row of csv.rows()) builder.add(row);
  return { result: builder.finish(), issues };
}

async function issuesOf(name: string): Promise<readonly ValidationIssue[]> {
  const error = await build(name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

const delivery = (year: number, yearEstimated = false) => ({ year, yearEstimated, units: 1, unitsEstimated: false, tiv: 1 });

describe('dealEdtf', () => {
  it('has no span without an order year and deliveries', () => {
    expect(dealEdtf(null, false, [])).toBeUndefined();
  });

  it.each([
    [2011, true, [2012, 2013], '2011~/2013'],
    [2022, false, [2022], '2022'],
    [2022, true, [2022], '2022~'],
    [2022, false, [2023], '2022/2023'],
    [null, false, [2023, 2024], '2023/2024'],
    [2024, false, [], '2024'],
  ] as const)('order %s (estimate %s), deliveries %j → %s', (order, estimated, years, edtf) => {
    expect(dealEdtf(order, estimated, years.map((y) => delivery(y)))).toBe(edtf);
  });

  it('marks the last delivery year approximate when SIPRI estimates it', () => {
    expect(dealEdtf(2022, false, [delivery(2022), delivery(2024, true)])).toBe('2022/2024~');
  });

  it('writes spans parseTimeSpan accepts', () => {
    expect(parseTimeSpan('2011~/2013')).toMatchObject({ earliest: '2011-01-01', latest: '2013-12-31', approximate: true, precision: 'RANGE' });
  });
});

describe('sipriSource', () => {
  it('names the release as a Source published on the release day', () => {
    expect(sipriSource({ release: '12 Feb 2026', releaseDay: '2026-02-12' })).toMatchObject({
      id: 'source:sipri-at-db-2026-02-12', title: 'SIPRI Arms Transfers Database',
      publisher: 'Stockholm International Peace Research Institute (SIPRI)', url: 'https://www.sipri.org/databases/armstransfers',
      publishedAt: { edtf: '2026-02-12', earliest: '2026-02-12', precision: 'DAY' },
    });
  });
});

describe('SipriDatasetBuilder', () => {
  it('reports rows of one deal that disagree, with the line of the first row', async () => {
    expect(await issuesOf('deal-disagreement.csv')).toEqual([
      expect.objectContaining({ line: 14, field: 'Recipient', message: expect.stringContaining('deal 65515 has "Czechia" on line 13 but "Slovakia" here') }),
    ]);
  });

  it('reports an unresolved name once, with every line it occurs on', async () => {
    expect(await issuesOf('unknown-name.csv')).toEqual([
      expect.objectContaining({ line: 13, field: 'Supplier/Recipient', message: expect.stringContaining('unknown country or party "Atlantis" on lines 13, 14') }),
    ]);
  });

  it('keeps unresolved names as UNKNOWN actors when names are not strict', async () => {
    const { result, issues } = await build('unknown-name.csv', false);
    expect(issues.size).toBe(0);
    expect(result.unresolved).toEqual([{ name: 'Atlantis', lines: [13, 14] }]);
    expect(result.dataset.actors.find((a) => a.id === 'unknown:atlantis')).toMatchObject({ kind: 'UNKNOWN', name: 'Atlantis' });
  });

  it('makes a 30-row deal one transfer with its deliveries in order, units summed and the span approximate', async () => {
    const { result, issues } = await build('excerpt.csv');
    expect(issues.size).toBe(0);
    const t = result.dataset.transfers.find((x) => x.id === 'transfer:sipri-22925')!;
    expect(t).toMatchObject({
      supplier: 'CN', recipient: 'PK', system: 'system:qw-1-vanguard', status: 'DELIVERED', kind: 'UNKNOWN',
      quantity: { exact: 2875 }, date: { edtf: '1993~/2024~', earliest: '1993-01-01', latest: '2024-12-31', approximate: true },
      citations: [{ source: 'source:sipri-at-db-2026-02-12', note: 'SIPRI AT Database deal 22925', locator: 'deal 22925' }],
      knownSince: '2026-02-12', inferred: [], enabledBy: [], subjectTo: [], backfills: [], statusHistory: [],
    });
    expect(t.sipri).toMatchObject({
      dealId: '22925', designation: 'QW-1 Vanguard', description: 'portable SAM', category: 'Missiles', orderYear: 1993,
      orderYearEstimated: true, condition: 'NEW', tivPerNewUnit: 0.07, tivPerUnit: 0.07, localProduction: true, release: '12 Feb 2026',
    });
    const years = t.sipri!.deliveries.map((d) => d.year);
    expect(years).toHaveLength(30);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(t.sipri!.deliveries.reduce((sum, d) => sum + (d.tiv ?? 0), 0)).toBeCloseTo(201.25, 6);
    expect(result.deals).toBe(79);
    expect(result.deliveryRows).toBe(141);
  });

  it('keeps the deal condition, estimate flags and a deal with no delivery yet as PLANNED', async () => {
    const { result, issues } = await build('edge-cases.csv');
    expect(issues.issues).toEqual([]);
    const byId = new Map(result.dataset.transfers.map((t) => [t.id, t]));
    expect(byId.get('transfer:sipri-90001')).toMatchObject({ quantity: { min: 1 }, date: { edtf: '2022/2023~' }, system: 'system:iris-t-slm-launcher' });
    expect(byId.get('transfer:sipri-90002')).toMatchObject({ date: { edtf: '2022~' }, sipri: { condition: 'SECOND_HAND_MODERNIZED' } });
    expect(byId.get('transfer:sipri-90004')).toMatchObject({ status: 'PLANNED', date: { edtf: '2024' }, sipri: { deliveries: [], tivPerNewUnit: null } });
    expect(byId.get('transfer:sipri-90004')?.quantity).toBeUndefined();
  });

  it('stops the import through the shared collector once the cap is reached', async () => {
    const issues = new IssueCollector('x', 1);
    const builder = new SipriDatasetBuilder({ release: { release: '12 Feb 2026', releaseDay: '2026-02-12' }, issues });
    const row = {
      line: 13, dealId: '1', supplier: 'Germany', recipient: 'Germany', designation: 'X', description: 'tank', armamentCategory: 'Armoured vehicles',
      orderYear: 2022, orderYearEstimated: false, unitsDelivered: 1, unitsEstimated: false, deliveryYear: 2022, deliveryYearEstimated: false,
      condition: 'NEW', tivPerNewUnit: 1, tivPerUnit: 1, tivDelivered: 1, localProduction: false,
    } as const;
    expect(() => builder.add(row)).toThrow(ValidationError);
  });
});
