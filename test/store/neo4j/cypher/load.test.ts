// A dataset in → the load's Cypher out: rows travel as parameters, in batches.
import { describe, expect, it } from 'vitest';
import { loadStatements } from '../../../../src/store/neo4j/cypher/load.js';
import { dataset, transfer } from '../../../helpers/dataset.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('loadStatements', () => {
  it('load statements carry rows as parameters, in batches', () => {
    const d = dataset({ transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2024-01-15' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2024' })] });
    const statements = loadStatements({ ...d, actors: d.actors.map((a) => (a.id === 'AA' ? { ...a, name: HOSTILE } : a)) }, undefined, 1);
    statements.forEach(expectNoValuesInText);
    expect(statements.map((s) => s.cypher)).toMatchInlineSnapshot(`
      [
        "MATCH (n) WHERE n:Entity OR n:TimelineEntry DETACH DELETE n",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:WeaponSystem",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Transfer",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Transfer",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Source",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:CITES]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:CITES]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:RECIPIENT]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:RECIPIENT]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:SUPPLIER]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:SUPPLIER]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:OF_SYSTEM]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:OF_SYSTEM]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.supplier}) MATCH (b:Entity {id: row.recipient}) CREATE (a)-[r:TRANSFERRED]->(b) SET r = row",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.supplier}) MATCH (b:Entity {id: row.recipient}) CREATE (a)-[r:TRANSFERRED]->(b) SET r = row",
        "UNWIND $rows AS row CREATE (e:TimelineEntry) SET e = row
        WITH e, row UNWIND row.actors + row.systems AS ref
        MATCH (x:Entity {id: ref}) MERGE (e)-[:FEATURES]->(x)",
        "UNWIND $rows AS row CREATE (e:TimelineEntry) SET e = row
        WITH e, row UNWIND row.actors + row.systems AS ref
        MATCH (x:Entity {id: ref}) MERGE (e)-[:FEATURES]->(x)",
        "MERGE (m:ArmsgraphMeta {key: $key}) SET m.version = $version",
      ]
    `);
    expect(statements.filter((s) => s.cypher.includes('TRANSFERRED'))).toHaveLength(2);
  });
});
