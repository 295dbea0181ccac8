// Streams the SIPRI trade-register CSV export (preamble, header, rows ending in `;`) into validated rows.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InvalidArgumentError, ValidationError } from '../../domain/errors.js';
import { IssueCollector } from '../issues.js';
import { SIPRI_COLUMNS, type SipriRow } from './columns.js';
import { generatedValue, headerMismatch, parseReleaseDate, SIPRI_HEADER_LINE, type SipriPreamble } from './preamble.js';
import { NOT_TEXT, parseSipriRecord } from './row.js';
import { splitPreamble, type SplitInput } from './text-stream.js';

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
  /** The valid data rows in file order (invalid ones go to `issues`). Iterate once; ending it closes the input. */
  rows(): AsyncGenerator<SipriRow>;
  /** Releases the input without reading the rows (not needed after `rows()` ends). */
  close(): Promise<void>;
}

/** Preamble notes SIPRI writes before the header; more than this means the header is missing. */
const MAX_PREAMBLE_LINES = 40;
/** A record longer than this is not a SIPRI row (binary data or an unclosed quote). */
const MAX_RECORD_CHARS = 64 * 1024;
/**
 * Largest export read. The whole 1995–2025 trade register is under 3 MB; the limit leaves room for any
 * release while keeping a runaway input (a wrong file, a stream that never ends) from exhausting memory.
 */
export const MAX_SIPRI_BYTES = 256 * 1024 * 1024;
const BINARY = NOT_TEXT;
const BINARY_MESSAGE = 'binary data: this is not a text CSV file (expected the SIPRI trade-register export)';

const SNIFF_BYTES = 4096;

