// The columns of the SIPRI Arms Transfers Database CSV export and the typed row read from them.

/** The header of the export, column by column, exactly as SIPRI writes it (without the trailing `;`). */
export const SIPRI_COLUMNS = [
  'SIPRI AT Database ID',
  'Supplier',
  'Recipient',
  'Designation',
  'Description',
  'Armament category',
  'Order date',
  'Order date is estimate',
  'Numbers delivered',
  'Numbers delivered is estimate',
  'Delivery year',
  'Delivery year is estimate',
  'Status',
  'SIPRI estimate',
  'TIV deal unit',
  'TIV delivery values',
  'Local production',
] as const;

/** One column name of the export. */
export type SipriColumn = (typeof SIPRI_COLUMNS)[number];

/** The export's `Status` values, i.e. the condition of the weapons, mapped to SipriDeal.condition. */
export const SIPRI_STATUS = {
  New: 'NEW',
  'Second hand': 'SECOND_HAND',
  'Second hand but modernized': 'SECOND_HAND_MODERNIZED',
} as const;

/** The condition of the weapons of a deal. */
export type SipriCondition = (typeof SIPRI_STATUS)[keyof typeof SIPRI_STATUS];

/**
 * One row of the export: one deal and one delivery year. Numbers are null where the cell is empty;
 * estimate flags are true only for `Yes` (an empty flag means SIPRI did not mark the value as an estimate).
 *
 * What the TIV columns hold was checked against the 12 Feb 2026 export: `SIPRI estimate` is the TIV of one
 * *new* unit; `TIV deal unit` is the TIV of one unit in this deal (the new value × about 0.4 for second-hand,
 * × about 0.66 for second-hand-but-modernized, rounded to 2 decimals); `TIV delivery values` is the TIV of the
 * units delivered that year (units × the unrounded unit TIV).
 */
export interface SipriRow {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly dealId: string;
  readonly supplier: string;
  readonly recipient: string;
  readonly designation: string;
  readonly description: string;
  readonly armamentCategory: string;
  readonly orderYear: number | null;
  readonly orderYearEstimated: boolean;
  readonly unitsDelivered: number | null;
  readonly unitsEstimated: boolean;
  /** Null when the row records no delivery (a deal ordered but not yet delivered). */
  readonly deliveryYear: number | null;
  readonly deliveryYearEstimated: boolean;
  readonly condition: SipriCondition;
  /** `SIPRI estimate`: TIV of one new unit, in millions. */
  readonly tivPerNewUnit: number | null;
  /** `TIV deal unit`: TIV of one unit of this deal, in millions. */
  readonly tivPerUnit: number | null;
  /** `TIV delivery values`: TIV delivered in this row's year, in millions (SIPRI: 0 means between 0 and 0.5). */
  readonly tivDelivered: number | null;
  readonly localProduction: boolean;
}
