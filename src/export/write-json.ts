// JSON writer: graphology's own serialisation (`graph.export()`), streamed node by node and edge by edge.
import { checkExportGraph, type ExportGraph } from './attributes.js';
import { chunked } from './chunks.js';

const isEmpty = (o: object): boolean => Object.keys(o).length === 0;

function* parts(graph: ExportGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const serialized = isEmpty(attributes) ? { key: node } : { key: node, attributes };
    yield (first ? '' : ',') + JSON.stringify(serialized);
    first = false;
  }
  yield '],"edges":[';
  first = true;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const serialized: Record<string, unknown> = { key: edge, source, target };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    if (graph.type === 'mixed' && undirected) serialized.undirected = true;
    yield (first ? '' : ',') + JSON.stringify(serialized);
    first = false;
  }
  yield ']}\n';
}

/**
 * Writes the graph as graphology's serialisation, byte for byte what `JSON.stringify(graph.export())` gives
 * (plus a final newline) but streamed: `Graph.from(JSON.parse(text))` rebuilds it, and sigma.js draws it.
 * Returns a re-iterable stream of chunks.
 */
export function writeJson(graph: ExportGraph): Iterable<string> {
  checkExportGraph(graph, 'writeJson');
  return chunked(() => parts(graph));
}
