// GET /export over HTTP: the URL the GraphQL export answers downloads that same export byte for byte, with every filter field (issue [10]).
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_KINDS, TRANSFER_STATUSES, type Dataset, type Transfer, type TransferKind, type TransferStatus } from '../../src/domain/model.js';
import { normalizeName } from '../../src/domain/text.js';
import { EXPORT_FORMATS, parseExportQuery, type ExportFormat } from '../../src/export/index.js';
import { importSipri, mergeDatasets } from '../../src/import/index.js';
import type { SubgraphSelection } from '../../src/query/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../helpers/http.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.join(ROOT, 'seeds');
const SIPRI = path.resolve(ROOT, '../shared/data/sipri-trade-register-1995-2025.csv');

// Open window ends as the day filters use them; written out here so the expectations do not borrow from src/.
const OPEN_START = '0001-01-01';
const OPEN_END = '9999-12-31';

const EXPORT = `query Export($format: ExportFormat!, $around: [ID!], $depth: Int, $filter: TransferFilter) {
  export(format: $format, around: $around, depth: $depth, filter: $filter) { url files { name contentType content } }
}`;

interface ExportFileAnswer {
  readonly name: string;
  readonly contentType: string;
  readonly content: string;
}

interface FilterAsked {
  supplier?: string;
  recipient?: string;
  system?: string;
  statuses?: TransferStatus[];
  kinds?: TransferKind[];
  between?: { from?: string; to?: string };
  knownAt?: string;
}

interface Asked {
  format: ExportFormat;
  around?: string[];
  depth?: number;
  filter?: FilterAsked;
}

/** Asks GraphQL for an export; the answer must have no errors. */
async function graphqlExport(server: RunningServer, asked: Asked): Promise<{ url: string; files: ExportFileAnswer[] }> {
  const { status, body } = await server.gql<{ export: { url: string; files: ExportFileAnswer[] } }>(EXPORT, { ...asked });
  expect(body.errors, JSON.stringify(asked)).toBeUndefined();
  expect(status).toBe(200);
  return body.data!.export;
}

/** GETs a path of the server, body as bytes. */
async function download(server: RunningServer, url: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`${server.url}${url}`);
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** GETs `url` and checks it is `file`: 200, same bytes, same content type, offered under the same name. */
async function expectDownloadIs(server: RunningServer, url: string, file: ExportFileAnswer, label: string): Promise<void> {
  const { status, headers, body } = await download(server, url);
  expect(status, `${label}: ${url} → ${body.toString('utf8', 0, 300)}`).toBe(200);
  expect(headers.get('content-type'), label).toBe(file.contentType);
  expect(headers.get('content-disposition'), label).toBe(`attachment; filename="${file.name}"`);
  const expected = Buffer.from(file.content, 'utf8');
  expect(body.length, `${label}: byte length of ${url}`).toBe(expected.length);
  expect(body.equals(expected), `${label}: bytes of ${url}`).toBe(true);
}

/** The transfer ids (edge ids) in an export file, sorted; undefined for formats read here only as bytes. */
function edgeIds(format: ExportFormat, content: string): string[] | undefined {
  if (format === 'GRAPHML' || format === 'GEXF') return [...content.matchAll(/<edge id="([^"]+)"/g)].map((m) => m[1]!).sort();
  if (format === 'JSON') return (JSON.parse(content) as { edges: { key: string }[] }).edges.map((e) => e.key).sort();
  return undefined;
}

/** A resolved transfer filter: ids and days. */
interface Expected {
  supplier?: string;
  recipient?: string;
  system?: string;
  statuses?: readonly TransferStatus[];
  kinds?: readonly TransferKind[];
  between?: { from: string; to: string };
  knownAt?: string;
}

