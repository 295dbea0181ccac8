// GraphML writer (networkx, yEd, Gephi): typed <key>s from the attribute schema, directed, parallel edges kept.
import {
  EDGE_ATTRIBUTES, NODE_ATTRIBUTES, TYPE_NAMES, checkExportGraph, typedValues,
  type AttributeSpec, type AttributeValue, type ExportGraph,
} from './attributes.js';
import { chunked } from './chunks.js';
import { escapeXml } from './xml.js';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';

/** Key ids differ per domain because nodes and edges share attribute names (label, kind, note). */
const keyId = (domain: 'node' | 'edge', name: string): string => `${domain === 'node' ? 'n' : 'e'}_${name}`;

function keyElement(domain: 'node' | 'edge', spec: AttributeSpec): string {
  const description = spec.list ? `${spec.description} (joined by ";")` : spec.description;
  return (
    `  <key id="${keyId(domain, spec.name)}" for="${domain}" attr.name="${escapeXml(spec.name)}" ` +
    `attr.type="${TYPE_NAMES[spec.type].graphml}"><desc>${escapeXml(description)}</desc></key>\n`
  );
}

/** Writes a value as GraphML data text: Java-style literals for numbers and booleans, escaped strings. */
function dataText(value: AttributeValue): string {
  return typeof value === 'string' ? escapeXml(value) : String(value);
}

function dataElements(domain: 'node' | 'edge', specs: readonly AttributeSpec[], attributes: Record<string, unknown>, where: string): string {
  let out = '';
  for (const [spec, value] of typedValues(specs, attributes, where)) {
    out += `<data key="${keyId(domain, spec.name)}">${dataText(value)}</data>`;
  }
  return out;
}

function* parts(graph: ExportGraph): Generator<string> {
  yield HEADER;
  for (const spec of NODE_ATTRIBUTES) yield keyElement('node', spec);
  for (const spec of EDGE_ATTRIBUTES) yield keyElement('edge', spec);
  yield '  <graph id="armsgraph" edgedefault="directed">\n';
  for (const { node, attributes } of graph.nodeEntries()) {
    yield `    <node id="${escapeXml(node)}">${dataElements('node', NODE_ATTRIBUTES, attributes, `node ${node}`)}</node>\n`;
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const data = dataElements('edge', EDGE_ATTRIBUTES, attributes, `edge ${edge}`);
    yield `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${data}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

/**
 * Writes the graph as GraphML 1.0: one typed `<key>` per schema attribute (string, int, double, boolean),
 * `edgedefault="directed"`, edge ids = transfer ids, so parallel transfers stay distinct edges (networkx reads a
 * MultiDiGraph keyed by transfer id). Absent attributes have no `<data>`. Characters XML 1.0 cannot carry are
 * removed (see `escapeXml`). Returns a re-iterable stream of chunks.
 */
export function writeGraphml(graph: ExportGraph): Iterable<string> {
  checkExportGraph(graph, 'writeGraphml');
  return chunked(() => parts(graph));
}
