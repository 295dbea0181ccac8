// GET /export's query string: every selection formatExportQuery writes, parseExportQuery reads back; every bad parameter is named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/domain/errors.js';
import { TRANSFER_KINDS, TRANSFER_STATUSES } from '../../src/domain/model.js';
import { ACTOR_ID, SYSTEM_ID } from '../../src/domain/model/ids.js';
import { OPEN_END, OPEN_START } from '../../src/domain/time.js';
import {
  EXPORT_FORMATS, EXPORT_PARAMETERS, exportInput, exportUrl, formatExportQuery, parseExportQuery, type CsvPart, type ExportFormat,
} from '../../src/export/index.js';
import type { SubgraphSelection, TransferFilter } from '../../src/query/index.js';

/** Reads a query string the way a plain HTTP client would hand it over: one value per name. */
const parsed = (query: string) => parseExportQuery(Object.fromEntries(new URLSearchParams(query)));

/** The error parseExportQuery throws for `query`, checked to be an InvalidArgumentError. */
function rejection(query: Record<string, string | string[]>): InvalidArgumentError {
  try {
    parseExportQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error(`parseExportQuery accepted ${JSON.stringify(query)}`);
}

/** Asserts that `query` is refused with an error naming `parameter` (in details.argument and in the message). */
function expectRefused(query: Record<string, string | string[]>, parameter: string): void {
  const error = rejection(query);
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.details.argument, JSON.stringify(query)).toBe(parameter);
  expect(error.message).toContain(parameter);
}

// Arbitraries. References are generated as the ids they are in a resolved selection (what exportUrl is given),
// drawn from the id regexes of src/domain/model/ids.ts: a slug is [a-z0-9][a-z0-9.-]*, so never empty, never
// blank, never holding a comma, which is what lets `around` be written comma-separated. Free text (an empty
// string, a comma inside an id) is not an id, and the format is not asked to carry it inside `around`.
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,24}$/);
const actorId = fc.oneof(
  fc.constantFrom('US', 'JP', 'UA', 'DE', 'org:jp-mofa', 'company:lockheed-martin', 'unknown:supplier', 'multi:nato'),
  fc.stringMatching(/^[A-Z]{2}$/),
  fc.tuple(fc.constantFrom('org', 'company', 'person', 'region', 'group', 'multi', 'unknown'), slug).map(([kind, s]) => `${kind}:${s}`),
);
const systemId = fc.oneof(
  fc.constantFrom('system:patriot', 'system:patriot-pac-3', 'system:t-72', 'system:f-16'),
  slug.map((s) => `system:${s}`),
);

/** Valid calendar days in 1900–2100 (a Date is always a real day, so 29 February only in leap years). */
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * A window with from ≤ to; either end, or both, may be open (OPEN_START / OPEN_END). One-day windows (from = to)
 * get a branch of their own: two random days are rarely equal, and the edtf package refuses `D/D`.
 */
const window = fc.oneof(
  fc.tuple(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined })).map(([a, b]) => {
    const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
    return { from: from ?? OPEN_START, to: to ?? OPEN_END };
  }),
  day.map((d) => ({ from: d, to: d })),
);

// A resolved filter never holds an empty statuses or kinds list (resolveTransferFilter drops them: empty means all),
// so the lists are non-empty subsets, in any order.
const filter: fc.Arbitrary<TransferFilter> = fc.record(
  {
    supplier: actorId,
    recipient: actorId,
    system: systemId,
    statuses: fc.shuffledSubarray([...TRANSFER_STATUSES], { minLength: 1 }),
    kinds: fc.shuffledSubarray([...TRANSFER_KINDS], { minLength: 1 }),
    between: window,
    knownAt: day,
  },
  { requiredKeys: [], noNullPrototype: true },
);

const selection: fc.Arbitrary<SubgraphSelection> = fc.record({
  around: fc.array(actorId, { maxLength: 6 }),
  depth: fc.integer({ min: 0, max: 4 }),
  filter,
}, { noNullPrototype: true });

const format = fc.constantFrom<ExportFormat>(...EXPORT_FORMATS);
const part = fc.constantFrom<CsvPart | undefined>(undefined, 'nodes', 'relationships');

