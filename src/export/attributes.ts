// The one typed attribute schema of exported graphs: every writer (GraphML, GEXF, JSON, CSV, Cypher) reads it.
import type { AbstractGraph } from 'graphology-types';
import { InvalidArgumentError } from '../domain/errors.js';

/** Value types an exported attribute may have. `int` is a 32-bit signed integer, `double` a finite IEEE double. */
export type AttributeType = 'string' | 'int' | 'double' | 'boolean';

/**
 * One attribute of exported nodes or edges.
 * `list`: the string is a list joined with LIST_DELIMITER (a `string[]` in CSV, a list in Cypher).
 * `display`: a display copy of another attribute (GraphML/GEXF/JSON labels), left out of the Neo4j formats.
 */
export interface AttributeSpec {
  readonly name: string;
  readonly type: AttributeType;
  readonly list?: boolean;
  readonly display?: boolean;
  readonly description: string;
}

/**
 * Joins list attributes (aliases, enabledBy, …) in every format; it is also `neo4j-admin database import`'s
 * default `--array-delimiter`. An item that itself contains `;` cannot be told apart from two items.
 */
export const LIST_DELIMITER = ';';
/** Joins the distinct source ids of an edge's citations in `citation_sources`. */
export const CITATION_SOURCE_DELIMITER = '|';
/** Joins the quotes of an edge's citations in `citation_quotes`. */
export const CITATION_QUOTE_DELIMITER = ' | ';

/** Each schema type as every format spells it, so GraphML keys, GEXF attributes, CSV headers and Cypher agree. */
export const TYPE_NAMES: Readonly<Record<AttributeType, { readonly graphml: string; readonly gexf: string; readonly neo4j: string }>> = {
  string: { graphml: 'string', gexf: 'string', neo4j: 'string' },
  int: { graphml: 'int', gexf: 'integer', neo4j: 'int' },
  double: { graphml: 'double', gexf: 'double', neo4j: 'double' },
  boolean: { graphml: 'boolean', gexf: 'boolean', neo4j: 'boolean' },
};

const spec = (name: string, type: AttributeType, description: string, extra: Partial<AttributeSpec> = {}): AttributeSpec => ({
  name, type, description, ...extra,
});

/** Attributes of actor nodes (the node key is the actor id). */
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  spec('label', 'string', 'display label (the name), for Gephi, yEd and sigma.js', { display: true }),
  spec('name', 'string', 'the actor name'),
  spec('kind', 'string', 'STATE, ORGANIZATION, COMPANY, PERSON, REGION, …'),
  spec('aliases', 'string', 'other names', { list: true }),
  spec('partOf', 'string', 'id of the actor this one is part of'),
  spec('country', 'string', 'id of the actor’s country'),
  spec('note', 'string', 'curator’s note'),
];

