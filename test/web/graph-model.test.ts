// The graph the dashboard draws: one edge per supplier→recipient pair, route hops labelled, the route emphasised.
import { describe, expect, it } from 'vitest';
import type { Route, Subgraph, TimelineEntry, TransferStatus } from '../../src/web/api/types.js';
import { emphasisFor } from '../../src/web/graph/emphasis.js';
import { drawnActorsOf, edgeTransfer, graphSelectionOf, hopDealSelection } from '../../src/web/graph/selection.js';
import { buildGraph, edgeKey, placeNodes, routeActors, routeEdges, toGraphRoute, unitHash, type GraphRoute } from '../../src/web/graph/graph-model.js';
import { COLORS, edgeLabel, edgeLook, NO_EMPHASIS, nodeLook } from '../../src/web/graph/graph-style.js';

const actor = (id: string, name = id) => ({ id, name });
const span = { edtf: '2024', earliest: '2024-01-01', latest: '2024-12-31', precision: 'YEAR' as const, approximate: false, uncertain: false };
/** A route of the API whose hops have one deal each (their witness transfers given), or the deals and TIV given. */
const route = (...hops: [from: string, to: string, transfer: string, status: TransferStatus, edtf: string, deals?: number, tiv?: number][]): Route => ({
  id: [hops[0]![0], ...hops.map((h) => h[1])].join('>'),
  length: hops.length,
  score: Math.min(...hops.map((h) => h[6] ?? 0)),
  actors: [actor(hops[0]![0]), ...hops.map((h) => actor(h[1]))],
  hops: hops.map(([from, to, , , , deals = 1, tiv]) => ({
    from: actor(from), to: actor(to), deals, units: null, tiv: tiv ?? null, span: { earliest: '2024-01-01', latest: '9999-12-31' }, categories: [],
  })),
  witness: {
    hops: hops.map(([, , id, status, edtf]) => ({
      transfer: { id, status, system: { id: 'system:patriot-missile', name: 'Patriot missile' }, date: { ...span, edtf, latest: '9999-12-31', precision: 'RANGE' as const } },
    })),
  },
  checks: [],
});
const path = (...hops: Parameters<typeof route>): GraphRoute => toGraphRoute(route(...hops));

const JP_US_UA = path(['JP', 'US', 't:jp-us', 'PLANNED', '2024-01/..'], ['US', 'UA', 't:us-ua', 'POTENTIAL', '2023-12-22/..']);
const SUBGRAPH: Subgraph = {
  actors: [{ id: 'JP', name: 'Japan', kind: 'STATE' }, { id: 'US', name: 'United States', kind: 'STATE' }, { id: 'UA', name: 'Ukraine', kind: 'STATE' }, { id: 'DE', name: 'Germany', kind: 'STATE' }],
  edges: [
    { id: 't:jp-us', source: { id: 'JP' }, target: { id: 'US' }, transfer: { id: 't:jp-us', status: 'PLANNED' } },
    { id: 't:us-ua', source: { id: 'US' }, target: { id: 'UA' }, transfer: { id: 't:us-ua', status: 'POTENTIAL' } },
    { id: 't:us-ua-2', source: { id: 'US' }, target: { id: 'UA' }, transfer: { id: 't:us-ua-2', status: 'DELIVERED' } },
    { id: 't:de-ua', source: { id: 'DE' }, target: { id: 'UA' }, transfer: { id: 't:de-ua', status: 'DELIVERED' } },
    { id: 't:loop', source: { id: 'DE' }, target: { id: 'DE' }, transfer: { id: 't:loop', status: 'DELIVERED' } },
    { id: 't:out', source: { id: 'DE' }, target: { id: 'FR' }, transfer: { id: 't:out', status: 'DELIVERED' } },
  ],
};

describe('toGraphRoute', () => {
  it('labels a one-deal hop with its transfer and a busier hop with its evidence', () => {
    const r = toGraphRoute(route(['DE', 'CZ', 't:de-cz', 'DELIVERED', '2022/2023', 2, 24.65], ['CZ', 'UA', 't:cz-ua', 'DELIVERED', '2022', 1, 3]));
    expect(r.hops.map((h) => h.label)).toEqual(['2 deals · 24.7 m TIV', 'Patriot missile · DELIVERED · 2022']);
    expect(r.hops[0]!.transfers).toEqual([{ id: 't:de-cz', status: 'DELIVERED', label: 'Patriot missile · DELIVERED · 2022/2023' }]);
    expect(routeActors(r)).toEqual(['DE', 'CZ', 'UA']);
    expect(routeEdges(r)).toEqual(['DE->CZ', 'CZ->UA']);
  });
});

