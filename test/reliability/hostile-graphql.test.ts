// Hostile GraphQL against the memory store (the Neo4j twin is hostile-graphql.neo4j.test.ts).
import { describeHostileGraphql } from './hostile-graphql.cases.js';

describeHostileGraphql('memory');
