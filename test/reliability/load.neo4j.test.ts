// Load against the Neo4j store (skipped when Neo4j is unreachable, failing with REQUIRE_NEO4J=1).
import { neo4jAvailable } from '../helpers/neo4j.js';
import { describeLoad } from './load.cases.js';

if (await neo4jAvailable()) describeLoad('neo4j');
