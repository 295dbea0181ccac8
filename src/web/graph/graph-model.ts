// Builds the graphology graph the dashboard draws: actors, one edge per supplier→recipient pair, route hops marked.
import { DirectedGraph } from 'graphology';
import type { Route, Subgraph } from '../api/types.js';
import { hopLabel, routeHopLabel } from '../format.js';

/** Attributes of an actor node. */
export interface NodeAttributes {
  label: string;
  /** ActorKind, or UNKNOWN for actors only seen on a path. */
  kind: string;
  x: number;
  y: number;
  /** Size before highlighting, from the node's degree. */
  size: number;
  /** FA2 leaves fixed nodes where they are (the selected path is laid out on a line). */
  fixed: boolean;
}

/** Attributes of a supplier→recipient edge: every transfer between them in the drawn data. */
export interface EdgeAttributes {
  transfers: string[];
  statuses: string[];
  /** Hop labels ("Patriot missile · PLANNED · 2024-01/..") by transfer id, for transfers on a route's witness chain. */
  hopLabels: Record<string, string>;
  /** The evidence of the route hop this edge is ("33 deals · 1,539 m TIV"), when it is one. */
  routeLabel?: string;
  size: number;
}

/** A route as the graph draws it: its actors in order and, per hop, its evidence label and its known transfers. */
export interface GraphRoute {
  readonly id: string;
  readonly actors: readonly { readonly id: string; readonly name: string }[];
  readonly hops: readonly GraphRouteHop[];
}

/** One hop of a GraphRoute. */
export interface GraphRouteHop {
  readonly from: string;
  readonly to: string;
  /** The hop's evidence, shown on its edge. */
  readonly label: string;
  /** Transfers known on the hop (its witness transfer), each with its hop label. */
  readonly transfers: readonly { readonly id: string; readonly status: string; readonly label: string }[];
}

/** A route of the API as the graph draws it: the witness chain's transfer labels each hop. */
export function toGraphRoute(route: Route): GraphRoute {
  return {
    id: route.id,
    actors: route.actors,
    hops: route.hops.map((hop, i) => {
      const witness = route.witness.hops[i]?.transfer;
      return {
        from: hop.from.id,
        to: hop.to.id,
        label: routeHopLabel(hop, witness),
        transfers: witness ? [{ id: witness.id, status: witness.status, label: hopLabel(witness.system.name, witness.status, witness.date.edtf) }] : [],
      };
    }),
  };
}

/** The graph type the dashboard draws. */
export type DashboardGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** The edge key of a supplier→recipient pair. */
export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

/** Deterministic [0, 1) from a string (FNV-1a), so layouts start the same for the same data. */
export function unitHash(text: string, salt = 0): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}

/** The actors of a route, in order. */
export function routeActors(route: GraphRoute): string[] {
  return route.actors.map((a) => a.id);
}

/** The edge keys of a route's hops, in order. */
export function routeEdges(route: GraphRoute): string[] {
  return route.hops.map((h) => edgeKey(h.from, h.to));
}

function addNode(graph: DashboardGraph, id: string, name: string, kind: string): void {
  if (!graph.hasNode(id)) graph.addNode(id, { label: name, kind, x: 0, y: 0, size: 4, fixed: false });
}

function addTransfer(graph: DashboardGraph, source: string, target: string, transfer: string, status: string): void {
  const key = edgeKey(source, target);
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, source, target, { transfers: [transfer], statuses: [status], hopLabels: {}, size: 1 });
    return;
  }
  const attrs = graph.getEdgeAttributes(key);
  if (!attrs.transfers.includes(transfer)) {
    attrs.transfers.push(transfer);
    attrs.statuses.push(status);
  }
}

/** Input of buildGraph: the neighbourhood (when it has arrived) and the routes. */
export interface GraphInput {
  readonly subgraph?: Subgraph | undefined;
  readonly routes: readonly GraphRoute[];
  /** Actors the query is about (start, end), always drawn. */
  readonly focus?: readonly { readonly id: string; readonly name?: string }[];
}

/** Builds the graph: subgraph actors and transfers plus every route hop, sized by degree, not yet laid out. */
export function buildGraph(input: GraphInput): DashboardGraph {
  const graph: DashboardGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  for (const a of input.subgraph?.actors ?? []) addNode(graph, a.id, a.name, a.kind);
  for (const route of input.routes) for (const a of route.actors) addNode(graph, a.id, a.name, 'UNKNOWN');
  for (const f of input.focus ?? []) addNode(graph, f.id, f.name ?? f.id, 'UNKNOWN');
  for (const e of input.subgraph?.edges ?? []) {
    if (e.source.id === e.target.id || !graph.hasNode(e.source.id) || !graph.hasNode(e.target.id)) continue;
    addTransfer(graph, e.source.id, e.target.id, e.transfer.id, e.transfer.status);
  }
  for (const route of input.routes) {
    for (const hop of route.hops) {
      if (hop.from === hop.to || !graph.hasNode(hop.from) || !graph.hasNode(hop.to)) continue;
      for (const t of hop.transfers) addTransfer(graph, hop.from, hop.to, t.id, t.status);
      const key = edgeKey(hop.from, hop.to);
      if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, hop.from, hop.to, { transfers: [], statuses: [], hopLabels: {}, size: 1 });
      const attrs = graph.getEdgeAttributes(key);
      for (const t of hop.transfers) attrs.hopLabels[t.id] = t.label;
      attrs.routeLabel = hop.label;
    }
  }
  graph.forEachNode((node) => {
    graph.setNodeAttribute(node, 'size', Math.min(10, 2.5 + 1.2 * Math.log2(1 + graph.degree(node))));
  });
  graph.forEachEdge((edge, attrs) => {
    graph.setEdgeAttribute(edge, 'size', Math.min(4, 0.6 + Math.log2(Math.max(1, attrs.transfers.length)) * 0.5));
  });
  return graph;
}

/** Where one node sits. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/**
 * Gives every node a starting position: the `line` actors (the selected route) fixed left to right (top to
 * bottom when `vertical`, for tall narrow screens), other nodes where they were before (`previous`) or on a
 * ring placed by a hash of their id.
 */
export function placeNodes(
  graph: DashboardGraph,
  line: readonly string[],
  previous: ReadonlyMap<string, Position> = new Map(),
  vertical = false,
): void {
  const radius = 60 + 25 * Math.sqrt(graph.order);
  // The line spans about the neighbourhood's width, so hop labels have room whatever the route's length.
  const spacing = Math.max(120, (0.9 * radius) / Math.max(1, line.length - 1));
  const onLine = new Map(line.map((id, i) => [id, i] as const));
  const width = spacing * Math.max(1, line.length - 1);
  graph.forEachNode((node) => {
    const i = onLine.get(node);
    if (i !== undefined) {
      const along = line.length === 1 ? 0 : -width / 2 + i * spacing;
      // Sigma's y axis points up: a vertical line starts at the top.
      graph.mergeNodeAttributes(node, vertical ? { x: 0, y: -along, fixed: true } : { x: along, y: 0, fixed: true });
      return;
    }
    const before = previous.get(node);
    if (before !== undefined) {
      graph.mergeNodeAttributes(node, { x: before.x, y: before.y, fixed: false });
      return;
    }
    const angle = 2 * Math.PI * unitHash(node);
    const r = radius * (0.35 + 0.65 * unitHash(node, 7));
    graph.mergeNodeAttributes(node, { x: r * Math.cos(angle), y: r * Math.sin(angle), fixed: false });
  });
}