describe('parseExportQuery', () => {
  it('refuses an unknown parameter, naming it', () => {
    expectRefused({ format: 'graphml', bogus: '1' }, 'bogus');
    expectRefused({ format: 'graphml', Supplier: 'US' }, 'Supplier');
    expectRefused({ format: 'graphml', 'filter.supplier': 'US' }, 'filter.supplier');
  });

  it('refuses a parameter given twice, naming it', () => {
    expectRefused({ format: 'graphml', supplier: ['US', 'JP'] }, 'supplier');
    expectRefused({ format: ['graphml', 'gexf'] }, 'format');
    expectRefused({ format: 'graphml', knownAt: ['2000-01-01', '2000-01-01'] }, 'knownAt');
  });

  it('refuses a missing or unknown format', () => {
    expectRefused({}, 'format');
    expectRefused({ supplier: 'US' }, 'format');
    expectRefused({ format: 'pdf' }, 'format');
    expectRefused({ format: '' }, 'format');
  });

  it('refuses a part other than nodes or relationships', () => {
    expectRefused({ format: 'csv', part: 'edges' }, 'part');
    expectRefused({ format: 'csv', part: '' }, 'part');
  });

  it('refuses a depth that is not an integer', () => {
    expectRefused({ format: 'graphml', depth: 'abc' }, 'depth');
    expectRefused({ format: 'graphml', depth: '1.5' }, 'depth');
    expectRefused({ format: 'graphml', depth: '' }, 'depth');
    expectRefused({ format: 'graphml', depth: ' ' }, 'depth');
  });

  it('refuses an unknown status or kind, naming the list', () => {
    expectRefused({ format: 'graphml', statuses: 'DELIVERED,SHIPPED' }, 'statuses');
    expectRefused({ format: 'graphml', statuses: '' }, 'statuses');
    expectRefused({ format: 'graphml', statuses: 'DELIVERED,' }, 'statuses');
    expectRefused({ format: 'graphml', kinds: 'SALE,GIFT' }, 'kinds');
  });

  it('refuses a bad window', () => {
    expectRefused({ format: 'graphml', between: 'soon' }, 'between');
    expectRefused({ format: 'graphml', between: '2005/2000' }, 'between');
    expectRefused({ format: 'graphml', between: '2000-02-30/..' }, 'between');
    expectRefused({ format: 'graphml', between: '' }, 'between');
  });

  it('refuses a knownAt that is not a calendar day', () => {
    expectRefused({ format: 'graphml', knownAt: '2000-13-01' }, 'knownAt');
    expectRefused({ format: 'graphml', knownAt: '2001-02-29' }, 'knownAt');
    expectRefused({ format: 'graphml', knownAt: '2000' }, 'knownAt');
    expectRefused({ format: 'graphml', knownAt: 'yesterday' }, 'knownAt');
  });

  it('refuses a blank reference', () => {
    expectRefused({ format: 'graphml', supplier: '' }, 'supplier');
    expectRefused({ format: 'graphml', recipient: ' ' }, 'recipient');
    expectRefused({ format: 'graphml', system: '' }, 'system');
  });

  it('reads a bare format as the whole graph at the default depth, nodes part', () => {
    expect(parseExportQuery({ format: 'graphml' })).toStrictEqual({
      format: 'GRAPHML', part: 'nodes', selection: { around: [], depth: 1, filter: {} },
    });
  });

  it('reads every filter field of the issue [10] URLs', () => {
    expect(parsed('format=graphml&supplier=US&kinds=SALE&knownAt=2000-01-01&between=2022/..&statuses=delivered,planned')).toStrictEqual({
      format: 'GRAPHML',
      part: 'nodes',
      selection: {
        around: [],
        depth: 1,
        filter: {
          supplier: 'US', kinds: ['SALE'], knownAt: '2000-01-01', between: { from: '2022-01-01', to: OPEN_END }, statuses: ['DELIVERED', 'PLANNED'],
        },
      },
    });
  });

  it('keeps references as given, aliases included, for the question to resolve', () => {
    expect(parsed(new URLSearchParams({ format: 'json', supplier: 'United States of America', system: 'Patriot, PAC-3' }).toString()).selection.filter)
      .toStrictEqual({ supplier: 'United States of America', system: 'Patriot, PAC-3' });
  });
});

