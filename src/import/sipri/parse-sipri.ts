// Streams the SIPRI trade-register CSV export (preamble, header, rows ending in `;`) into validated rows.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InvalidArgumentError, ValidationError } from '../../domain/errors.js';
import { IssueCollector } from '../issues.js';
import type { SipriRow } from './columns.js';
import { generatedValue, headerMismatch, looksLikeHeader, parseReleaseDate, SIPRI_HEADER_LINE, type SipriPreamble } from './preamble.js';
import { parseSipriRecord } from './row.js';

/** Where a SIPRI export is read from: a file path or a byte stream. */
export type SipriInput = string | Readable;

/** Options of openSipriCsv. */
export interface SipriCsvOptions {
  /** Name used in issues; defaults to the path, or "<stream>". */
  readonly file?: string;
  /** Collector shared with later stages; a new one is made when absent. */
  readonly issues?: IssueCollector;
  /** Stop after this many issues (when no collector is given). */
  readonly maxIssues?: number;
}

/** An opened export: its preamble is read and its header checked; rows stream on demand. */
export interface SipriCsv {
  readonly file: string;
  readonly preamble: SipriPreamble;
  /** 1-based line of the header row. */
  readonly headerLine: number;
  /** Issues found so far (preamble, and rows as they are read). */
  readonly issues: IssueCollector;
  /** Data records read so far, valid or not. */
  readonly rowsRead: number;
  /** The valid data rows in file order (invalid ones go to `issues`). Iterate once. */
  rows(): AsyncGenerator<SipriRow>;
}

/** Preamble notes SIPRI writes before the header; more than this means the header is missing. */
const MAX_PREAMBLE_LINES = 40;
/** A record longer than this is not a SIPRI row (binary data or an unclosed quote). */
const MAX_RECORD_CHARS = 64 * 1024;
// Control characters other than tab/CR/LF, or the UTF-8 replacement character, mean binary input.
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

/**
 * Removes the `;` SIPRI writes at the end of every line, before csv-parse sees the text, so that a quoted
 * last cell (`…,"Yes";`) parses like any other. Bytes are handled as latin1 (lossless), which is safe for
 * UTF-8 because `;`, CR and LF never occur inside a multi-byte sequence. A `;` that ends a line inside a
 * quoted multi-line cell would be dropped too; SIPRI cells are single-line.
 */
async function* stripRowTerminators(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let carry = '';
  for await (const chunk of source) {
    const text = carry + (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk).toString('latin1');
    // A chunk ending in `;` or `;\r` may be followed by the line end in the next chunk.
    const keep = text.endsWith(';') ? 1 : text.endsWith(';\r') ? 2 : 0;
    carry = text.slice(text.length - keep);
    yield Buffer.from(text.slice(0, text.length - keep).replace(/;(?=\r?\n)/g, ''), 'latin1');
  }
  if (carry !== '') yield Buffer.from(carry.slice(1), 'latin1');
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function openRecords(input: SipriInput, file: string): AsyncIterator<CsvRecord> {
  const source = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 20 }) : input;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const feed = Readable.from(stripRowTerminators(source));
  feed.on('error', (error: Error) => parser.destroy(error));
  feed.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRecord>;
  return {
    next: async () => {
      try {
        return await iterator.next();
      } catch (error) {
        throw readError(error, file);
      }
    },
    return: async () => {
      feed.destroy();
      parser.destroy();
      return { done: true, value: undefined };
    },
  };
}

/** csv-parse gave up at a line: the text cannot be split into cells from there on. */
class CsvReadFailure extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a failure of the byte stream or of csv-parse into an error naming the file (and line). */
function readError(error: unknown, file: string): Error {
  if (error instanceof CsvError) {
    const line = typeof error['lines'] === 'number' ? error['lines'] : null;
    return new CsvReadFailure(line, `not readable as CSV: ${error.message}`);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new InvalidArgumentError(`cannot read SIPRI export "${file}": ${(error as Error).message}`, { file, code });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Opens a SIPRI trade-register export: reads the preamble (capturing the `Data generated:` release) and
 * checks the header exactly. Throws ValidationError when the header is missing or differs, or the input is
 * binary; InvalidArgumentError when the file cannot be read. Row problems are collected, not thrown,
 * until `issues` reaches its cap.
 */
export async function openSipriCsv(input: SipriInput, options: SipriCsvOptions = {}): Promise<SipriCsv> {
  const file = options.file ?? (typeof input === 'string' ? input : '<stream>');
  const issues = options.issues ?? new IssueCollector(file, options.maxIssues);
  const records = openRecords(input, file);
  const fail = (line: number | null, field: string, message: string): never => {
    void records.return?.();
    throw new ValidationError([...issues.issues, { file, line, field, message }]);
  };

  const lines: string[] = [];
  let generated: { line: number; value: string } | undefined;
  let header: CsvRecord | undefined;
  for (;;) {
    let next: IteratorResult<CsvRecord>;
    try {
      next = await records.next();
    } catch (error) {
      if (error instanceof CsvReadFailure) return fail(error.line, '', error.message);
      throw error;
    }
    if (next.done) break;
    const { record, info } = next.value;
    const text = record.join(',');
    if (BINARY.test(text)) fail(info.lines, '', 'binary data: this is not a text CSV file (expected the SIPRI trade-register export)');
    if (looksLikeHeader(record)) {
      header = next.value;
      break;
    }
    if (lines.length >= MAX_PREAMBLE_LINES) break;
    lines.push(text);
    const value = generatedValue(text);
    if (value !== undefined && generated === undefined) generated = { line: info.lines, value };
  }
  if (header === undefined) {
    return fail(null, 'header', `no header row found in the first ${MAX_PREAMBLE_LINES} lines: expected "${SIPRI_HEADER_LINE}"`);
  }
  const headerLine = header.info.lines;
  const mismatch = headerMismatch(header.record);
  if (mismatch !== undefined) fail(headerLine, 'header', mismatch);

  let release = { release: '', releaseDay: '' };
  if (generated === undefined) {
    issues.add(headerLine, 'Data generated', 'the preamble has no "Data generated: <date>" line (it names the SIPRI release); expected it before the header');
  } else {
    const parsed = parseReleaseDate(generated.value);
    if (parsed === undefined) issues.add(generated.line, 'Data generated', `expected a date such as "12 Feb 2026", found "${generated.value}"`);
    else release = parsed;
  }
  const preamble: SipriPreamble = { lines, generated: generated?.value ?? '', ...release };

  let rowsRead = 0;
  async function* rows(): AsyncGenerator<SipriRow> {
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) return;
        const { record, info } = next.value;
        if (record.length === 1 && record[0]?.trim() === '') continue;
        rowsRead++;
        const row = parseSipriRecord(record, info.lines, issues);
        if (row !== undefined) yield row;
      }
    } catch (error) {
      if (error instanceof CsvReadFailure) throw new ValidationError([...issues.issues, { file, line: error.line, field: '', message: error.message }]);
      throw error;
    } finally {
      await records.return?.();
    }
  }

  return {
    file,
    preamble,
    headerLine,
    issues,
    get rowsRead() {
      return rowsRead;
    },
    rows,
  };
}
