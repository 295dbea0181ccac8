// Streams one CSV file of a Kiel release as records with their line numbers: UTF-8 checked, header checked exactly.
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InvalidArgumentError } from '../../domain/errors.js';
import type { IssueCollector } from '../issues.js';

/** One data record: its cells by column name, and the 1-based line it starts on. */
export interface KielRecordRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
  /** How many cells the row has (a truncated row has fewer than the header). */
  readonly width: number;
}

/** A record longer than this is not a Kiel row (binary data or an unclosed quote). */
const MAX_RECORD_CHARS = 64 * 1024;
/** Largest file read: release 29's largest file is 100 KB. */
export const MAX_KIEL_BYTES = 64 * 1024 * 1024;

/** Thrown inside the stream when the bytes are not what a Kiel CSV file holds; becomes one issue. */
class KielReadFailure extends Error {
  constructor(readonly line: number, readonly field: string, message: string) {
    super(message);
  }
}

/**
 * Decodes UTF-8 strictly, counting lines, so a byte that is not UTF-8 is reported at its line (the tracker's files
 * are UTF-8; a file saved as Latin-1 or UTF-16 must not import with mangled names).
 */
class StrictUtf8 extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;
  private first = true;
  private total = 0;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > MAX_KIEL_BYTES) return done(new KielReadFailure(this.line, 'file', `file is more than ${MAX_KIEL_BYTES} bytes: not a Kiel tracker file`));
    if (this.first) {
      this.first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        return done(new KielReadFailure(1, 'encoding', 'file is UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8'));
      }
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      // Find the line of the first bad byte: decode the chunk line by line.
      let at = this.line;
      for (const part of chunk.toString('latin1').split('\n')) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(part, 'latin1'));
        } catch {
          break;
        }
        at++;
      }
      return done(new KielReadFailure(at, 'encoding', 'bytes that are not UTF-8 (the file is in another encoding, e.g. Latin-1 or Windows-1252): save it as UTF-8'));
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return done(new KielReadFailure(this.line + countLines(text.slice(0, nul)), 'encoding', 'binary data (a NUL byte): this is not a CSV text file'));
    this.line += countLines(text);
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.decoder.decode();
      done(null, rest);
    } catch {
      done(new KielReadFailure(this.line, 'encoding', 'the file ends inside a UTF-8 character (truncated, or not UTF-8): save it as UTF-8'));
    }
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** What csv-parse's error means, as one issue message. */
function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': return 'a quoted cell starts here and is never closed (an unmatched ")';
    case 'CSV_INVALID_CLOSING_QUOTE': return 'a quoted cell\'s closing " is followed by other characters instead of a comma';
    case 'CSV_MAX_RECORD_SIZE': return `row is longer than ${MAX_RECORD_CHARS} characters: not a Kiel row`;
    default: return `not readable as CSV: ${error.message.replace(/ (?:at|on) line \d+/, '')}`;
  }
}

/**
 * Reads `file` (inside the release directory; `name` is how issues call it), checks that its header is exactly
 * `header`, and yields its data records in order. Problems go to `issues`; a problem that stops the reading (wrong
 * header, bad encoding, unreadable CSV) is recorded and the generator ends.
 */
export async function* readKielCsv(path: string, name: string, header: readonly string[], issues: IssueCollector): AsyncGenerator<KielRecordRow> {
  const expected = header.map((h) => `"${h}"`).join(',');
  const input: Readable = createReadStream(path);
  const decoded = new StrictUtf8();
  const parser = parse({ bom: true, info: true, relax_column_count: true, max_record_size: MAX_RECORD_CHARS, skip_empty_lines: true });
  let failure: unknown;
  const onError = (error: unknown) => {
    failure ??= error;
    parser.destroy();
  };
  input.on('error', onError);
  decoded.on('error', onError);
  input.pipe(decoded).pipe(parser);
  let seenHeader = false;
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      lastLine = line;
      if (!seenHeader) {
        seenHeader = true;
        const found = record.map((c) => c.trim());
        if (found.length !== header.length || found.some((c, i) => c !== header[i])) {
          const missing = header.filter((h) => !found.includes(h));
          const extra = found.filter((c) => !header.includes(c));
          const detail = missing.length > 0 || extra.length > 0
            ? `${missing.length > 0 ? ` missing ${missing.map((m) => `"${m}"`).join(', ')};` : ''}${extra.length > 0 ? ` unexpected ${extra.map((m) => `"${m}"`).join(', ')};` : ''}`
            : ' same columns in another order;';
          issues.add(line, 'header', `expected the header ${expected},${detail} found ${record.map((c) => `"${c}"`).join(',')}`);
          return;
        }
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((h, i) => { cells[h] = (record[i] ?? '').trim(); });
      yield { line, cells, width: record.length };
    }
  } catch (error) {
    failure ??= error;
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (failure !== undefined) {
    if (failure instanceof KielReadFailure) issues.add(failure.line, failure.field, failure.message);
    else if (failure instanceof CsvError) issues.add(typeof failure.lines === 'number' ? failure.lines : lastLine + 1, 'csv', csvMessage(failure));
    else {
      const code = (failure as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
        throw new InvalidArgumentError(`cannot read Kiel file "${name}": ${(failure as Error).message}`, { file: name, code });
      }
      throw failure;
    }
    return;
  }
  if (!seenHeader) issues.add(1, 'header', `file is empty: expected the header ${expected}`);
}
