// The dashboard application: wires the controls, the graph, the timeline and the panels to the GraphQL API and the URL.
import { GraphQLRequestError } from './api/client.js';
import { routeQuestion } from './api/route-load.js';
import { loadTimeline } from './api/timeline-load.js';
import type { ActorRef, NodeDetails, Route, Subgraph, TimelineEntry } from './api/types.js';
import { requestView } from './api/view-requests.js';
import { byId, type Child } from './dom.js';
import { emphasisFor, NO_SELECTION, type GraphSelection } from './graph/emphasis.js';
import { buildGraph, edgeKey, routeActors } from './graph/graph-model.js';
import { GraphView } from './graph/GraphView.js';
import { drawnActorsOf, edgeTransfer, graphSelectionOf, hopDealSelection } from './graph/selection.js';
import { Controls } from './panels/controls.js';
import { DetailsLoader } from './panels/details-loader.js';
import { DetailsPanel } from './panels/details-panel.js';
import { ExportLinks } from './panels/export-links.js';
import { RouteStrip } from './panels/route-strip.js';
import { RoutesList } from './panels/routes-list.js';
import { routeCountText, windowYears } from './panels/route-text.js';
import { SearchBox } from './panels/search-box.js';
import { StatusLine } from './panels/status-line.js';
import { RouteSession } from './route-session.js';
import { RoutePages } from './state/route-pages.js';
import { DEFAULT_STORY, parseViewState, queryProblem, sameQuery, viewStateToSearch, EMPTY_STATE, type ViewState } from './state/view-state.js';
import { actorTimeline, actorTimelineRequest } from './timeline/actor-timeline.js';
import { TimelineView } from './timeline/TimelineView.js';

/** Who asked for a selection (a view does not echo its own selection back to itself). */
type Origin = 'graph' | 'timeline' | 'routes' | 'details' | 'search' | 'url' | 'strip' | 'trends';

/** Depth of the drawn neighbourhood and of the export links. */
const DEPTH = 1;

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const today = () => new Date().toISOString().slice(0, 10);

/** The dashboard application. */
export class App {
  private state: ViewState = EMPTY_STATE;
  /** The routes of the current question, as loaded so far. */
  private pages = new RoutePages();
  /** Index of the selected route among them (-1: none). */
  private selected = -1;
  private session: RouteSession | undefined;
  private moreLoading = false;
  private subgraph: Subgraph | undefined;
  private endpoints: ActorRef[] = [];
  private entries: readonly TimelineEntry[] = [];
  private selection: GraphSelection = NO_SELECTION;
  private running: AbortController | undefined;
  /** False while another view is shown: the URL is then that view's. */
  private active = false;
  /** True once a query (or the idle page) was shown. */
  private asked = false;
  /** A claim changed the answers while another view was shown: ask again when this one is. */
  private stale = false;
  /** Told the query string each time the graph view writes it. */
  onUrl: ((search: string) => void) | undefined;

  private readonly root = byId('app');
  private readonly status = new StatusLine(byId('status'));
  private readonly controls = new Controls(() => this.submit());
  private readonly routesList = new RoutesList({
    onRoute: (i) => this.selectRoute(i),
    onMore: () => void this.moreRoutes(),
  });
  private readonly strip = new RouteStrip({
    onActor: (id) => this.select(id, 'strip'),
    onHop: (hop) => this.select(`hop:${hop}`, 'strip'),
  });
  private readonly details = new DetailsPanel({
    onSelect: (id) => this.select(id, 'details'),
    onTransfer: (id) => this.select(id, 'details'),
    onHop: (hop) => this.select(`hop:${hop}`, 'details'),
    onMoreChains: () => void this.session?.moreChains(),
    onBack: () => this.select('', 'details'),
  });
  private readonly detailsLoader = new DetailsLoader(this.details);
  private readonly exports = new ExportLinks();
  private readonly timelineSummary = byId('timeline-summary');
  private readonly graph = new GraphView(byId('graph'), {
    onNode: (id) => this.select(id, 'graph'),
    onEdge: (_key, transfers) => this.select(edgeTransfer(transfers, this.pages.graphRoutes, this.selected), 'graph'),
  });
  private readonly timeline = new TimelineView(byId('timeline'), {
    onSelect: (item) => {
      if (item !== undefined) this.select(item.subject, 'timeline');
    },
  });

