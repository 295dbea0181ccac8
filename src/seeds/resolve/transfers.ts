// Transfers: distinct parties, no self-backfill, inferred fields, valid dates, a cited status history.
import type { StatusChange, Transfer } from '../../domain/model.js';
import type { GroundedContext } from './context.js';
import { checkInferred } from './grounding.js';
import type { Located, RecordOf } from './located.js';

/** The fields of a transfer a source may imply without stating. */
const INFERRABLE = ['date', 'quantity', 'status', 'kind', 'supplier', 'recipient', 'system', 'valueUsd'];

/** Checks the transfers and returns those whose date parses, resolved. */
export function resolveTransfers(list: readonly Located<RecordOf<'transfers'>>[], ctx: GroundedContext): Transfer[] {
  const { report } = ctx;
  const transfers: Transfer[] = [];
  for (const at of list) {
    const t = at.value;
    ctx.refs.checkLinks(at, 'transfers', {
      // Said once the parties and the system are checked, before the links to other records.
      system: () => {
        if (t.supplier === t.recipient) report.add(at, ['recipient'], `a transfer's recipient must differ from its supplier (both are "${t.supplier}")`);
      },
    });
    t.backfills.forEach((b, i) => {
      if (b === t.id) report.add(at, ['backfills', i], 'a transfer cannot backfill itself');
    });
    checkInferred(ctx, at, INFERRABLE);
    const date = ctx.span(at, ['date'], t.date);
    const { citations, knownSince } = ctx.cite(at, ['citations'], t.citations);
    const statusHistory: StatusChange[] = [];
    t.statusHistory.forEach((h, i) => {
      const d = ctx.span(at, ['statusHistory', i, 'date'], h.date);
      const c = ctx.cite(at, ['statusHistory', i, 'citations'], h.citations);
      if (d) statusHistory.push({ status: h.status, date: d, citations: c.citations, knownSince: c.knownSince });
    });
    if (!date) continue;
    transfers.push({
      id: t.id, supplier: t.supplier, recipient: t.recipient, system: t.system, status: t.status, kind: t.kind, date,
      enabledBy: t.enabledBy, subjectTo: t.subjectTo, backfills: t.backfills, statusHistory, citations, knownSince,
      inferred: t.inferred ?? [],
      ...(t.quantity !== undefined && { quantity: t.quantity }),
      ...(t.valueUsd !== undefined && { valueUsd: t.valueUsd }),
      ...(t.note !== undefined && { note: t.note }),
    });
  }
  return transfers;
}