describe('buildGraph', () => {
  it('draws an empty graph from nothing, and route actors without a neighbourhood', () => {
    expect(buildGraph({ routes: [] }).order).toBe(0);
    const g = buildGraph({ routes: [JP_US_UA] });
    expect(g.nodes()).toEqual(['JP', 'US', 'UA']);
    expect(g.edges()).toEqual(['JP->US', 'US->UA']);
  });

  it('keeps one edge per pair with all its transfers, skipping loops and edges to undrawn actors', () => {
    const g = buildGraph({ subgraph: SUBGRAPH, routes: [JP_US_UA], focus: [actor('JP')] });
    expect(g.order).toBe(4);
    expect(g.edges().sort()).toEqual(['DE->UA', 'JP->US', 'US->UA']);
    expect(g.getEdgeAttribute(edgeKey('US', 'UA'), 'transfers')).toEqual(['t:us-ua', 't:us-ua-2']);
    expect(g.getEdgeAttribute('US->UA', 'hopLabels')).toEqual({ 't:us-ua': 'Patriot missile · POTENTIAL · 2023-12-22/..' });
    expect(g.getNodeAttribute('US', 'label')).toBe('United States');
    // Busier actors are bigger.
    expect(g.getNodeAttribute('UA', 'size')).toBeGreaterThan(g.getNodeAttribute('JP', 'size'));
  });
});

describe('placeNodes', () => {
  it('pins the path left to right (or top to bottom) and places the rest the same way every time', () => {
    const g = buildGraph({ subgraph: SUBGRAPH, routes: [JP_US_UA] });
    placeNodes(g, routeActors(JP_US_UA));
    const [jp, us, ua] = ['JP', 'US', 'UA'].map((n) => g.getNodeAttributes(n));
    expect(jp!.x < us!.x && us!.x < ua!.x).toBe(true);
    expect([jp!.y, us!.y, ua!.y]).toEqual([0, 0, 0]);
    expect([jp!.fixed, g.getNodeAttribute('DE', 'fixed')]).toEqual([true, false]);
    const de = { x: g.getNodeAttribute('DE', 'x'), y: g.getNodeAttribute('DE', 'y') };
    const again = buildGraph({ subgraph: SUBGRAPH, routes: [JP_US_UA] });
    placeNodes(again, routeActors(JP_US_UA), new Map(), true);
    expect({ x: again.getNodeAttribute('DE', 'x'), y: again.getNodeAttribute('DE', 'y') }).toEqual(de);
    expect(again.getNodeAttribute('JP', 'x')).toBe(0);
    expect(again.getNodeAttribute('JP', 'y')).toBeGreaterThan(again.getNodeAttribute('UA', 'y'));
  });

  it('keeps where earlier nodes were', () => {
    const g = buildGraph({ subgraph: SUBGRAPH, routes: [] });
    placeNodes(g, [], new Map([['DE', { x: 5, y: -7 }]]));
    expect(g.getNodeAttributes('DE')).toMatchObject({ x: 5, y: -7, fixed: false });
    expect(unitHash('DE')).toBeGreaterThanOrEqual(0);
    expect(unitHash('DE')).toBeLessThan(1);
  });
});

describe('emphasisFor / nodeLook / edgeLook', () => {
  const other = path(['JP', 'DE', 't:jp-de', 'POTENTIAL', '2024'], ['DE', 'UA', 't:de-ua', 'DELIVERED', '2024']);
  const g = buildGraph({ subgraph: SUBGRAPH, routes: [JP_US_UA, other] });

  it('emphasises nothing without paths, endpoints or a selection', () => {
    const e = emphasisFor([], 0, [], { nodes: [], edges: [] });
    expect(nodeLook('DE', g.getNodeAttributes('DE'), e).color).toBe(COLORS.node);
    expect(edgeLook('DE->UA', g.getEdgeAttributes('DE->UA'), NO_EMPHASIS)).toMatchObject({ color: COLORS.edge, label: null });
  });

  it('highlights the selected route, shows other routes apart and dims the rest', () => {
    const e = emphasisFor([JP_US_UA, other], 0, ['JP', 'UA'], { nodes: [], edges: [] });
    expect([...e.pathNodes]).toEqual(['JP', 'US', 'UA']);
    expect([...e.otherNodes]).toEqual(['DE']);
    expect([...e.otherEdges]).toEqual(['JP->DE', 'DE->UA']);
    const jp = nodeLook('JP', g.getNodeAttributes('JP'), e);
    expect(jp).toMatchObject({ color: COLORS.path, forceLabel: true });
    expect(jp.size).toBeGreaterThan(g.getNodeAttribute('JP', 'size'));
    expect(nodeLook('DE', g.getNodeAttributes('DE'), e).color).toBe(COLORS.otherPath);
    const hopEdge = edgeLook('JP->US', g.getEdgeAttributes('JP->US'), e);
    expect(hopEdge).toMatchObject({ color: COLORS.path, label: 'Patriot missile · PLANNED · 2024-01/..', forceLabel: true });
    // A route hop's edge shows the hop's evidence, whatever else the neighbourhood has on it.
    expect(edgeLook('US->UA', g.getEdgeAttributes('US->UA'), e).label).toBe('Patriot missile · POTENTIAL · 2023-12-22/..');
    const onlySelected = emphasisFor([JP_US_UA], 0, [], { nodes: [], edges: [] });
    expect(nodeLook('DE', g.getNodeAttributes('DE'), onlySelected).color).toBe(COLORS.dimNode);
    expect(edgeLook('DE->UA', g.getEdgeAttributes('DE->UA'), onlySelected).color).toBe(COLORS.dimEdge);
  });

  it('shows a selection over the route', () => {
    const e = emphasisFor([JP_US_UA], 0, [], { nodes: ['US'], edges: ['US->UA'], transfer: 't:us-ua-2' });
    // A selected actor on the route keeps its label above its disc; one off the route gets sigma's highlight box.
    expect(nodeLook('US', g.getNodeAttributes('US'), e)).toMatchObject({ color: COLORS.selected, highlighted: false, labelAbove: true });
    const off = emphasisFor([JP_US_UA], 0, [], { nodes: ['DE'], edges: [] });
    expect(nodeLook('DE', g.getNodeAttributes('DE'), off)).toMatchObject({ color: COLORS.selected, highlighted: true, labelAbove: false });
    expect(edgeLook('US->UA', g.getEdgeAttributes('US->UA'), e).color).toBe(COLORS.selected);
    const plain = buildGraph({ subgraph: SUBGRAPH, routes: [] });
    expect(edgeLabel(plain.getEdgeAttributes('DE->UA'))).toBe('DELIVERED');
    expect(edgeLabel(plain.getEdgeAttributes('US->UA'))).toBe('2 transfers');
    expect(edgeLabel(g.getEdgeAttributes('US->UA'), 't:us-ua')).toBe('Patriot missile · POTENTIAL · 2023-12-22/..');
    expect(edgeLabel({ ...plain.getEdgeAttributes('US->UA'), hopLabels: { 't:us-ua': 'x' } })).toBe('x (+1)');
  });
});

