// Computes what the graph emphasises from the routes, the selected route, the endpoints and the selection.
import { routeActors, routeEdges, type GraphRoute } from './graph-model.js';
import type { Emphasis } from './graph-style.js';

/** What is selected, in graph terms. */
export interface GraphSelection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly transfer?: string | undefined;
}

/** No selection. */
export const NO_SELECTION: GraphSelection = { nodes: [], edges: [] };

/** The emphasis for the `selected` route among `routes` (-1: none), the start/end actors and a selection. */
export function emphasisFor(routes: readonly GraphRoute[], selected: number, endpoints: readonly string[], selection: GraphSelection): Emphasis {
  const current = routes[selected];
  const pathNodes = new Set(current ? routeActors(current) : []);
  const pathEdgeSet = new Set(current ? routeEdges(current) : []);
  const otherNodes = new Set<string>();
  const otherEdges = new Set<string>();
  routes.forEach((r, i) => {
    if (i === selected) return;
    for (const n of routeActors(r)) if (!pathNodes.has(n)) otherNodes.add(n);
    for (const e of routeEdges(r)) if (!pathEdgeSet.has(e)) otherEdges.add(e);
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
