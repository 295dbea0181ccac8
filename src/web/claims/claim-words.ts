// A claim in words for the live status line, and the actors its facts involve (whether the view shows them).
import type { ClaimFact, ClaimOutcome } from '../api/types.js';

/** "claim:7 by alice added transfer:claim-7", "… retracted …", "… corrected X as Y". */
export function claimSentence(outcome: ClaimOutcome): string {
  const { claim } = outcome;
  const written = outcome.written.map((f) => f.id).join(', ');
  const ended = outcome.ended.map((f) => f.id).join(', ') || (claim.target ?? '');
  switch (claim.op) {
    case 'ADD':
      return `${claim.id} by ${claim.by} added ${written}`;
    case 'RETRACT':
      return `${claim.id} by ${claim.by} retracted ${ended}${claim.reason ? ` (${claim.reason})` : ''}`;
    case 'CORRECT':
      return `${claim.id} by ${claim.by} corrected ${ended} as ${written}`;
  }
}

/** The actors a fact involves. */
function actorsOf(fact: ClaimFact): string[] {
  switch (fact.__typename) {
    case 'Transfer':
      return [fact.supplier.id, fact.recipient.id];
    case 'Event':
      return fact.actors.map((a) => a.id);
    case 'AidCommitment':
      return [fact.donor.id, fact.recipient.id];
    default:
      return [];
  }
}

/** Every actor the claim's written and ended facts involve, once each. */
export function claimActors(outcome: ClaimOutcome): string[] {
  return [...new Set([...outcome.written, ...outcome.ended].flatMap(actorsOf))];
}
