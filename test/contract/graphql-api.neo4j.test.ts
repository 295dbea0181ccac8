// Runs the GraphQL API suite over HTTP against Neo4j (skipped when unreachable, failing with REQUIRE_NEO4J=1).
import { Neo4jStore } from '../../src/store/index.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { describeGraphqlApi } from './graphql-api.contract.js';

if (await neo4jAvailable()) describeGraphqlApi('neo4j', () => Neo4jStore.connect());
