// The "committed vs delivered" card: a recipient's Kiel commitments, SIPRI deliveries and article claims per donor and
// family, as a table whose donor names select the donor in the graph view.
import type { Reconciliation, ReconcileRow } from '../api/types.js';
import { h, replaceChildren } from '../dom.js';
import { figureTable, nameCell } from './chart-frame.js';

/** Words for the statuses. */
const STATUS_TEXT: Record<ReconcileRow['status'], string> = {
  DELIVERED_IN_FULL: 'delivered in full',
  PARTLY_DELIVERED: 'partly delivered',
  COMMITTED_NOT_SEEN_DELIVERED: 'committed, no delivery seen',
  DELIVERED_NOT_SEEN_COMMITTED: 'delivered, no commitment seen',
  CLAIMED_ONLY: 'claimed only',
};

/** The rows the card shows: those with a commitment or a claim (deliveries alone are SIPRI's own view). */
export function committedRows(answer: Reconciliation): ReconcileRow[] {
  return answer.rows.filter((r) => r.committed !== null || r.claims.length > 0);
}

const delivered = (r: ReconcileRow) =>
  r.delivered === null && r.deliveredByYear.length === 0
    ? '—'
    : `${r.delivered ?? '?'}${r.deliveredByYear.length > 0 ? ` (${r.deliveredByYear.map((y) => `${y.year}: ${y.units ?? '?'}${y.estimated ? '~' : ''}`).join(', ')})` : ''}`;

const cited = (r: ReconcileRow) => {
  const locators = [...r.commitments, ...r.deliveries].flatMap((f) => f.citations.map((c) => c.locator)).filter((l): l is string => !!l);
  const quotes = r.claims.length;
  return [...new Set(locators)].join(', ') + (quotes > 0 ? `${locators.length > 0 ? '; ' : ''}${quotes} article claim${quotes === 1 ? '' : 's'}` : '');
};

/** Fills the card's body with the table (or says why there is none) and marks it ready. */
export function showReconcile(body: HTMLElement, answer: Reconciliation, onActor: (id: string) => void): void {
  const rows = committedRows(answer);
  const left = answer.rows.length - rows.length;
  if (rows.length === 0) {
    replaceChildren(body, h('p', { class: 'trend-message' }, `No commitments to ${answer.recipient.name} in the loaded data: serve a Kiel Ukraine Support Tracker release with it (armsgraph --kiel DIR serve).`));
    body.dataset.state = 'empty';
    return;
  }
  const disagree = rows.filter((r) => r.agreement === 'DISAGREES').length;
  replaceChildren(
    body,
    h('p', { class: 'trend-summary', id: 'reconcile-summary' },
      `${rows.length} donor and family rows with a commitment (Kiel) or an article claim for ${answer.recipient.name}; Kiel and SIPRI disagree on ${disagree}. ` +
      `Units are compared like with like (a Patriot battery with SAM systems, not with missiles).${left > 0 ? ` ${left} rows with SIPRI deliveries only are left out.` : ''}`),
    figureTable(
      `Committed vs delivered to ${answer.recipient.name}, per donor and family`,
      ['Donor', 'Family', 'Unit', 'Committed (Kiel)', 'Delivered (SIPRI)', 'Status', 'Sources', 'Cited'],
      rows.map((r) => [
        nameCell(r.donor.name, () => onActor(r.donor.id)), r.label, r.unit, r.committed === null ? '—' : String(r.committed), delivered(r),
        STATUS_TEXT[r.status] + (r.agreement === 'DISAGREES' ? ' (sources disagree)' : ''), r.sources.join(', '), cited(r),
      ]),
    ),
  );
  body.dataset.state = 'ready';
}
