// One export selection in a URL: `formatExportQuery` writes GET /export's query string, `parseExportQuery` reads it back.
import { InvalidArgumentError, NotFoundError } from '../domain/errors.js';
import { TRANSFER_KINDS, TRANSFER_STATUSES, type TransferKind, type TransferStatus } from '../domain/model.js';
import { FACT_SOURCES, type FactSource } from '../domain/provenance.js';
import { OPEN_END, OPEN_START, parseDay, parseWindow, type DayWindow } from '../domain/time.js';
import { checkDepth, MAX_SUBGRAPH_DEPTH, type SubgraphInput, type SubgraphSelection, type TransferFilter } from '../query/index.js';
import { EXPORT_FORMATS, isExportFormat, type CsvPart, type ExportFormat } from './export-files.js';

/** The parameters GET /export takes, in the order `formatExportQuery` writes them. */
export const EXPORT_PARAMETERS = [
  'format', 'part', 'around', 'depth', 'supplier', 'recipient', 'system', 'statuses', 'kinds', 'between', 'knownAt', 'sources',
] as const;

/** What GET /export asks: a format (and CSV part) and a selection whose references may still be aliases. */
export interface ExportRequest {
  readonly format: ExportFormat;
  readonly part: CsvPart;
  readonly selection: SubgraphSelection;
}

const CSV_PARTS: readonly CsvPart[] = ['nodes', 'relationships'];

/** `2022-01-01/2024-12-31`, with `..` for an open end; a one-day window is its day. */
function windowText(w: DayWindow): string {
  // The edtf package refuses an interval whose ends are equal (`2023-04-15/2023-04-15`), so parseWindow would too.
  if (w.from === w.to) return w.from;
  return `${w.from === OPEN_START ? '..' : w.from}/${w.to === OPEN_END ? '..' : w.to}`;
}

/** The query string (without `?`) of a selection; parsing it back gives the same selection. */
export function formatExportQuery(format: ExportFormat, selection: SubgraphSelection, part?: CsvPart): string {
  const p = new URLSearchParams({ format: format.toLowerCase() });
  const f: TransferFilter = selection.filter;
  if (part !== undefined) p.set('part', part);
  if (selection.around.length > 0) p.set('around', selection.around.join(','));
  p.set('depth', String(selection.depth));
  if (f.supplier !== undefined) p.set('supplier', f.supplier);
  if (f.recipient !== undefined) p.set('recipient', f.recipient);
  if (f.system !== undefined) p.set('system', f.system);
  if (f.statuses?.length) p.set('statuses', f.statuses.join(','));
  if (f.kinds?.length) p.set('kinds', f.kinds.join(','));
  if (f.between !== undefined) p.set('between', windowText(f.between));
  if (f.knownAt !== undefined) p.set('knownAt', f.knownAt);
  if (f.sources?.length) p.set('sources', f.sources.join(','));
  return p.toString();
}

/** The GET /export URL of a selection (relative to the server); a CSV export's URL downloads its nodes file. */
export function exportUrl(format: ExportFormat, selection: SubgraphSelection): string {
  return `/export?${formatExportQuery(format, selection, format === 'CSV' ? 'nodes' : undefined)}`;
}

/** A comma-separated list parameter, each item one of `allowed` (case-insensitive). */
function enumList<T extends string>(value: string, allowed: readonly T[], parameter: string): T[] {
  return value.split(',').map((x) => {
    const item = x.trim().toUpperCase() as T;
    if (!allowed.includes(item)) throw new InvalidArgumentError(`${parameter}: unknown value "${x.trim()}" (expected ${allowed.join(', ')})`, { argument: parameter });
    return item;
  });
}

/**
 * Reads GET /export's query. Every parameter is checked here and named on error: an unknown parameter, one
 * given twice, a bad format, part, depth, status, kind, window or day. References (around, supplier,
 * recipient, system) stay as given (ids or aliases) for `exportInput` to resolve.
 */
