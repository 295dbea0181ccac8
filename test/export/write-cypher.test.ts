// writeCypher and its literals: strings escaped for Cypher, typed numbers, one statement per line.
import { describe, expect, it } from 'vitest';
import {
  cypherFloat, cypherInteger, cypherName, cypherString, exportGraph, splitCypherStatements, writeCypher, type ExportGraph,
} from '../../src/export/index.js';
import type { Subgraph } from '../../src/query/index.js';
import { CONTROL_NOTE, HOSTILE_ALIASES, HOSTILE_NAME, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { actor, system, transfer } from '../helpers/dataset.js';
import { hostileFixture, text } from './helpers.js';

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** Decodes a single-quoted Cypher string literal as Neo4j does (the escapes of the Cypher manual). */
function decodeCypherString(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (c === "'") throw new Error(`unescaped quote at ${i}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1]!;
    if (next === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      const decoded = ESCAPES[next];
      if (decoded === undefined) throw new Error(`bad escape \\${next}`);
      out += decoded;
      i += 1;
    }
  }
  return out;
}

const HOSTILE_STRINGS = [
  '', "'", '\\', "\\'", "O'Brien's", HOSTILE_NAME, HOSTILE_QUOTE, CONTROL_NOTE, ...HOSTILE_ALIASES, 'end with backslash\\',
  'nul\u0000 bell\u0007 vt\u000B esc\u001B del\u007F nel\u0085 ls\u2028 ps\u2029', 'emoji 😀 and lone \uD800 surrogate \uDC00',
  'a;b // not a comment ; MATCH (n) DETACH DELETE n',
];

describe('cypherString', () => {
  it('escapes backslash, quote and newlines with backslash escapes and keeps non-Latin text', () => {
    expect(cypherString("O'Brien\\n\nx")).toBe("'O\\'Brien\\\\n\\nx'");
    expect(cypherString('Кинджал 防衛装備移転三原則 "quoted"')).toBe('\'Кинджал 防衛装備移転三原則 "quoted"\'');
    expect(cypherString('a\r\tb\b\f')).toBe("'a\\r\\tb\\b\\f'");
    expect(cypherString('\u0001\u2028\uD800')).toBe("'\\u0001\\u2028\\uD800'");
  });

  it('gives a one-line literal that decodes to the original for every hostile string', () => {
    for (const value of HOSTILE_STRINGS) {
      const literal = cypherString(value);
      expect(literal).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
      expect(decodeCypherString(literal)).toBe(value);
    }
  });
});

describe('cypherInteger and cypherFloat', () => {
  it('reject numbers they cannot write', () => {
    expect(() => cypherInteger(1.5)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => cypherFloat(Number.POSITIVE_INFINITY)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => cypherFloat(Number.NaN)).toThrow(/finite/);
  });

  it('write floats that Neo4j reads as Float even when whole', () => {
    expect(cypherInteger(-12)).toBe('-12');
    expect([cypherFloat(5), cypherFloat(3.75), cypherFloat(2.5e9), cypherFloat(1.5e21), cypherFloat(1e-7)]).toEqual([
      '5.0', '3.75', '2500000000.0', '1.5e21', '1e-7',
    ]);
  });
});

describe('cypherName', () => {
  it('backquotes names that are not plain identifiers', () => {
    expect(cypherName('date_edtf')).toBe('date_edtf');
    expect(cypherName('a b`c')).toBe('`a b``c`');
  });
});

describe('writeCypher', () => {
  it('rejects what is not a directed graphology graph', () => {
    expect(() => writeCypher('CREATE (n)' as unknown as ExportGraph)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('writes a tiny subgraph as this script', async () => {
    const t = { ...transfer({ id: 'a-b', from: 'AA', to: 'BB', date: '2024-01/..', status: 'PLANNED' }), quantity: { min: 24, text: 'dozens' } };
    const tiny: Subgraph = {
      actors: [actor('AA', "O'Brien & Sons", ['a,b', 'Кинджал']), actor('BB', 'line1\nline2 \\ end')],
      systems: [system('system:s', 'S "quoted"')],
      edges: [{ id: t.id, source: 'AA', target: 'BB', transfer: { ...t, citations: [{ source: 'source:test', quote: HOSTILE_QUOTE }] } }],
    };
    await expect(text(writeCypher(exportGraph(tiny)))).toMatchFileSnapshot('../fixtures/export/tiny.cypher');
  });

  it('writes one statement per line, ending in a semicolon, nodes before relationships', async () => {
    const { graph } = await hostileFixture();
    const script = text(writeCypher(graph));
    const lines = script.trimEnd().split('\n');
    const statements = lines.filter((l) => !l.startsWith('//'));
    expect(statements).toHaveLength(graph.order + graph.size);
    for (const line of statements) expect(line).toMatch(/^(CREATE \(:Actor \{|MATCH \(a:Actor \{).*\);$/);
    expect(statements.slice(0, graph.order).every((l) => l.startsWith('CREATE'))).toBe(true);
    expect(splitCypherStatements(script)).toEqual(statements.map((l) => l.slice(0, -1)));
    expect(script).toContain("quantity_exact: 12, knownSince: '2020-01-01', backfills: ['transfer:xa-xb-1'], tiv_delivered: 3.75");
    expect(script).toContain(`aliases: [${HOSTILE_ALIASES.map(cypherString).join(', ')}]`);
    expect(script).toContain('valueUsd_min: 1000000000.0');
  });
});
