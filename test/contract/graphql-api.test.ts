// Runs the GraphQL API suite over HTTP against the memory store.
import { MemoryStore } from '../../src/store/index.js';
import { describeGraphqlApi } from './graphql-api.contract.js';

describeGraphqlApi('memory', async () => new MemoryStore());
