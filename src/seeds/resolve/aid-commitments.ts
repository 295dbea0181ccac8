// Aid commitments: inferred fields and a valid date.
import type { AidCommitment } from '../../domain/model.js';
import type { GroundedContext } from './context.js';
import { checkInferred } from './grounding.js';
import type { Located, RecordOf } from './located.js';

/** The fields of an aid commitment a source may imply without stating. */
const INFERRABLE = ['date', 'amountUsd', 'categories'];

/** Checks the aid commitments and returns those whose date parses, resolved. */
export function resolveAidCommitments(list: readonly Located<RecordOf<'aidCommitments'>>[], ctx: GroundedContext): AidCommitment[] {
  const aidCommitments: AidCommitment[] = [];
  for (const at of list) {
    const a = at.value;
    ctx.refs.checkLinks(at, 'aidCommitments');
    checkInferred(ctx, at, INFERRABLE);
    const date = ctx.span(at, ['date'], a.date);
    const { citations, knownSince } = ctx.cite(at, ['citations'], a.citations);
    if (!date) continue;
    aidCommitments.push({
      id: a.id, donor: a.donor, recipient: a.recipient, amountUsd: a.amountUsd, categories: a.categories, date, citations, knownSince,
      inferred: a.inferred ?? [],
      ...(a.note !== undefined && { note: a.note }),
    });
  }
  return aidCommitments;
}