describe('graphSelectionOf / drawnActorsOf / edgeTransfer', () => {
  const g = buildGraph({ subgraph: SUBGRAPH, routes: [JP_US_UA] });
  const entries: TimelineEntry[] = [{ id: 'event:x', kind: 'POLICY_CHANGE', title: 'x', date: span, subject: { id: 'event:x' }, actors: [{ id: 'JP' }, { id: 'org:gone' }], systems: [] }];

  it('selects nothing for an empty id, and nothing drawn for an unknown one', () => {
    expect(graphSelectionOf('', g, entries)).toEqual({ nodes: [], edges: [] });
    expect(graphSelectionOf('event:unknown', g, entries)).toEqual({ nodes: [], edges: [] });
  });
  it('selects an actor, a transfer by its edge, and an event by its drawn actors', () => {
    expect(graphSelectionOf('US', g, entries)).toEqual({ nodes: ['US'], edges: [] });
    expect(graphSelectionOf('t:us-ua-2', g, entries)).toEqual({ nodes: [], edges: ['US->UA'], transfer: 't:us-ua-2', edge: 'US->UA' });
    expect(graphSelectionOf('event:x', g, entries)).toEqual({ nodes: ['JP'], edges: [] });
    const aid = { __typename: 'AidCommitment', donor: actor('JP'), recipient: actor('UA') } as unknown as Parameters<typeof drawnActorsOf>[0];
    expect(drawnActorsOf(aid, g)).toEqual(['JP', 'UA']);
  });
  it('means the route hop when an edge carries several transfers', () => {
    expect(edgeTransfer(['t:us-ua-2', 't:us-ua'], [JP_US_UA], 0)).toBe('t:us-ua');
    expect(edgeTransfer(['t:us-ua-2', 't:us-ua'], [], 0)).toBe('t:us-ua-2');
    expect(edgeTransfer([], [], 0)).toBe('');
  });
});

describe('hopDealSelection', () => {
  const g = buildGraph({ subgraph: SUBGRAPH, routes: [JP_US_UA] });
  const jpUsUa = route(['JP', 'US', 't:jp-us', 'PLANNED', '2024-01/..'], ['US', 'UA', 't:us-ua', 'POTENTIAL', '2023-12-22/..']);

  it('selects nothing without a route, a hop, or a drawn edge for the hop', () => {
    expect(hopDealSelection('t:x', undefined, 0, g)).toEqual({ nodes: [], edges: [] });
    expect(hopDealSelection('t:x', jpUsUa, undefined, g)).toEqual({ nodes: [], edges: [] });
    expect(hopDealSelection('t:x', jpUsUa, 5, g)).toEqual({ nodes: [], edges: [] });
    expect(hopDealSelection('t:x', jpUsUa, 0, buildGraph({ routes: [] }))).toEqual({ nodes: [], edges: [] });
  });
  it("selects the edge of the deal's hop", () => {
    expect(hopDealSelection('t:undrawn', jpUsUa, 1, g)).toEqual({ nodes: [], edges: ['US->UA'], transfer: 't:undrawn', edge: 'US->UA' });
  });
});
