// GEXF 1.3 writer (Gephi): typed attributes from the schema, transfers as dynamic edges on Gephi's timeline.
import { OPEN_END, OPEN_START } from '../domain/time.js';
import {
  EDGE_ATTRIBUTES, NODE_ATTRIBUTES, TYPE_NAMES, checkExportGraph, typedValues,
  type AttributeSpec, type ExportGraph,
} from './attributes.js';
import { chunked } from './chunks.js';
import { escapeXml } from './xml.js';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
  '  <meta><creator>armsgraph</creator><description>Arms transfers: actors and one edge per transfer</description></meta>\n' +
  '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n';

/** `label` is GEXF's own XML attribute on nodes and edges, so it is not declared as an `<attribute>`. */
const declared = (specs: readonly AttributeSpec[]) => specs.filter((s) => s.name !== 'label');
const NODE_DECLARED = declared(NODE_ATTRIBUTES);
const EDGE_DECLARED = declared(EDGE_ATTRIBUTES);

function attributesElement(cls: 'node' | 'edge', specs: readonly AttributeSpec[]): string {
  const lines = specs.map((s) => `      <attribute id="${escapeXml(s.name)}" title="${escapeXml(s.name)}" type="${TYPE_NAMES[s.type].gexf}"/>\n`);
  return `    <attributes class="${cls}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(specs: readonly AttributeSpec[], attributes: Record<string, unknown>, where: string): string {
  let out = '';
  for (const [spec, value] of typedValues(specs, attributes, where)) {
    const text = typeof value === 'string' ? escapeXml(value) : String(value);
    out += `<attvalue for="${escapeXml(spec.name)}" value="${text}"/>`;
  }
  return out === '' ? '' : `<attvalues>${out}</attvalues>`;
}

const labelAttribute = (attributes: Record<string, unknown>): string =>
  typeof attributes.label === 'string' ? ` label="${escapeXml(attributes.label)}"` : '';

/** The edge's spell on the timeline; an open end (0001-01-01 / 9999-12-31) is left out, as GEXF means "unbounded". */
function spell(attributes: Record<string, unknown>): string {
  const { date_earliest: start, date_latest: end } = attributes;
  let out = '';
  if (typeof start === 'string' && start !== OPEN_START) out += ` start="${escapeXml(start)}"`;
  if (typeof end === 'string' && end !== OPEN_END) out += ` end="${escapeXml(end)}"`;
  return out;
}

function* parts(graph: ExportGraph): Generator<string> {
  yield HEADER;
  yield attributesElement('node', NODE_DECLARED);
  yield attributesElement('edge', EDGE_DECLARED);
  yield '    <nodes>\n';
  for (const { node, attributes } of graph.nodeEntries()) {
    const values = attvalues(NODE_DECLARED, attributes, `node ${node}`);
    yield `      <node id="${escapeXml(node)}"${labelAttribute(attributes)}>${values}</node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const values = attvalues(EDGE_DECLARED, attributes, `edge ${edge}`);
    const ends = `source="${escapeXml(source)}" target="${escapeXml(target)}"`;
    yield `      <edge id="${escapeXml(edge)}" ${ends}${labelAttribute(attributes)}${spell(attributes)}>${values}</edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/**
 * Writes the graph as GEXF 1.3 for Gephi: typed `<attributes class="node">` / `class="edge"` (string, integer,
 * double, boolean), labels as GEXF labels, and a dynamic graph (`mode="dynamic"`, `timeformat="date"`) where each
 * transfer edge spans `start` = date_earliest to `end` = date_latest, so the timeline plays transfers; an open
 * sentinel end is omitted. Edge ids are transfer ids, so parallel transfers stay distinct (graphology and networkx
 * keep them; Gephi keeps them unless its import merges parallel edges). Characters XML 1.0 cannot carry are removed.
 * Returns a re-iterable stream of chunks.
 */
export function writeGexf(graph: ExportGraph): Iterable<string> {
  checkExportGraph(graph, 'writeGexf');
  return chunked(() => parts(graph));
}
