// exportGraph: the flat, typed graph every writer reads, from the real seed and from the hostile dataset.
import { beforeAll, describe, expect, it } from 'vitest';
import { typedValues } from '../../src/export/attributes.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, exportGraph } from '../../src/export/index.js';
import type { Subgraph } from '../../src/query/index.js';
import { HOSTILE_ALIASES, HOSTILE_NAME, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { actor, transfer } from '../helpers/dataset.js';
import { hostileFixture, seedFixture, type Fixture } from './helpers.js';

const JP_US = 'transfer:jp-us-patriot-missiles-2024';

describe('exportGraph', () => {
  let seed: Fixture;
  let hostile: Fixture;
  beforeAll(async () => {
    [seed, hostile] = await Promise.all([seedFixture(), hostileFixture()]);
  });

  it('rejects what is not a subgraph, and an edge whose actor the subgraph lacks', () => {
    expect(() => exportGraph(null as unknown as Subgraph)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const t = transfer({ id: 'a-b', from: 'AA', to: 'BB', date: '2020' });
    const orphan: Subgraph = { actors: [actor('AA')], systems: [], edges: [{ id: t.id, source: 'AA', target: 'BB', transfer: t }] };
    expect(() => exportGraph(orphan)).toThrow(/transfer transfer:a-b names actor BB, which the subgraph does not hold/);
  });

  it('makes one node per actor and one directed edge per transfer, keyed by their ids', () => {
    const { graph, subgraph } = seed;
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.nodes().sort()).toEqual(['JP', 'UA', 'US', 'unknown:supplier']);
    expect(graph.edges().sort()).toEqual(subgraph.edges.map((e) => e.id).sort());
    expect(graph.source(JP_US)).toBe('JP');
    expect(graph.target(JP_US)).toBe('US');
  });

  it('flattens actors into label, name, kind and joined aliases', () => {
    expect(seed.graph.getNodeAttributes('JP')).toEqual({
      label: 'Japan', name: 'Japan', kind: 'STATE', aliases: 'JPN;Japanese government;日本',
    });
    expect(hostile.graph.getNodeAttributes('XA')).toMatchObject({ name: HOSTILE_NAME, aliases: HOSTILE_ALIASES.join(';') });
    expect(hostile.graph.getNodeAttributes('company:x-y')).toMatchObject({ partOf: 'XA' });
    expect(hostile.graph.getNodeAttributes('XC')).not.toHaveProperty('aliases');
  });

  it('flattens a transfer into typed edge attributes, open dates kept as their sentinels', () => {
    const a = seed.graph.getEdgeAttributes(JP_US);
    expect(a).toMatchObject({
      label: 'Patriot missile', transferId: JP_US, system: 'system:patriot-missile', systemName: 'Patriot missile',
      status: 'PLANNED', kind: 'BACKFILL', date_edtf: '2024-01/..', date_earliest: '2024-01-01', date_latest: '9999-12-31',
      date_precision: 'RANGE', date_approximate: false, date_uncertain: false, quantity_min: 24, quantity_text: 'dozens',
      enabledBy: 'event:jp-export-rules-2023-12-22;event:jp-mofa-patriots-to-us-2023-12-22',
      subjectTo: 'restriction:jp-reexport-consent', backfills: 'transfer:us-ua-patriot-missiles-potential', inferred: 'quantity',
      citation_sources: 'source:kyiv-independent-2023-12-japan-patriots',
    });
    expect(a).not.toHaveProperty('quantity_exact');
    expect(a).not.toHaveProperty('tiv_delivered');
  });

  it('keeps citations as JSON, with the sources\' titles, and flattens their sources and quotes', () => {
    const t = seed.subgraph.edges.find((e) => e.id === JP_US)!.transfer;
    const a = seed.graph.getEdgeAttributes(JP_US);
    const citations = JSON.parse(a.citations as string) as Record<string, string>[];
    expect(citations.map(({ source, quote }) => ({ source, quote }))).toEqual(t.citations.map(({ source, quote }) => ({ source, quote })));
    expect(citations[0]).toMatchObject({ publisher: 'The Kyiv Independent', publishedAt: '2023-12-22/2023-12-31' });
    expect(a.citation_quotes).toBe(t.citations.map((c) => c.quote).join(' | '));
    const plain = exportGraph(seed.subgraph).getEdgeAttributes(JP_US);
    expect(JSON.parse(plain.citations as string)[0]).not.toHaveProperty('title');
  });

  it('keeps parallel transfers apart and sums SIPRI delivery TIV', () => {
    const { graph } = hostile;
    expect(graph.edges('XA', 'XB').sort()).toEqual(['transfer:xa-xb-1', 'transfer:xa-xb-2']);
    expect(graph.getEdgeAttributes('transfer:xa-xb-2')).toMatchObject({ tiv_delivered: 3.75, quantity_exact: 12, sipri_deal_id: 'transfer:xa-xb-2' });
    const one = graph.getEdgeAttributes('transfer:xa-xb-1');
    expect(one).toMatchObject({ valueUsd_min: 1e9, valueUsd_max: 2.5e9, date_approximate: true, quantity_min: 10, quantity_max: 20 });
    expect(one.citation_sources).toBe('source:test|source:hostile-second');
    expect(one.citation_quotes).toBe(`${HOSTILE_QUOTE} | second quote; with a semicolon | and a pipe`);
    expect(JSON.parse(one.citations as string)[0].quote).toBe(HOSTILE_QUOTE);
  });

  it('holds only declared attributes, each of its declared type', () => {
    for (const { graph } of [seed, hostile]) {
      const declared = (specs: typeof NODE_ATTRIBUTES) => new Set(specs.map((s) => s.name));
      graph.forEachNode((node, attributes) => {
        expect(Object.keys(attributes).filter((k) => !declared(NODE_ATTRIBUTES).has(k))).toEqual([]);
        expect([...typedValues(NODE_ATTRIBUTES, attributes, node)]).toHaveLength(Object.keys(attributes).length);
      });
      graph.forEachEdge((edge, attributes) => {
        expect(Object.keys(attributes).filter((k) => !declared(EDGE_ATTRIBUTES).has(k))).toEqual([]);
        expect([...typedValues(EDGE_ATTRIBUTES, attributes, edge)]).toHaveLength(Object.keys(attributes).length);
      });
    }
  });
});
