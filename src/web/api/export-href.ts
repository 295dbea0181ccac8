// Links to the server's subgraph export (GET /export), one per format.

/** Formats the export endpoint writes, as its `format` parameter spells them. */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'cypher', 'csv'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is for, for the link titles. */
export const EXPORT_TITLES: Readonly<Record<ExportFormat, string>> = {
  graphml: 'GraphML (yEd, networkx, Gephi)',
  gexf: 'GEXF 1.3 (Gephi, with time spans)',
  json: 'JSON (graphology / sigma.js)',
  cypher: 'Cypher script (empty Neo4j)',
  csv: 'CSV (neo4j-admin import)',
};

/** `/export?format=gexf&around=JP,US,UA&depth=1`: ids are escaped one by one, commas kept as separators. */
export function exportHref(format: ExportFormat, around: readonly string[], depth: number): string {
  const ids = around.map((id) => encodeURIComponent(id)).join(',');
  return `/export?format=${format}&around=${ids}&depth=${depth}`;
}
