// Minimal type declarations for the `edtf` package (it ships none), covering what armsgraph uses.
declare module 'edtf' {
  export interface Bitmask {
    readonly value: number;
  }
  /** A parsed EDTF value: Date, Year, Season, Interval, Set, List, Century or Decade. */
  export interface ExtDateTimeValue {
    readonly type: string;
    readonly min: number;
    readonly max: number;
    readonly edtf: string;
    readonly precision?: number;
    readonly approximate?: Bitmask;
    readonly uncertain?: Bitmask;
    readonly unspecified?: Bitmask;
    readonly lower?: ExtDateTimeValue | null;
    readonly upper?: ExtDateTimeValue | null;
  }
  /** Parses an EDTF string; throws on invalid input. */
  export default function edtf(input: string, options?: Record<string, unknown>): ExtDateTimeValue;
  export function parse(input: string, options?: Record<string, unknown>): { type: string; values?: unknown[] };
}
