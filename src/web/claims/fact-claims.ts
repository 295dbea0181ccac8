// The claims part of a fact's details: until when it was believed, who wrote it and when, its versions, and, for
// editors, "Correct…" (the claim form, filled) and "Retract…" with a required reason.
import { gql, GraphQLRequestError } from '../api/client.js';
import { FACT_HISTORY_QUERY, RETRACT_MUTATION } from '../api/queries.js';
import type { ClaimOutcome, ClaimStamp, EventDetails, FactVersion, NodeDetails, TransferDetails } from '../api/types.js';
import { h, replaceChildren, type Child } from '../dom.js';

/** What the part asks of the page, and tells it. */
export interface FactClaimsHandlers {
  /** Whether the signed-in token may write. */
  canWrite(): boolean;
  /** A fact was retracted (the view refreshes next). */
  onRetracted(outcome: ClaimOutcome): void;
  /** "Correct…": opens the claim form filled with the fact. */
  onCorrect(fact: TransferDetails | EventDetails): void;
}

/** A claim stamp in words: who and when (UTC), and the claim's id. */
export function stampText(stamp: ClaimStamp): string {
  return `${stamp.by}, ${stamp.recordedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} (${stamp.id})`;
}

const versionText = (v: FactVersion) => {
  if (v.__typename !== 'Transfer' && v.__typename !== 'Event') return v.id;
  const stamp = v.claim ? ` · ${v.claim.id} by ${v.claim.by}` : ' · from the seed or an import';
  return `${v.id}: known ${v.knownSince} → ${v.knownUntil ?? 'now'}${stamp}`;
};

/** The part for a transfer or an event (nothing for other nodes). */
export function factClaims(node: NodeDetails, handlers: FactClaimsHandlers): Child {
  if (node.__typename !== 'Transfer' && node.__typename !== 'Event') return null;
  const writable = handlers.canWrite() && node.knownUntil == null;
  const history = h('div', { id: 'fact-history', class: 'fact-history' });
  const historyButton = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false', 'aria-controls': 'fact-history' }, 'History');
  historyButton.addEventListener('click', () => {
    const open = historyButton.getAttribute('aria-expanded') !== 'true';
    historyButton.setAttribute('aria-expanded', String(open));
    if (!open) return replaceChildren(history);
    replaceChildren(history, h('p', { class: 'hint' }, 'Loading its versions…'));
    gql(FACT_HISTORY_QUERY, { id: node.id }).then(
      ({ factHistory }) => replaceChildren(history, h('ol', { class: 'versions' }, factHistory.map((v) => h('li', { 'data-id': v.id }, versionText(v))))),
      (error: unknown) => replaceChildren(history, h('p', { class: 'form-error' }, `The history could not be loaded: ${error instanceof Error ? error.message : String(error)}`)),
    );
  });
  return h(
    'section',
    { class: 'fact-claims', 'aria-labelledby': 'fact-claims-title' },
    h('h4', { id: 'fact-claims-title' }, 'Known, written, retracted'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Known'),
      h('dd', { 'data-known-until': node.knownUntil ?? '' }, node.knownUntil ? `${node.knownSince} to ${node.knownUntil} (retracted or corrected)` : `since ${node.knownSince}, still believed`),
      h('dt', {}, 'Written by'),
      h('dd', { class: 'stamp' }, node.claim ? stampText(node.claim) : 'the seed files or an import, not a claim'),
      node.claim?.supersedes ? [h('dt', {}, 'Replaces'), h('dd', {}, node.claim.supersedes)] : null,
    ),
    h(
      'div',
      { class: 'fact-actions' },
      historyButton,
      writable ? h('button', { type: 'button', class: 'small', id: 'correct-open', onclick: () => handlers.onCorrect(node) }, 'Correct…') : null,
      writable ? retractControl(node.id, handlers) : null,
    ),
    history,
    !handlers.canWrite() ? h('p', { class: 'hint' }, 'Sign in with an editor’s token to correct or retract it.') : null,
  );
}

/** "Retract…": opens a small form asking why (required), then retracts. */
function retractControl(id: string, handlers: FactClaimsHandlers): Child {
  const reason = h('textarea', { id: 'retract-reason', rows: 2, required: true, 'aria-describedby': 'retract-help retract-error' });
  const error = h('p', { id: 'retract-error', class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'danger' }, 'Retract');
  const form = h(
    'form',
    { id: 'retract-form', class: 'retract-form', novalidate: true, hidden: true },
    h('label', { for: 'retract-reason' }, 'Why retract it?'),
    reason,
    h('p', { id: 'retract-help', class: 'help' }, 'Required: kept with the claim. The fact leaves today’s answers and stays in its history.'),
    error,
    h('div', { class: 'dialog-actions' }, submit, h('button', { type: 'button', onclick: () => toggle(false) }, 'Cancel')),
  );
  const open = h('button', { type: 'button', class: 'small', id: 'retract-open', 'aria-expanded': 'false', 'aria-controls': 'retract-form' }, 'Retract…');
  const toggle = (show: boolean) => {
    form.hidden = !show;
    open.setAttribute('aria-expanded', String(show));
    (show ? reason : open).focus();
  };
  open.addEventListener('click', () => toggle(form.hidden));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (reason.value.trim() === '') {
      reason.setAttribute('aria-invalid', 'true');
      error.textContent = 'Say why: a retraction needs a reason.';
      reason.focus();
      return;
    }
    reason.removeAttribute('aria-invalid');
    error.textContent = '';
    submit.disabled = true;
    gql(RETRACT_MUTATION, { id, reason: reason.value.trim() }).then(
      ({ retract }) => handlers.onRetracted(retract),
      (e: unknown) => {
        submit.disabled = false;
        error.textContent = e instanceof GraphQLRequestError
          ? (e.issues.length > 0 ? e.issues.map((i) => i.message).join(' · ') : `${e.message} (${e.code})`)
          : String(e);
      },
    );
  });
  return [open, form];
}