export function parseExportQuery(query: Readonly<Record<string, string | readonly string[] | undefined>>): ExportRequest {
  const value = (name: string): string | undefined => {
    const v = query[name];
    if (Array.isArray(v)) throw new InvalidArgumentError(`${name}: given ${v.length} times; give it once`, { argument: name });
    return v as string | undefined;
  };
  for (const name of Object.keys(query)) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(`unknown parameter "${name.slice(0, 40)}" (expected ${EXPORT_PARAMETERS.join(', ')})`, { argument: name.slice(0, 40) });
    }
    value(name);
  }
  const format = (value('format') ?? '').toUpperCase();
  if (!isExportFormat(format)) {
    throw new InvalidArgumentError(`format must be one of ${EXPORT_FORMATS.map((f) => f.toLowerCase()).join(', ')}, got "${value('format') ?? ''}"`, { argument: 'format' });
  }
  const part = (value('part') ?? 'nodes') as CsvPart;
  if (!CSV_PARTS.includes(part)) {
    throw new InvalidArgumentError(`part must be nodes or relationships (a CSV export is two files), got "${part}"`, { argument: 'part' });
  }
  const depthText = value('depth');
  if (depthText !== undefined && !/^\d{1,2}$/.test(depthText)) {
    throw new InvalidArgumentError(`depth must be an integer from 0 to ${MAX_SUBGRAPH_DEPTH}, got "${depthText.slice(0, 40)}"`, { argument: 'depth' });
  }
  const depth = checkDepth(depthText === undefined ? undefined : Number(depthText));
  const around = (value('around') ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  const text = (name: 'supplier' | 'recipient' | 'system'): string | undefined => {
    const v = value(name);
    if (v !== undefined && v.trim() === '') throw new InvalidArgumentError(`${name} is empty`, { argument: name });
    return v;
  };
  const supplier = text('supplier');
  const recipient = text('recipient');
  const system = text('system');
  const statuses = value('statuses');
  const kinds = value('kinds');
  const between = value('between');
  const knownAt = value('knownAt');
  const sources = value('sources');
  const filter: TransferFilter = {
    ...(supplier !== undefined && { supplier }),
    ...(recipient !== undefined && { recipient }),
    ...(system !== undefined && { system }),
    ...(statuses !== undefined && { statuses: enumList<TransferStatus>(statuses, TRANSFER_STATUSES, 'statuses') }),
    ...(kinds !== undefined && { kinds: enumList<TransferKind>(kinds, TRANSFER_KINDS, 'kinds') }),
    ...(between !== undefined && { between: parseWindow(between, 'between') }),
    ...(knownAt !== undefined && { knownAt: parseDay(knownAt, 'knownAt') }),
    ...(sources !== undefined && { sources: enumList<FactSource>(sources, FACT_SOURCES, 'sources') }),
  };
  return { format, part, selection: { around, depth, filter } };
}

/** A parsed selection as the export question's input (open window ends left out), for resolving its references. */
export function exportInput(selection: SubgraphSelection): SubgraphInput {
  const { between, ...rest } = selection.filter;
  return {
    around: selection.around,
    depth: selection.depth,
    filter: {
      ...rest,
      ...(between !== undefined && {
        between: { from: between.from === OPEN_START ? null : between.from, to: between.to === OPEN_END ? null : between.to },
      }),
    },
  };
}

/** Names the GET parameter rather than the question's argument in an error (`filter.supplier` → `supplier`). */
export function asParameterError(error: unknown): unknown {
  if (!(error instanceof InvalidArgumentError || error instanceof NotFoundError)) return error;
  const argument = error.details.argument;
  if (typeof argument !== 'string') return error;
  const parameter = argument.replace(/^filter\./, '').replace(/^around\[\d+\]$/, 'around').replace(/^between\.(from|to)$/, 'between');
  if (parameter === argument) return error;
  const message = error.message.split(argument).join(parameter);
  return error instanceof NotFoundError
    ? new NotFoundError(message, error.suggestions, { argument: parameter })
    : new InvalidArgumentError(message, { argument: parameter });
}
