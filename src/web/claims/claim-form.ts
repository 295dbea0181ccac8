// The claim dialog: a transfer or an event with its citation, added, or corrected with a reason; the quote checked
// against the source's stored text as it is typed, the API's issues next to their fields, the claim's id once written.
import { gql, GraphQLRequestError } from '../api/client.js';
import type { DashboardCitedSourcesQuery as CitedSourcesPage } from '../api/generated/graphql.js';
import { ADD_EVENT_MUTATION, ADD_TRANSFER_MUTATION, CITED_SOURCES_QUERY, CORRECT_EVENT_MUTATION, CORRECT_TRANSFER_MUTATION } from '../api/queries.js';
import type { CitedSource, ClaimOutcome, EventDetails, EventKind, TransferDetails, TransferKind, TransferStatus } from '../api/types.js';
import { h, replaceChildren } from '../dom.js';
import {
  eventInput, issuesByField, quoteVerdictText, transferInput, type CitationValues, type ClaimField, type ClaimWhat, type QuoteVerdict,
} from './claim-input.js';
import { claimSentence } from './claim-words.js';
import { eventCorrection, transferCorrection, withCarried, type Carried } from './correction.js';
import { FormFields } from './form-fields.js';
import { QuoteChecker } from './quote-checker.js';

const STATUSES: readonly TransferStatus[] = ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL', 'CANCELLED', 'DENIED'];
const KINDS: readonly TransferKind[] = ['UNKNOWN', 'SALE', 'DONATION', 'LOAN', 'REEXPORT', 'BACKFILL', 'LICENSED_PRODUCTION_RETURN'];
const EVENT_KINDS: readonly EventKind[] = ['POLICY_CHANGE', 'ANNOUNCEMENT', 'STATEMENT', 'COMBAT_USE', 'WARNING', 'WAR', 'AID_COMMITMENT', 'PRODUCTION', 'REPORT'];
/** The source select's value for a source the claim adds. */
export const NEW_SOURCE = '(new)';

/** What the form reports back. */
export interface ClaimFormHandlers {
  /** A claim was written (the view shows it next). */
  onWritten(outcome: ClaimOutcome): void;
}

/** The claim dialog (built on first use, appended to the page). */
export class ClaimForm {
  private readonly dialog: HTMLDialogElement;
  private readonly form: HTMLFormElement;
  private readonly fields = new FormFields<ClaimField>();
  private readonly title = h('h2', { id: 'claim-heading' }, 'Add a transfer');
  private readonly transferPart: HTMLFieldSetElement;
  private readonly eventPart: HTMLFieldSetElement;
  private readonly newSource: HTMLFieldSetElement;
  private readonly verdict: HTMLElement;
  private readonly formError = h('p', { id: 'claim-form-error', class: 'form-error', role: 'alert' });
  private readonly result = h('p', { id: 'claim-result', class: 'claim-result', role: 'status' });
  private readonly submit = h('button', { type: 'submit', id: 'claim-submit', class: 'primary' }, 'Add the transfer');
  private sources: Promise<readonly CitedSource[]> | undefined;
  private readonly checker: QuoteChecker;
  /** The part shown: a transfer or an event. */
  private what: ClaimWhat = 'transfer';
  private readonly whatSelect = h('select', { id: 'claim-what', name: 'what' }, h('option', { value: 'transfer' }, 'A transfer'), h('option', { value: 'event' }, 'An event'));
  /** The reason of a correction, shown only then. */
  private readonly reasonPart: HTMLElement;
  /** The fact being corrected and what its correction carries over; undefined while adding. */
  private correcting: { readonly id: string; readonly carried: Carried } | undefined;

