// Analysts' claims on the dashboard (issue [15]): the sign-in, the claim form, the claims part of a fact's details,
// the live change feed, and what each does to the view on screen.
import type { ClaimOutcome, NodeDetails } from '../api/types.js';
import { byId, type Child } from '../dom.js';
import { Account } from './account.js';
import { canWrite, type AuthSession } from './auth-session.js';
import { ChangeFeed } from './change-feed.js';
import { ClaimForm } from './claim-form.js';
import { claimActors, claimSentence } from './claim-words.js';
import { factClaims } from './fact-claims.js';

/** What the claims ask of the graph view. */
export interface ClaimsHost {
  /** Asks the view's question again; `keepSelection` false drops the selection (a retracted fact). */
  refresh(keepSelection: boolean): void;
  /** Whether the view shows any of these actors. */
  shows(actorIds: readonly string[]): boolean;
  /** Adds a part under the details of every node (and shows the selection again with it). */
  setFactFooter(render: (node: NodeDetails) => Child): void;
}

/** Wires the claims to the page and the graph view; `refusal`: why a token kept in the tab was refused. */
export function startClaims(host: ClaimsHost, session: AuthSession, refusal: string | undefined): void {
  const live = byId('claims-live');
  /** Claims already acted on (this page's own arrive twice: its answer and the feed). */
  const seen = new Set<string>();
  const root = byId('app');

  const arrived = (outcome: ClaimOutcome, own: boolean) => {
    if (seen.has(outcome.claim.id)) return;
    seen.add(outcome.claim.id);
    live.textContent = claimSentence(outcome);
    root.dataset.lastClaim = outcome.claim.id;
    if (own || host.shows(claimActors(outcome))) host.refresh(outcome.claim.op === 'ADD');
  };

  let form: ClaimForm | undefined;
  const claimForm = () => (form ??= new ClaimForm({ onWritten: (outcome) => arrived(outcome, true) }));
  const account = new Account(session, { onAddClaim: () => claimForm().open() });
  const feed = new ChangeFeed({
    onClaim: (outcome) => arrived(outcome, false),
    onState: (state, detail) => {
      root.dataset.feed = state;
      if (detail) root.dataset.feedDetail = detail;
      else delete root.dataset.feedDetail;
    },
  });
  const footer = (node: NodeDetails) => factClaims(node, {
    canWrite: () => canWrite(session.principal),
    onRetracted: (outcome) => arrived(outcome, true),
    onCorrect: (fact) => claimForm().correct(fact),
  });
  host.setFactFooter(footer);
  session.onChange(() => {
    feed.connect(session.token);
    // The selection's details again, with or without "Retract…".
    host.setFactFooter(footer);
    // A view refused without a token (anonymous reading off) is asked again with it.
    if (root.dataset.state === 'error') host.refresh(true);
  });
  if (refusal !== undefined) account.refused(refusal);
  account.render();
  feed.connect(session.token);
}
