// The fixed Cypher fragments and parameter builders every read shares: transfer filters, families, windows, keysets.
import type { DayWindow } from '../../../../domain/time.js';
import type { TransferFilter } from '../../../../query/index.js';

/**
 * The conditions of a transfer filter on anything carrying the transfer properties (a :Transfer node or a
 * :TRANSFERRED relationship), only for the fields the filter sets. The text depends on which fields are set,
 * never on their values (those are parameters), and leaving out the unset ones lets the planner seek an index
 * (`t.recipient = $recipient`) where `($recipient IS NULL OR …)` made it scan every transfer. The known-time
 * condition is always there: without `knownAt`, retracted and corrected transfers are left out.
 */
export function transferWhere(v: 't' | 'r', f: TransferFilter): string {
  const c: string[] = [`${v}.gen = $gen`];
  if (f.supplier !== undefined) c.push(`${v}.supplier = $supplier`);
  if (f.recipient !== undefined) c.push(`${v}.recipient = $recipient`);
  if (f.system !== undefined) c.push(`${v}.system IN family`);
  if (f.statuses !== undefined && f.statuses.length > 0) c.push(`${v}.status IN $statuses`);
  if (f.kinds !== undefined && f.kinds.length > 0) c.push(`${v}.kind IN $kinds`);
  if (f.between !== undefined) c.push(`${v}.earliest <= $to AND ${v}.latest >= $from`);
  // Believed on that day (reported by then, not retracted or corrected by then); without a day, believed now.
  c.push(f.knownAt !== undefined ? `${v}.knownSince <= $knownAt AND (${v}.knownUntil IS NULL OR ${v}.knownUntil > $knownAt)` : `${v}.knownUntil IS NULL`);
  if (f.sources !== undefined && f.sources.length > 0) c.push(`${v}.source IN $sources`);
  return c.join('\n    AND ');
}

/** Collects the ids of a system's family (the system and every member below it) as `family`, when filtered by system. */
export const familyOf = (f: { system?: string }) =>
  f.system === undefined
    ? ''
    : `
  OPTIONAL MATCH (root:Entity {id: $system, gen: $gen})
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
  WITH collect(member.id) AS family`;

/** A list parameter, or `null` when the list is absent or empty (an empty list filters nothing). */
export const nullIfEmpty = <T,>(list: readonly T[] | undefined): T[] | null => (list && list.length > 0 ? [...list] : null);

/** The `$from` and `$to` parameters of a day window (`null` when there is none). */
function windowParams(window: DayWindow | undefined): { from: string | null; to: string | null } {
  return { from: window?.from ?? null, to: window?.to ?? null };
}

/** Parameters of a transfer filter. */
export function transferParams(f: TransferFilter): Record<string, unknown> {
  return {
    supplier: f.supplier ?? null,
    recipient: f.recipient ?? null,
    system: f.system ?? null,
    statuses: nullIfEmpty(f.statuses),
    kinds: nullIfEmpty(f.kinds),
    ...windowParams(f.between),
    knownAt: f.knownAt ?? null,
    // Only when set: the condition that reads it is only in the text then.
    ...(f.sources !== undefined && f.sources.length > 0 && { sources: [...f.sources] }),
  };
}

/** Keyset condition: the row's id comes after the cursor's. */
export const AFTER_ID = (v: string) => `($after IS NULL OR ${v}.id > $after[0])`;
/** Keyset condition: the row's id comes at or before the cursor's (the rows `before` counts). */
export const NOT_AFTER_ID = (v: string) => `($after IS NOT NULL AND NOT ${AFTER_ID(v)})`;
