// kill -9 during concurrent claims, on Neo4j (the claim log with the process, each batch one load transaction).
import { describe } from 'vitest';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { describeKillDuringClaims } from './claims-kill.suite.js';

const available = await neo4jAvailable();
describe.runIf(available)('claims on Neo4j', () => {
  describeKillDuringClaims('neo4j');
});
