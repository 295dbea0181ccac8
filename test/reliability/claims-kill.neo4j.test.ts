// kill -9 during concurrent claims, on Neo4j (the claim log in the database, each batch one load transaction).
import { afterAll, beforeAll, describe } from 'vitest';
import { clearClaimLog, neo4jAvailable } from '../helpers/neo4j.js';
import { describeKillDuringClaims } from './claims-kill.suite.js';

const available = await neo4jAvailable();
describe.runIf(available)('claims on Neo4j', () => {
  beforeAll(clearClaimLog);
  afterAll(clearClaimLog);
  describeKillDuringClaims('neo4j');
});
