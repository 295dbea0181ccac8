// writeCsvNodes / writeCsvRelationships: neo4j-admin import headers whose declared types the values honour.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EDGE_ATTRIBUTES, NODE_ATTRIBUTES, writeCsvNodes, writeCsvRelationships, type AttributeSpec, type ExportGraph,
} from '../../src/export/index.js';
import { CONTROL_NOTE, HOSTILE_ALIASES, HOSTILE_NAME, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { hostileFixture, seedFixture, text, type Fixture } from './helpers.js';

/** Parses one CSV value by its header's declared type; an empty field is an absent value. */
function typedCell(header: string, cell: string): unknown {
  if (cell === '') return undefined;
  const type = header.includes(':') ? header.slice(header.indexOf(':') + 1) : 'string';
  switch (type) {
    case 'int':
      expect(cell).toMatch(/^-?\d+$/);
      return Number(cell);
    case 'double':
      expect(Number.isFinite(Number(cell))).toBe(true);
      return Number(cell);
    case 'boolean':
      expect(['true', 'false']).toContain(cell);
      return cell === 'true';
    case 'string[]':
      return cell.split(';');
    case 'string':
    case 'ID': case 'START_ID': case 'END_ID': case 'TYPE': case 'LABEL':
      return cell;
    default:
      throw new Error(`unexpected header type ${type}`);
  }
}

/** The rows of a CSV file as objects keyed by the header's property name, values parsed per declared type. */
function readCsv(csv: string): { header: string[]; rows: Record<string, unknown>[] } {
  const [header, ...records] = parse(csv) as string[][];
  const rows = records.map((record) => {
    const row: Record<string, unknown> = {};
    record.forEach((cell, i) => {
      const h = header![i]!;
      const value = typedCell(h, cell);
      const special = /:(ID|START_ID|END_ID|TYPE|LABEL)$/.test(h);
      if (value !== undefined) row[special ? h : h.split(':')[0]!] = value;
    });
    return row;
  });
  return { header: header!, rows };
}

/** The graph's attributes as neo4j-admin would store them: no display copies, lists as arrays. */
function asNeo4j(specs: readonly AttributeSpec[], attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const v = attributes[s.name];
    if (v !== undefined && !s.display) out[s.name] = s.list ? (v as string).split(';') : v;
  }
  return out;
}

describe('writeCsvNodes and writeCsvRelationships', () => {
  let seed: Fixture;
  let hostile: Fixture;
  beforeAll(async () => {
    [seed, hostile] = await Promise.all([seedFixture(), hostileFixture()]);
  });

  it('reject what is not a directed graphology graph', () => {
    expect(() => writeCsvNodes(1 as unknown as ExportGraph)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => writeCsvRelationships(null as unknown as ExportGraph)).toThrow(/writeCsvRelationships/);
  });

  it('write neo4j-admin headers with the declared types', () => {
    expect(readCsv(text(writeCsvNodes(seed.graph))).header).toEqual([
      'id:ID', 'name', 'kind', 'aliases:string[]', 'partOf', 'country', 'note', ':LABEL',
    ]);
    const header = readCsv(text(writeCsvRelationships(seed.graph))).header;
    expect(header.slice(0, 4)).toEqual([':START_ID', ':END_ID', ':TYPE', 'transferId']);
    expect(header).toEqual(expect.arrayContaining([
      'quantity_exact:int', 'quantity_min:int', 'valueUsd_min:double', 'tiv_delivered:double', 'date_approximate:boolean',
      'enabledBy:string[]', 'date_earliest', 'citations', 'citation_sources', 'citation_quotes',
    ]));
    expect(header).not.toContain('label');
  });

  it('write every node as its id, typed properties and the Actor label', () => {
    for (const { graph } of [seed, hostile]) {
      const { rows } = readCsv(text(writeCsvNodes(graph)));
      expect(rows).toHaveLength(graph.order);
      for (const row of rows) {
        const id = row['id:ID'] as string;
        const { 'id:ID': _id, ':LABEL': label, ...properties } = row;
        expect(label).toBe('Actor');
        expect(properties).toEqual(asNeo4j(NODE_ATTRIBUTES, graph.getNodeAttributes(id)));
      }
    }
  });

  it('write every transfer as a TRANSFERRED relationship whose values parse as declared', () => {
    for (const { graph } of [seed, hostile]) {
      const { rows } = readCsv(text(writeCsvRelationships(graph)));
      expect(rows).toHaveLength(graph.size);
      for (const row of rows) {
        const { ':START_ID': start, ':END_ID': end, ':TYPE': type, ...properties } = row;
        const edge = properties.transferId as string;
        expect([start, end, type]).toEqual([graph.source(edge), graph.target(edge), 'TRANSFERRED']);
        expect(properties).toEqual(asNeo4j(EDGE_ATTRIBUTES, graph.getEdgeAttributes(edge)));
      }
    }
  });

  it('keep hostile strings whole: commas, quotes, newlines, backslashes, control characters and non-Latin text', () => {
    const nodes = readCsv(text(writeCsvNodes(hostile.graph))).rows;
    const xa = nodes.find((r) => r['id:ID'] === 'XA')!;
    expect(xa.name).toBe(HOSTILE_NAME);
    expect(xa.aliases).toEqual(HOSTILE_ALIASES);
    expect(nodes.find((r) => r['id:ID'] === 'XC')!.note).toBe(CONTROL_NOTE);
    const rels = readCsv(text(writeCsvRelationships(hostile.graph))).rows;
    const one = rels.find((r) => r.transferId === 'transfer:xa-xb-1')!;
    expect(JSON.parse(one.citations as string)[0].quote).toBe(HOSTILE_QUOTE);
    expect(one).toMatchObject({ quantity_min: 10, valueUsd_max: 2.5e9, date_approximate: true, inferred: ['quantity', 'date'] });
    expect(rels.find((r) => r.transferId === 'transfer:xa-xb-2')).toMatchObject({ quantity_exact: 12, tiv_delivered: 3.75 });
  });
});
