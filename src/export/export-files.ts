// The export formats as files: names, content types and chunk streams, for the CLI and the HTTP /export route.
import { InvalidArgumentError } from '../domain/errors.js';
import type { ExportGraph } from './attributes.js';
import { writeCsvNodes, writeCsvRelationships } from './write-csv.js';
import { writeCypher } from './write-cypher.js';
import { writeGexf } from './write-gexf.js';
import { writeGraphml } from './write-graphml.js';
import { writeJson } from './write-json.js';

/** The export formats (GraphQL `ExportFormat`). */
export const EXPORT_FORMATS = ['GRAPHML', 'GEXF', 'JSON', 'CSV', 'CYPHER'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The two files of a CSV export. */
export type CsvPart = 'nodes' | 'relationships';

/** One file of an export; `chunks` can be iterated more than once and is produced lazily. */
export interface ExportFile {
  readonly name: string;
  readonly contentType: string;
  readonly chunks: Iterable<string>;
}

/** Content type (UTF-8) of each format's files. */
export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  GRAPHML: 'application/graphml+xml; charset=utf-8',
  GEXF: 'application/gexf+xml; charset=utf-8',
  JSON: 'application/json; charset=utf-8',
  CSV: 'text/csv; charset=utf-8',
  CYPHER: 'application/x-cypher-query; charset=utf-8',
};

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  GRAPHML: 'graphml', GEXF: 'gexf', JSON: 'json', CSV: 'csv', CYPHER: 'cypher',
};

/** True when `value` names an export format (case-sensitive, as in GraphQL). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

function checkFormat(format: unknown, caller: string): asserts format is ExportFormat {
  if (!isExportFormat(format)) {
    throw new InvalidArgumentError(`${caller}: format must be one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`, {
      argument: 'format',
    });
  }
}

/**
 * The file name of an export: `filenameFor('GEXF', 'armsgraph-JP-d2')` is `armsgraph-JP-d2.gexf`. CSV exports are
 * two files, so CSV needs `part`: `armsgraph-JP-d2-nodes.csv`, `armsgraph-JP-d2-relationships.csv`.
 */
export function filenameFor(format: ExportFormat, base: string, part?: CsvPart): string {
  checkFormat(format, 'filenameFor');
  if (base.trim() === '' || /[/\\\0]/.test(base)) {
    throw new InvalidArgumentError(`filenameFor: base must be a non-empty file name without slashes, got ${JSON.stringify(base)}`);
  }
  if (format === 'CSV') {
    if (part !== 'nodes' && part !== 'relationships') {
      throw new InvalidArgumentError('filenameFor: a CSV export is two files; pass part "nodes" or "relationships"');
    }
    return `${base}-${part}.csv`;
  }
  if (part !== undefined) throw new InvalidArgumentError(`filenameFor: part applies to CSV only, not ${format}`);
  return `${base}.${EXTENSIONS[format]}`;
}

/**
 * The files of an export of `graph` (built by `exportGraph`): one per format, except CSV which gives `nodes.csv`
 * and `relationships.csv` for `neo4j-admin database import`. Without `base` the single files are named
 * `armsgraph.<ext>`; with it, names come from `filenameFor(format, base, part)`.
 */
export function exportFiles(format: ExportFormat, graph: ExportGraph, base?: string): ExportFile[] {
  checkFormat(format, 'exportFiles');
  const contentType = CONTENT_TYPES[format];
  if (format === 'CSV') {
    const name = (part: CsvPart) => (base === undefined ? `${part}.csv` : filenameFor(format, base, part));
    return [
      { name: name('nodes'), contentType, chunks: writeCsvNodes(graph) },
      { name: name('relationships'), contentType, chunks: writeCsvRelationships(graph) },
    ];
  }
  const writers = { GRAPHML: writeGraphml, GEXF: writeGexf, JSON: writeJson, CYPHER: writeCypher } as const;
  return [{ name: filenameFor(format, base ?? 'armsgraph'), contentType, chunks: writers[format](graph) }];
}