/** The transfers of `data` a filter selects, read straight off the dataset (DESIGN §3: windows match what may overlap). */
function matching(data: Dataset, f: Expected): string[] {
  let family: Set<string> | undefined;
  if (f.system !== undefined) {
    // The system and every member of its family, at any depth.
    family = new Set([f.system]);
    let size = 0;
    while (size !== family.size) {
      size = family.size;
      for (const s of data.systems) if (s.family !== undefined && family.has(s.family)) family.add(s.id);
    }
  }
  const keep = (t: Transfer) =>
    (f.supplier === undefined || t.supplier === f.supplier) &&
    (f.recipient === undefined || t.recipient === f.recipient) &&
    (family === undefined || family.has(t.system)) &&
    (f.statuses === undefined || f.statuses.includes(t.status)) &&
    (f.kinds === undefined || f.kinds.includes(t.kind)) &&
    (f.between === undefined || (t.date.earliest <= f.between.to && t.date.latest >= f.between.from)) &&
    (f.knownAt === undefined || t.knownSince <= f.knownAt);
  return data.transfers.filter(keep).map((t) => t.id).sort();
}

/** GET /export requests that are refused, with the status, code and parameter named (issue [10]: all were 200). */
const REFUSED: readonly (readonly [query: string, status: number, code: string, parameter: string])[] = [
  ['format=graphml&bogus=1', 400, 'BAD_USER_INPUT', 'bogus'],
  ['format=graphml&supplier=US&supplier=JP', 400, 'BAD_USER_INPUT', 'supplier'],
  ['format=graphml&format=gexf', 400, 'BAD_USER_INPUT', 'format'],
  ['format=pdf', 400, 'BAD_USER_INPUT', 'format'],
  ['supplier=US', 400, 'BAD_USER_INPUT', 'format'],
  ['format=csv&part=edges', 400, 'BAD_USER_INPUT', 'part'],
  ['format=graphml&supplier=Nowhereland', 404, 'NOT_FOUND', 'supplier'],
  ['format=graphml&recipient=Nowhereland', 404, 'NOT_FOUND', 'recipient'],
  ['format=graphml&system=system%3Anowhere', 404, 'NOT_FOUND', 'system'],
  ['format=graphml&around=JP,Nowhereland', 404, 'NOT_FOUND', 'around'],
  ['format=graphml&knownAt=2000-13-01', 400, 'BAD_USER_INPUT', 'knownAt'],
  ['format=graphml&between=2000-02-30%2F..', 400, 'BAD_USER_INPUT', 'between'],
  ['format=graphml&between=2005%2F2000', 400, 'BAD_USER_INPUT', 'between'],
  ['format=graphml&statuses=DELIVERED,SHIPPED', 400, 'BAD_USER_INPUT', 'statuses'],
  ['format=graphml&kinds=GIFT', 400, 'BAD_USER_INPUT', 'kinds'],
  ['format=graphml&around=JP&depth=deep', 400, 'BAD_USER_INPUT', 'depth'],
  ['format=graphml&around=JP&depth=9', 400, 'BAD_USER_INPUT', 'depth'],
];

async function expectRefused(server: RunningServer, query: string, status: number, code: string, parameter: string): Promise<void> {
  const response = await download(server, `/export?${query}`);
  const body = JSON.parse(response.body.toString('utf8')) as { error: { code: string; message: string } };
  expect(response.status, `${query}: ${body.error.message}`).toBe(status);
  expect(body.error.code, query).toBe(code);
  expect(body.error.message, query).toContain(parameter);
}

/** A server on `data` (memory store), for one describe. */
function serve(data: () => Promise<Dataset>): { server: () => RunningServer; dataset: () => Dataset } {
  let dataset: Dataset | undefined;
  let server: RunningServer | undefined;
  let store: MemoryStore | undefined;
  beforeAll(async () => {
    dataset = await data();
    store = new MemoryStore();
    await store.load(dataset);
    server = await startServer(store);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });
  return { server: () => server!, dataset: () => dataset! };
}

