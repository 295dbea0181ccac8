// Finds out whether the tests can reach Neo4j; with REQUIRE_NEO4J=1 an unreachable Neo4j is a test failure.
import { describe, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/index.js';

/** True when Neo4j answers. Registers a failing test when it does not and REQUIRE_NEO4J=1. */
export async function neo4jAvailable(): Promise<boolean> {
  const config = neo4jConfigFromEnv();
  try {
    const store = await Neo4jStore.connect({ ...config, readRetryMs: 2_000 });
    await store.close();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.REQUIRE_NEO4J === '1') {
      describe('Neo4j (required: REQUIRE_NEO4J=1)', () => {
        it(`is reachable at ${config.uri}`, () => {
          throw new Error(`Neo4j is required but unreachable at ${config.uri}: ${reason}. Start it with npm run neo4j:start.`);
        });
      });
    } else {
      describe.skip(`Neo4j at ${config.uri} unreachable (${reason}); set REQUIRE_NEO4J=1 to make this a failure`, () => {
        it('skipped', () => {});
      });
    }
    return false;
  }
}

/** Empties the database's claim log. */
export async function clearClaimLog(): Promise<void> {
  const config = neo4jConfigFromEnv();
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    await driver.executeQuery('MATCH (l:ArmsgraphLog) DETACH DELETE l', {}, { database: config.database });
  } finally {
    await driver.close();
  }
}

