// Reads for the reconciliation and the Kiel import: aid commitments (all, or to a recipient) and declared backfills.
import type { Statement } from '../../Executor.js';

/** Aid commitments by id: every one, or those to `recipient` (only the condition asked for is in the text). */
export function aidCommitments(recipient?: string): Statement {
  return recipient === undefined
    ? { cypher: 'MATCH (a:AidCommitment) WHERE a.gen = $gen RETURN a.json AS json ORDER BY a.id', params: {} }
    : { cypher: 'MATCH (a:AidCommitment) WHERE a.recipient = $recipient AND a.gen = $gen RETURN a.json AS json ORDER BY a.id', params: { recipient } };
}

/** The transfers with a BACKFILLS link to any of `ids`, by id. */
export function backfillsOf(ids: readonly string[]): Statement {
  return {
    cypher: 'MATCH (b:Transfer)-[:BACKFILLS]->(t:Entity) WHERE t.id IN $ids AND t.gen = $gen WITH DISTINCT b RETURN b.json AS json ORDER BY b.id',
    params: { ids: [...ids] },
  };
}