describe('GET /export on the seed', () => {
  const { server, dataset } = serve(() => loadSeedDir(SEEDS));

  it.each(REFUSED)('refuses ?%s with %i %s naming the parameter', async (query, status, code, parameter) => {
    await expectRefused(server(), query, status, code, parameter);
  });

  it('applies supplier, kinds and knownAt instead of sending the whole graph', async () => {
    const all = dataset().transfers.map((t) => t.id).sort();
    for (const [query, expected] of [
      ['supplier=US', matching(dataset(), { supplier: 'US' })],
      ['kinds=BACKFILL', matching(dataset(), { kinds: ['BACKFILL'] })],
      ['knownAt=2023-12-21', []],
      ['supplier=JP&knownAt=2023-12-22', matching(dataset(), { supplier: 'JP', knownAt: '2023-12-22' })],
    ] as const) {
      const { status, body } = await download(server(), `/export?format=graphml&${query}`);
      expect(status, query).toBe(200);
      const ids = edgeIds('GRAPHML', body.toString('utf8'));
      expect(ids, query).toEqual(expected);
      expect(ids!.length, query).toBeLessThan(all.length);
    }
  });

  it('downloads a one-day window from the URL GraphQL answers', async () => {
    const answer = await graphqlExport(server(), { format: 'GRAPHML', filter: { between: { from: '2023-04-15', to: '2023-04-15' } } });
    expect(parseExportQuery(Object.fromEntries(new URLSearchParams(answer.url.split('?')[1]))).selection.filter)
      .toStrictEqual({ between: { from: '2023-04-15', to: '2023-04-15' } });
    await expectDownloadIs(server(), answer.url, answer.files[0]!, 'one-day window');
    expect(edgeIds('GRAPHML', answer.files[0]!.content)).toEqual(matching(dataset(), { between: { from: '2023-04-15', to: '2023-04-15' } }));
  });
});

