// A correction from the dashboard: the claim form filled with a fact as it stands, and what the form does not show
// (value, links to other records, note, inferred fields, further citations) carried over unchanged, since a
// correction replaces the fact whole. Pure functions, unit-tested in test/web/correction.test.ts.
import type { Citation, EventClaimInput, EventDetails, Quantity, TransferClaimInput, TransferDetails } from '../api/types.js';
import type { EventFormValues, ClaimFormValues } from './claim-input.js';

/** What a correction keeps of the fact that the form does not show. */
export interface Carried {
  /** The fact's other fields, as the mutation takes them. */
  readonly fields: Partial<TransferClaimInput> & Partial<EventClaimInput>;
  /** Its citations after the first (the form edits the first). */
  readonly citations: NonNullable<TransferClaimInput['citations']>;
}

/** A quantity as the form's field shows it (the inverse of parseQuantity). */
export function quantityField(q: Quantity | null): string {
  if (q === null) return '';
  if (q.exact != null) return String(q.exact);
  if (q.min != null && q.max != null) return `${q.min}-${q.max}`;
  return q.text ?? (q.min != null ? `at least ${q.min}` : q.max != null ? `at most ${q.max}` : '');
}

const citationInput = (c: Citation) => ({
  source: c.source.id, ...(c.quote != null && { quote: c.quote }), ...(c.note != null && { note: c.note }), ...(c.locator != null && { locator: c.locator }),
});

/** The first citation as the form's citation part, with the fact's date and quantity. */
function citationPart(fact: { readonly date: { readonly edtf: string }; readonly quantity: Quantity | null; readonly citations: readonly Citation[] }) {
  const first = fact.citations[0];
  return { date: fact.date.edtf, quantity: quantityField(fact.quantity), source: first?.source.id ?? '', quote: first?.quote ?? '', note: first?.note ?? '' };
}

/** Fields both kinds carry over when present. */
function common(fact: TransferDetails | EventDetails): Carried['fields'] {
  const value = fact.valueUsd;
  return {
    ...(value != null && { valueUsd: { ...(value.min != null && { min: value.min }), ...(value.max != null && { max: value.max }), ...(value.text != null && { text: value.text }) } }),
    ...(fact.note != null && { note: fact.note }),
    ...(fact.inferredFields.length > 0 && { inferred: fact.inferredFields }),
  };
}

/** The form's values for a transfer as it stands, and what the correction carries over. */
export function transferCorrection(t: TransferDetails): { values: ClaimFormValues; carried: Carried } {
  const ids = (refs: readonly { readonly id: string }[]) => refs.map((r) => r.id);
  return {
    values: { supplier: t.supplier.id, recipient: t.recipient.id, system: t.system.id, status: t.status, kind: t.transferKind, ...citationPart(t) },
    carried: {
      fields: {
        ...common(t),
        ...(t.enabledBy.length > 0 && { enabledBy: ids(t.enabledBy) }),
        ...(t.subjectTo.length > 0 && { subjectTo: ids(t.subjectTo) }),
        ...(t.backfills.length > 0 && { backfills: ids(t.backfills) }),
      },
      citations: t.citations.slice(1).map(citationInput),
    },
  };
}

/** The form's values for an event as it stands, and what the correction carries over. */
export function eventCorrection(e: EventDetails): { values: EventFormValues; carried: Carried } {
  return {
    values: { kind: e.eventKind, title: e.title, actors: e.actors.map((a) => a.id).join(', '), systems: e.systems.map((s) => s.id).join(', '), ...citationPart(e) },
    carried: { fields: common(e), citations: e.citations.slice(1).map(citationInput) },
  };
}

/** The input the form built, with what the correction carries over (the form's fields win; its citation first). */
export function withCarried<T extends TransferClaimInput | EventClaimInput>(input: T, carried: Carried | undefined): T {
  if (carried === undefined) return input;
  return { ...carried.fields, ...input, citations: [...input.citations, ...carried.citations] };
}
