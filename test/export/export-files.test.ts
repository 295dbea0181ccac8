// exportFiles and filenameFor: which files each format gives, their names and content types.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_TYPES, EXPORT_FORMATS, exportFiles, filenameFor, isExportFormat, writeCsvNodes, writeCsvRelationships, writeCypher,
  writeGexf, writeGraphml, writeJson, type ExportFormat,
} from '../../src/export/index.js';
import { hostileFixture, text, type Fixture } from './helpers.js';

describe('EXPORT_FORMATS', () => {
  it('lists the GraphQL ExportFormat values', () => {
    expect(EXPORT_FORMATS).toEqual(['GRAPHML', 'GEXF', 'JSON', 'CSV', 'CYPHER']);
    expect(isExportFormat('GEXF')).toBe(true);
    expect(isExportFormat('gexf')).toBe(false);
  });
});

describe('filenameFor', () => {
  it('rejects unknown formats, bad bases, and CSV without its part', () => {
    expect(() => filenameFor('PDF' as ExportFormat, 'x')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => filenameFor('GEXF', '../etc/passwd')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => filenameFor('GEXF', ' ')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => filenameFor('CSV', 'x')).toThrow(/pass part "nodes" or "relationships"/);
    expect(() => filenameFor('JSON', 'x', 'nodes')).toThrow(/part applies to CSV only/);
  });

  it('names each format\'s files after the base', () => {
    const base = 'armsgraph-JP-d2';
    expect(filenameFor('GEXF', base)).toBe('armsgraph-JP-d2.gexf');
    expect(filenameFor('GRAPHML', base)).toBe('armsgraph-JP-d2.graphml');
    expect(filenameFor('JSON', base)).toBe('armsgraph-JP-d2.json');
    expect(filenameFor('CYPHER', base)).toBe('armsgraph-JP-d2.cypher');
    expect(filenameFor('CSV', base, 'nodes')).toBe('armsgraph-JP-d2-nodes.csv');
    expect(filenameFor('CSV', base, 'relationships')).toBe('armsgraph-JP-d2-relationships.csv');
  });
});

describe('exportFiles', () => {
  let hostile: Fixture;
  beforeAll(async () => {
    hostile = await hostileFixture();
  });

  it('rejects an unknown format', () => {
    expect(() => exportFiles('XLSX' as ExportFormat, hostile.graph)).toThrow(/format must be one of GRAPHML, GEXF, JSON, CSV, CYPHER/);
  });

  it('gives one file per format, two for CSV, with UTF-8 content types and the writers\' output', () => {
    const { graph } = hostile;
    const summary = (format: ExportFormat, base?: string) =>
      exportFiles(format, graph, base).map((f) => ({ name: f.name, contentType: f.contentType, text: text(f.chunks) }));
    expect(summary('GRAPHML')).toEqual([{ name: 'armsgraph.graphml', contentType: 'application/graphml+xml; charset=utf-8', text: text(writeGraphml(graph)) }]);
    expect(summary('GEXF')).toEqual([{ name: 'armsgraph.gexf', contentType: 'application/gexf+xml; charset=utf-8', text: text(writeGexf(graph)) }]);
    expect(summary('JSON')).toEqual([{ name: 'armsgraph.json', contentType: 'application/json; charset=utf-8', text: text(writeJson(graph)) }]);
    expect(summary('CYPHER', 'armsgraph-XA-d3')).toEqual([
      { name: 'armsgraph-XA-d3.cypher', contentType: 'application/x-cypher-query; charset=utf-8', text: text(writeCypher(graph)) },
    ]);
    expect(summary('CSV')).toEqual([
      { name: 'nodes.csv', contentType: 'text/csv; charset=utf-8', text: text(writeCsvNodes(graph)) },
      { name: 'relationships.csv', contentType: 'text/csv; charset=utf-8', text: text(writeCsvRelationships(graph)) },
    ]);
    expect(exportFiles('CSV', graph, 'b').map((f) => f.name)).toEqual(['b-nodes.csv', 'b-relationships.csv']);
    for (const format of EXPORT_FORMATS) expect(CONTENT_TYPES[format]).toMatch(/; charset=utf-8$/);
  });

  it('produces nothing until iterated, and can be iterated twice', () => {
    const [file] = exportFiles('GRAPHML', hostile.graph);
    expect(text(file!.chunks)).toBe(text(file!.chunks));
  });
});
