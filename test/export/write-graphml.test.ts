// writeGraphml: graphology-graphml reads back exactly what was written; big graphs stream in bounded chunks.
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, exportGraph, writeGraphml, type ExportGraph } from '../../src/export/index.js';
import type { Subgraph } from '../../src/query/index.js';
import { CONTROL_NOTE, HOSTILE_NAME, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { actor, transfer } from '../helpers/dataset.js';
import { hostileFixture, seedFixture, text, xmlSafe, type Fixture } from './helpers.js';

/** A subgraph of `edges` transfers among 200 actors, every one with a long quote. */
function syntheticSubgraph(edges: number): Subgraph {
  const actors = Array.from({ length: 200 }, (_, i) => actor(`company:c${i}`, `Company ${i} & <Sons>`));
  const base = transfer({ id: 'base', from: 'company:c0', to: 'company:c1', date: '2023-05' });
  const quote = 'A fairly long quote about a transfer, "with quotes" & <angle brackets>. '.repeat(4);
  const list = Array.from({ length: edges }, (_, i) => {
    const t = { ...base, id: `transfer:t${i}`, supplier: `company:c${i % 200}`, recipient: `company:c${(i * 7 + 1) % 200}`,
      citations: [{ source: 'source:test', quote: `${quote} #${i}` }] };
    return { id: t.id, source: t.supplier, target: t.recipient, transfer: t };
  });
  return { actors, systems: [], edges: list };
}

function expectSameGraph(parsed: ExportGraph, graph: ExportGraph): void {
  expect(parsed.order).toBe(graph.order);
  expect(parsed.size).toBe(graph.size);
  graph.forEachNode((node, attributes) => expect(parsed.getNodeAttributes(node)).toEqual(xmlSafe(attributes)));
  graph.forEachEdge((edge, attributes, source, target) => {
    expect([parsed.source(edge), parsed.target(edge)]).toEqual([source, target]);
    expect(parsed.getEdgeAttributes(edge)).toEqual(xmlSafe(attributes));
  });
}

describe('writeGraphml', () => {
  let seed: Fixture;
  let hostile: Fixture;
  beforeAll(async () => {
    [seed, hostile] = await Promise.all([seedFixture(), hostileFixture()]);
  });

  it('rejects what is not a directed graphology graph', () => {
    expect(() => writeGraphml({} as ExportGraph)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => writeGraphml(new UndirectedGraph() as unknown as ExportGraph)).toThrow(/writeGraphml: expected a directed graph/);
  });

  it('refuses an attribute whose value does not fit its declared type', () => {
    const graph = new MultiDirectedGraph();
    graph.addNode('A', { name: 'A' });
    graph.addEdgeWithKey('transfer:x', 'A', 'A', { quantity_exact: 'many' });
    expect(() => text(writeGraphml(graph as ExportGraph))).toThrow(/edge transfer:x attribute "quantity_exact" must be int/);
  });

  it('declares one typed key per schema attribute and a directed graph', () => {
    const xml = text(writeGraphml(seed.graph));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
    expect(xml).toContain('<graph id="armsgraph" edgedefault="directed">');
    expect(xml).toContain('<key id="e_quantity_exact" for="edge" attr.name="quantity_exact" attr.type="int">');
    expect(xml).toContain('<key id="e_tiv_delivered" for="edge" attr.name="tiv_delivered" attr.type="double">');
    expect(xml).toContain('<key id="e_date_approximate" for="edge" attr.name="date_approximate" attr.type="boolean">');
    expect(xml.match(/<key /g)).toHaveLength(NODE_ATTRIBUTES.length + EDGE_ATTRIBUTES.length);
  });

  it('round-trips the seed through graphology-graphml', () => {
    const parsed = parse(MultiDirectedGraph, text(writeGraphml(seed.graph))) as ExportGraph;
    expectSameGraph(parsed, seed.graph);
    expect(parsed.getNodeAttribute('JP', 'name')).toBe('Japan');
    expect(parsed.getEdgeAttributes('transfer:jp-us-patriot-missiles-2024')).toMatchObject({
      status: 'PLANNED', date_earliest: '2024-01-01', quantity_min: 24,
    });
  });

  it('round-trips hostile strings, keeping parallel edges; XML-forbidden control characters are removed', () => {
    const parsed = parse(MultiDirectedGraph, text(writeGraphml(hostile.graph))) as ExportGraph;
    expectSameGraph(parsed, hostile.graph);
    expect(parsed.multi).toBe(true);
    expect(parsed.edges('XA', 'XB').sort()).toEqual(['transfer:xa-xb-1', 'transfer:xa-xb-2']);
    expect(parsed.getNodeAttribute('XA', 'name')).toBe(HOSTILE_NAME);
    expect(parsed.getEdgeAttribute('transfer:xa-xb-1', 'citation_quotes')).toContain(HOSTILE_QUOTE);
    expect(parsed.getNodeAttribute('XC', 'note')).toBe(CONTROL_NOTE.replace('\u0001', ''));
    expect(parsed.getEdgeAttribute('transfer:xa-xb-2', 'tiv_delivered')).toBe(3.75);
    expect(parsed.getEdgeAttribute('transfer:xa-xb-1', 'date_approximate')).toBe(true);
  });

  it('streams a 20,000-edge graph in many chunks, none over 1 MB', () => {
    const graph = exportGraph(syntheticSubgraph(20_000));
    const chunks = [...writeGraphml(graph)];
    expect(chunks.length).toBeGreaterThan(20);
    for (const chunk of chunks) expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(1024 * 1024);
    const xml = chunks.join('');
    expect(xml.match(/<node /g)).toHaveLength(200);
    expect(xml.match(/<edge /g)).toHaveLength(20_000);
    expect(xml).toMatch(/<edge id="transfer:t19999" [^\n]* #19999<\/data><\/edge>\n  <\/graph>\n<\/graphml>\n$/);
  });

  it('can be iterated again and gives the same text', () => {
    const chunks = writeGraphml(hostile.graph);
    expect(text(chunks)).toBe(text(chunks));
  });
});
