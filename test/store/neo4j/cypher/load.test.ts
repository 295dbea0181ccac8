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
        "MATCH (n) WHERE (n:Entity OR n:TimelineEntry) AND n.gen = $gen DETACH DELETE n",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:WeaponSystem",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Transfer",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Transfer",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Source",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:CITES]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:CITES]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:RECIPIENT]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:RECIPIENT]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:SUPPLIER]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:SUPPLIER]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:OF_SYSTEM]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:OF_SYSTEM]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.supplier, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.recipient, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:TRANSFERRED]->(b) SET r = row, r.gen = $gen",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.supplier, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.recipient, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:TRANSFERRED]->(b) SET r = row, r.gen = $gen",
        "UNWIND $rows AS row MERGE (e:TimelineEntry {id: row.id, gen: $gen}) SET e = row, e.gen = $gen",
        "UNWIND $rows AS row MERGE (e:TimelineEntry {id: row.id, gen: $gen}) SET e = row, e.gen = $gen",
        "MERGE (m:ArmsgraphMeta {key: $key}) SET m.version = $version, m.current = $gen",
      ]
    `);
    expect(statements.filter((s) => s.cypher.includes('TRANSFERRED'))).toHaveLength(2);
  });
});