describe.skipIf(!existsSync(SIPRI))('GET /export on the seed and the full SIPRI export', () => {
  const { server, dataset } = serve(async () => mergeDatasets(await loadSeedDir(SEEDS), (await importSipri(SIPRI)).dataset));

  it('downloads exactly the export of the reported query: US supplies known by 2000-01-01 (issue [10])', async () => {
    const { status, body } = await server().gql<{ export: { url: string; files: { content: string }[] } }>(
      '{ export(format: GRAPHML, filter: {supplier: "US", knownAt: "2000-01-01"}) { url files { content } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const { url, files } = body.data!.export;
    expect(url).toContain('supplier=US');
    expect(url).toContain('knownAt=2000-01-01');
    const got = await download(server(), url);
    expect(got.status).toBe(200);
    expect(got.body.equals(Buffer.from(files[0]!.content, 'utf8'))).toBe(true);
    const edges = got.body.toString('utf8').match(/<edge /g)?.length ?? 0;
    expect(edges).toBeLessThan(dataset().transfers.length);
    // SIPRI's deals are known from its release (2026-02-12), the seed's from 2023-12-22: nothing by 2000-01-01.
    expect(edges).toBe(dataset().transfers.filter((t) => t.supplier === 'US' && t.knownSince <= '2000-01-01').length);
    expect(edgeIds('GRAPHML', got.body.toString('utf8'))).toEqual(matching(dataset(), { supplier: 'US', knownAt: '2000-01-01' }));
  });

  it.each(['2024-01-01', '2026-02-12'])('downloads exactly the US supplies known by %s, fewer than the whole graph', async (knownAt) => {
    const answer = await graphqlExport(server(), { format: 'GRAPHML', filter: { supplier: 'US', knownAt } });
    expect(new URLSearchParams(answer.url.split('?')[1]).get('knownAt')).toBe(knownAt);
    await expectDownloadIs(server(), answer.url, answer.files[0]!, knownAt);
    const ids = edgeIds('GRAPHML', answer.files[0]!.content)!;
    expect(ids).toEqual(matching(dataset(), { supplier: 'US', knownAt }));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(dataset().transfers.filter((t) => t.supplier === 'US').length);
    expect(ids.length).toBeLessThan(dataset().transfers.length);
  });

  it.each(REFUSED)('refuses ?%s with %i %s naming the parameter', async (query, status, code, parameter) => {
    await expectRefused(server(), query, status, code, parameter);
  });

  it('applies kinds: SALE selects only sales (there are none), BACKFILL only the backfill', async () => {
    for (const kind of ['SALE', 'BACKFILL'] as const) {
      const { status, body } = await download(server(), `/export?format=graphml&kinds=${kind}`);
      expect(status, kind).toBe(200);
      const text = body.toString('utf8');
      const edges = text.split('\n').filter((l) => l.trimStart().startsWith('<edge '));
      for (const edge of edges) expect(edge).toContain(`<data key="e_kind">${kind}</data>`);
      expect(edgeIds('GRAPHML', text), kind).toEqual(matching(dataset(), { kinds: [kind] }));
      expect(edges.length).toBeLessThan(dataset().transfers.length);
    }
  });

  it('serves, for 20 random filters over every field and format, the bytes the GraphQL export answers', async () => {
    const data = dataset();
    const cases = [...fc.sample(caseArbitrary(data), { numRuns: 20, seed: 20_251_010 }), ...FIXED_CASES];
    let edgesChecked = 0;
    for (const [n, c] of cases.entries()) {
      const label = `case ${n}: ${JSON.stringify(c.asked)}`;
      const { url, files } = await graphqlExport(server(), c.asked);
      // The URL carries the resolved selection: ids for references, days for dates.
      const query = new URLSearchParams(url.slice('/export?'.length));
      expect(parseExportQuery(Object.fromEntries(query)), label).toStrictEqual({ format: c.asked.format, part: 'nodes', selection: c.selection });
      expect(query.get('part'), label).toBe(c.asked.format === 'CSV' ? 'nodes' : null);
      await expectDownloadIs(server(), url, files[0]!, label);
      if (c.asked.format === 'CSV') {
        query.set('part', 'relationships');
        await expectDownloadIs(server(), `/export?${query}`, files[1]!, `${label} (relationships)`);
      }
      const ids = edgeIds(c.asked.format, files[0]!.content);
      if (ids !== undefined && c.selection.around.length === 0) {
        expect(ids, label).toEqual(matching(data, c.selection.filter));
        edgesChecked += ids.length;
      }
    }
    expect(edgesChecked).toBeGreaterThan(0);
  }, 60_000);
});

/** One generated request: what GraphQL is asked, and the selection it resolves to. */
interface Case {
  readonly asked: Asked;
  readonly selection: SubgraphSelection;
}

/** Cases that are not left to the generator: the whole graph (CSV, both files) and a one-day window. */
const FIXED_CASES: readonly Case[] = [
  { asked: { format: 'CSV' }, selection: { around: [], depth: 1, filter: {} } },
  {
    asked: { format: 'JSON', filter: { recipient: 'UA', between: { from: '2022-02-24', to: '2022-02-24' } } },
    selection: { around: [], depth: 1, filter: { recipient: 'UA', between: { from: '2022-02-24', to: '2022-02-24' } } },
  },
];

/** A reference as asked (id, name, alias or designation) and the id it names. */
interface Ref {
  readonly text: string;
  readonly id: string;
}

/** The names each of `items` answers to that name it alone (an id, or a name no other item and no other id shares). */
function references(items: readonly { id: string; name: string; aliases: readonly string[]; designation?: string }[]): Map<string, Ref[]> {
  const owners = new Map<string, Set<string>>();
  const ids = new Set(items.map((x) => x.id));
  const names = (x: (typeof items)[number]) => [x.name, ...x.aliases, ...(x.designation ? [x.designation] : [])];
  for (const x of items) for (const n of [...names(x), x.id]) owners.set(normalizeName(n), (owners.get(normalizeName(n)) ?? new Set()).add(x.id));
  const refs = new Map<string, Ref[]>();
  for (const x of items) {
    const alone = names(x).filter((n) => !ids.has(n) && normalizeName(n) !== '' && owners.get(normalizeName(n))!.size === 1);
    refs.set(x.id, [x.id, ...alone].map((text) => ({ text, id: x.id })));
  }
  return refs;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const lastDayOfMonth = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 0)));

/** A window bound as asked within the years `min`–`max`: a day, a month or a year, with the first and last day it covers. */
function bound(min: number, max: number): fc.Arbitrary<{ text: string; first: string; last: string }> {
  return fc.oneof(
    fc.date({ min: new Date(Date.UTC(min, 0, 1)), max: new Date(Date.UTC(max, 11, 31)), noInvalidDate: true })
      .map((d) => ({ text: iso(d), first: iso(d), last: iso(d) })),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => {
      const text = `${y}-${String(m).padStart(2, '0')}`;
      return { text, first: `${text}-01`, last: lastDayOfMonth(y, m) };
    }),
    fc.integer({ min, max }).map((y) => ({ text: String(y), first: `${y}-01-01`, last: `${y}-12-31` })),
  );
}

