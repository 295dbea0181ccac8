// The dashboard: wires the controls, the graph, the timeline and the panels to the GraphQL API and the URL.
import { gql, GraphQLRequestError } from './api/client.js';
import { CHECK_QUERY, NODE_QUERY } from './api/queries.js';
import type { TimelineResult } from './api/timeline-load.js';
import type { ActorRef, NodeDetails, Path, Subgraph, TimelineEntry } from './api/types.js';
import { requestView } from './api/view-requests.js';
import { byId } from './dom.js';
import { OPEN_END, OPEN_START } from './format.js';
import { emphasisFor, NO_SELECTION, type GraphSelection } from './graph/emphasis.js';
import { buildGraph, pathActors } from './graph/graph-model.js';
import { GraphView } from './graph/GraphView.js';
import { drawnActorsOf, edgeTransfer, graphSelectionOf } from './graph/selection.js';
import { Controls } from './panels/controls.js';
import { DetailsPanel } from './panels/details-panel.js';
import { ExportLinks } from './panels/export-links.js';
import { PathsList } from './panels/paths-list.js';
import { SearchBox } from './panels/search-box.js';
import { StatusLine } from './panels/status-line.js';
import { windowProblem } from './state/date-window.js';
import { EMPTY_STATE, parseViewState, sameQuery, viewStateToSearch, type ViewState } from './state/view-state.js';
import { toTimelineItems, visibleWindow } from './timeline/timeline-items.js';
import { TimelineView } from './timeline/TimelineView.js';

/** Who asked for a selection (a view does not echo its own selection back to itself). */
type Origin = 'graph' | 'timeline' | 'paths' | 'details' | 'search' | 'url';

/** Depth of the drawn neighbourhood and of the export links. */
const DEPTH = 1;

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The dashboard application. */
export class App {
  private state: ViewState = EMPTY_STATE;
  private paths: readonly Path[] = [];
  private truncated = false;
  private subgraph: Subgraph | undefined;
  private endpoints: ActorRef[] = [];
  private entries: TimelineEntry[] = [];
  private selection: GraphSelection = NO_SELECTION;
  private running: AbortController | undefined;
  private detailsSeq = 0;