/** Attributes of transfer edges (the edge key is the transfer id, source the supplier, target the recipient). */
export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  spec('label', 'string', 'display label (the system name)', { display: true }),
  spec('transferId', 'string', 'the transfer id'),
  spec('system', 'string', 'the weapon system id'),
  spec('systemName', 'string', 'the weapon system name'),
  spec('status', 'string', 'REQUESTED, PROPOSED, APPROVED, PLANNED, DELIVERED, POTENTIAL, CANCELLED, DENIED'),
  spec('kind', 'string', 'SALE, DONATION, LOAN, REEXPORT, BACKFILL, …'),
  spec('date_edtf', 'string', 'the date as the source gives it (EDTF)'),
  spec('date_earliest', 'string', 'first ISO day the date may mean (0001-01-01 when open)'),
  spec('date_latest', 'string', 'last ISO day the date may mean (9999-12-31 when open)'),
  spec('date_precision', 'string', 'DAY, MONTH, QUARTER, YEAR or RANGE'),
  spec('date_approximate', 'boolean', 'the source gives the date as approximate'),
  spec('date_uncertain', 'boolean', 'the source gives the date as uncertain'),
  spec('quantity_exact', 'int', 'exact number of items'),
  spec('quantity_min', 'int', 'at least this many items'),
  spec('quantity_max', 'int', 'at most this many items'),
  spec('quantity_text', 'string', 'the quantity in the source’s words'),
  spec('valueUsd_min', 'double', 'value in US dollars, lower bound'),
  spec('valueUsd_max', 'double', 'value in US dollars, upper bound'),
  spec('valueUsd_text', 'string', 'the value in the source’s words'),
  spec('knownSince', 'string', 'ISO day the transfer was first reported'),
  spec('enabledBy', 'string', 'ids of the events that enabled it', { list: true }),
  spec('subjectTo', 'string', 'ids of the restrictions it is subject to', { list: true }),
  spec('backfills', 'string', 'ids of the transfers it backfills', { list: true }),
  spec('inferred', 'string', 'fields the source implies but does not state', { list: true }),
  spec('tiv_delivered', 'double', 'SIPRI TIV delivered (millions), summed over the deal’s deliveries'),
  spec('sipri_deal_id', 'string', 'SIPRI deal id'),
  spec('note', 'string', 'curator’s note'),
  spec('citations', 'string', 'JSON array of {source, quote, note, locator, title, publisher, url, publishedAt}'),
  spec('citation_sources', 'string', `distinct cited source ids joined by "${CITATION_SOURCE_DELIMITER}"`),
  spec('citation_quotes', 'string', `quotes joined by "${CITATION_QUOTE_DELIMITER}"`),
];

/** A scalar attribute value as graphology holds it. */
export type AttributeValue = string | number | boolean;

/** Node attributes of an exported graph; absent values are left out, never null. */
export type ExportNodeAttributes = Record<string, AttributeValue>;
/** Edge attributes of an exported graph; absent values are left out, never null. */
export type ExportEdgeAttributes = Record<string, AttributeValue>;
/** Graph-level attributes of an exported graph. */
export type ExportGraphAttributes = Record<string, AttributeValue>;
/** The graph every writer takes: directed, multi, keyed by actor and transfer ids (built by `exportGraph`). */
export type ExportGraph = AbstractGraph<ExportNodeAttributes, ExportEdgeAttributes, ExportGraphAttributes>;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * The present attributes of one node or edge, in schema order, checked against their declared types.
 * Throws InvalidArgumentError (prefixed `export:`) when a value does not fit its type, so no writer emits it.
 */
export function* typedValues(
  specs: readonly AttributeSpec[],
  attributes: Readonly<Record<string, unknown>>,
  where: string,
): Generator<[AttributeSpec, AttributeValue]> {
  for (const s of specs) {
    const value = attributes[s.name];
    if (value === undefined || value === null) continue;
    if (!fits(s.type, value)) {
      throw new InvalidArgumentError(`export: ${where} attribute "${s.name}" must be ${s.type}, got ${JSON.stringify(value)}`, {
        attribute: s.name,
      });
    }
    yield [s, value as AttributeValue];
  }
}

function fits(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'int': return typeof value === 'number' && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
    case 'double': return typeof value === 'number' && Number.isFinite(value);
  }
}

/** Splits a list attribute into its items (the empty string is the empty list). */
export function splitList(value: string): string[] {
  return value === '' ? [] : value.split(LIST_DELIMITER);
}

/** Checks that a writer got a directed graphology graph; throws InvalidArgumentError naming the writer. */
export function checkExportGraph(graph: unknown, writer: string): asserts graph is ExportGraph {
  const g = graph as Partial<ExportGraph> | null;
  if (g === null || typeof g !== 'object' || typeof g.nodeEntries !== 'function' || typeof g.edgeEntries !== 'function') {
    throw new InvalidArgumentError(`${writer}: expected a graphology graph (use exportGraph(subgraph))`);
  }
  if (g.type !== 'directed') {
    throw new InvalidArgumentError(`${writer}: expected a directed graph, got a ${String(g.type)} one`);
  }
}
