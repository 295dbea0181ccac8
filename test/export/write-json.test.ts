// writeJson: graphology's own serialisation, streamed; Graph.from (here MultiDirectedGraph.from) rebuilds the same graph.
import { MultiDirectedGraph } from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeJson, type ExportGraph } from '../../src/export/index.js';
import { CONTROL_NOTE, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { hostileFixture, seedFixture, text, type Fixture } from './helpers.js';

describe('writeJson', () => {
  let seed: Fixture;
  let hostile: Fixture;
  beforeAll(async () => {
    [seed, hostile] = await Promise.all([seedFixture(), hostileFixture()]);
  });

  it('rejects what is not a graphology graph', () => {
    expect(() => writeJson([] as unknown as ExportGraph)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('writes exactly JSON.stringify(graph.export())', () => {
    for (const { graph } of [seed, hostile]) expect(text(writeJson(graph))).toBe(`${JSON.stringify(graph.export())}\n`);
  });

  it('is read back by MultiDirectedGraph.from as the same graph: keys, ends and attributes, control characters included', () => {
    for (const { graph } of [seed, hostile]) {
      const back = MultiDirectedGraph.from(JSON.parse(text(writeJson(graph))));
      expect([back.type, back.multi, back.order, back.size]).toEqual(['directed', true, graph.order, graph.size]);
      graph.forEachNode((node, attributes) => expect(back.getNodeAttributes(node)).toEqual(attributes));
      graph.forEachEdge((edge, attributes, source, target) => {
        expect([back.source(edge), back.target(edge)]).toEqual([source, target]);
        expect(back.getEdgeAttributes(edge)).toEqual(attributes);
      });
    }
    const back = MultiDirectedGraph.from(JSON.parse(text(writeJson(hostile.graph))));
    expect(back.getNodeAttribute('XC', 'note')).toBe(CONTROL_NOTE);
    expect(JSON.parse(back.getEdgeAttribute('transfer:xa-xb-1', 'citations'))[0].quote).toBe(HOSTILE_QUOTE);
  });
});
