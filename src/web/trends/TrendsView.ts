// The Trends view: shares over periods, a recipient's supplier mix over time and delivery lags, each with its controls,
// drawn with Observable Plot from the API's transferTrends, dependence and deliveryLags.
import { GraphQLRequestError } from '../api/client.js';
import type { Dependence, Lags, Reconciliation, Trends } from '../api/types.js';
import { byId, h, replaceChildren } from '../dom.js';
import { showChart, showMessage, type ChartParts } from './chart-frame.js';
import { lagsChart } from './lags-chart.js';
import { mixChart } from './mix-chart.js';
import { sharesChart } from './shares-chart.js';
import { GROUPING_NOUN, hasTiv } from './trend-rows.js';
import { loadDependence, loadLags, loadReconcile, loadShares, loadYearSpan, RECIPIENTS_TOP } from './trends-load.js';
import { showReconcile } from './reconcile-table.js';
import { GROUPINGS, periodChoices, periodKey, periodsFor, periodText, type Period, type TrendsState, type YearSpan } from './trends-state.js';

/** What the view reports back. */
export interface TrendsHandlers {
  /** A bar (or a table's name) for an actor was activated: select it in the graph view. */
  onActor(id: string): void;
  /** The controls changed the state (the URL follows). */
  onState(state: TrendsState): void;
}

/** The three charts, and the committed-vs-delivered table of the mix's recipient. */
type Part = 'shares' | 'mix' | 'lags' | 'reconcile';
const PARTS: readonly Part[] = ['shares', 'mix', 'lags', 'reconcile'];

/** The recipient whose mix is drawn by default, when the data has it. */
const DEFAULT_RECIPIENT = 'UA';

/** Said instead of charts when the data has no TIV (the seed alone). */
export const NO_TIV_MESSAGE =
  'No SIPRI trend-indicator values (TIV) in the loaded data, so there are no trends to draw: the seed\'s article facts carry no TIV. ' +
  'Serve the SIPRI export with it (armsgraph --sipri FILE serve) to see shares over periods, supplier mixes and delivery lags.';

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';
const errorText = (e: unknown) => (e instanceof GraphQLRequestError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e));

/** Renders the Trends view into #trends. */
export class TrendsView {
  private state: TrendsState | undefined;
  private span: Promise<YearSpan | undefined> | undefined;
  private periods: Period[] = [];
  private readonly answers: { shares?: Trends; mix?: Dependence; lags?: Lags; reconcile?: Reconciliation } = {};
  private readonly running = new Map<Part, AbortController>();
  /** Recipients offered in the mix's picker, for the periods they were listed for. */
  private recipients: { periods: string; list: Promise<Trends> } | undefined;
  private readonly widths = new Map<Part, number>();

  private readonly root = byId('trends');
  private readonly status = byId('trends-status');
  private readonly message = byId('trends-message');
  private readonly cards = byId('trend-cards');
  private readonly periodsSelect = byId<HTMLSelectElement>('trend-periods');
  private readonly sharesBy = byId<HTMLSelectElement>('shares-by');
  private readonly recipientInput = byId<HTMLInputElement>('mix-recipient');
  private readonly recipientList = byId<HTMLDataListElement>('mix-recipients');
  private readonly lagsBy = byId<HTMLSelectElement>('lags-by');
  private readonly lagsOrdered = byId<HTMLSelectElement>('lags-ordered');
  private readonly bodies: Record<Part, HTMLElement> = {
    shares: byId('shares-body'), mix: byId('mix-body'), lags: byId('lags-body'), reconcile: byId('reconcile-body'),
  };

