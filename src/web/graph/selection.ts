// What a selected id means in the graph: an actor node, a transfer's edge, or the actors of an event or rule.
import type { NodeDetails, Route, TimelineEntry } from '../api/types.js';
import { NO_SELECTION, type GraphSelection } from './emphasis.js';
import { edgeKey, type DashboardGraph, type GraphRoute } from './graph-model.js';

/** The graph selection of an id: its node, the edge carrying it, or the drawn actors of its timeline entry. */
export function graphSelectionOf(id: string, graph: DashboardGraph, entries: readonly TimelineEntry[]): GraphSelection & { edge?: string } {
  if (id === '') return NO_SELECTION;
  if (graph.hasNode(id)) return { nodes: [id], edges: [] };
  const edge = graph.findEdge((_, a) => a.transfers.includes(id));
  if (edge !== undefined) return { nodes: [], edges: [edge], transfer: id, edge };
  const entry = entries.find((e) => e.subject.id === id || e.id === id);
  return { nodes: entry ? entry.actors.map((a) => a.id).filter((a) => graph.hasNode(a)) : [], edges: [] };
}

/**
 * A deal of the selected route that the neighbourhood does not draw (`hop`: the index of the route's hop it is on):
 * the edge of its hop, when that is drawn.
 */
export function hopDealSelection(id: string, route: Route | undefined, hop: number | undefined, graph: DashboardGraph): GraphSelection & { edge?: string } {
  const step = hop === undefined ? undefined : route?.hops[hop];
  if (step === undefined) return NO_SELECTION;
  const key = edgeKey(step.from.id, step.to.id);
  return graph.hasEdge(key) ? { nodes: [], edges: [key], transfer: id, edge: key } : NO_SELECTION;
}

/** The actors a node is about (an event's actors, a rule's parties, an aid's donor and recipient) that are drawn. */
export function drawnActorsOf(node: NodeDetails, graph: DashboardGraph): string[] {
  let ids: string[] = [];
  if (node.__typename === 'Event') ids = node.actors.map((a) => a.id);
  else if (node.__typename === 'Restriction') ids = [node.imposedBy.id, ...node.suppliers.map((a) => a.id), ...node.recipients.map((a) => a.id)];
  else if (node.__typename === 'AidCommitment') ids = [node.donor.id, node.recipient.id];
  return [...new Set(ids)].filter((a) => graph.hasNode(a));
}

/** The transfer a click on an edge means: the selected route's hop, else any route's hop, else the first. */
export function edgeTransfer(transfers: readonly string[], routes: readonly GraphRoute[], selected: number): string {
  const idsOf = (r: GraphRoute | undefined) => (r?.hops ?? []).flatMap((h) => h.transfers.map((t) => t.id));
  const current = new Set(idsOf(routes[selected]));
  const onAnyPath = new Set(routes.flatMap(idsOf));
  return transfers.find((t) => current.has(t)) ?? transfers.find((t) => onAnyPath.has(t)) ?? transfers[0] ?? '';
}
