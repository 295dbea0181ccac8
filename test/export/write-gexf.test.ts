// writeGexf: GEXF 1.3 that graphology-gexf reads back, with transfers as spells on Gephi's timeline.
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeGexf, type ExportGraph } from '../../src/export/index.js';
import { CONTROL_NOTE, HOSTILE_ALIASES, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { hostileFixture, seedFixture, text, xmlSafe, type Fixture } from './helpers.js';

/** The `<edge …>` start tag of one edge. */
function edgeTag(xml: string, id: string): string {
  const tag = xml.split('\n').find((line) => line.includes(`<edge id="${id}"`));
  if (tag === undefined) throw new Error(`no edge ${id}`);
  return tag.slice(0, tag.indexOf('>') + 1);
}

describe('writeGexf', () => {
  let seed: Fixture;
  let hostile: Fixture;
  beforeAll(async () => {
    [seed, hostile] = await Promise.all([seedFixture(), hostileFixture()]);
  });

  it('rejects what is not a directed graphology graph', () => {
    expect(() => writeGexf(undefined as unknown as ExportGraph)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('writes a dynamic GEXF 1.3 graph with typed node and edge attributes', () => {
    const xml = text(writeGexf(seed.graph));
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toMatch(/<gexf [^>]*version="1.3">/);
    expect(xml).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">');
    expect(xml).toContain('<attributes class="node" mode="static">');
    expect(xml).toContain('<attribute id="quantity_min" title="quantity_min" type="integer"/>');
    expect(xml).toContain('<attribute id="tiv_delivered" title="tiv_delivered" type="double"/>');
    expect(xml).toContain('<attribute id="date_uncertain" title="date_uncertain" type="boolean"/>');
    expect(xml).not.toContain('<attribute id="label"');
  });

  it('spans each edge from date_earliest to date_latest, leaving out open ends', () => {
    const xml = text(writeGexf(hostile.graph));
    expect(edgeTag(xml, 'transfer:xa-xb-1')).toMatch(/ start="2023-05-01" end="2023-05-31">$/);
    expect(edgeTag(xml, 'transfer:xb-xc')).toMatch(/ start="2022-02-24">$/);
    expect(edgeTag(xml, 'transfer:xy-xc')).toMatch(/ end="2021-12-31">$/);
    expect(edgeTag(xml, 'transfer:xy-xc')).not.toContain('start=');
    expect(edgeTag(text(writeGexf(seed.graph)), 'transfer:jp-us-patriot-missiles-2024')).not.toContain('end=');
  });

  it('round-trips the seed and the hostile dataset through graphology-gexf', () => {
    for (const { graph } of [seed, hostile]) {
      const parsed = parse(MultiDirectedGraph, text(writeGexf(graph))) as ExportGraph;
      expect([parsed.order, parsed.size]).toEqual([graph.order, graph.size]);
      graph.forEachNode((node, attributes) => expect(parsed.getNodeAttributes(node)).toEqual(xmlSafe(attributes)));
      graph.forEachEdge((edge, attributes, source, target) => {
        expect([parsed.source(edge), parsed.target(edge)]).toEqual([source, target]);
        expect(parsed.getEdgeAttributes(edge)).toEqual(xmlSafe(attributes));
      });
    }
  });

  it('keeps hostile names, aliases and quotes exactly, removing only XML-forbidden control characters', () => {
    const parsed = parse(MultiDirectedGraph, text(writeGexf(hostile.graph))) as ExportGraph;
    expect(parsed.getNodeAttribute('XA', 'aliases')).toBe(HOSTILE_ALIASES.join(';'));
    expect(parsed.getEdgeAttribute('transfer:xa-xb-1', 'citation_quotes')).toBe(`${HOSTILE_QUOTE} | second quote; with a semicolon | and a pipe`);
    expect(JSON.parse(parsed.getEdgeAttribute('transfer:xa-xb-1', 'citations') as string)[0].quote).toBe(HOSTILE_QUOTE);
    expect(parsed.getNodeAttribute('XC', 'note')).toBe(CONTROL_NOTE.replace('\u0001', ''));
    expect(parsed.getEdgeAttribute('transfer:xa-xb-2', 'quantity_exact')).toBe(12);
  });
});
