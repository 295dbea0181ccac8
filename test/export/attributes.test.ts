// The attribute schema: names, types per format, and the type check every writer relies on.
import { describe, expect, it } from 'vitest';
import { typedValues } from '../../src/export/attributes.js';
import { EDGE_ATTRIBUTES, LIST_DELIMITER, NODE_ATTRIBUTES, TYPE_NAMES, splitList } from '../../src/export/index.js';

describe('typedValues', () => {
  it('rejects a value that does not fit its declared type, naming the attribute', () => {
    const specs = EDGE_ATTRIBUTES.filter((s) => ['quantity_exact', 'tiv_delivered', 'date_approximate', 'status'].includes(s.name));
    const bad = [{ quantity_exact: 1.5 }, { quantity_exact: 2 ** 31 }, { tiv_delivered: Number.NaN }, { date_approximate: 'yes' }, { status: 3 }];
    for (const attributes of bad) {
      expect(() => [...typedValues(specs, attributes, 'edge e')]).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(() => [...typedValues(specs, { quantity_exact: '3' }, 'edge e')]).toThrow(/edge e attribute "quantity_exact" must be int/);
  });

  it('yields present values in schema order and skips undefined and null', () => {
    const out = [...typedValues(NODE_ATTRIBUTES, { kind: 'STATE', name: 'Japan', note: undefined, partOf: null }, 'node JP')];
    expect(out.map(([s, v]) => [s.name, v])).toEqual([['name', 'Japan'], ['kind', 'STATE']]);
  });
});

describe('NODE_ATTRIBUTES and EDGE_ATTRIBUTES', () => {
  it('have unique names that are plain identifiers (safe as Cypher keys, CSV headers and XML attribute ids)', () => {
    for (const specs of [NODE_ATTRIBUTES, EDGE_ATTRIBUTES]) {
      const names = specs.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
  });

  it('declare the attributes the brief names, with their types', () => {
    const types = Object.fromEntries(EDGE_ATTRIBUTES.map((s) => [s.name, s.type]));
    expect(types).toMatchObject({
      transferId: 'string', system: 'string', systemName: 'string', status: 'string', kind: 'string', date_edtf: 'string',
      date_earliest: 'string', date_latest: 'string', date_precision: 'string', quantity_exact: 'int', quantity_min: 'int',
      quantity_max: 'int', quantity_text: 'string', valueUsd_min: 'double', valueUsd_max: 'double', knownSince: 'string',
      tiv_delivered: 'double', sipri_deal_id: 'string', citations: 'string', citation_sources: 'string', citation_quotes: 'string',
    });
    expect(NODE_ATTRIBUTES.map((s) => s.name)).toEqual(['label', 'name', 'kind', 'aliases', 'partOf', 'country', 'note']);
  });
});

describe('TYPE_NAMES', () => {
  it('spells each type as GraphML, GEXF 1.3 and neo4j-admin do', () => {
    expect(TYPE_NAMES.int).toEqual({ graphml: 'int', gexf: 'integer', neo4j: 'int' });
    expect(TYPE_NAMES.double).toEqual({ graphml: 'double', gexf: 'double', neo4j: 'double' });
    expect(TYPE_NAMES.boolean).toEqual({ graphml: 'boolean', gexf: 'boolean', neo4j: 'boolean' });
    expect(TYPE_NAMES.string).toEqual({ graphml: 'string', gexf: 'string', neo4j: 'string' });
  });
});

describe('splitList', () => {
  it('splits on the list delimiter, and the empty string is the empty list', () => {
    expect(LIST_DELIMITER).toBe(';');
    expect(splitList('')).toEqual([]);
    expect(splitList('a,b;c')).toEqual(['a,b', 'c']);
  });
});