  constructor() {
    new SearchBox(
      (use, id) => {
        if (use === 'select') this.select(id, 'search');
        else this.controls.set(use, id);
      },
      (error) => this.status.error(error),
    );
    byId('fit').addEventListener('click', () => this.graph.resetCamera());
  }

  /**
   * Starts the graph view; `show`: it is the view on screen, so it restores what the URL describes (and runs its
   * query) or, with no query in the URL, opens on the seed's story.
   */
  start(show = true): void {
    this.exports.update([], DEPTH);
    this.details.message('Select a route, a hop, an actor or a timeline entry to see its details and sources.');
    if (show) this.activate(true);
    this.root.dataset.started = 'true';
    this.root.dataset.startedMs = String(Math.round(performance.now()));
  }

  /**
   * The graph view is on screen again: the graph and the timeline fit their panes again and the view writes the URL;
   * `ask`: when nothing was asked yet (the page opened on another view), the URL's query or the story runs now.
   */
  activate(ask: boolean): void {
    this.active = true;
    this.graph.resize();
    this.timeline.redraw();
    if (ask && !this.asked) this.restore(parseViewState(window.location.search));
    else if (this.stale) this.refresh(true);
  }

  /** Asks the question on screen again (a claim changed the answers); `keepSelection` false drops the selection. */
  refresh(keepSelection: boolean): void {
    if (!this.asked || !this.state.from) return;
    this.stale = !this.active;
    if (!this.stale) void this.query({ ...this.state, sel: keepSelection ? this.state.sel : '' }, 'replace');
  }

  /** Whether the graph on screen draws any of these actors. */
  shows(actorIds: readonly string[]): boolean {
    return actorIds.some((id) => this.graph.current.hasNode(id));
  }

  /** Adds a part under every node's details (the claims part), and shows the selected node's details again. */
  setFactFooter(render: (node: NodeDetails) => Child): void {
    this.details.setFooter(render);
    if (this.state.sel && !this.state.sel.startsWith('hop:') && this.root.dataset.state === 'ready') this.select(this.state.sel, 'url');
  }

  /** Another view is on screen: the graph view keeps its state but leaves the URL alone. */
  deactivate(): void {
    this.active = false;
  }

  /** The graph view's query string ('' before anything was asked). */
  get search(): string {
    return this.asked ? viewStateToSearch(this.state) : '';
  }

  /**
   * Selects an actor asked for from another view (a bar of the Trends view): in the graph when it is drawn there,
   * else by drawing its neighbourhood with it selected. Either way a new history entry.
   */
  showActor(id: string): void {
    if (this.root.dataset.state === 'ready' && this.graph.current.hasNode(id)) {
      this.state = { ...this.state, sel: id };
      this.writeUrl('push');
      this.select(id, 'trends');
      return;
    }
    delete this.root.dataset.story;
    const state = { ...EMPTY_STATE, from: id, sel: id };
    this.controls.write(state);
    void this.query(state, 'push');
  }

  /** Shows what a URL of the graph view describes (back and forward, start). */
  restore(state: ViewState): void {
    // Back/forward between selections of the same query: no need to ask again.
    if (state.from && sameQuery(state, this.state) && this.root.dataset.state === 'ready') {
      this.controls.write(state);
      const index = state.route ? this.pages.indexOf(state.route) : 0;
      if (index >= 0 && index !== this.selected) this.selectRoute(index);
      this.select(state.sel, 'url');
      return;
    }
    if (state.from) {
      this.controls.write(state);
      void this.query(state, 'none');
      return;
    }
    this.controls.write(DEFAULT_STORY);
    this.root.dataset.story = 'default';
    void this.query(DEFAULT_STORY, 'replace', true);
  }

