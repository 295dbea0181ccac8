// The claim form's values as the API's TransferClaimInput or EventClaimInput, and the API's issues back onto the
// form's fields: pure functions, unit-tested in test/web/claim-input.test.ts.
import type { FieldIssue } from '../api/client.js';
import type { EventClaimInput, EventKind, QuoteCheck, TransferClaimInput, TransferKind, TransferStatus } from '../api/types.js';

/** What the form adds. */
export type ClaimWhat = 'transfer' | 'event';

/** The fields of the claim form, by their element ids' suffix (`claim-<field>`). */
export type ClaimField =
  | 'what' | 'supplier' | 'recipient' | 'system' | 'status' | 'kind' | 'event-kind' | 'title' | 'actors' | 'systems' | 'date' | 'quantity'
  | 'source' | 'quote' | 'note' | 'source-id' | 'source-title' | 'source-publisher' | 'source-published' | 'source-url' | 'reason';

/** The citation part of the form, as typed. */
export interface CitationValues {
  readonly date: string;
  readonly quantity: string;
  /** The cited source's id: an existing one, or the new source's. */
  readonly source: string;
  readonly quote: string;
  readonly note: string;
  /** A source the claim adds (no stored text), when the form's "A new source" is chosen. */
  readonly newSource?: { readonly title: string; readonly publisher: string; readonly publishedAt: string; readonly url: string };
}

/** What the form holds for a transfer, as typed. */
export interface ClaimFormValues extends CitationValues {
  readonly supplier: string;
  readonly recipient: string;
  readonly system: string;
  readonly status: TransferStatus;
  readonly kind: TransferKind;
}

/** What the form holds for an event, as typed. */
export interface EventFormValues extends CitationValues {
  readonly kind: EventKind;
  readonly title: string;
  /** Ids or aliases, separated by commas. */
  readonly actors: string;
  readonly systems: string;
}

/** A quantity as typed: a whole number (exact), a range `10-20` (or with an en dash), else the source's words. */
export function parseQuantity(text: string): TransferClaimInput['quantity'] {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^\d+$/.test(t)) return { exact: Number(t) };
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t);
  if (range !== null) return { min: Number(range[1]), max: Number(range[2]) };
  return { text: t };
}

const given = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** A comma-separated list as its items (blanks dropped). */
export const listOf = (text: string): string[] => text.split(/[,;]/).map((t) => t.trim()).filter((t) => t !== '');

/** The parts a transfer and an event share: date, quantity, the citation and any new source. */
function common(v: CitationValues): Pick<TransferClaimInput, 'date' | 'quantity' | 'citations' | 'sources'> {
  const quantity = parseQuantity(v.quantity);
  const quote = given(v.quote);
  const note = given(v.note);
  const source = v.source.trim();
  return {
    date: v.date.trim(),
    ...(quantity !== undefined && { quantity }),
    citations: [{ source, ...(quote !== undefined && { quote }), ...(note !== undefined && { note }) }],
    ...(v.newSource !== undefined && {
      sources: [{
        id: source, title: v.newSource.title.trim(), publisher: v.newSource.publisher.trim(), publishedAt: v.newSource.publishedAt.trim(),
        ...(given(v.newSource.url) !== undefined && { url: v.newSource.url.trim() }),
      }],
    }),
  };
}

/** The addTransfer input for the form's values (blank optional fields left out; the server checks the rest). */
export function transferInput(v: ClaimFormValues): TransferClaimInput {
  return { supplier: v.supplier.trim(), recipient: v.recipient.trim(), system: v.system.trim(), status: v.status, kind: v.kind, ...common(v) };
}

/** The addEvent input for the form's values. */
export function eventInput(v: EventFormValues): EventClaimInput {
  const systems = listOf(v.systems);
  return { kind: v.kind, title: v.title.trim(), actors: listOf(v.actors), ...(systems.length > 0 && { systems }), ...common(v) };
}

