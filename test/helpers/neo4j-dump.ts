// Reads the whole Neo4j database as sorted plain data, independently of the store, to compare states.
import neo4j from 'neo4j-driver';
import { neo4jConfigFromEnv } from '../../src/store/index.js';

/** Every node (labels + properties) and relationship (ends, type, properties), sorted, as JSON lines. */
export async function dumpDatabase(): Promise<{ nodes: string[]; relationships: string[] }> {
  const config = neo4jConfigFromEnv();
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
  const session = driver.session(config.database ? { database: config.database } : {});
  try {
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const rels = await session.run('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props');
    const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));
    return {
      nodes: nodes.records.map((r) => JSON.stringify([[...r.get('labels')].sort(), sortKeys(r.get('props'))])).sort(),
      relationships: rels.records.map((r) => JSON.stringify([r.get('a'), r.get('type'), r.get('b'), sortKeys(r.get('props'))])).sort(),
    };
  } finally {
    await session.close();
    await driver.close();
  }
}