  constructor(private readonly handlers: TrendsHandlers) {
    for (const select of [this.sharesBy, this.lagsBy]) replaceChildren(select, GROUPINGS.map((g) => h('option', { value: g }, GROUPING_NOUN[g])));
    const change = (patch: Partial<TrendsState>) => {
      if (this.state === undefined) return;
      const next = { ...this.state, ...patch };
      this.handlers.onState(next);
      this.show(next);
    };
    this.periodsSelect.addEventListener('change', () => change({ periods: Number(this.periodsSelect.value), ordered: '' }));
    this.sharesBy.addEventListener('change', () => change({ by: this.sharesBy.value as TrendsState['by'] }));
    this.lagsBy.addEventListener('change', () => change({ lagsBy: this.lagsBy.value as TrendsState['lagsBy'] }));
    this.lagsOrdered.addEventListener('change', () => change({ ordered: this.lagsOrdered.value }));
    byId<HTMLFormElement>('mix-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = this.recipientInput.value.trim();
      // A name picked from the list stands for its id.
      const option = [...this.recipientList.options].find((o) => o.value === typed);
      change({ recipient: option?.dataset.id ?? typed });
    });
    // Charts are drawn to their card's width: draw again when it changes.
    new ResizeObserver(() => this.redraw()).observe(this.cards);
  }

  /** Shows a state: loads what it changes (everything the first time) and draws it. */
  show(state: TrendsState): void {
    const before = this.state;
    this.state = state;
    this.write(state);
    const periodsChanged = before === undefined || before.periods !== state.periods;
    const parts = PARTS.filter((part) => {
      if (periodsChanged) return true;
      if (part === 'shares') return before.by !== state.by;
      if (part === 'mix' || part === 'reconcile') return before.recipient !== state.recipient;
      return before.lagsBy !== state.lagsBy || before.ordered !== state.ordered;
    });
    if (parts.length > 0) void this.load(state, parts);
  }

  /** Sets the controls to a state. */
  private write(state: TrendsState): void {
    this.sharesBy.value = state.by;
    this.lagsBy.value = state.lagsBy;
    if (state.recipient && document.activeElement !== this.recipientInput) {
      const option = [...this.recipientList.options].find((o) => o.dataset.id === state.recipient);
      this.recipientInput.value = option?.value ?? state.recipient;
    }
  }

  private async load(state: TrendsState, parts: readonly Part[]): Promise<void> {
    this.root.dataset.state = 'loading';
    const signals = new Map<Part, AbortSignal>();
    for (const part of parts) {
      this.running.get(part)?.abort();
      const controller = new AbortController();
      this.running.set(part, controller);
      signals.set(part, controller.signal);
      showMessage(this.bodies[part], 'Loading…', 'loading');
    }
    this.status.textContent = 'Loading the trends…';
    let span: YearSpan | undefined;
    try {
      // Asked once: the years on record do not change while the page is open.
      this.span ??= loadYearSpan(new AbortController().signal);
      span = await this.span;
    } catch (error) {
      this.span = undefined;
      this.fail(error);
      return;
    }
    if ([...signals.values()].every((s) => s.aborted)) return;
    if (span === undefined) {
      this.empty();
      return;
    }
    this.message.hidden = true;
    this.cards.hidden = false;
    this.periods = periodsFor(span, state.periods);
    this.writePeriods(span, state);
    this.status.textContent = `SIPRI TIV (trend-indicator values) on record ${span.first}–${span.last}; ${this.periods.length === 1 ? 'one period' : `${this.periods.length} five-year periods`}: ${this.periods.map(periodText).join(', ')}.`;
    await Promise.all(parts.map((part) => this.loadPart(part, state, signals.get(part)!)));
  }

  private async loadPart(part: Part, state: TrendsState, signal: AbortSignal): Promise<void> {
    try {
      if (part === 'shares') this.answers.shares = await loadShares(state.by, this.periods, signal);
      else if (part === 'mix') this.answers.mix = await loadDependence(await this.recipient(state, signal), this.periods, signal);
      else if (part === 'reconcile') this.answers.reconcile = await loadReconcile(await this.recipient(state, signal), signal);
      else {
        const ordered = this.periods.find((p) => periodKey(p) === state.ordered);
        this.answers.lags = await loadLags(state.lagsBy, ordered, signal);
      }
      if (signal.aborted) return;
      this.draw(part);
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      const text = error instanceof GraphQLRequestError && error.code === 'NOT_FOUND' && (part === 'mix' || part === 'reconcile')
        ? `${errorText(error)}. Pick a recipient from the list, or type an id or a name.`
        : `Could not load this chart: ${errorText(error)}`;
      showMessage(this.bodies[part], text, 'error');
      if (part === 'mix') this.recipientInput.setAttribute('aria-invalid', 'true');
    }
    this.settle();
  }

  /** Marks the view ready (or in error) once no chart is loading. */
  private settle(): void {
    const states = PARTS.map((p) => this.bodies[p].dataset.state);
    if (states.includes('loading')) return;
    this.root.dataset.state = states.includes('error') ? 'error' : 'ready';
  }

  /** The recipient of the mix: the state's, else Ukraine when listed, else the top recipient. Fills the picker. */
  private async recipient(state: TrendsState, signal: AbortSignal): Promise<string> {
    const key = this.periods.map(periodKey).join(',');
    if (this.recipients?.periods !== key) {
      // Not aborted with the chart: a later recipient in the same periods uses the same list.
      this.recipients = { periods: key, list: loadShares('RECIPIENT', this.periods, new AbortController().signal, RECIPIENTS_TOP) };
      this.recipients.list.catch(() => {
        if (this.recipients?.periods === key) this.recipients = undefined;
      });
    }
    const list = (await this.recipients.list).groups;
    replaceChildren(this.recipientList, list.map((g) => h('option', { value: g.label, 'data-id': g.key })));
    const id = state.recipient || (list.some((g) => g.key === DEFAULT_RECIPIENT) ? DEFAULT_RECIPIENT : list[0]?.key ?? DEFAULT_RECIPIENT);
    this.recipientInput.removeAttribute('aria-invalid');
    return id;
  }

  private writePeriods(span: YearSpan, state: TrendsState): void {
    const choices = periodChoices(span);
    replaceChildren(
      this.periodsSelect,
      Array.from({ length: choices }, (_, i) => {
        const periods = periodsFor(span, i + 1);
        const years = `${periods[0]!.from}–${periods.at(-1)!.to}`;
        return h('option', { value: i + 1 }, periods[0]!.to - periods[0]!.from !== 4 ? years : `${i + 1} × 5 years (${years})`);
      }),
    );
    this.periodsSelect.value = String(this.periods.length);
    replaceChildren(
      this.lagsOrdered,
      h('option', { value: '' }, `any year (${span.first} on)`),
      this.periods.map((p) => h('option', { value: periodKey(p) }, periodText(p))),
    );
    this.lagsOrdered.value = this.periods.some((p) => periodKey(p) === state.ordered) ? state.ordered : '';
  }

  /** Draws a part from its answer, to its card's width. */
  private draw(part: Part): void {
    const body = this.bodies[part];
    if (part === 'reconcile') {
      showReconcile(body, this.answers.reconcile!, (id) => this.handlers.onActor(id));
      return;
    }
    const width = Math.max(280, Math.floor(body.clientWidth));
    this.widths.set(part, width);
    const onActor = (id: string) => this.handlers.onActor(id);
    const parts = this.chart(part, width, onActor);
    if (typeof parts === 'string') showMessage(body, parts, 'empty');
    else showChart(body, part, parts);
  }

  /** A part's chart, or what to say instead when its answer has nothing to draw. */
  private chart(part: Part, width: number, onActor: (id: string) => void): ChartParts | string {
    if (part === 'shares') {
      const a = this.answers.shares!;
      return hasTiv(a.periods) && a.groups.length > 0 ? sharesChart(a, width, onActor) : `No TIV delivered in ${this.periods.map(periodText).join(', ')}.`;
    }
    if (part === 'mix') {
      const a = this.answers.mix!;
      this.recipientInput.value = a.actor.name;
      return hasTiv(a.periods) ? mixChart(a, width, onActor) : `${a.actor.name} received no TIV in ${this.periods.map(periodText).join(', ')}: no supplier mix to draw.`;
    }
    const a = this.answers.lags!;
    return a.all.deals > 0 && a.groups.length > 0 ? lagsChart(a, width, onActor) : 'No SIPRI deal with an order year and a delivery on record for these choices.';
  }

  /** Draws again the charts whose card changed width (a resize, or the view shown again). */
  private redraw(): void {
    if (this.root.hidden) return;
    for (const part of PARTS) {
      const body = this.bodies[part];
      // The table flows with its card; only the charts are drawn to a width.
      if (part === 'reconcile') continue;
      if (body.dataset.state !== 'ready' || Math.abs(Math.floor(body.clientWidth) - (this.widths.get(part) ?? 0)) < 16) continue;
      const focused = body.contains(document.activeElement);
      this.draw(part);
      if (focused) body.querySelector<SVGElement>('[role="button"][tabindex="0"]')?.focus();
    }
  }

  private empty(): void {
    this.cards.hidden = true;
    this.message.hidden = false;
    this.message.textContent = NO_TIV_MESSAGE;
    this.status.textContent = 'No TIV in the loaded data.';
    this.root.dataset.state = 'empty';
  }

  private fail(error: unknown): void {
    this.status.textContent = `Could not load the trends: ${errorText(error)}`;
    this.root.dataset.state = 'error';
  }
}
