// Which dataset a fact comes from: the curated seed (articles), the SIPRI export, or a Kiel tracker release.
import type { AidCommitment, Transfer } from './model.js';

/** The sources a fact can come from. */
export const FACT_SOURCES = ['SEED', 'SIPRI', 'KIEL'] as const;
/** One of {@link FACT_SOURCES}. */
export type FactSource = (typeof FACT_SOURCES)[number];

/** The dataset a transfer or aid commitment comes from: SIPRI and Kiel records say so; anything else is the seed's. */
export function factSource(fact: Transfer | AidCommitment): FactSource {
  if ('sipri' in fact && fact.sipri !== undefined) return 'SIPRI';
  if ('kiel' in fact && fact.kiel !== undefined) return 'KIEL';
  return 'SEED';
}
