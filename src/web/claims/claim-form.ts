// The "Add a claim" dialog: a transfer with its citation, the quote checked against the source's stored text as it
// is typed, the API's issues shown next to their fields, and the new claim's id once it is written.
import { gql, GraphQLRequestError } from '../api/client.js';
import { ADD_TRANSFER_MUTATION, CITED_SOURCES_QUERY, SEARCH_QUERY } from '../api/queries.js';
import type { DashboardCitedSourcesQuery as CitedSourcesPage } from '../api/generated/graphql.js';
import type { CitedSource, ClaimOutcome, TransferKind, TransferStatus } from '../api/types.js';
import { h, replaceChildren } from '../dom.js';
import { issuesByField, quoteVerdictText, transferInput, type ClaimField, type ClaimFormValues, type QuoteVerdict } from './claim-input.js';
import { QuoteChecker } from './quote-checker.js';

const STATUSES: readonly TransferStatus[] = ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL', 'CANCELLED', 'DENIED'];
const KINDS: readonly TransferKind[] = ['UNKNOWN', 'SALE', 'DONATION', 'LOAN', 'REEXPORT', 'BACKFILL', 'LICENSED_PRODUCTION_RETURN'];
/** The source select's value for a source the claim adds. */
export const NEW_SOURCE = '(new)';
/** Milliseconds of quiet typing before the actor and system lists are asked for. */
const SUGGEST_DEBOUNCE_MS = 250;

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/** What the form reports back. */
export interface ClaimFormHandlers {
  /** A claim was written (the view shows it next). */
  onWritten(outcome: ClaimOutcome): void;
}

/** The claim dialog (built on first use, appended to the page). */
export class ClaimForm {
  private readonly dialog: HTMLDialogElement;
  private readonly form: HTMLFormElement;
  private readonly controls = new Map<ClaimField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  private readonly errors = new Map<ClaimField, HTMLElement>();
  private readonly newSource: HTMLFieldSetElement;
  private readonly verdict: HTMLElement;
  private readonly formError: HTMLElement;
  private readonly result: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private sources: Promise<readonly CitedSource[]> | undefined;
  private readonly checker: QuoteChecker;

