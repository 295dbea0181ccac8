// Computes what the graph emphasises from the paths, the selected path, the endpoints and the selection.
import type { Path } from '../api/types.js';
import { edgeKey, pathActors } from './graph-model.js';
import type { Emphasis } from './graph-style.js';

/** What is selected, in graph terms. */
export interface GraphSelection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly transfer?: string | undefined;
}

/** No selection. */
export const NO_SELECTION: GraphSelection = { nodes: [], edges: [] };

/** The edge keys of a path's hops, in order. */
export function pathEdges(path: Path): string[] {
  return path.hops.map((h) => edgeKey(h.from.id, h.to.id));
}

/** The emphasis for the `selected` path among `paths`, the start/end actors and a selection. */
export function emphasisFor(paths: readonly Path[], selected: number, endpoints: readonly string[], selection: GraphSelection): Emphasis {
  const current = paths[selected];
  const pathNodes = new Set(current ? pathActors(current) : []);
  const pathEdgeSet = new Set(current ? pathEdges(current) : []);
  const otherNodes = new Set<string>();
  const otherEdges = new Set<string>();
  paths.forEach((p, i) => {
    if (i === selected) return;
    for (const n of pathActors(p)) if (!pathNodes.has(n)) otherNodes.add(n);
    for (const e of pathEdges(p)) if (!pathEdgeSet.has(e)) otherEdges.add(e);
  });
  return {
    pathNodes,
    pathEdges: pathEdgeSet,
    otherNodes,
    otherEdges,
    endpoints: new Set(endpoints),
    selectedNodes: new Set(selection.nodes),
    selectedEdges: new Set(selection.edges),
    selectedTransfer: selection.transfer,
  };
}
