// The selected route while it is open: loads its chains (a page at a time) and its timeline (each hop's deals and
// its actors' events and rules), and shows them in the details panel, the timeline and on the graph's edges.
import { loadChains, loadRouteTimeline, type RouteEntry, type RouteQuestion, type RouteTimeline } from './api/route-load.js';
import type { Chain, PathCheck, TimelineEntry } from './api/types.js';
import { hopLabel } from './format.js';
import { edgeKey } from './graph/graph-model.js';
import type { GraphView } from './graph/GraphView.js';
import type { DetailsPanel } from './panels/details-panel.js';
import type { RouteCount } from './panels/route-text.js';
import type { StatusLine } from './panels/status-line.js';
import type { DateWindow } from './state/date-window.js';
import { dealItems, deliveryCounts, type HopDeals } from './timeline/deal-items.js';
import { hopLane, routeLanes, toTimelineItems, visibleWindow } from './timeline/timeline-items.js';
import type { TimelineView } from './timeline/TimelineView.js';

/** What a session draws into and reads from the app. */
export interface RouteSessionContext {
  readonly root: HTMLElement;
  readonly details: DetailsPanel;
  readonly timeline: TimelineView;
  readonly timelineSummary: HTMLElement;
  readonly graph: GraphView;
  readonly status: StatusLine;
  /** The app's current view of the route: its position, the count, the window and the selected transfer. */
  view(): { index: number; count: RouteCount; window: string; selectedTransfer: string; between: DateWindow };
  /** The timeline's context entries (events, rules, aid), for placing their selection on the graph. */
  onEntries(entries: readonly TimelineEntry[]): void;
}

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One open route. `loaded` settles when its first page of chains and its timeline are in (or failed). */
export class RouteSession {
  readonly loaded: Promise<void>;
  private readonly controller = new AbortController();
  private chains: Chain[] | undefined;
  private chainsTotal = 0;
  private chainsCursor: string | null = null;
  private chainsMore = false;
  private chainsLoading = true;
  private chainsError: string | undefined;
  private routeTimeline: RouteTimeline | undefined;
  private closed = false;
  /** What the details panel shows of this session: the route, a hop (1-based), or something else. */
  private shown: 'route' | number | 'other' = 'other';

  constructor(private readonly question: RouteQuestion, private readonly entry: RouteEntry, private readonly ctx: RouteSessionContext) {
    const signal = this.controller.signal;
    ctx.root.dataset.route = entry.route.id;
    ctx.root.dataset.routeState = 'loading';
    const chains = loadChains(question, entry, null, { signal }).then(
      (page) => {
        if (this.closed) return;
        this.chains = [...page.nodes];
        this.chainsTotal = page.totalCount;
        this.chainsCursor = page.pageInfo.endCursor ?? null;
        this.chainsMore = page.pageInfo.hasNextPage;
        this.chainsLoading = false;
        this.labelChains();
        this.redraw();
      },
      (error: unknown) => {
        if (this.closed || isAbort(error)) return;
        this.chainsLoading = false;
        this.chainsError = `The chains could not be loaded: ${messageOf(error)}`;
        this.redraw();
      },
    );
    const timeline = loadRouteTimeline(question, entry.route, { signal }).then(
      (t) => {
        if (this.closed) return;
        this.routeTimeline = t;
        this.drawTimeline();
        this.redraw();
      },
      (error: unknown) => {
        if (this.closed || isAbort(error)) return;
        ctx.timelineSummary.textContent = `The route's deals could not be loaded: ${messageOf(error)}`;
        ctx.status.error(error);
      },
    );
    this.loaded = Promise.all([chains, timeline]).then(() => {
      if (!this.closed) ctx.root.dataset.routeState = 'ready';
    });
  }

  /** Stops loading; nothing this session still receives is drawn. */
  close(): void {
    this.closed = true;
    this.controller.abort();
  }

  /** Shows the route (evidence, rules, chains) in the details panel. */
  showRoute(): void {
    this.shown = 'route';
    const view = this.ctx.view();
    this.ctx.details.showRoute({
      route: this.entry.route, index: view.index, count: view.count, window: view.window, chains: this.chains, chainsTotal: this.chainsTotal,
      chainsMore: this.chainsMore, chainsLoading: this.chainsLoading, chainsError: this.chainsError, selectedTransfer: view.selectedTransfer,
    });
  }

  /** Shows a hop (1-based) and its deals in the details panel. */
  showHop(hop: number): void {
    this.shown = hop;
    const deals = this.routeTimeline?.hops[hop - 1];
    this.ctx.details.showHop({
      route: this.entry.route, hop, window: this.ctx.view().window, deals: deals?.deals, dealsTotal: deals?.total ?? this.entry.route.hops[hop - 1]?.deals ?? 0,
    });
  }

  /** The details panel now shows something else (a node). */
  markTransfer(_id: string): void {
    this.shown = 'other';
  }

  private redraw(): void {
    if (this.closed) return;
    if (this.shown === 'route') this.showRoute();
    else if (typeof this.shown === 'number') this.showHop(this.shown);
  }

