// The graph view: sigma.js draws the dashboard graph; ForceAtlas2 lays it out off the main thread.
import Sigma from 'sigma';
import { type DashboardGraph, type EdgeAttributes, type NodeAttributes, type Position, buildGraph, placeNodes } from './graph-model.js';
import { edgeLook, NO_EMPHASIS, nodeLook, type Emphasis } from './graph-style.js';
import { LayoutRun, layoutBudget } from './layout.js';
import { drawEdgeLabel, drawNodeLabel } from './labels.js';

/** What the view reports back. */
export interface GraphViewHandlers {
  onNode(id: string): void;
  onEdge(key: string, transfers: readonly string[]): void;
}

/** Draws one graph at a time; exposes its state on the container (data-*) for tests and styling. */
export class GraphView {
  private graph: DashboardGraph = buildGraph({ routes: [] });
  private readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private emphasis: Emphasis = NO_EMPHASIS;
  private layout: LayoutRun | undefined;
  private renders = 0;

  constructor(private readonly container: HTMLElement, handlers: GraphViewHandlers) {
    this.sigma = new Sigma<NodeAttributes, EdgeAttributes>(this.graph, container, {
      allowInvalidContainer: true,
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      defaultEdgeType: 'arrow',
      zIndex: true,
      labelFont: 'system-ui, sans-serif',
      edgeLabelFont: 'system-ui, sans-serif',
      labelSize: 13,
      edgeLabelSize: 11,
      labelRenderedSizeThreshold: 7,
      // Room for the labels of nodes at the edge of the view.
      stagePadding: 60,
      defaultDrawNodeLabel: drawNodeLabel,
      defaultDrawEdgeLabel: drawEdgeLabel,
      // A reducer's result replaces the display data, so it starts from the node's own attributes.
      nodeReducer: (node, data) => ({ ...data, ...nodeLook(node, data, this.emphasis) }),
      edgeReducer: (edge, data) => ({ ...data, ...edgeLook(edge, data, this.emphasis) }),
    });
    this.sigma.on('clickNode', ({ node }) => handlers.onNode(node));
    this.sigma.on('clickEdge', ({ edge }) => handlers.onEdge(edge, this.graph.getEdgeAttribute(edge, 'transfers')));
    this.sigma.on('enterNode', () => container.classList.add('pointing'));
    this.sigma.on('leaveNode', () => container.classList.remove('pointing'));
    this.sigma.on('enterEdge', () => container.classList.add('pointing'));
    this.sigma.on('leaveEdge', () => container.classList.remove('pointing'));
    this.sigma.on('afterRender', () => {
      this.renders += 1;
      container.dataset.renders = String(this.renders);
    });
    // Sigma's first render happens inside its constructor, before the listener above: draw once more to count it.
    this.sigma.refresh();
  }

  /** The graph on screen. */
  get current(): DashboardGraph {
    return this.graph;
  }

  /**
   * Shows a new graph: keeps the positions of nodes already on screen, lays `line` (the selected path) out
   * left to right and pinned, and runs ForceAtlas2 in a worker until it converges or its budget runs out.
   */
  show(graph: DashboardGraph, line: readonly string[]): void {
    const previous = new Map<string, Position>();
    this.graph.forEachNode((node, a) => previous.set(node, { x: a.x, y: a.y }));
    placeNodes(graph, line, previous, this.tall());
    this.layout?.stop();
    this.graph = graph;
    this.sigma.setGraph(graph);
    this.container.dataset.nodes = String(graph.order);
    this.container.dataset.edges = String(graph.size);
    this.relayout();
  }

  /** Pins a new line (another path was selected) and lays out again. */
  repin(line: readonly string[]): void {
    const previous = new Map<string, Position>();
    this.graph.forEachNode((node, a) => previous.set(node, { x: a.x, y: a.y }));
    placeNodes(this.graph, line, previous, this.tall());
    this.relayout();
  }

  /** True when the view is much taller than wide (a phone): paths are then laid out top to bottom. */
  private tall(): boolean {
    return this.container.clientHeight > this.container.clientWidth * 1.05;
  }

  private relayout(): void {
    this.layout?.stop();
    if (this.graph.order < 2) {
      this.container.dataset.layout = 'done';
      this.sigma.refresh();
      return;
    }
    const run = new LayoutRun(this.graph, layoutBudget(this.graph.order));
    this.layout = run;
    this.container.dataset.layout = 'running';
    void run.done.then((how) => {
      if (this.layout !== run) return;
      this.container.dataset.layout = how === 'stopped' ? 'stopped' : 'done';
      this.exposePositions();
    });
  }

  /** Sets what is emphasised and the ordered list of highlighted actors (data-highlighted-nodes). */
  setEmphasis(emphasis: Emphasis, highlighted: readonly string[]): void {
    this.emphasis = emphasis;
    this.container.dataset.highlightedNodes = highlighted.join(',');
    this.container.dataset.highlightedEdges = [...emphasis.pathEdges].join(',');
    this.container.dataset.selectedNodes = [...emphasis.selectedNodes].join(',');
    this.container.dataset.selectedEdges = [...emphasis.selectedEdges].join(',');
    this.sigma.refresh();
    if (this.container.dataset.layout !== 'running') this.exposePositions();
  }

  /**
   * Writes where the highlighted actors are on screen (data-path-positions, JSON of id → [x, y] in CSS pixels
   * of the container), so tests and tools can click them; refreshed when a layout ends or the emphasis changes.
   */
  private exposePositions(): void {
    const positions: Record<string, [number, number]> = {};
    for (const node of this.emphasis.pathNodes) {
      if (!this.graph.hasNode(node)) continue;
      const { x, y } = this.sigma.graphToViewport(this.graph.getNodeAttributes(node));
      positions[node] = [Math.round(x), Math.round(y)];
    }
    this.container.dataset.pathPositions = JSON.stringify(positions);
  }

  /** Fits the canvas to its container again (after the container was hidden: sigma follows window resizes only). */
  resize(): void {
    this.sigma.resize();
    this.sigma.refresh();
  }

  /** Fits the camera to the whole graph. */
  resetCamera(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  /** Stops the layout and frees WebGL contexts. */
  destroy(): void {
    this.layout?.stop();
    this.sigma.kill();
  }
}
