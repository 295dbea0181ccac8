// networkx reads our GraphML and GEXF with every attribute typed as declared (needs python3 + networkx: pip install networkx).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, writeGexf, writeGraphml, type AttributeSpec, type ExportGraph } from '../../src/export/index.js';
import { CONTROL_NOTE, HOSTILE_NAME, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { hostileFixture, seedFixture, text, withTempFiles, xmlSafe, type Fixture } from './helpers.js';
import { networkxAvailable, readWithNetworkx, type NetworkxGraph } from './python.js';

const PYTHON_TYPES = { string: 'str', int: 'int', double: 'float', boolean: 'bool' } as const;

/** Attributes as networkx_read.py prints them: [value, python type], with the types the schema declares. */
function typed(specs: readonly AttributeSpec[], attributes: Record<string, unknown>, extra: Record<string, string> = {}) {
  const types = new Map(specs.map((s) => [s.name, PYTHON_TYPES[s.type]]));
  const out: Record<string, [unknown, string]> = {};
  for (const [k, v] of Object.entries(xmlSafe(attributes))) out[k] = [v, types.get(k) ?? 'unknown'];
  for (const [k, v] of Object.entries(extra)) out[k] = [v, 'str'];
  return out;
}

async function read(format: 'graphml' | 'gexf', graph: ExportGraph): Promise<NetworkxGraph> {
  const content = text(format === 'graphml' ? writeGraphml(graph) : writeGexf(graph));
  return withTempFiles({ [`export.${format}`]: content }, (dir) => readWithNetworkx(format, join(dir, `export.${format}`)));
}

const edgeOf = (nx: NetworkxGraph, id: string) => nx.edges.find((e) => e[3].transferId?.[0] === id)!;

if (await networkxAvailable()) {
  describe('networkx reads the exports', () => {
    let seed: Fixture;
    let hostile: Fixture;
    beforeAll(async () => {
      [seed, hostile] = await Promise.all([seedFixture(), hostileFixture()]);
    });

    it('nx.read_graphml: same nodes, edges and typed attributes; parallel transfers make a MultiDiGraph', async () => {
      for (const { graph } of [seed, hostile]) {
        const nx = await read('graphml', graph);
        expect(nx.directed).toBe(true);
        expect(Object.keys(nx.nodes).sort()).toEqual(graph.nodes().sort());
        expect(nx.edges).toHaveLength(graph.size);
        graph.forEachNode((node, attributes) => expect(nx.nodes[node]).toEqual(typed(NODE_ATTRIBUTES, attributes)));
        graph.forEachEdge((edge, attributes, source, target) => {
          const [u, v, key, data] = edgeOf(nx, edge);
          expect([u, v]).toEqual([source, target]);
          // A MultiDiGraph keys edges by their GraphML id; a DiGraph (no parallel edges) keeps the id as data.
          if (nx.multigraph) expect(key).toBe(edge);
          expect(data).toEqual(typed(EDGE_ATTRIBUTES, attributes, nx.multigraph ? {} : { id: edge }));
        });
      }
      const nx = await read('graphml', hostile.graph);
      expect(nx.class).toBe('MultiDiGraph');
      expect(nx.edges.filter(([u, v]) => u === 'XA' && v === 'XB').map((e) => e[2]).sort()).toEqual(['transfer:xa-xb-1', 'transfer:xa-xb-2']);
    });

    it('nx.read_graphml: the values researchers look at first', async () => {
      const nx = await read('graphml', seed.graph);
      expect(nx.nodes.JP!.name).toEqual(['Japan', 'str']);
      const jpUs = edgeOf(nx, 'transfer:jp-us-patriot-missiles-2024');
      expect([jpUs[0], jpUs[1], jpUs[3].status, jpUs[3].date_earliest, jpUs[3].quantity_min]).toEqual([
        'JP', 'US', ['PLANNED', 'str'], ['2024-01-01', 'str'], [24, 'int'],
      ]);
      const hx = await read('graphml', hostile.graph);
      expect(hx.nodes.XA!.name![0]).toBe(HOSTILE_NAME);
      expect(JSON.parse(edgeOf(hx, 'transfer:xa-xb-1')[3].citations![0] as string)[0].quote).toBe(HOSTILE_QUOTE);
      expect(edgeOf(hx, 'transfer:xa-xb-2')[3].tiv_delivered).toEqual([3.75, 'float']);
      expect(hx.nodes.XC!.note).toEqual([CONTROL_NOTE.replace('\u0001', ''), 'str']);
    });

    it('nx.read_gexf: same graph, labels, and each transfer\'s start and end (open ends left out)', async () => {
      for (const { graph } of [seed, hostile]) {
        const nx = await read('gexf', graph);
        expect([nx.directed, nx.graph.mode]).toEqual([true, 'dynamic']);
        expect(Object.keys(nx.nodes).sort()).toEqual(graph.nodes().sort());
        expect(nx.edges).toHaveLength(graph.size);
        graph.forEachNode((node, attributes) => expect(nx.nodes[node]).toEqual(typed(NODE_ATTRIBUTES, attributes)));
        graph.forEachEdge((edge, attributes, source, target) => {
          const [u, v, , data] = edgeOf(nx, edge);
          expect([u, v]).toEqual([source, target]);
          const spell: Record<string, string> = { id: edge };
          if (attributes.date_earliest !== '0001-01-01') spell.start = attributes.date_earliest as string;
          if (attributes.date_latest !== '9999-12-31') spell.end = attributes.date_latest as string;
          expect(data).toEqual(typed(EDGE_ATTRIBUTES, attributes, spell));
        });
      }
      const nx = await read('gexf', seed.graph);
      const jpUs = edgeOf(nx, 'transfer:jp-us-patriot-missiles-2024')[3];
      expect([nx.nodes.JP!.label, jpUs.status, jpUs.start, jpUs.end]).toEqual([['Japan', 'str'], ['PLANNED', 'str'], ['2024-01-01', 'str'], undefined]);
      const hx = await read('gexf', hostile.graph);
      expect(edgeOf(hx, 'transfer:xa-xb-1')[3].citation_quotes![0]).toBe(`${HOSTILE_QUOTE} | second quote; with a semicolon | and a pipe`);
    });
  });
}