describe('formatExportQuery', () => {
  it('round-trips every format, part and selection through parseExportQuery', () => {
    fc.assert(
      fc.property(format, part, selection, (f, p, sel) => {
        const query = formatExportQuery(f, sel, p);
        expect(parsed(query)).toStrictEqual({ format: f, part: p ?? 'nodes', selection: sel });
      }),
      { numRuns: 2_000 },
    );
  });

  it('carries any non-blank supplier, recipient and system text (aliases too: commas, spaces, & and = included)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(format, text, text, text, (f, supplier, recipient, system) => {
        const sel: SubgraphSelection = { around: [], depth: 1, filter: { supplier, recipient, system } };
        expect(parsed(formatExportQuery(f, sel)).selection).toStrictEqual(sel);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out empty lists (all statuses, all kinds) and writes open window ends as ..', () => {
    const query = formatExportQuery('GEXF', { around: [], depth: 1, filter: { statuses: [], kinds: [], between: { from: OPEN_START, to: '2024-12-31' } } });
    expect(query).toBe('format=gexf&depth=1&between=..%2F2024-12-31');
    expect(parsed(query).selection.filter).toStrictEqual({ between: { from: OPEN_START, to: '2024-12-31' } });
  });

  it('writes a one-day window as its day, which parseExportQuery reads back (`D/D` was refused: the URL answered 400)', () => {
    const query = formatExportQuery('GRAPHML', { around: [], depth: 1, filter: { between: { from: '2023-04-15', to: '2023-04-15' } } });
    expect(query).toBe('format=graphml&depth=1&between=2023-04-15');
    expect(parsed(query).selection.filter).toStrictEqual({ between: { from: '2023-04-15', to: '2023-04-15' } });
  });

  it('writes the parameters in the order of EXPORT_PARAMETERS', () => {
    const query = formatExportQuery('CSV', {
      around: ['JP', 'org:jp-mofa'],
      depth: 2,
      filter: { sources: ['SIPRI'], knownAt: '2024-01-01', between: { from: '2022-01-01', to: OPEN_END }, kinds: ['SALE'], statuses: ['DELIVERED'], system: 'system:patriot-pac-3', recipient: 'UA', supplier: 'US' },
    }, 'relationships');
    expect([...new URLSearchParams(query).keys()]).toEqual([...EXPORT_PARAMETERS]);
  });
});

describe('exportUrl', () => {
  it('is GET /export of the selection; a CSV URL fetches the nodes file', () => {
    fc.assert(
      fc.property(format, selection, (f, sel) => {
        const url = exportUrl(f, sel);
        expect(url.startsWith('/export?')).toBe(true);
        const query = new URLSearchParams(url.slice('/export?'.length));
        expect(query.get('part')).toBe(f === 'CSV' ? 'nodes' : null);
        expect(parsed(query.toString())).toStrictEqual({ format: f, part: 'nodes', selection: sel });
      }),
      { numRuns: 300 },
    );
  });

  it('carries the filter of issue [10] (supplier and knownAt were dropped)', () => {
    const url = exportUrl('GRAPHML', { around: [], depth: 1, filter: { supplier: 'US', knownAt: '2000-01-01' } });
    expect(url).toBe('/export?format=graphml&depth=1&supplier=US&knownAt=2000-01-01');
  });
});

describe('exportInput', () => {
  it('turns open window ends into absent bounds and keeps everything else', () => {
    fc.assert(
      fc.property(selection, (sel) => {
        const input = exportInput(sel);
        expect(input.around).toEqual(sel.around);
        expect(input.depth).toBe(sel.depth);
        const { between, ...rest } = sel.filter;
        const { between: asked, ...restAsked } = input.filter ?? {};
        expect(restAsked).toStrictEqual(rest);
        if (between === undefined) expect(asked).toBeUndefined();
        else expect(asked).toStrictEqual({ from: between.from === OPEN_START ? null : between.from, to: between.to === OPEN_END ? null : between.to });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the id regexes the arbitraries follow', () => {
  it('accept every generated id', () => {
    fc.assert(fc.property(actorId, systemId, (a, s) => ACTOR_ID.test(a) && SYSTEM_ID.test(s)), { numRuns: 300 });
  });
});
