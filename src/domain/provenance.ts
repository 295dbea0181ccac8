// Which dataset a fact comes from: the curated seed (articles), the SIPRI export, a Kiel tracker release, or an
// analyst's claim written through the API; and whether a fact is believed on a given day.
import type { AidCommitment, Event, Grounded, Restriction, Transfer } from './model.js';

/** The sources a fact can come from. */
export const FACT_SOURCES = ['SEED', 'SIPRI', 'KIEL', 'CLAIM'] as const;
/** One of {@link FACT_SOURCES}. */
export type FactSource = (typeof FACT_SOURCES)[number];

/**
 * The dataset a fact comes from: a claim stamp, SIPRI and Kiel records say so; anything else is the seed's.
 */
export function factSource(fact: Transfer | AidCommitment | Event | Restriction): FactSource {
  if (fact.claim !== undefined) return 'CLAIM';
  if ('sipri' in fact && fact.sipri !== undefined) return 'SIPRI';
  if ('kiel' in fact && fact.kiel !== undefined) return 'KIEL';
  return 'SEED';
}

/**
 * Whether a fact is believed on day `knownAt` (YYYY-MM-DD): reported by then (`knownSince`) and not yet retracted or
 * corrected (`knownUntil`, exclusive). Without a day: whether it is believed now (never retracted or corrected).
 */
export function believedAt(fact: Pick<Grounded, 'knownSince' | 'knownUntil'>, knownAt: string | undefined): boolean {
  if (knownAt === undefined) return fact.knownUntil === undefined;
  return fact.knownSince <= knownAt && (fact.knownUntil === undefined || fact.knownUntil > knownAt);
}