/** What the first bytes say is wrong with the whole file (UTF-16, CR-only line ends), if anything. */
function sniffProblem(head: Buffer): string | undefined {
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'UTF-16LE' : head[0] === 0xfe && head[1] === 0xff ? 'UTF-16BE' : undefined;
  if (utf16 !== undefined) return `file is ${utf16} text (it starts with a UTF-16 byte-order mark): save the export as UTF-8`;
  if (head.includes(0x0d) && !head.includes(0x0a) && !BINARY.test(head.toString('latin1').replace(/\r/g, ''))) {
    return 'lines end in CR alone (old Mac line ends): save the export with CRLF or LF line ends';
  }
  return undefined;
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function openRecords(body: AsyncGenerator<Buffer>, file: string): AsyncIterator<CsvRecord> {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const feed = Readable.from(body);
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
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What csv-parse's error means for a SIPRI export, at the line where the failing record starts. csv-parse's
 * own line count is not used: inside a quoted cell it counts CRLF as two lines. SIPRI rows are one line
 * each, so the failing record starts after the records (and empty lines) read so far.
 */
function csvFailure(error: CsvError): CsvReadFailure {
  const count = (key: string) => (typeof error[key] === 'number' ? (error[key] as number) : undefined);
  const records = count('records');
  const line = records === undefined ? null : records + (count('empty_lines') ?? 0) + 1;
  const columnIndex = count('column');
  const column = columnIndex === undefined ? '' : (SIPRI_COLUMNS[columnIndex] ?? `column ${columnIndex + 1}`);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvReadFailure(line, column, 'a quoted cell starts on this line and is never closed (an unmatched ")');
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvReadFailure(line, column, 'a quoted cell\'s closing " is followed by other characters instead of a comma');
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvReadFailure(line, '', `row is longer than ${MAX_RECORD_CHARS} characters: not a SIPRI row (binary data, or an unmatched " that runs on over the following lines)`);
    default:
      return new CsvReadFailure(line, '', `not readable as CSV: ${error.message.replace(/ (?:at|on) line \d+/, '')}`);
  }
}

/** Turns a failure of the byte stream or of csv-parse into an error naming the file (and line). */
function readError(error: unknown, file: string): Error {
  if (error instanceof CsvError) return csvFailure(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new InvalidArgumentError(`cannot read SIPRI export "${file}": ${(error as Error).message}`, { file, code });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Checks the header record and reads the release from the preamble; throws on a missing or wrong header. */
async function readHeader(
  records: AsyncIterator<CsvRecord>, lines: readonly string[], foundHeader: boolean, issues: IssueCollector, sniffed: string | undefined,
): Promise<{ headerLine: number; preamble: SipriPreamble }> {
  const { file } = issues;
  const fail = (line: number | null, field: string, message: string): never => {
    throw new ValidationError([...issues.issues, { file, line, field, message }]);
  };
  if (sniffed !== undefined) fail(1, '', sniffed);
  const binaryAt = lines.findIndex((line) => BINARY.test(line));
  if (binaryAt >= 0) fail(binaryAt + 1, '', BINARY_MESSAGE);
  if (!foundHeader && lines.every((line) => line.trim() === '')) {
    fail(1, 'header', `file is empty: expected the SIPRI trade-register export (a preamble, then the header "${SIPRI_HEADER_LINE}")`);
  }
  if (!foundHeader && lines.length < MAX_PREAMBLE_LINES) {
    fail(lines.length, 'header', `the file ends after ${lines.length} preamble line${lines.length === 1 ? '' : 's'} without the header row: expected "${SIPRI_HEADER_LINE}"`);
  }
  if (!foundHeader) fail(null, 'header', `no header row found in the first ${MAX_PREAMBLE_LINES} lines: expected "${SIPRI_HEADER_LINE}"`);

  const headerLine = lines.length + 1;
  let header: CsvRecord | undefined;
  try {
    const next = await records.next();
    if (!next.done) header = next.value;
  } catch (error) {
    if (error instanceof CsvReadFailure) fail(error.line === null ? null : error.line + lines.length, error.field, error.message);
    throw error;
  }
  if (header === undefined) return fail(headerLine, 'header', `expected the header "${SIPRI_HEADER_LINE}", found the end of the input`);
  if (BINARY.test(header.record.join(','))) fail(headerLine, '', BINARY_MESSAGE);
  if (header.record.length === SIPRI_COLUMNS.length && /^\d+$/.test(header.record[0]?.trim() ?? '')) {
    fail(headerLine, 'header', `expected the header row "${SIPRI_HEADER_LINE}" before the first data row, found deal ${header.record[0]?.trim()}: the header is missing`);
  }
  const mismatch = headerMismatch(header.record);
  if (mismatch !== undefined) fail(headerLine, 'header', mismatch);

  const at = lines.findIndex((line) => generatedValue(line) !== undefined);
  const generated = at < 0 ? undefined : { line: at + 1, value: generatedValue(lines[at]!) ?? '' };
  let release = { release: '', releaseDay: '' };
  if (generated === undefined) {
    issues.add(headerLine, 'Data generated', 'the preamble has no "Data generated: <date>" line (it names the SIPRI release); expected it before the header');
  } else {
    const parsed = parseReleaseDate(generated.value);
    if (parsed === undefined) issues.add(generated.line, 'Data generated', `expected a date such as "12 Feb 2026", found "${generated.value}"`);
    else release = parsed;
  }
  return { headerLine, preamble: { lines, generated: generated?.value ?? '', ...release } };
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
  const tooBig = (size: number) => new ValidationError([
    ...issues.issues,
    { file, line: null, field: '', message: `file is ${size > MAX_SIPRI_BYTES ? `${size} bytes` : `more than ${MAX_SIPRI_BYTES} bytes`}; SIPRI exports are limited to ${MAX_SIPRI_BYTES} (the whole 1995–2025 register is under 3 MB)` },
  ]);
  if (typeof input === 'string') {
    // Refused before reading; a missing file is reported by the read below.
    const size = await stat(input).then((s) => s.size, () => 0);
    if (size > MAX_SIPRI_BYTES) throw tooBig(size);
  }
  const source = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 20 }) : input;
  // The first bytes, to tell a file in another encoding or with other line ends from binary data.
  let sniff = Buffer.alloc(0);
  async function* limited(): AsyncGenerator<Buffer | string> {
    let bytes = 0;
    for await (const chunk of source as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (sniff.length < SNIFF_BYTES) sniff = Buffer.concat([sniff, buffer.subarray(0, SNIFF_BYTES - sniff.length)]);
      bytes += buffer.length;
      if (bytes > MAX_SIPRI_BYTES) throw tooBig(bytes);
      yield buffer;
    }
  }
  let split: SplitInput;
  try {
    split = await splitPreamble(limited(), { maxLines: MAX_PREAMBLE_LINES, maxBytes: MAX_RECORD_CHARS });
  } catch (error) {
    throw readError(error, file);
  }
  const sniffed = sniffProblem(sniff);
  const offset = split.preamble.length;
  const records = openRecords(split.body, file);
  const close = async () => {
    await records.return?.();
    if (typeof input === 'string') source.destroy();
  };
  let head: { headerLine: number; preamble: SipriPreamble };
  try {
    head = await readHeader(records, split.preamble, split.foundHeader, issues, sniffed);
  } catch (error) {
    await close();
    throw error;
  }

  let rowsRead = 0;
  async function* rows(): AsyncGenerator<SipriRow> {
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) return;
        const { record, info } = next.value;
        if (record.length === 1 && record[0]?.trim() === '') continue;
        rowsRead++;
        const row = parseSipriRecord(record, info.lines + offset, issues);
        if (row !== undefined) yield row;
      }
    } catch (error) {
      if (error instanceof CsvReadFailure) {
        throw new ValidationError([...issues.issues, { file, line: error.line === null ? null : error.line + offset, field: error.field, message: error.message }]);
      }
      throw error;
    } finally {
      await close();
    }
  }

  return {
    file,
    ...head,
    issues,
    get rowsRead() {
      return rowsRead;
    },
    rows,
    close,
  };
}
