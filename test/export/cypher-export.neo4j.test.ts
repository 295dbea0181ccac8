// The Cypher export run statement by statement against the local Neo4j recreates the export graph exactly.
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EDGE_ATTRIBUTES, NODE_ATTRIBUTES, cypherFloat, cypherInteger, cypherString, splitCypherStatements, splitList, writeCypher, type AttributeSpec, type ExportGraph,
} from '../../src/export/index.js';
import { neo4jConfigFromEnv } from '../../src/store/index.js';
import { CONTROL_NOTE, HOSTILE_ALIASES, HOSTILE_NAME, HOSTILE_QUOTE } from '../fixtures/export/hostile-dataset.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { hostileFixture, seedFixture, text } from './helpers.js';

type Tagged = [type: string, value: unknown];

/** A Neo4j property value with its stored type: Integer, Float, Boolean, String or a list of them. */
function tag(value: unknown): Tagged {
  if (neo4j.isInt(value)) return ['int', value.toNumber()];
  if (typeof value === 'number') return ['double', value];
  if (typeof value === 'boolean') return ['boolean', value];
  if (typeof value === 'string') return ['string', value];
  if (Array.isArray(value)) return ['list', value.map(tag)];
  if (value === null) return ['null', null];
  return ['unexpected', value];
}

/** What Neo4j must hold for these attributes: declared types, lists as lists, no display copies. */
function expected(specs: readonly AttributeSpec[], attributes: Record<string, unknown>, id?: string): Record<string, Tagged> {
  const out: Record<string, Tagged> = id === undefined ? {} : { id: ['string', id] };
  for (const s of specs) {
    const v = attributes[s.name];
    if (v === undefined || s.display) continue;
    out[s.name] = s.list ? ['list', splitList(v as string).map((item): Tagged => ['string', item])] : [s.type, v];
  }
  return out;
}

const tagged = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, tag(v)]));

if (await neo4jAvailable()) {
  describe('writeCypher against Neo4j', () => {
    let driver: Driver;
    let session: Session;
    const count = async () => (await session.run('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n').toNumber() as number;

    beforeAll(async () => {
      const config = neo4jConfigFromEnv();
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
      session = driver.session(config.database ? { database: config.database } : {});
      await session.run('MATCH (n) DETACH DELETE n');
    });

    afterAll(async () => {
      await session?.run('MATCH (n) DETACH DELETE n');
      await session?.close();
      await driver?.close();
    });

    it('parses every hostile string literal back to the string it was made from', async () => {
      const values = ['', "'", '\\', HOSTILE_NAME, HOSTILE_QUOTE, CONTROL_NOTE, ...HOSTILE_ALIASES, 'ctl\u0000\u0007\u001B\u007F\u0085\u2028\u2029 😀'];
      const result = await session.run(`RETURN [${values.map(cypherString).join(', ')}] AS v`);
      expect(result.records[0]!.get('v')).toEqual(values);
      const numbers = await session.run(`RETURN [${[cypherFloat(5), cypherFloat(1.5e21), cypherFloat(1e-7), cypherInteger(-12)].join(', ')}] AS v`);
      expect(numbers.records[0]!.get('v').map(tag)).toEqual([['double', 5], ['double', 1.5e21], ['double', 1e-7], ['int', -12]]);
    });

    async function recreate(graph: ExportGraph): Promise<void> {
      await session.run('MATCH (n) DETACH DELETE n');
      expect(await count()).toBe(0);
      for (const statement of splitCypherStatements(text(writeCypher(graph)))) await session.run(statement);
    }

    async function expectDatabaseHolds(graph: ExportGraph): Promise<void> {
      const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
      expect(nodes.records).toHaveLength(graph.order);
      for (const record of nodes.records) {
        const props = record.get('props') as Record<string, unknown>;
        expect(record.get('labels')).toEqual(['Actor']);
        const id = props.id as string;
        expect(tagged(props)).toEqual(expected(NODE_ATTRIBUTES, graph.getNodeAttributes(id), id));
      }
      const rels = await session.run('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props');
      expect(rels.records).toHaveLength(graph.size);
      for (const record of rels.records) {
        const props = record.get('props') as Record<string, unknown>;
        const edge = props.transferId as string;
        expect([record.get('a'), record.get('type'), record.get('b')]).toEqual([graph.source(edge), 'TRANSFERRED', graph.target(edge)]);
        expect(tagged(props)).toEqual(expected(EDGE_ATTRIBUTES, graph.getEdgeAttributes(edge)));
      }
    }

    it('recreates the seed subgraph around JP: same nodes, relationships and typed properties', async () => {
      const { graph } = await seedFixture();
      await recreate(graph);
      await expectDatabaseHolds(graph);
      const jpUs = await session.run(
        "MATCH (:Actor {id: 'JP'})-[r:TRANSFERRED]->(:Actor {id: 'US'}) RETURN r.status AS status, r.date_earliest AS earliest, r.quantity_min AS min",
      );
      expect(jpUs.records.map((r) => [r.get('status'), r.get('earliest'), tag(r.get('min'))])).toEqual([['PLANNED', '2024-01-01', ['int', 24]]]);
    });

    it('recreates the hostile dataset exactly, parallel edges, control characters and Float TIV included', async () => {
      const { graph } = await hostileFixture();
      await recreate(graph);
      await expectDatabaseHolds(graph);
      const xa = await session.run("MATCH (n:Actor {id: 'XA'}) RETURN n.name AS name, n.aliases AS aliases");
      expect([xa.records[0]!.get('name'), xa.records[0]!.get('aliases')]).toEqual([HOSTILE_NAME, HOSTILE_ALIASES]);
      const parallel = await session.run("MATCH (:Actor {id: 'XA'})-[r]->(:Actor {id: 'XB'}) RETURN r.transferId AS id, r.tiv_delivered AS tiv ORDER BY id");
      expect(parallel.records.map((r) => [r.get('id'), tag(r.get('tiv'))])).toEqual([
        ['transfer:xa-xb-1', ['null', null]],
        ['transfer:xa-xb-2', ['double', 3.75]],
      ]);
    });

    it('leaves the database empty', async () => {
      await session.run('MATCH (n) DETACH DELETE n');
      expect(await count()).toBe(0);
    });
  });
}