  constructor(private readonly handlers: ClaimFormHandlers) {
    this.verdict = h('p', { id: 'claim-quote-check', class: 'quote-check', 'aria-live': 'polite', 'data-verdict': 'empty' }, quoteVerdictText('empty'));
    this.checker = new QuoteChecker((verdict) => this.showVerdict(verdict));
    this.newSource = h(
      'fieldset',
      { id: 'claim-new-source', class: 'new-source', hidden: true },
      h('legend', {}, 'The new source'),
      this.field('source-id', 'Id', this.input('source-id', { placeholder: 'source:bmvg-2024-04-13' }), 'source: and a slug of your choice.'),
      this.field('source-title', 'Title', this.input('source-title')),
      this.field('source-publisher', 'Publisher', this.input('source-publisher')),
      this.field('source-published', 'Published', this.input('source-published', { placeholder: '2024-04-13' }), 'EDTF day or month: 2024-04-13, 2024-04.'),
      this.field('source-url', 'Link (optional)', this.input('source-url', { type: 'url', placeholder: 'https://…' })),
    );
    this.formError = h('p', { id: 'claim-form-error', class: 'form-error', role: 'alert' });
    this.result = h('p', { id: 'claim-result', class: 'claim-result', role: 'status' });
    this.submit = h('button', { type: 'submit', id: 'claim-submit', class: 'primary' }, 'Add the transfer');
    this.form = h(
      'form',
      { id: 'claim-form', novalidate: true },
      h('h2', { id: 'claim-title' }, 'Add a transfer'),
      h('p', { class: 'help' }, 'Checked as seed files are: nothing is written unless all of it holds. Actors and systems take an id or any alias.'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'The transfer'),
        h('div', { class: 'pair' }, this.field('supplier', 'Supplier', this.suggested('supplier', 'ACTOR', 'Japan')), this.field('recipient', 'Recipient', this.suggested('recipient', 'ACTOR', 'Ukraine'))),
        this.field('system', 'System', this.suggested('system', 'WEAPON_SYSTEM', 'Patriot missile')),
        h('div', { class: 'pair' }, this.field('status', 'Status', this.select('status', STATUSES, 'PLANNED')), this.field('kind', 'Kind', this.select('kind', KINDS, 'UNKNOWN'))),
        h(
          'div',
          { class: 'pair' },
          this.field('date', 'Date', this.input('date', { placeholder: '2024-01/..' }), 'EDTF: 2024, 2024-04, 2023-12-22, 2024-01/.. (from then on).'),
          this.field('quantity', 'Quantity (optional)', this.input('quantity', { placeholder: '12, 10-20 or dozens' }), 'A number, a range, or the source’s words.'),
        ),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'The citation'),
        this.field('source', 'Source', this.select('source', [], '')),
        this.newSource,
        this.field('quote', 'Quote', this.textarea('quote', 3), this.verdict),
        this.field('note', 'Note (optional)', this.textarea('note', 2), 'What the source supports, for a source without stored text.'),
      ),
      this.formError,
      h('div', { class: 'dialog-actions' }, this.submit, h('button', { type: 'button', id: 'claim-close', onclick: () => this.close() }, 'Close')),
      this.result,
    );
    this.dialog = h('dialog', { id: 'claim-dialog', class: 'claim-dialog', 'aria-labelledby': 'claim-title' }, this.form);
    document.body.append(this.dialog);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.control('source').addEventListener('change', () => this.sourceChanged());
    this.control('quote').addEventListener('input', () => this.recheck());
    // A refusal's summary goes once the form is edited; a success stays until the next claim.
    this.form.addEventListener('input', () => {
      if (this.result.dataset.claim === undefined) this.result.textContent = '';
    });
  }

  /** Opens the dialog (the sources listed on first use), focus on the first field. */
  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.control('supplier').focus();
    void this.listSources();
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog.close();
  }

  private control(field: ClaimField): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
    return this.controls.get(field)!;
  }

  private value(field: ClaimField): string {
    return this.control(field).value;
  }

  /**
   * A label, its control, a help line (or a live line such as the quote check) and the line for the API's issues,
   * tied together for screen readers. Editing the control clears its issues.
   */
  private field(name: ClaimField, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, help?: string | HTMLElement): HTMLElement {
    const error = h('p', { id: `claim-${name}-error`, class: 'field-error', hidden: true });
    this.errors.set(name, error);
    const helper = typeof help === 'string' ? h('p', { id: `claim-${name}-help`, class: 'help' }, help) : help;
    control.setAttribute('aria-describedby', [helper?.id, error.id].filter(Boolean).join(' '));
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      error.hidden = true;
      control.removeAttribute('aria-invalid');
    });
    return h('div', { class: 'field', 'data-field': name }, h('label', { for: control.id }, label), control, helper, error);
  }

  private input(name: ClaimField, attrs: Record<string, string> = {}): HTMLInputElement {
    const el = h('input', { id: `claim-${name}`, name, autocomplete: 'off', spellcheck: 'false', ...attrs });
    this.controls.set(name, el);
    return el;
  }

  private textarea(name: ClaimField, rows: number): HTMLTextAreaElement {
    const el = h('textarea', { id: `claim-${name}`, name, rows });
    this.controls.set(name, el);
    return el;
  }

  private select(name: ClaimField, values: readonly string[], selected: string): HTMLSelectElement {
    const el = h('select', { id: `claim-${name}`, name }, values.map((v) => h('option', { value: v, selected: v === selected }, words(v))));
    this.controls.set(name, el);
    return el;
  }

  /** An input whose suggestions (names and aliases of one type) come from `search` as it is typed. */
  private suggested(name: ClaimField, type: 'ACTOR' | 'WEAPON_SYSTEM', placeholder: string): HTMLInputElement {
    const list = h('datalist', { id: `claim-${name}-list` });
    const el = this.input(name, { list: list.id, placeholder });
    let timer: ReturnType<typeof setTimeout> | undefined;
    el.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const text = el.value.trim();
        if (text.length < 2) return;
        gql(SEARCH_QUERY, { text, first: 12 }).then(
          ({ search }) => replaceChildren(list, search.filter((hit) => hit.type === type).map((hit) => h('option', { value: hit.name }, hit.node.id))),
          () => undefined, // suggestions only: the claim itself reports unknown names
        );
      }, SUGGEST_DEBOUNCE_MS);
    });
    el.after(list);
    return el;
  }

  /** Lists the sources the seed's and analysts' facts cite, then "A new source". */
  private listSources(): Promise<readonly CitedSource[]> {
    this.sources ??= citedSources().then(
      (sources) => {
        const select = this.control('source') as HTMLSelectElement;
        replaceChildren(
          select,
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
    this.newSource.hidden = this.value('source') !== NEW_SOURCE;
    this.recheck();
  }

  private recheck(): void {
    const source = this.value('source');
    const option = (this.control('source') as HTMLSelectElement).selectedOptions[0];
    this.checker.check(source === NEW_SOURCE ? undefined : source, this.value('quote'), option?.dataset.text === 'false');
  }

  private showVerdict(verdict: QuoteVerdict): void {
    this.verdict.dataset.verdict = verdict;
    this.verdict.textContent = quoteVerdictText(verdict);
  }

  private values(): ClaimFormValues {
    const isNew = this.value('source') === NEW_SOURCE;
    return {
      supplier: this.value('supplier'), recipient: this.value('recipient'), system: this.value('system'),
      status: this.value('status') as TransferStatus, kind: this.value('kind') as TransferKind,
      date: this.value('date'), quantity: this.value('quantity'),
      source: isNew ? this.value('source-id') : this.value('source'), quote: this.value('quote'), note: this.value('note'),
      ...(isNew && {
        newSource: { title: this.value('source-title'), publisher: this.value('source-publisher'), publishedAt: this.value('source-published'), url: this.value('source-url') },
      }),
    };
  }

  /** Shows each issue under its field (the first such field focused), the rest above the button. */
  private showIssues(byField: Map<ClaimField | 'form', string[]>): void {
    let first: HTMLElement | undefined;
    for (const [field, error] of this.errors) {
      const messages = byField.get(field) ?? [];
      error.hidden = messages.length === 0;
      error.textContent = messages.join(' · ');
      const control = this.control(field);
      if (messages.length > 0) {
        control.setAttribute('aria-invalid', 'true');
        first ??= control;
      } else control.removeAttribute('aria-invalid');
    }
    const general = byField.get('form') ?? [];
    this.formError.textContent = general.join(' · ');
    first?.focus();
  }

  private async send(): Promise<void> {
    this.submit.disabled = true;
    this.result.textContent = 'Writing the claim…';
    this.showIssues(new Map());
    try {
      const { addTransfer } = await gql(ADD_TRANSFER_MUTATION, { input: transferInput(this.values()) });
      const written = addTransfer.written.map((n) => n.id).join(', ');
      this.result.dataset.claim = addTransfer.claim.id;
      this.result.textContent = `Written: ${addTransfer.claim.id} by ${addTransfer.claim.by} added ${written}.`;
      this.handlers.onWritten(addTransfer);
    } catch (error) {
      this.result.textContent = '';
      delete this.result.dataset.claim;
      if (error instanceof GraphQLRequestError && error.issues.length > 0) {
        this.showIssues(issuesByField(error.issues));
        this.result.textContent = `Not written: ${error.issues.length === 1 ? 'one problem' : `${error.issues.length} problems`} to fix.`;
      } else this.showIssues(new Map([['form', [refused(error)]]]));
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
