// Runs the GraphStore contract against a real Neo4j (NEO4J_URI, default the local one from `npm run neo4j:start`).
// Without a reachable Neo4j the suite is skipped, unless REQUIRE_NEO4J=1 (CI), where it fails instead.
import { Neo4jStore } from '../../src/store/index.js';
import { describeGraphStore } from './graph-store.contract.js';
import { neo4jAvailable } from '../helpers/neo4j.js';

const available = await neo4jAvailable();
if (available) describeGraphStore('neo4j', () => Neo4jStore.connect());