  private readonly root = byId('app');
  private readonly status = new StatusLine(byId('status'));
  private readonly controls = new Controls(() => this.submit());
  private readonly pathsList = new PathsList({
    onPath: (i) => this.selectPath(i),
    onTransfer: (id, i) => {
      if (i !== this.state.path) this.selectPath(i);
      this.select(id, 'paths');
    },
    onRestriction: (id) => this.select(id, 'paths'),
  });
  private readonly details = new DetailsPanel((id) => this.select(id, 'details'));
  private readonly exports = new ExportLinks();
  private readonly timelineSummary = byId('timeline-summary');
  private readonly graph = new GraphView(byId('graph'), {
    onNode: (id) => this.select(id, 'graph'),
    onEdge: (_key, transfers) => this.select(edgeTransfer(transfers, this.paths, this.state.path), 'graph'),
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
    window.addEventListener('popstate', () => this.restore(parseViewState(window.location.search)));
    byId('fit').addEventListener('click', () => this.graph.resetCamera());
  }

  /** Restores the view the URL describes (and runs its query). */
  start(): void {
    this.exports.update([], DEPTH);
    this.details.message('Select a path, a hop, an actor or a timeline entry to see its details and sources.');
    this.restore(parseViewState(window.location.search));
    this.root.dataset.started = 'true';
    this.root.dataset.startedMs = String(Math.round(performance.now()));
  }

  private restore(state: ViewState): void {
    this.controls.write(state);
    // Back/forward between selections of the same query: no need to ask again.
    if (state.from && sameQuery(state, this.state) && this.root.dataset.state === 'ready') {
      if (state.path !== this.state.path) this.selectPath(state.path);
      this.select(state.sel, 'url');
      return;
    }
    if (state.from) {
      void this.query(state, 'none');
    } else {
      this.state = state;
      this.pathsList.message('Pick a start and an end actor (or search for one), then Show.');
      this.status.info('Pick a start and an end actor, then Show. Search finds names and aliases.');
      this.root.dataset.state = 'idle';
    }
  }

  private submit(): void {
    void this.query({ ...this.controls.read(), path: 0, sel: '' }, 'push');
  }

  private writeUrl(mode: 'push' | 'replace' | 'none'): void {
    if (mode === 'none') return;
    const url = `${window.location.pathname}${viewStateToSearch(this.state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  /** Runs the query of a state: paths first (drawn as soon as they arrive), then the neighbourhood and timeline. */
  private async query(state: ViewState, history: 'push' | 'replace' | 'none'): Promise<void> {
    this.controls.invalid();
    const problem = !state.from ? 'Pick a start actor (an id like JP or a name like Japan).' : windowProblem(state.between);
    if (problem !== undefined) {
      this.controls.invalid(!state.from ? 'from' : state.between.from && windowProblem({ from: state.between.from, to: '' }) ? 'win-from' : 'win-to');
      this.status.error(new GraphQLRequestError(problem, 'BAD_USER_INPUT'));
      this.root.dataset.state = 'error';
      return;
    }
    this.state = state;
    this.writeUrl(history);
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const signal = controller.signal;
    const stale = () => this.running !== controller;
    const started = performance.now();
    this.root.dataset.state = 'loading';
    this.root.dataset.paths = 'loading';
    this.status.busy(`Looking for paths ${state.from}${state.to ? ` → ${state.to}` : ''}…`);
    this.pathsList.message(state.to ? 'Loading paths…' : 'Pick an end actor to see paths; the neighbourhood of the start is drawn.');

    const requests = requestView(state, DEPTH, signal);

    try {
      const [resolved, result] = await Promise.all([requests.actors, requests.paths]);
      if (stale()) return;
      for (const [name, ref, typed] of [['from', resolved.from, state.from], ['to', resolved.to, state.to]] as const) {
        if (typed && !ref) {
          this.controls.invalid(name);
          throw new GraphQLRequestError(`No actor matches “${typed}”: search for it by name or alias`, 'NOT_FOUND');
        }
      }
      this.endpoints = [resolved.from, resolved.to].filter((a): a is ActorRef => a != null);
      this.paths = result.paths;
      this.truncated = result.truncated;
      if (this.state.path >= this.paths.length) this.state = { ...this.state, path: 0 };
      this.subgraph = undefined;
      this.selection = NO_SELECTION;
      this.renderPaths();
      this.drawGraph();
      this.root.dataset.paths = 'ready';
      this.root.dataset.pathsMs = String(Math.round(performance.now() - started));
      this.status.busy(`${this.pathsText()} · loading the neighbourhood and the timeline…`);

      const timelineDone = requests.timeline.then((t) => {
        if (stale()) return;
        this.showTimeline(t);
        this.root.dataset.timelineMs = String(Math.round(performance.now() - started));
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
      const routes = this.graph.current.size;
      this.status.info(
        `${this.pathsText()} · ${count(subgraph.actors.length, 'actor')}, ${count(subgraph.edges.length, 'transfer')} on ${count(routes, 'route')} · ` +
          `${count(this.entries.length, 'timeline entry', 'timeline entries')} · ${ms} ms`,
      );
      this.root.dataset.state = 'ready';
      if (this.state.sel) this.select(this.state.sel, 'url');
    } catch (error) {
      if (stale() || isAbort(error)) return;
      this.status.error(error);
      this.root.dataset.state = 'error';
      this.root.dataset.paths = 'error';
    }
  }

  private pathsText(): string {
    if (!this.state.to) return 'No end actor';
    const n = this.paths.length;
    return n === 0 ? 'No path' : `${n}${this.truncated ? '+' : ''} path${n === 1 ? '' : 's'}`;
  }

  private renderPaths(): void {
    if (!this.state.to) return;
    const transfer = this.state.sel.startsWith('transfer:') ? this.state.sel : '';
    this.pathsList.show(this.paths, this.truncated, this.state.path, transfer);
  }

  private showTimeline(result: TimelineResult): void {
    this.entries = result.entries;
    const today = new Date().toISOString().slice(0, 10);
    const window = result.focused ? { from: result.focused.from ?? '', to: result.focused.to ?? '' } : this.state.between;
    const visible = visibleWindow(result.entries, window, today);
    this.timeline.show(toTimelineItems(result.entries, visible), visible);
    const n = result.entries.length;
    const shown = n < result.total ? `${n} of ${result.total} entries` : `${n} entr${n === 1 ? 'y' : 'ies'}`;
    this.timelineSummary.textContent = result.focused
      ? `${shown} in ${result.focused.from}–${result.focused.to}, around the selected path (too many to show all: set a window)`
      : n < result.total
        ? `${shown} (narrow the controls to see the rest)`
        : shown;
  }

  private line(): string[] {
    const path = this.paths[this.state.path];
    return path ? pathActors(path) : this.endpoints.map((a) => a.id);
  }

  private drawGraph(): void {
    const graph = buildGraph({ subgraph: this.subgraph, paths: this.paths, focus: this.endpoints });
    this.graph.show(graph, this.line());
    this.restyle();
  }

  private restyle(): void {
    const path = this.paths[this.state.path];
    const emphasis = emphasisFor(this.paths, this.state.path, this.endpoints.map((a) => a.id), this.selection);
    this.graph.setEmphasis(emphasis, path ? pathActors(path) : []);
    this.exports.update(path ? pathActors(path) : this.endpoints.map((a) => a.id), DEPTH);
  }

  private selectPath(index: number): void {
    if (index === this.state.path) return;
    this.state = { ...this.state, path: index };
    this.writeUrl('replace');
    this.pathsList.mark(index, this.state.sel);
    this.restyle();
    this.graph.repin(this.line());
  }

  /** Selects a node or transfer in every view and shows its details. */
  select(id: string, origin: Origin): void {
    this.state = { ...this.state, sel: id };
    this.writeUrl('replace');
    const { edge, ...selection } = graphSelectionOf(id, this.graph.current, this.entries);
    this.selection = selection;
    this.restyle();
    if (id === '') {
      this.timeline.select([], false);
      return;
    }
    const isActor = this.graph.current.hasNode(id);
    this.pathsList.mark(this.state.path, id);
    if (origin !== 'timeline') {
      const items = isActor ? this.timeline.find((i) => i.actors.includes(id)) : this.timeline.find((i) => i.subject === id || i.id === id);
      this.timeline.select(items.map((i) => i.id), !isActor);
    }
    void this.loadDetails(id, edge);
  }

  private async loadDetails(id: string, edge: string | undefined): Promise<void> {
    const seq = ++this.detailsSeq;
    this.details.message('Loading details…');
    try {
      const { node } = await gql(NODE_QUERY, { id });
      if (seq !== this.detailsSeq) return;
      if (node === null) {
        this.details.message(`Nothing has the id “${id}”.`);
        return;
      }
      if (node.__typename !== 'Transfer') {
        this.details.show(node);
        this.selectActorsOf(node);
        return;
      }
      const path = this.paths[this.state.path];
      const hop = path?.hops.findIndex((h) => h.transfer.id === id) ?? -1;
      const pathChecks = hop >= 0 && path ? path.checks.filter((c) => c.hop === hop) : [];
      const route = edge !== undefined && this.graph.current.hasEdge(edge) ? this.graph.current.getEdgeAttribute(edge, 'transfers') : [];
      this.details.show(node, { pathChecks, route });
      const on = node.date.earliest !== OPEN_START ? node.date.earliest : node.date.latest !== OPEN_END ? node.date.latest : undefined;
      const { transferCheck } = await gql(CHECK_QUERY, {
        supplier: node.supplier.id, recipient: node.recipient.id, system: node.system.id, ...(on !== undefined && { on }),
      });
      if (seq === this.detailsSeq) this.details.show(node, { pathChecks, route, check: transferCheck });
    } catch (error) {
      if (seq === this.detailsSeq) this.status.error(error);
    }
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
