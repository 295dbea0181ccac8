// CSV writers in the header format of `neo4j-admin database import`: nodes.csv and relationships.csv.
import {
  EDGE_ATTRIBUTES, NODE_ATTRIBUTES, TYPE_NAMES, checkExportGraph, typedValues,
  type AttributeSpec, type AttributeValue, type ExportGraph,
} from './attributes.js';
import { chunked } from './chunks.js';

/** Label of every node in nodes.csv (the `:LABEL` column). */
export const CSV_NODE_LABEL = 'Actor';
/** Type of every relationship in relationships.csv (the `:TYPE` column). */
export const CSV_RELATIONSHIP_TYPE = 'TRANSFERRED';

/** Neo4j keeps no display copies: `label` duplicates `name` / `systemName`. */
const NODE_COLUMNS = NODE_ATTRIBUTES.filter((s) => !s.display);
const EDGE_COLUMNS = EDGE_ATTRIBUTES.filter((s) => !s.display);

/** A header field: `name` for strings (neo4j-admin's default type), `name:int`, `name:string[]`, …. */
export function csvHeaderField(spec: AttributeSpec): string {
  if (spec.list) return `${spec.name}:${TYPE_NAMES[spec.type].neo4j}[]`;
  return spec.type === 'string' ? spec.name : `${spec.name}:${TYPE_NAMES[spec.type].neo4j}`;
}

/** Quotes a string field as RFC 4180 does (double quotes doubled); every string is quoted, so "" is an empty string. */
export function csvString(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

const csvValue = (value: AttributeValue): string => (typeof value === 'string' ? csvString(value) : String(value));

/** The row's fields for `columns`, an empty (unquoted) field where the attribute is absent. */
function fields(columns: readonly AttributeSpec[], attributes: Record<string, unknown>, where: string): string[] {
  const values = new Map(typedValues(columns, attributes, where));
  return columns.map((spec) => {
    const value = values.get(spec);
    return value === undefined ? '' : csvValue(value);
  });
}

function* nodeRows(graph: ExportGraph): Generator<string> {
  yield `${['id:ID', ...NODE_COLUMNS.map(csvHeaderField), ':LABEL'].join(',')}\n`;
  for (const { node, attributes } of graph.nodeEntries()) {
    yield `${[csvString(node), ...fields(NODE_COLUMNS, attributes, `node ${node}`), CSV_NODE_LABEL].join(',')}\n`;
  }
}

function* relationshipRows(graph: ExportGraph): Generator<string> {
  yield `${[':START_ID', ':END_ID', ':TYPE', ...EDGE_COLUMNS.map(csvHeaderField)].join(',')}\n`;
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const row = [csvString(source), csvString(target), CSV_RELATIONSHIP_TYPE, ...fields(EDGE_COLUMNS, attributes, `edge ${edge}`)];
    yield `${row.join(',')}\n`;
  }
}

/**
 * Writes nodes.csv for `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`:
 * header `id:ID,name,kind,aliases:string[],…,:LABEL` with typed fields (`:int`, `:double`, `:boolean`; untyped =
 * string). Strings are always double-quoted (quotes doubled), absent values are empty unquoted fields; list fields
 * are joined by `;`, neo4j-admin's default `--array-delimiter`. Values may contain newlines: import with
 * `--multiline-fields=true`. Returns a re-iterable stream of chunks.
 */
export function writeCsvNodes(graph: ExportGraph): Iterable<string> {
  checkExportGraph(graph, 'writeCsvNodes');
  return chunked(() => nodeRows(graph));
}

/**
 * Writes relationships.csv (see writeCsvNodes for quoting, types and delimiters): header
 * `:START_ID,:END_ID,:TYPE,transferId,…,quantity_exact:int,…,tiv_delivered:double,…`, one TRANSFERRED row per
 * transfer from supplier to recipient. Returns a re-iterable stream of chunks.
 */
export function writeCsvRelationships(graph: ExportGraph): Iterable<string> {
  checkExportGraph(graph, 'writeCsvRelationships');
  return chunked(() => relationshipRows(graph));
}
