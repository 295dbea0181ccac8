// Imports a SIPRI trade-register CSV export into a Dataset, with a summary of what was read.
import type { Dataset } from '../../domain/model.js';
import { IssueCollector } from '../issues.js';
import { SipriDatasetBuilder } from './map-sipri.js';
import { openSipriCsv, type SipriInput } from './parse-sipri.js';

/** Options of importSipri. */
export interface ImportSipriOptions {
  /** Name used in issues; defaults to the path, or "<stream>". */
  readonly file?: string;
  /** Stop reading after this many issues (default 100). */
  readonly maxIssues?: number;
  /** Called with the number of data rows read, every `progressEvery` rows (default 5,000). */
  readonly onProgress?: (rowsRead: number) => void;
  readonly progressEvery?: number;
  /** System ids already taken by other data (e.g. the seed's) that designations must not reuse. */
  readonly reservedSystemIds?: Iterable<string>;
  /** False: keep unresolvable names as UNKNOWN actors (listed in the summary) instead of failing. Default true. */
  readonly strictNames?: boolean;
}

/** What an import read and made. */
export interface ImportSipriSummary {
  /** The release, e.g. "12 Feb 2026". */
  readonly release: string;
  /** Data rows read (one per deal and delivery year). */
  readonly rowsRead: number;
  /** Distinct deal ids, i.e. transfers. */
  readonly deals: number;
  /** Rows that record a delivery. */
  readonly deliveryRows: number;
  readonly actorsCreated: number;
  readonly systemsCreated: number;
  /** Names that resolved to no actor, with their lines (empty unless `strictNames` is false). */
  readonly unresolved: readonly { readonly name: string; readonly lines: readonly number[] }[];
  readonly millis: number;
}

/**
 * Reads a SIPRI Arms Transfers Database CSV export (a path or a byte stream) into a Dataset: one Transfer
 * per deal with its deliveries, actors for every supplier and recipient, systems grouped into families,
 * and the release as the cited Source. Throws ValidationError listing every problem found (with file,
 * line and column) when the file has any, so a partly valid file yields no dataset.
 */
export async function importSipri(input: SipriInput, options: ImportSipriOptions = {}): Promise<{ dataset: Dataset; summary: ImportSipriSummary }> {
  const started = performance.now();
  const file = options.file ?? (typeof input === 'string' ? input : '<stream>');
  const issues = new IssueCollector(file, options.maxIssues);
  const csv = await openSipriCsv(input, { file, issues });
  const builder = new SipriDatasetBuilder({
    release: csv.preamble,
    issues,
    ...(options.reservedSystemIds !== undefined && { reservedSystemIds: options.reservedSystemIds }),
    ...(options.strictNames !== undefined && { strictNames: options.strictNames }),
  });
  const every = Math.max(1, options.progressEvery ?? 5_000);
  let next = every;
  for await (const row of csv.rows()) {
    builder.add(row);
    if (options.onProgress !== undefined && csv.rowsRead >= next) {
      options.onProgress(csv.rowsRead);
      next += every;
    }
  }
  if (csv.rowsRead === 0) {
    // Importing nothing would replace every deal of an earlier import with none.
    issues.add(csv.headerLine, '', 'no data rows after the header: the export holds no deals to import');
  }
  const result = builder.finish();
  issues.throwIfAny();
  const { dataset } = result;
  return {
    dataset,
    summary: {
      release: csv.preamble.release,
      rowsRead: csv.rowsRead,
      deals: result.deals,
      deliveryRows: result.deliveryRows,
      actorsCreated: dataset.actors.length,
      systemsCreated: dataset.systems.length,
      unresolved: result.unresolved,
      millis: Math.round(performance.now() - started),
    },
  };
}
