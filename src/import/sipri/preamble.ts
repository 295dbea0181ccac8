// The preamble of the SIPRI export: the release it names ("Data generated: …") and the header row after it.
import { SIPRI_COLUMNS } from './columns.js';

/** What the preamble says about the export. */
export interface SipriPreamble {
  /** The preamble's lines as read (trailing `;` removed), for the record. */
  readonly lines: readonly string[];
  /** The `Data generated:` value as written, e.g. "12 Feb 2026 12:26:12 PM". */
  readonly generated: string;
  /** The release, e.g. "12 Feb 2026". */
  readonly release: string;
  /** The release day as an ISO day, e.g. "2026-02-12". */
  readonly releaseDay: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const GENERATED = /^\s*Data generated:\s*(.*?)\s*$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b/;

/** Returns the `Data generated:` value when `line` is that preamble line, else undefined. */
export function generatedValue(line: string): string | undefined {
  return GENERATED.exec(line)?.[1];
}

/**
 * Reads a release date as SIPRI writes it ("12 Feb 2026 12:26:12 PM", "3 March 2025") into
 * `{release: "12 Feb 2026", releaseDay: "2026-02-12"}`; undefined when it is not such a date.
 */
export function parseReleaseDate(value: string): { release: string; releaseDay: string } | undefined {
  const match = DAY_MONTH_YEAR.exec(value.trim());
  if (!match) return undefined;
  const [whole, dayText = '', monthText = '', yearText = ''] = match;
  const month = MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
  const day = Number(dayText);
  const year = Number(yearText);
  if (month === 0 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { release: whole.replace(/\.$/, '').replace(/\s+/g, ' '), releaseDay: `${yearText}-${pad(month)}-${pad(day)}` };
}

/** The expected header as one line, for messages. */
export const SIPRI_HEADER_LINE = `${SIPRI_COLUMNS.join(',')};`;

/**
 * True when a record looks like a header attempt rather than a preamble note: it starts with the first
 * column's name or has several cells (preamble notes are single cells).
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells[0]?.trim() === SIPRI_COLUMNS[0] || cells.length >= 5;
}

/** Compares a header row with the expected columns; returns a message naming each difference, or undefined. */
export function headerMismatch(cells: readonly string[]): string | undefined {
  const found = cells.map((c) => c.trim());
  const problems: string[] = [];
  const n = Math.max(found.length, SIPRI_COLUMNS.length);
  for (let i = 0; i < n; i++) {
    const want = SIPRI_COLUMNS[i];
    const got = found[i];
    if (want === got) continue;
    if (want === undefined) problems.push(`unexpected extra column ${i + 1} ${JSON.stringify(got)}`);
    else if (got === undefined) problems.push(`column ${i + 1} ${JSON.stringify(want)} is missing`);
    else problems.push(`column ${i + 1}: expected ${JSON.stringify(want)}, found ${JSON.stringify(got)}`);
  }
  if (problems.length === 0) return undefined;
  return `not the SIPRI trade-register header: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}` +
    ` (expected "${SIPRI_HEADER_LINE}", found "${found.join(',')};")`;
}
