// Byte-level handling of the SIPRI export before CSV parsing: the free-text preamble and the trailing `;`.
import { looksLikeHeader } from './preamble.js';

/** The preamble lines (decoded) and the rest of the input, starting at the header line. */
export interface SplitInput {
  /** Lines before the header, `;` and line ends removed. */
  readonly preamble: readonly string[];
  /** True when a header-like line was found within the limits. */
  readonly foundHeader: boolean;
  /** The header line and everything after it, `;` line terminators removed. */
  readonly body: AsyncGenerator<Buffer>;
}

/** How far to look for the header line. */
export interface SplitLimits {
  readonly maxLines: number;
  readonly maxBytes: number;
}

const LINE_END = /\r?\n/g;

const toLatin1 = (chunk: Buffer | string) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk).toString('latin1');
const decode = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

/**
 * Removes the `;` SIPRI writes at the end of every line, so that a quoted last cell (`…,"Yes";`) parses
 * like any other. Text is carried as latin1 (a lossless view of the bytes), which is safe for UTF-8
 * because `;`, CR and LF never occur inside a multi-byte sequence. A `;` ending a line inside a quoted
 * multi-line cell would be dropped too; SIPRI cells are single-line.
 */
async function* stripRowTerminators(first: string, rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer> {
  let carry = '';
  let text: string | undefined = first;
  try {
    while (text !== undefined) {
      text = carry + text;
      // A chunk ending in `;` or `;\r` may be followed by its line end in the next chunk.
      const keep = text.endsWith(';') ? 1 : text.endsWith(';\r') ? 2 : 0;
      carry = text.slice(text.length - keep);
      const out = text.slice(0, text.length - keep).replace(/;(?=\r?\n)/g, '');
      if (out !== '') yield Buffer.from(out, 'latin1');
      const next = await rest.next();
      text = next.done ? undefined : toLatin1(next.value);
    }
    if (carry !== '') yield Buffer.from(carry.slice(1), 'latin1');
  } finally {
    await rest.return?.();
  }
}

/**
 * Reads the preamble line by line (it is free text, not CSV) until a line that looks like the header, and
 * returns the preamble and a byte stream of the rest. Keeping the preamble away from csv-parse also keeps
 * its records uniform in length, which csv-parse needs to be fast.
 */
export async function splitPreamble(source: AsyncIterable<Buffer | string>, limits: SplitLimits): Promise<SplitInput> {
  const chunks = source[Symbol.asyncIterator]();
  const preamble: string[] = [];
  let pending = '';
  let seen = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      // The last line has no line end: it may still be the header.
      if (pending !== '' && !looksLikeHeader(pending.replace(/;\r?$/, '').split(','))) {
        preamble.push(decode(pending.replace(/;\r?$/, '')));
        pending = '';
      }
      return { preamble, foundHeader: pending !== '', body: stripRowTerminators(pending, chunks) };
    }
    const text = pending + toLatin1(next.value);
    seen += text.length - pending.length;
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
      const line = text.slice(start, m.index).replace(/;$/, '');
      if (looksLikeHeader(line.split(','))) {
        return { preamble, foundHeader: true, body: stripRowTerminators(text.slice(start), chunks) };
      }
      preamble.push(decode(line));
      start = m.index + m[0].length;
      if (preamble.length >= limits.maxLines) {
        return { preamble, foundHeader: false, body: stripRowTerminators(text.slice(start), chunks) };
      }
    }
    pending = text.slice(start);
    if (seen > limits.maxBytes) {
      // No line end (or no header) within the limit: keep the start of what was read, for the messages.
      preamble.push(decode(pending.slice(0, 1000)));
      return { preamble, foundHeader: false, body: stripRowTerminators(pending, chunks) };
    }
  }
}