  constructor(private readonly handlers: ClaimFormHandlers) {
    const f = this.fields;
    this.verdict = h('p', { id: 'claim-quote-check', class: 'quote-check', 'aria-live': 'polite', 'data-verdict': 'empty' }, quoteVerdictText('empty'));
    this.checker = new QuoteChecker((verdict) => this.showVerdict(verdict));
    this.transferPart = h(
      'fieldset',
      { id: 'claim-transfer' },
      h('legend', {}, 'The transfer'),
      h('div', { class: 'pair' }, f.field('supplier', 'Supplier', f.suggested('supplier', 'ACTOR', 'Japan')), f.field('recipient', 'Recipient', f.suggested('recipient', 'ACTOR', 'Ukraine'))),
      f.field('system', 'System', f.suggested('system', 'WEAPON_SYSTEM', 'Patriot missile')),
      h('div', { class: 'pair' }, f.field('status', 'Status', f.select('status', STATUSES, 'PLANNED')), f.field('kind', 'Kind', f.select('kind', KINDS, 'UNKNOWN'))),
    );
    this.eventPart = h(
      'fieldset',
      { id: 'claim-event', hidden: true },
      h('legend', {}, 'The event'),
      h('div', { class: 'pair' }, f.field('event-kind', 'Kind', f.select('event-kind', EVENT_KINDS, 'ANNOUNCEMENT')), f.field('title', 'Title', f.input('title', { placeholder: 'What happened, in one line' }))),
      h(
        'div',
        { class: 'pair' },
        f.field('actors', 'Actors', f.suggested('actors', 'ACTOR', 'Japan, United States', true), 'Ids or aliases, separated by commas.'),
        f.field('systems', 'Systems (optional)', f.suggested('systems', 'WEAPON_SYSTEM', 'Patriot missile', true)),
      ),
    );
    this.newSource = h(
      'fieldset',
      { id: 'claim-new-source', class: 'new-source', hidden: true },
      h('legend', {}, 'The new source'),
      f.field('source-id', 'Id', f.input('source-id', { placeholder: 'source:bmvg-2024-04-13' }), 'source: and a slug of your choice.'),
      f.field('source-title', 'Title', f.input('source-title')),
      f.field('source-publisher', 'Publisher', f.input('source-publisher')),
      f.field('source-published', 'Published', f.input('source-published', { placeholder: '2024-04-13' }), 'EDTF day or month: 2024-04-13, 2024-04.'),
      f.field('source-url', 'Link (optional)', f.input('source-url', { type: 'url', placeholder: 'https://…' })),
    );
    const what = this.whatSelect;
    this.reasonPart = h('div', { hidden: true }, f.field('reason', 'Why correct it?', f.textarea('reason', 2), 'Required: kept with the claim. The fact as it stands ends today; this version is known from today.'));
    this.form = h(
      'form',
      { id: 'claim-form', novalidate: true },
      this.title,
      h('p', { class: 'help' }, 'Checked as seed files are: nothing is written unless all of it holds. Actors and systems take an id or any alias.'),
      h('div', { class: 'field what' }, h('label', { for: 'claim-what' }, 'What it adds'), what),
      this.transferPart,
      this.eventPart,
      h(
        'div',
        { class: 'pair' },
        f.field('date', 'Date', f.input('date', { placeholder: '2024-01/..' }), 'EDTF: 2024, 2024-04, 2023-12-22, 2024-01/.. (from then on).'),
        f.field('quantity', 'Quantity (optional)', f.input('quantity', { placeholder: '12, 10-20 or dozens' }), 'A number, a range, or the source’s words.'),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'The citation'),
        f.field('source', 'Source', f.select('source', [], '')),
        this.newSource,
        f.field('quote', 'Quote', f.textarea('quote', 3), this.verdict),
        f.field('note', 'Note (optional)', f.textarea('note', 2), 'What the source supports, for a source without stored text.'),
      ),
      this.reasonPart,
      this.formError,
      h('div', { class: 'dialog-actions' }, this.submit, h('button', { type: 'button', id: 'claim-close', onclick: () => this.close() }, 'Close')),
      this.result,
    );
    this.dialog = h('dialog', { id: 'claim-dialog', class: 'claim-dialog', 'aria-labelledby': 'claim-heading' }, this.form);
    document.body.append(this.dialog);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    what.addEventListener('change', () => this.switchTo(what.value === 'event' ? 'event' : 'transfer'));
    f.control('source').addEventListener('change', () => this.sourceChanged());
    f.control('quote').addEventListener('input', () => this.recheck());
    // A refusal's summary goes once the form is edited; a success stays until the next claim.
    this.form.addEventListener('input', () => {
      if (this.result.dataset.claim === undefined) this.result.textContent = '';
    });
  }

  /** Opens the dialog to add a claim (the sources listed on first use), focus on the first field. */
  open(): void {
    if (this.correcting !== undefined) {
      this.correcting = undefined;
      this.whatSelect.disabled = false;
      this.reasonPart.hidden = true;
      this.switchTo(this.what);
    }
    this.show();
  }

  /** Opens the dialog filled with a fact as it stands, to correct it with a reason. */
  correct(fact: TransferDetails | EventDetails): void {
    const what: ClaimWhat = fact.__typename === 'Event' ? 'event' : 'transfer';
    const { values, carried } = fact.__typename === 'Event' ? eventCorrection(fact) : transferCorrection(fact);
    this.whatSelect.value = what;
    this.whatSelect.disabled = true;
    this.switchTo(what);
    this.correcting = { id: fact.id, carried };
    this.reasonPart.hidden = false;
    this.title.textContent = `Correct ${fact.id}`;
    this.submit.textContent = 'Correct it';
    const names: Record<string, ClaimField> = { kind: what === 'event' ? 'event-kind' : 'kind' };
    for (const [name, value] of Object.entries(values)) this.fields.set(names[name] ?? (name as ClaimField), value);
    this.fields.set('reason', '');
    this.result.textContent = '';
    delete this.result.dataset.claim;
    void this.listSources().then(() => {
      // Once the list is in (with the fact's source, were it one the list lacks), the quote is checked as it stands.
      const select = this.fields.control('source') as HTMLSelectElement;
      const first = fact.citations[0]?.source;
      if (first !== undefined && ![...select.options].some((o) => o.value === first.id)) {
        select.options[select.options.length - 1]!.before(h('option', { value: first.id }, `${first.title} (${first.publisher})`));
      }
      this.fields.set('source', values.source);
      this.sourceChanged();
    });
    this.show();
  }

  private show(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.fields.control(this.what === 'event' ? 'event-kind' : 'supplier').focus();
    void this.listSources();
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog.close();
  }

  private switchTo(what: ClaimWhat): void {
    this.what = what;
    this.transferPart.hidden = what !== 'transfer';
    this.eventPart.hidden = what !== 'event';
    this.title.textContent = what === 'event' ? 'Add an event' : 'Add a transfer';
    this.submit.textContent = what === 'event' ? 'Add the event' : 'Add the transfer';
    this.fields.showIssues(new Map(), this.formError);
  }

  /** Lists the sources the seed's and analysts' facts cite, then "A new source". */
  private listSources(): Promise<readonly CitedSource[]> {
    this.sources ??= citedSources().then(
      (sources) => {
        replaceChildren(
          this.fields.control('source'),
          h('option', { value: '' }, 'Pick a source…'),
          sources.map((s) => h('option', { value: s.id, 'data-text': s.textFile ? 'true' : 'false' }, `${s.title} (${s.publisher})${s.textFile ? ' · text stored' : ''}`)),
          h('option', { value: NEW_SOURCE }, 'A new source…'),
        );
        return sources;
      },
      (error: unknown) => {
        this.sources = undefined;
        this.formError.textContent = `The sources could not be listed: ${error instanceof Error ? error.message : String(error)}`;
        return [];
      },
    );
    return this.sources;
  }

  private sourceChanged(): void {
    this.newSource.hidden = this.fields.value('source') !== NEW_SOURCE;
    this.recheck();
  }

  private recheck(): void {
    const source = this.fields.value('source');
    const option = (this.fields.control('source') as HTMLSelectElement).selectedOptions[0];
    this.checker.check(source === NEW_SOURCE ? undefined : source, this.fields.value('quote'), option?.dataset.text === 'false');
  }

  private showVerdict(verdict: QuoteVerdict): void {
    this.verdict.dataset.verdict = verdict;
    this.verdict.textContent = quoteVerdictText(verdict);
  }

  private citation(): CitationValues {
    const v = (name: ClaimField) => this.fields.value(name);
    const isNew = v('source') === NEW_SOURCE;
    return {
      date: v('date'), quantity: v('quantity'), source: isNew ? v('source-id') : v('source'), quote: v('quote'), note: v('note'),
      ...(isNew && { newSource: { title: v('source-title'), publisher: v('source-publisher'), publishedAt: v('source-published'), url: v('source-url') } }),
    };
  }

  /** Sends the claim of the part shown (an addition, or the correction under way); its answer: the claim's outcome. */
  private write(): Promise<ClaimOutcome> {
    const v = (name: ClaimField) => this.fields.value(name);
    const fix = this.correcting;
    if (this.what === 'event') {
      const input = withCarried(eventInput({ ...this.citation(), kind: v('event-kind') as EventKind, title: v('title'), actors: v('actors'), systems: v('systems') }), fix?.carried);
      if (fix !== undefined) return gql(CORRECT_EVENT_MUTATION, { id: fix.id, input, reason: v('reason').trim() }).then((data) => data.correctEvent);
      return gql(ADD_EVENT_MUTATION, { input }).then((data) => data.addEvent);
    }
    const input = withCarried(transferInput({
      ...this.citation(), supplier: v('supplier'), recipient: v('recipient'), system: v('system'), status: v('status') as TransferStatus, kind: v('kind') as TransferKind,
    }), fix?.carried);
    if (fix !== undefined) return gql(CORRECT_TRANSFER_MUTATION, { id: fix.id, input, reason: v('reason').trim() }).then((data) => data.correctTransfer);
    return gql(ADD_TRANSFER_MUTATION, { input }).then((data) => data.addTransfer);
  }

  private async send(): Promise<void> {
    if (this.correcting !== undefined && this.fields.value('reason').trim() === '') {
      this.fields.showIssues(new Map([['reason', ['Say why: a correction needs a reason.']]]), this.formError);
      return;
    }
    this.submit.disabled = true;
    this.result.textContent = 'Writing the claim…';
    delete this.result.dataset.claim;
    this.fields.showIssues(new Map(), this.formError);
    try {
      const outcome = await this.write();
      this.result.dataset.claim = outcome.claim.id;
      this.result.textContent = `Written: ${claimSentence(outcome)}.`;
      this.handlers.onWritten(outcome);
    } catch (error) {
      this.result.textContent = '';
      if (error instanceof GraphQLRequestError && error.issues.length > 0) {
        this.fields.showIssues(issuesByField(error.issues, this.what), this.formError);
        this.result.textContent = `Not written: ${error.issues.length === 1 ? 'one problem' : `${error.issues.length} problems`} to fix.`;
      } else this.fields.showIssues(new Map([['form', [refused(error)]]]), this.formError);
    } finally {
      this.submit.disabled = false;
    }
  }
}

/** A refusal other than the claim's own issues (no token, a reader's token, the server down), in words. */
function refused(error: unknown): string {
  if (!(error instanceof GraphQLRequestError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'UNAUTHENTICATED') return `The server refused the token: ${error.message} Sign in again.`;
  if (error.code === 'FORBIDDEN') return `This token may not write: ${error.message}`;
  return `${error.message} (${error.code})`;
}

/** The sources cited by the seed's and analysts' facts, by title (a few pages of the timeline at most). */
async function citedSources(): Promise<readonly CitedSource[]> {
  const found = new Map<string, CitedSource>();
  let after: string | null = null;
  for (let page = 0; page < 10; page += 1) {
    const { timeline }: CitedSourcesPage = await gql(CITED_SOURCES_QUERY, { first: 100, ...(after !== null && { after }) });
    for (const entry of timeline.nodes) for (const c of entry.citations) found.set(c.source.id, c.source);
    if (!timeline.pageInfo.hasNextPage) break;
    after = timeline.pageInfo.endCursor ?? null;
  }
  return [...found.values()].sort((a, b) => a.title.localeCompare(b.title));
}