  private idle(): void {
    this.asked = true;
    this.state = EMPTY_STATE;
    this.controls.write(EMPTY_STATE);
    this.routesList.message('Pick a start and an end actor (or search for one), then Show routes.');
    this.status.info('Pick a start and an end actor, then Show routes. Search finds names and aliases.');
    this.root.dataset.state = 'idle';
  }

  private submit(): void {
    delete this.root.dataset.story;
    void this.query({ ...this.controls.read(), route: '', sel: '' }, 'push');
  }

  private writeUrl(mode: 'push' | 'replace' | 'none'): void {
    if (mode === 'none' || !this.active) return;
    const search = viewStateToSearch(this.state);
    this.onUrl?.(search);
    const url = `${window.location.pathname}${search}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  private windowText(): string {
    return windowYears(this.state.between);
  }

  /**
   * Runs the query of a state: routes first (listed and drawn as soon as they arrive), then the neighbourhood, and
   * the selected route's chains and timeline (or, without routes, the actors' timeline). `story`: the default
   * view of a page opened without a query, which falls back to the idle page when its actors are not loaded.
   */
  private async query(state: ViewState, history: 'push' | 'replace' | 'none', story = false): Promise<void> {
    const problem = queryProblem(state);
    this.controls.invalid(problem?.field);
    if (problem !== undefined) {
      this.status.error(new GraphQLRequestError(problem.text, 'BAD_USER_INPUT'));
      this.root.dataset.state = 'error';
      return;
    }
    this.asked = true;
    this.state = state;
    this.writeUrl(history);
    this.running?.abort();
    this.session?.close();
    this.session = undefined;
    const controller = new AbortController();
    this.running = controller;
    const signal = controller.signal;
    const stale = () => this.running !== controller;
    const started = performance.now();
    this.root.dataset.state = 'loading';
    this.root.dataset.paths = 'loading';
    this.status.busy(`Looking for routes ${state.from}${state.to ? ` → ${state.to}` : ''}…`);
    this.routesList.message(state.to ? 'Loading routes…' : 'Pick an end actor to see routes; the neighbourhood of the start is drawn.');

    const requests = requestView(state, DEPTH, signal);

    try {
      const [resolved, page] = await Promise.all([requests.actors, requests.routes]);
      if (stale()) return;
      for (const [name, ref, typed] of [['from', resolved.from, state.from], ['to', resolved.to, state.to]] as const) {
        if (typed && !ref) {
          this.controls.invalid(name);
          throw new GraphQLRequestError(`No actor matches “${typed}”: search for it by name or alias`, 'NOT_FOUND');
        }
      }
      this.endpoints = [resolved.from, resolved.to].filter((a): a is ActorRef => a != null);
      this.pages = new RoutePages(state.to ? routeQuestion(state) : undefined, page);
      if (state.route) await this.pages.find(state.route, signal);
      if (stale()) return;
      const wanted = this.pages.indexOf(state.route);
      this.selected = this.pages.entries.length === 0 ? -1 : Math.max(0, wanted);
      if (state.route && wanted < 0) this.state = { ...this.state, route: '' };
      this.subgraph = undefined;
      this.selection = NO_SELECTION;
      this.renderRoutes();
      this.routesList.reveal();
      this.strip.show(this.currentRoute());
      this.drawGraph();
      this.root.dataset.paths = 'ready';
      this.root.dataset.pathsMs = String(Math.round(performance.now() - started));
      this.status.busy(`${this.routesText()} · loading the neighbourhood and the timeline…`);

      const timelineDone = (this.selected >= 0 ? this.openRoute() : this.loadActorTimeline(signal)).then(() => {
        if (!stale()) this.root.dataset.timelineMs = String(Math.round(performance.now() - started));
      });
      const subgraph = await requests.subgraph;
      if (stale()) return;
      this.root.dataset.subgraphMs = String(Math.round(performance.now() - started));
      this.subgraph = subgraph;
      this.drawGraph();
      await timelineDone;
      if (stale()) return;
      const ms = Math.round(performance.now() - started);
      this.root.dataset.readyMs = String(ms);
      this.status.info(`${this.routesText()} · neighbourhood: ${count(subgraph.actors.length, 'actor')}, ${count(subgraph.edges.length, 'transfer')} · ${ms} ms`);
      this.root.dataset.state = 'ready';
      if (this.state.sel) this.select(this.state.sel, 'url');
    } catch (error) {
      if (stale() || isAbort(error)) return;
      if (story && error instanceof GraphQLRequestError && error.code === 'NOT_FOUND') {
        this.idle();
        return;
      }
      this.status.error(error);
      this.root.dataset.state = 'error';
      this.root.dataset.paths = 'error';
    }
  }

  private async moreRoutes(): Promise<void> {
    const pages = this.pages;
    if (!pages.count.hasNextPage || this.moreLoading) return;
    this.moreLoading = true;
    this.renderRoutes();
    const first = pages.entries.length;
    try {
      await pages.more();
      if (this.pages === pages) this.drawGraph();
    } catch (error) {
      if (this.pages === pages) this.status.error(error);
    } finally {
      if (this.pages === pages) {
        this.moreLoading = false;
        this.renderRoutes();
        // Keyboard users continue where the new routes start.
        document.querySelector<HTMLButtonElement>(`#routes li[data-index="${first}"] button.route-pick`)?.focus();
      }
    }
  }

  private currentRoute(): Route | undefined {
    return this.pages.entries[this.selected]?.route;
  }

  private routesText(): string {
    if (!this.state.to) return 'No end actor';
    return this.pages.entries.length === 0 ? 'No route' : routeCountText(this.pages.count);
  }

  private renderRoutes(): void {
    if (!this.state.to) return;
    this.routesList.show(this.pages.routes, this.pages.count, this.selected, this.windowText(), this.moreLoading);
  }

  /** Opens the selected route: its chains in the details (unless something is selected) and its deals in the timeline. */
  private openRoute(): Promise<void> {
    this.session?.close();
    const entry = this.pages.entries[this.selected];
    const question = this.pages.question;
    if (entry === undefined || question === undefined) {
      this.session = undefined;
      this.details.setBack('');
      return Promise.resolve();
    }
    const route = entry.route;
    this.details.setBack(`Route ${route.actors.map((a) => a.name).join(' → ')}: its chains`);
    this.timelineSummary.textContent = `Loading the deals of ${route.actors.map((a) => a.name).join(' → ')}…`;
    const session = new RouteSession(question, entry, {
      root: this.root, details: this.details, timeline: this.timeline, timelineSummary: this.timelineSummary, graph: this.graph,
      status: this.status,
      view: () => ({ index: this.selected, count: this.pages.count, window: this.windowText(), selectedTransfer: this.state.sel, between: this.state.between }),
      onEntries: (entries) => {
        this.entries = entries;
      },
    });
    this.session = session;
    if (!this.state.sel || this.state.sel.startsWith('hop:')) session.showRoute();
    return session.loaded;
  }

  /** Without routes: the timeline of the start and end actors (the last five years when they have too many entries). */
  private async loadActorTimeline(signal: AbortSignal): Promise<void> {
    this.details.setBack('');
    const result = await loadTimeline(actorTimelineRequest(this.state, today()), { signal });
    const view = actorTimeline(result, this.state.between, today());
    this.entries = result.entries;
    this.timeline.show(view.items, view.visible);
    this.timelineSummary.textContent = view.summary;
  }

  private line(): string[] {
    const route = this.pages.graphRoutes[this.selected];
    return route ? routeActors(route) : this.endpoints.map((a) => a.id);
  }

  private drawGraph(): void {
    const graph = buildGraph({ subgraph: this.subgraph, routes: this.pages.graphRoutes, focus: this.endpoints });
    this.graph.show(graph, this.line());
    this.session?.labelChains();
    this.restyle();
  }

  private restyle(): void {
    const emphasis = emphasisFor(this.pages.graphRoutes, this.selected, this.endpoints.map((a) => a.id), this.selection);
    const route = this.pages.graphRoutes[this.selected];
    this.graph.setEmphasis(emphasis, route ? routeActors(route) : []);
    this.exports.update(this.line(), DEPTH);
  }

  private selectRoute(index: number): void {
    const entry = this.pages.entries[index];
    if (entry === undefined || index === this.selected) return;
    this.selected = index;
    this.detailsLoader.cancel();
    this.state = { ...this.state, route: entry.route.id, sel: '' };
    this.writeUrl('replace');
    this.selection = NO_SELECTION;
    this.routesList.mark(index);
    this.strip.show(entry.route);
    this.restyle();
    this.graph.repin(this.line());
    this.timeline.select([], false);
    void this.openRoute();
  }

  /** Selects a node, a transfer or a hop of the selected route (`hop:N`) in every view and shows its details. */
  select(id: string, origin: Origin): void {
    this.state = { ...this.state, sel: id };
    this.writeUrl('replace');
    const hop = /^hop:(\d+)$/.exec(id);
    if (hop !== null) {
      this.selectHop(Number(hop[1]), origin);
      return;
    }
    const found = graphSelectionOf(id, this.graph.current, this.entries);
    const { edge, ...selection } = found.nodes.length === 0 && found.edges.length === 0
      ? hopDealSelection(id, this.currentRoute(), this.session?.hopOfDeal(id), this.graph.current)
      : found;
    this.selection = selection;
    this.restyle();
    const isActor = this.graph.current.hasNode(id);
    this.strip.mark(isActor ? id : undefined, edge);
    if (id === '') {
      this.detailsLoader.cancel();
      this.timeline.select([], false);
      if (this.session) this.session.showRoute();
      else this.details.message('Select a route, a hop, an actor or a timeline entry to see its details and sources.');
      return;
    }
    this.session?.markTransfer(id);
    if (origin !== 'timeline') {
      const items = isActor ? this.timeline.find((i) => i.actors.includes(id)) : this.timeline.find((i) => i.subject === id || i.id === id);
      this.timeline.select(items.map((i) => i.id), !isActor);
    }
    void this.loadDetails(id, edge);
  }

  private selectHop(hop: number, origin: Origin): void {
    const route = this.currentRoute();
    const step = route?.hops[hop - 1];
    if (route === undefined || step === undefined || this.session === undefined) {
      this.details.message(`No hop ${hop} on the selected route.`);
      return;
    }
    this.detailsLoader.cancel();
    const key = edgeKey(step.from.id, step.to.id);
    this.selection = { nodes: [], edges: this.graph.current.hasEdge(key) ? [key] : [] };
    this.restyle();
    this.strip.mark(undefined, key);
    if (origin !== 'timeline') this.timeline.select(this.session.hopItems(hop), false);
    this.session.showHop(hop);
  }

  private loadDetails(id: string, edge: string | undefined): Promise<void> {
    return this.detailsLoader.load(id, {
      checksOf: (transfer) => this.session?.checksOf(transfer) ?? [],
      edgeTransfers: () => (edge !== undefined && this.graph.current.hasEdge(edge) ? this.graph.current.getEdgeAttribute(edge, 'transfers') : []),
      onNode: (node) => this.selectActorsOf(node),
      onError: (error) => this.status.error(error),
    });
  }

  /** For an event, rule or aid the graph could not place from the timeline: select its actors. */
  private selectActorsOf(node: NodeDetails): void {
    if (this.selection.nodes.length > 0 || this.selection.edges.length > 0) return;
    const drawn = drawnActorsOf(node, this.graph.current);
    if (drawn.length === 0) return;
    this.selection = { nodes: drawn, edges: [] };
    this.restyle();
  }
}
