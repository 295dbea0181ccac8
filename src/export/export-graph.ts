// Turns a store's Subgraph into the flat, typed graphology graph that every export writer reads.
import { MultiDirectedGraph } from 'graphology';
import { InvalidArgumentError } from '../domain/errors.js';
import type { Actor, Citation, Source, Transfer, WeaponSystem } from '../domain/model.js';
import type { Subgraph } from '../query/index.js';
import {
  CITATION_QUOTE_DELIMITER, CITATION_SOURCE_DELIMITER, LIST_DELIMITER,
  type AttributeValue, type ExportEdgeAttributes, type ExportGraphAttributes, type ExportNodeAttributes,
} from './attributes.js';

/** The graph `exportGraph` builds: actors as nodes, one edge per transfer (see NODE_ATTRIBUTES / EDGE_ATTRIBUTES). */
export type ExportMultiGraph = MultiDirectedGraph<ExportNodeAttributes, ExportEdgeAttributes, ExportGraphAttributes>;

/** Copies the defined entries only: exported graphs never hold undefined or null attribute values. */
function defined(entries: Record<string, AttributeValue | undefined>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

const joined = (items: readonly string[], delimiter = LIST_DELIMITER): string | undefined =>
  items.length === 0 ? undefined : items.join(delimiter);

function nodeAttributes(actor: Actor): ExportNodeAttributes {
  return defined({
    label: actor.name,
    name: actor.name,
    kind: actor.kind,
    aliases: joined(actor.aliases),
    partOf: actor.partOf,
    country: actor.country,
    note: actor.note,
  });
}

/** The citation with what is known of its source, keys in a fixed order. */
function citationRecord(citation: Citation, sources: ReadonlyMap<string, Source> | undefined): Record<string, string> {
  const source = sources?.get(citation.source);
  const record: Record<string, string | undefined> = {
    source: citation.source,
    quote: citation.quote,
    note: citation.note,
    locator: citation.locator,
    title: source?.title,
    publisher: source?.publisher,
    url: source?.url,
    publishedAt: source?.publishedAt.edtf,
  };
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Sum of SIPRI delivery TIVs (millions), rounded as the stats are; undefined when no delivery has a TIV. */
function tivDelivered(transfer: Transfer): number | undefined {
  const tivs = (transfer.sipri?.deliveries ?? []).flatMap((d) => (d.tiv === null ? [] : [d.tiv]));
  if (tivs.length === 0) return undefined;
  return Math.round(tivs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

function edgeAttributes(
  transfer: Transfer,
  system: WeaponSystem | undefined,
  sources: ReadonlyMap<string, Source> | undefined,
): ExportEdgeAttributes {
  const { date, quantity, valueUsd, citations } = transfer;
  const quotes = citations.flatMap((c) => (c.quote === undefined ? [] : [c.quote]));
  return defined({
    label: system?.name ?? transfer.system,
    transferId: transfer.id,
    system: transfer.system,
    systemName: system?.name,
    status: transfer.status,
    kind: transfer.kind,
    date_edtf: date.edtf,
    date_earliest: date.earliest,
    date_latest: date.latest,
    date_precision: date.precision,
    date_approximate: date.approximate,
    date_uncertain: date.uncertain,
    quantity_exact: quantity?.exact,
    quantity_min: quantity?.min,
    quantity_max: quantity?.max,
    quantity_text: quantity?.text,
    valueUsd_min: valueUsd?.min,
    valueUsd_max: valueUsd?.max,
    valueUsd_text: valueUsd?.text,
    knownSince: transfer.knownSince,
    enabledBy: joined(transfer.enabledBy),
    subjectTo: joined(transfer.subjectTo),
    backfills: joined(transfer.backfills),
    inferred: joined(transfer.inferred),
    tiv_delivered: tivDelivered(transfer),
    sipri_deal_id: transfer.sipri?.dealId,
    note: transfer.note,
    citations: JSON.stringify(citations.map((c) => citationRecord(c, sources))),
    citation_sources: joined([...new Set(citations.map((c) => c.source))], CITATION_SOURCE_DELIMITER),
    citation_quotes: joined(quotes, CITATION_QUOTE_DELIMITER),
  });
}

/**
 * Builds the export graph of a subgraph: one node per actor (key = actor id) and one directed edge per transfer
 * (key = transfer id, supplier → recipient); weapon systems become edge attributes. With `sources`, each citation
 * in the `citations` JSON also carries its source's title, publisher, url and publication date.
 * Throws InvalidArgumentError when an edge names an actor the subgraph does not hold.
 */
export function exportGraph(subgraph: Subgraph, sources?: ReadonlyMap<string, Source>): ExportMultiGraph {
  if (subgraph === null || typeof subgraph !== 'object' || !Array.isArray(subgraph.actors) || !Array.isArray(subgraph.edges)) {
    throw new InvalidArgumentError('exportGraph: expected a subgraph {actors, systems, edges}');
  }
  const graph: ExportMultiGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const actor of subgraph.actors) {
    if (!graph.hasNode(actor.id)) graph.addNode(actor.id, nodeAttributes(actor));
  }
  const systems = new Map((subgraph.systems ?? []).map((s) => [s.id, s]));
  for (const edge of subgraph.edges) {
    const t = edge.transfer;
    for (const end of [edge.source, edge.target]) {
      if (!graph.hasNode(end)) {
        throw new InvalidArgumentError(`exportGraph: transfer ${t.id} names actor ${end}, which the subgraph does not hold`, {
          transfer: t.id,
          actor: end,
        });
      }
    }
    graph.addDirectedEdgeWithKey(t.id, edge.source, edge.target, edgeAttributes(t, systems.get(t.system), sources));
  }
  return graph;
}