/** The input fields both mutations share (and a correction's reason) and the form field each is typed in. */
const COMMON_FIELDS: Readonly<Record<string, ClaimField>> = {
  reason: 'reason',
  'input.date': 'date',
  'input.quantity': 'quantity',
  'input.citations': 'quote',
  'input.citations[0]': 'quote',
  'input.citations[0].source': 'source',
  'input.citations[0].quote': 'quote',
  'input.citations[0].note': 'note',
  'input.sources': 'source-id',
  'input.sources[0]': 'source-id',
  'input.sources[0].id': 'source-id',
  'input.sources[0].title': 'source-title',
  'input.sources[0].publisher': 'source-publisher',
  'input.sources[0].publishedAt': 'source-published',
  'input.sources[0].url': 'source-url',
};

/** The input fields of each mutation's argument and the form field each is typed in. */
const FIELD_OF: Readonly<Record<ClaimWhat, Readonly<Record<string, ClaimField>>>> = {
  transfer: {
    ...COMMON_FIELDS, 'input.supplier': 'supplier', 'input.recipient': 'recipient', 'input.system': 'system', 'input.status': 'status', 'input.kind': 'kind',
  },
  event: { ...COMMON_FIELDS, 'input.kind': 'event-kind', 'input.title': 'title', 'input.actors': 'actors', 'input.systems': 'systems' },
};

/**
 * The form field an issue is about (`input.citations[0].quote` → quote; `input.quantity.min` → quantity;
 * `input.actors[1]` → actors), or undefined for an issue of the claim as a whole, shown above the button.
 */
export function fieldOfIssue(field: string, what: ClaimWhat = 'transfer'): ClaimField | undefined {
  let path = field;
  for (;;) {
    const found = FIELD_OF[what][path];
    if (found !== undefined) return found;
    // Up one step: `input.quantity.min` → `input.quantity`, `input.citations[0]` → `input.citations`.
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === path) return undefined;
    path = shorter;
  }
}

/** Issues grouped by the form field they belong to; `form` holds those of the claim as a whole. */
export function issuesByField(issues: readonly FieldIssue[], what: ClaimWhat = 'transfer'): Map<ClaimField | 'form', string[]> {
  const grouped = new Map<ClaimField | 'form', string[]>();
  for (const issue of issues) {
    const key = fieldOfIssue(issue.field, what) ?? 'form';
    grouped.set(key, [...(grouped.get(key) ?? []), issue.message]);
  }
  return grouped;
}

/** What the quote check says under the quote field. */
export type QuoteVerdict = 'empty' | 'checking' | 'found' | 'not-found' | 'no-text' | 'new-source' | 'unknown-source' | 'error';

/** The verdict of a quoteCheck answer for a quote. */
export function quoteVerdict(check: QuoteCheck): QuoteVerdict {
  if (!check.sourceKnown) return 'unknown-source';
  if (!check.hasText) return 'no-text';
  return check.found === true ? 'found' : 'not-found';
}

/** The sentence shown for a verdict. */
export function quoteVerdictText(verdict: QuoteVerdict): string {
  switch (verdict) {
    case 'empty':
      return 'Pick a source and type or paste the quote: it is checked against the stored text as you type.';
    case 'checking':
      return 'Checking the quote…';
    case 'found':
      return 'Quote found in the stored text of the source.';
    case 'not-found':
      return 'Quote not found in the stored text: it must be verbatim (spacing and typographic quotes do not matter).';
    case 'no-text':
      return 'This source has no stored text, so the quote cannot be checked: add a note saying what it supports.';
    case 'new-source':
      return 'A new source has no stored text: add a note (the quote, if any, is kept as written).';
    case 'unknown-source':
      return 'No source has this id: pick one from the list, or choose “A new source”.';
    case 'error':
      return 'The quote could not be checked just now; it is checked again when you submit.';
  }
}