interface Between {
  readonly asked: { from?: string; to?: string };
  readonly days: { from: string; to: string };
}

/** Any window: one end open, both closed (in order), or a single day. */
const anyWindow: fc.Arbitrary<Between> = fc.oneof(
  bound(1960, 2026).map((b) => ({ asked: { from: b.text }, days: { from: b.first, to: OPEN_END } })),
  bound(1960, 2026).map((b) => ({ asked: { to: b.text }, days: { from: OPEN_START, to: b.last } })),
  fc.tuple(bound(1960, 2026), bound(1960, 2026)).map(([a, b]) => {
    const [lo, hi] = a.first <= b.last ? [a, b] : [b, a];
    return { asked: { from: lo.text, to: hi.text }, days: { from: lo.first, to: hi.last } };
  }),
  fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => ({ asked: { from: iso(d), to: iso(d) }, days: { from: iso(d), to: iso(d) } })),
);

/** A window that overlaps `t`'s date: ends open or outside it, or the single day it starts on. */
function windowAround(t: Transfer): fc.Arbitrary<Between> {
  const first = Number(t.date.earliest.slice(0, 4));
  const last = Number(t.date.latest.slice(0, 4));
  const from = t.date.earliest === OPEN_START
    ? fc.constant(undefined)
    : fc.option(bound(Math.min(1960, first), first).filter((b) => b.first <= t.date.earliest), { nil: undefined });
  const to = t.date.latest === OPEN_END
    ? fc.constant(undefined)
    : fc.option(bound(last, Math.max(2030, last)).filter((b) => b.last >= t.date.latest), { nil: undefined });
  const oneDay = t.date.earliest === OPEN_START ? [] : [fc.constant<Between>({ asked: { from: t.date.earliest, to: t.date.earliest }, days: { from: t.date.earliest, to: t.date.earliest } })];
  return fc.oneof(
    fc.tuple(from, to).map(([f, l]): Between => ({
      asked: { ...(f && { from: f.text }), ...(l && { to: l.text }) },
      days: { from: f?.first ?? OPEN_START, to: l?.last ?? OPEN_END },
    })).filter((w) => w.asked.from !== undefined || w.asked.to !== undefined),
    ...oneDay,
  );
}

/** A day on or after `since` (the transfer is known by then), or any day around the data's knownSince values. */
function knownAtFor(since: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(since, '2026-02-12', '2030-01-01'), weight: 4 },
    { arbitrary: fc.date({ min: new Date(`${since}T00:00:00Z`), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map(iso), weight: 2 },
    { arbitrary: fc.constantFrom('2000-01-01', '2023-12-21', '2023-12-22', '2026-02-11'), weight: 1 },
  );
}

/** A non-empty list of `all` that holds `one` (in some position), or, now and then, any non-empty list. */
function listWith<T extends string>(all: readonly T[], one: T): fc.Arbitrary<T[]> {
  return fc.oneof(
    { arbitrary: fc.shuffledSubarray(all.filter((x) => x !== one)).chain((xs) => fc.shuffledSubarray([one, ...xs], { minLength: xs.length + 1 })), weight: 4 },
    { arbitrary: fc.shuffledSubarray([...all], { minLength: 1 }), weight: 1 },
  );
}

/** The value two times out of three, else undefined (a field left out). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

/** Transfers out of or into an actor, by actor id. */
function degrees(data: Dataset): { out: Map<string, number>; into: Map<string, number> } {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const t of data.transfers) {
    out.set(t.supplier, (out.get(t.supplier) ?? 0) + 1);
    into.set(t.recipient, (into.get(t.recipient) ?? 0) + 1);
  }
  return { out, into };
}

/** At most this many transfers behind a supplier or recipient a generated request names, so that exports stay small. */
const MODEST = 400;

/**
 * Requests over seed + SIPRI with every filter field (references as ids, names or aliases from the data; statuses,
 * kinds, windows as days, months or years; knownAt; sometimes around and depth). Each is built around one transfer
 * of the data, so that most select something: the fields it sets are ones that transfer passes (a system may be its
 * family), with now and then a window, list or day that may not. Each names a supplier or recipient with at most
 * MODEST transfers, or actors `around` with few, so exports stay small.
 */
