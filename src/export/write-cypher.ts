// Cypher writer: a script that recreates the export graph in an empty Neo4j, one statement per line.
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, checkExportGraph, type ExportGraph } from './attributes.js';
import { chunked } from './chunks.js';
import { cypherMap, cypherString } from './cypher.js';

/** Label of the actor nodes the script creates. */
export const CYPHER_NODE_LABEL = 'Actor';
/** Type of the transfer relationships the script creates. */
export const CYPHER_RELATIONSHIP_TYPE = 'TRANSFERRED';

const NODE_PROPERTIES = NODE_ATTRIBUTES.filter((s) => !s.display);
const EDGE_PROPERTIES = EDGE_ATTRIBUTES.filter((s) => !s.display);

function* statements(graph: ExportGraph): Generator<string> {
  yield '// armsgraph export: run in an EMPTY Neo4j database (cypher-shell -f FILE, or statement by statement).\n';
  yield '// One statement per line; each ends with a semicolon. Lines starting with // are comments.\n';
  yield `// actors (nodes): ${graph.order}; transfers (relationships): ${graph.size}\n`;
  for (const { node, attributes } of graph.nodeEntries()) {
    yield `CREATE (:${CYPHER_NODE_LABEL} ${cypherMap(NODE_PROPERTIES, attributes, `node ${node}`, [['id', node]])});\n`;
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const properties = cypherMap(EDGE_PROPERTIES, attributes, `edge ${edge}`);
    yield `MATCH (a:${CYPHER_NODE_LABEL} {id: ${cypherString(source)}}), (b:${CYPHER_NODE_LABEL} {id: ${cypherString(target)}}) ` +
      `CREATE (a)-[:${CYPHER_RELATIONSHIP_TYPE} ${properties}]->(b);\n`;
  }
}

/**
 * Writes a Cypher script that recreates the graph in an empty Neo4j: `CREATE (:Actor {id, name, …})` per node, then
 * `MATCH … CREATE (a)-[:TRANSFERRED {transferId, …}]->(b)` per edge. Each statement is one line ending in `;`
 * (string literals escape newlines), so `splitCypherStatements` — or splitting on lines — gives statements for
 * neo4j-driver's `session.run` (which accepts them with or without the `;`); `cypher-shell -f` runs the file as is.
 * Properties are typed as the schema declares: ints as Integer, doubles as Float (`5.0`), lists as lists; absent
 * values are left out. MATCH finds actors by `id` without an index, which is fine for the few hundred actors an
 * export holds.
 * Returns a re-iterable stream of chunks.
 */
export function writeCypher(graph: ExportGraph): Iterable<string> {
  checkExportGraph(graph, 'writeCypher');
  return chunked(() => statements(graph));
}

/**
 * Splits a script written by `writeCypher` into statements without their final `;`: one per non-empty line that is
 * not a `//` comment.
 */
export function splitCypherStatements(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .map((line) => (line.endsWith(';') ? line.slice(0, -1) : line));
}
