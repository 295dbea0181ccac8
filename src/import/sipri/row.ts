// Validates one record of the SIPRI export, cell by cell, into a typed SipriRow.
import type { IssueCollector } from '../issues.js';
import { SIPRI_COLUMNS, SIPRI_STATUS, type SipriColumn, type SipriCondition, type SipriRow } from './columns.js';

/** Years outside this range are taken as typos, not history. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const YEAR = /^\d{4}$/;

/**
 * Control characters other than tab/CR/LF, or the replacement character that invalid UTF-8 decodes to:
 * binary data, or text in another encoding (SIPRI's exports are ASCII, read as UTF-8).
 */
export const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

const show = (value: string) => JSON.stringify(value);
const INDEX = new Map<SipriColumn, number>(SIPRI_COLUMNS.map((c, i) => [c, i]));

/** Reads the cells of one row, recording an issue (and returning undefined) for each cell that does not fit. */
class CellReader {
  ok = true;

  constructor(
    private readonly cells: readonly string[],
    private readonly line: number,
    private readonly issues: IssueCollector,
  ) {}

  private raw(column: SipriColumn): string {
    return (this.cells[INDEX.get(column) ?? -1] ?? '').trim();
  }

  private fail(column: SipriColumn, message: string): void {
    this.ok = false;
    this.issues.add(this.line, column, message);
  }

  text(column: SipriColumn): string {
    const value = this.raw(column);
    if (value === '') this.fail(column, 'expected a value, found an empty cell');
    return value;
  }

  dealId(column: SipriColumn): string {
    const value = this.raw(column);
    if (!INTEGER.test(value)) this.fail(column, `expected a deal number such as 66214, found ${show(value)}`);
    return value;
  }

  year(column: SipriColumn, required: boolean): number | null {
    const value = this.raw(column);
    if (value === '') {
      if (required) this.fail(column, 'expected a year such as 2023, found an empty cell');
      return null;
    }
    const year = Number(value);
    if (!YEAR.test(value) || year < MIN_YEAR || year > MAX_YEAR) {
      this.fail(column, `expected a year between ${MIN_YEAR} and ${MAX_YEAR} (e.g. 2023) or an empty cell, found ${show(value)}`);
      return null;
    }
    return year;
  }

  count(column: SipriColumn): number | null {
    const value = this.raw(column);
    if (value === '') return null;
    if (!INTEGER.test(value)) {
      this.fail(column, `expected a whole number of units (e.g. 12) or an empty cell, found ${show(value)}`);
      return null;
    }
    return Number(value);
  }

  tiv(column: SipriColumn): number | null {
    const value = this.raw(column);
    if (value === '') return null;
    if (!DECIMAL.test(value)) {
      this.fail(column, `expected a TIV in millions (a non-negative number such as 1.25) or an empty cell, found ${show(value)}`);
      return null;
    }
    return Number(value);
  }

  flag(column: SipriColumn): boolean {
    const value = this.raw(column);
    if (value === 'Yes') return true;
    if (value === 'No' || value === '') return false;
    this.fail(column, `expected Yes, No or an empty cell, found ${show(value)}`);
    return false;
  }

  condition(column: SipriColumn): SipriCondition {
    const value = this.raw(column);
    if (Object.hasOwn(SIPRI_STATUS, value)) return SIPRI_STATUS[value as keyof typeof SIPRI_STATUS];
    const allowed = Object.keys(SIPRI_STATUS).map(show).join(', ');
    this.fail(column, `expected one of ${allowed}, found ${show(value)}`);
    return 'NEW';
  }
}

/**
 * Validates the cells of one data row (already split, trailing `;` removed) at 1-based `line`.
 * Every problem goes to `issues`; returns undefined when the row has any.
 */
export function parseSipriRecord(cells: readonly string[], line: number, issues: IssueCollector): SipriRow | undefined {
  if (cells.length !== SIPRI_COLUMNS.length) {
    if (cells.length < SIPRI_COLUMNS.length) {
      const missing = SIPRI_COLUMNS.slice(cells.length).map(show).join(', ');
      issues.add(line, SIPRI_COLUMNS[cells.length] ?? '', `row has ${cells.length} of ${SIPRI_COLUMNS.length} columns (truncated?): missing ${missing}`);
    } else {
      issues.add(line, '', `row has ${cells.length} columns, expected ${SIPRI_COLUMNS.length} (an unquoted comma in a cell?)`);
    }
    return undefined;
  }
  const garbled = cells.flatMap((cell, i) => (NOT_TEXT.test(cell) ? [i] : []));
  for (const i of garbled) {
    issues.add(line, SIPRI_COLUMNS[i] ?? '', `not UTF-8 text: ${show(cells[i]!)} holds bytes that are not UTF-8 text (Latin-1, or binary data?); save the export as UTF-8`);
  }
  if (garbled.length > 0) return undefined;
  const r = new CellReader(cells, line, issues);
  const row: SipriRow = {
    line,
    dealId: r.dealId('SIPRI AT Database ID'),
    supplier: r.text('Supplier'),
    recipient: r.text('Recipient'),
    designation: r.text('Designation'),
    description: r.text('Description'),
    armamentCategory: r.text('Armament category'),
    orderYear: r.year('Order date', false),
    orderYearEstimated: r.flag('Order date is estimate'),
    unitsDelivered: r.count('Numbers delivered'),
    unitsEstimated: r.flag('Numbers delivered is estimate'),
    deliveryYear: r.year('Delivery year', false),
    deliveryYearEstimated: r.flag('Delivery year is estimate'),
    condition: r.condition('Status'),
    tivPerNewUnit: r.tiv('SIPRI estimate'),
    tivPerUnit: r.tiv('TIV deal unit'),
    tivDelivered: r.tiv('TIV delivery values'),
    localProduction: r.flag('Local production'),
  };
  if (r.ok && row.deliveryYear === null && (row.unitsDelivered !== null || row.tivDelivered !== null)) {
    issues.add(line, 'Delivery year', 'expected a year: the row records units or TIV delivered but no delivery year');
    return undefined;
  }
  if (r.ok && row.orderYear !== null && row.deliveryYear !== null && row.deliveryYear < row.orderYear) {
    issues.add(line, 'Delivery year', `delivered in ${row.deliveryYear}, before the order date ${row.orderYear}`);
    return undefined;
  }
  return r.ok ? row : undefined;
}