  /** Loads the next page of chains and shows it, keeping keyboard focus in the list. */
  async moreChains(): Promise<void> {
    if (this.closed || !this.chainsMore || this.chainsLoading) return;
    this.chainsLoading = true;
    this.redraw();
    const first = this.chains?.length ?? 0;
    try {
      const page = await loadChains(this.question, this.entry, this.chainsCursor, { signal: this.controller.signal });
      if (this.closed) return;
      this.chains = [...(this.chains ?? []), ...page.nodes];
      this.chainsCursor = page.pageInfo.endCursor ?? null;
      this.chainsMore = page.pageInfo.hasNextPage;
      this.labelChains();
    } catch (error) {
      if (this.closed || isAbort(error)) return;
      this.ctx.status.error(error);
    }
    this.chainsLoading = false;
    this.redraw();
    document.querySelectorAll<HTMLButtonElement>('#chains > li.chain')[first]?.querySelector('button')?.focus();
  }

  /** Gives the graph's route edges the hop labels of the loaded chains' transfers (shown when one is selected). */
  labelChains(): void {
    const graph = this.ctx.graph.current;
    for (const chain of this.chains ?? []) {
      for (const hop of chain.hops) {
        const key = edgeKey(hop.from.id, hop.to.id);
        if (!graph.hasEdge(key)) continue;
        const labels = graph.getEdgeAttribute(key, 'hopLabels');
        if (labels[hop.transfer.id] === undefined) labels[hop.transfer.id] = hopLabel(hop.transfer.system.name, hop.transfer.status, hop.transfer.date.edtf);
        const transfers = graph.getEdgeAttribute(key, 'transfers');
        if (!transfers.includes(hop.transfer.id)) {
          transfers.push(hop.transfer.id);
          graph.getEdgeAttribute(key, 'statuses').push(hop.transfer.status);
        }
      }
    }
  }

  /** Ids of the timeline items of a hop (1-based): its deals' deliveries. */
  hopItems(hop: number): string[] {
    return this.ctx.timeline.find((i) => i.group === hopLane(hop - 1)).map((i) => i.id);
  }

  /** The hop (0-based) a deal of the route is on, if it is one. */
  hopOfDeal(id: string): number | undefined {
    const at = this.routeTimeline?.hops.findIndex((h) => h.deals.some((d) => d.id === id)) ?? -1;
    return at < 0 ? undefined : at;
  }

  /** The rules bearing on a transfer as a hop of the route: from the witness chain, else the first loaded chain with it. */
  checksOf(id: string): PathCheck[] {
    const route = this.entry.route;
    const witness = route.witness.hops.findIndex((h) => h.transfer.id === id);
    if (witness >= 0) return route.checks.filter((c) => c.hop === witness);
    for (const chain of this.chains ?? []) {
      const at = chain.hops.findIndex((h) => h.transfer.id === id);
      if (at >= 0) return chain.checks.filter((c) => c.hop === at);
    }
    return [];
  }

  /** Draws the route's timeline: a lane per hop with its deals (SIPRI deliveries by year), then events and rules. */
  private drawTimeline(): void {
    const t = this.routeTimeline;
    if (t === undefined) return;
    const route = this.entry.route;
    const hops: HopDeals[] = route.hops.map((hop, i) => ({ index: i, from: hop.from, to: hop.to, deals: t.hops[i]?.deals ?? [] }));
    const spans = hops.flatMap((hop) =>
      hop.deals.flatMap((d) =>
        d.sipri && d.sipri.deliveries.length > 0
          ? d.sipri.deliveries.map((x) => ({ earliest: `${String(x.year).padStart(4, '0')}-01-01`, latest: `${String(x.year).padStart(4, '0')}-12-31` }))
          : [d.date],
      ),
    );
    const view = this.ctx.view();
    const visible = visibleWindow(spans.length > 0 ? spans : t.context.map((e) => e.date), view.between, new Date().toISOString().slice(0, 10));
    const dealItemsOfRoute = hops.flatMap((hop) => dealItems(hop, visible));
    const items = [...dealItemsOfRoute, ...toTimelineItems(t.context, visible)];
    this.ctx.onEntries(t.context);
    this.ctx.timeline.show(items, visible, routeLanes(route.hops), route.hops.map((_, i) => hopLane(i)));
    const deals = [...new Set(dealItemsOfRoute.map((i) => i.subject))].sort();
    const { deliveries, inWindow } = deliveryCounts(dealItemsOfRoute, visible);
    this.ctx.timeline.annotate({ route: route.id, deals: deals.join(','), deliveries: String(deliveries) });
    const cut = route.hops.flatMap((hop, i) => {
      const loaded = t.hops[i];
      return loaded && loaded.deals.length < loaded.total ? [`first ${loaded.deals.length} of ${loaded.total} deals on ${hop.from.name} → ${hop.to.name}`] : [];
    });
    const years = deliveries === 0 ? '' : `, ${deliveries} delivery year${deliveries === 1 ? '' : 's'}${inWindow < deliveries ? ` (${inWindow} in view)` : ''}`;
    this.ctx.timelineSummary.textContent =
      `${route.actors.map((a) => a.name).join(' → ')}: ${deals.length} deal${deals.length === 1 ? '' : 's'}${years}` +
      ` · ${t.context.length} event${t.context.length === 1 ? '' : 's'} and rules${cut.length ? ` · ${cut.join('; ')}` : ''}`;
  }
}
