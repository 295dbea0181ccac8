// Per-request context: the store and DataLoaders, so nested fields fetch each node once per request.
import DataLoader from 'dataloader';
import type { Entity } from '../query/index.js';
import type { GraphStore } from '../store/index.js';

/** What every resolver receives. */
export interface GraphQLContext {
  readonly store: GraphStore;
  /** Batches `store.nodes(ids)` per request: one round trip for all the nodes a response needs. */
  readonly nodes: DataLoader<string, Entity | undefined>;
}

/** Creates a fresh context for one request. */
export function createContext(store: GraphStore): GraphQLContext {
  return {
    store,
    nodes: new DataLoader(async (ids: readonly string[]) => {
      const found = await store.nodes(ids);
      return ids.map((id) => found.get(id));
    }),
  };
}