function caseArbitrary(data: Dataset): fc.Arbitrary<Case> {
  const { out, into } = degrees(data);
  const actorRefs = references(data.actors);
  const systemRefs = references(data.systems);
  const family = new Map(data.systems.map((s) => [s.id, s.family]));
  const lineage = (id: string): string[] => {
    const up = family.get(id);
    return up === undefined ? [id] : [id, ...lineage(up)];
  };
  const refTo = (id: string, refs: Map<string, Ref[]>) => fc.constantFrom(...refs.get(id)!);
  const degree = (id: string) => (out.get(id) ?? 0) + (into.get(id) ?? 0);
  const anchors = data.transfers.filter((t) => out.get(t.supplier)! <= MODEST || into.get(t.recipient)! <= MODEST || degree(t.supplier) <= 60 || degree(t.recipient) <= 60);
  // Half the requests start from a transfer with a quiet end (at most 60 transfers), which `around` may name.
  const quietAnchors = anchors.filter((t) => degree(t.supplier) <= 60 || degree(t.recipient) <= 60);
  return fc
    .oneof(fc.constantFrom(...anchors), fc.constantFrom(...quietAnchors))
    .chain((t) => {
      const quiet = [t.supplier, t.recipient].filter((id) => degree(id) <= 60);
      return fc.record({
        format: fc.constantFrom(...EXPORT_FORMATS),
        filter: fc.record({
          supplier: sometimes(refTo(t.supplier, actorRefs)),
          recipient: sometimes(refTo(t.recipient, actorRefs)),
          system: sometimes(fc.constantFrom(...lineage(t.system)).chain((id) => refTo(id, systemRefs))),
          statuses: sometimes(listWith(TRANSFER_STATUSES, t.status)),
          kinds: sometimes(listWith(TRANSFER_KINDS, t.kind)),
          between: sometimes(fc.oneof({ arbitrary: windowAround(t), weight: 4 }, { arbitrary: anyWindow, weight: 1 })),
          knownAt: sometimes(knownAtFor(t.knownSince)),
        }),
        around: quiet.length === 0
          ? fc.constant(undefined)
          : fc.oneof(
            { arbitrary: fc.constant(undefined), weight: 1 },
            {
              arbitrary: fc.record({
                refs: fc.shuffledSubarray(quiet, { minLength: 1 }).chain((ids) => fc.tuple(...ids.map((id) => refTo(id, actorRefs)))),
                depth: fc.integer({ min: 0, max: 1 }),
              }),
              weight: 1,
            },
          ),
      });
    })
    .filter(({ filter: f, around: a }) =>
      a !== undefined || (f.supplier !== undefined && out.get(f.supplier.id)! <= MODEST) || (f.recipient !== undefined && into.get(f.recipient.id)! <= MODEST))
    .map(({ format, filter: f, around: a }): Case => {
      const asked: Asked = {
        format,
        ...(a && { around: a.refs.map((r) => r.text), depth: a.depth }),
        filter: {
          ...(f.supplier && { supplier: f.supplier.text }),
          ...(f.recipient && { recipient: f.recipient.text }),
          ...(f.system && { system: f.system.text }),
          ...(f.statuses && { statuses: f.statuses }),
          ...(f.kinds && { kinds: f.kinds }),
          ...(f.between && { between: f.between.asked }),
          ...(f.knownAt !== undefined && { knownAt: f.knownAt }),
        },
      };
      const selection: SubgraphSelection = {
        around: a ? a.refs.map((r) => r.id) : [],
        depth: a ? a.depth : 1,
        filter: {
          ...(f.supplier && { supplier: f.supplier.id }),
          ...(f.recipient && { recipient: f.recipient.id }),
          ...(f.system && { system: f.system.id }),
          ...(f.statuses && { statuses: f.statuses }),
          ...(f.kinds && { kinds: f.kinds }),
          ...(f.between && { between: f.between.days }),
          ...(f.knownAt !== undefined && { knownAt: f.knownAt }),
        },
      };
      return { asked, selection };
    });
}
