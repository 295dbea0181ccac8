// Facts back in seed-file form: what a claim that builds on a fact (a status change) starts from.
import type { Actor, Citation, Transfer, WeaponSystem } from '../domain/model.js';

const citationRecord = (c: Citation) => ({
  source: c.source,
  ...(c.quote !== undefined && { quote: c.quote }),
  ...(c.note !== undefined && { note: c.note }),
  ...(c.locator !== undefined && { locator: c.locator }),
});

/** A transfer as a seed file writes it (dates as written, EDTF), without its id, known times or stamp. */
export function transferRecord(t: Transfer): Record<string, unknown> {
  return {
    supplier: t.supplier, recipient: t.recipient, system: t.system, status: t.status, kind: t.kind, date: t.date.edtf,
    ...(t.quantity !== undefined && { quantity: t.quantity }),
    ...(t.valueUsd !== undefined && { valueUsd: t.valueUsd }),
    enabledBy: [...t.enabledBy], subjectTo: [...t.subjectTo], backfills: [...t.backfills],
    statusHistory: t.statusHistory.map((h) => ({ status: h.status, date: h.date.edtf, citations: h.citations.map(citationRecord) })),
    citations: t.citations.map(citationRecord),
    ...(t.inferred.length > 0 && { inferred: [...t.inferred] }),
    ...(t.note !== undefined && { note: t.note }),
  };
}

/** An actor or a system as a seed file writes it (with its id: a correction replaces it under the same id). */
export function entityRecord(e: Actor | WeaponSystem): Record<string, unknown> {
  const { citations, ...rest } = e as (Actor | WeaponSystem) & { citations?: readonly Citation[] };
  return { ...rest, aliases: [...e.aliases], ...(citations !== undefined && citations.length > 0 && { citations: citations.map(citationRecord) }) };
}
