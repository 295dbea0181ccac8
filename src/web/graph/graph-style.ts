// How nodes and edges look given the highlighted path and the selection (pure: used by sigma's reducers).
import type { EdgeAttributes, NodeAttributes } from './graph-model.js';

/** Colours of the graph view. */
export const COLORS = {
  path: '#d9480f',
  otherPath: '#f59f00',
  endpoint: '#5f3dc4',
  selected: '#1971c2',
  node: '#495057',
  dimNode: '#ced4da',
  edge: '#adb5bd',
  dimEdge: '#e9ecef',
} as const;

/** What is emphasised: the selected route (`path*`), other routes, start/end actors and the selection. */
export interface Emphasis {
  readonly pathNodes: ReadonlySet<string>;
  readonly pathEdges: ReadonlySet<string>;
  readonly otherNodes: ReadonlySet<string>;
  readonly otherEdges: ReadonlySet<string>;
  readonly endpoints: ReadonlySet<string>;
  readonly selectedNodes: ReadonlySet<string>;
  readonly selectedEdges: ReadonlySet<string>;
  /** A transfer the selection is about: its hop label is shown on its edge. */
  readonly selectedTransfer?: string | undefined;
}

/** Nothing emphasised. */
export const NO_EMPHASIS: Emphasis = {
  pathNodes: new Set(), pathEdges: new Set(), otherNodes: new Set(), otherEdges: new Set(), endpoints: new Set(),
  selectedNodes: new Set(), selectedEdges: new Set(),
};

/** Sigma display data a reducer returns (the subset we set). */
export interface NodeLook {
  color: string;
  size: number;
  label: string | null;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
  /** Label above the disc (the selected route's actors: their hop labels run beside them). */
  labelAbove: boolean;
}

/** Sigma display data of an edge (the subset we set). */
export interface EdgeLook {
  color: string;
  size: number;
  label: string | null;
  forceLabel: boolean;
  zIndex: number;
  hidden: boolean;
}

function anyEmphasis(e: Emphasis): boolean {
  return e.pathNodes.size > 0 || e.endpoints.size > 0 || e.selectedNodes.size > 0 || e.selectedEdges.size > 0;
}

/** The look of an actor node. */
export function nodeLook(id: string, attrs: NodeAttributes, e: Emphasis): NodeLook {
  const base: NodeLook = { color: COLORS.node, size: attrs.size, label: attrs.label, forceLabel: false, highlighted: false, zIndex: 0, labelAbove: false };
  const onRoute = e.pathNodes.has(id);
  if (e.selectedNodes.has(id)) return { ...base, color: COLORS.selected, size: Math.max(attrs.size, 10) + 4, forceLabel: true, highlighted: !onRoute, zIndex: 3, labelAbove: onRoute };
  if (onRoute) return { ...base, color: COLORS.path, size: Math.max(attrs.size, 10) + 6, forceLabel: true, zIndex: 2, labelAbove: true };
  if (e.endpoints.has(id)) return { ...base, color: COLORS.endpoint, size: Math.max(attrs.size, 10) + 2, forceLabel: true, zIndex: 2 };
  if (e.otherNodes.has(id)) return { ...base, color: COLORS.otherPath, size: Math.max(attrs.size, 6) + 2, zIndex: 1 };
  if (anyEmphasis(e)) return { ...base, color: COLORS.dimNode };
  return base;
}

/**
 * The label of an edge: the hop label of the transfer in focus, else the route hop's evidence, else the first hop
 * label, else a count.
 */
export function edgeLabel(attrs: EdgeAttributes, transfer?: string): string {
  const focused = transfer !== undefined ? attrs.hopLabels[transfer] : undefined;
  if (focused !== undefined) return focused;
  if (attrs.routeLabel !== undefined) return attrs.routeLabel;
  const hop = Object.values(attrs.hopLabels)[0];
  if (hop !== undefined) return attrs.transfers.length > 1 ? `${hop} (+${attrs.transfers.length - 1})` : hop;
  return attrs.transfers.length === 1 ? (attrs.statuses[0] ?? '1 transfer') : `${attrs.transfers.length} transfers`;
}

/** The look of a supplier→recipient edge. */
export function edgeLook(id: string, attrs: EdgeAttributes, e: Emphasis): EdgeLook {
  const base: EdgeLook = { color: COLORS.edge, size: attrs.size, label: null, forceLabel: false, zIndex: 0, hidden: false };
  if (e.selectedEdges.has(id)) {
    return { ...base, color: COLORS.selected, size: Math.max(attrs.size, 3) + 1.5, label: edgeLabel(attrs, e.selectedTransfer), forceLabel: true, zIndex: 3 };
  }
  if (e.pathEdges.has(id)) return { ...base, color: COLORS.path, size: Math.max(attrs.size, 3) + 1, label: edgeLabel(attrs), forceLabel: true, zIndex: 2 };
  if (e.otherEdges.has(id)) return { ...base, color: COLORS.otherPath, size: Math.max(attrs.size, 1.5), zIndex: 1 };
  if (anyEmphasis(e)) return { ...base, color: COLORS.dimEdge };
  return base;
}
