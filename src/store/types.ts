// The GraphStore interface (DESIGN §7): the data ports of query/ plus loading and closing.
import type { Dataset } from '../domain/model.js';
import type { GraphPorts, LoadSummary } from '../query/index.js';

/**
 * One store of the graph: it answers the data ports that the questions of `query/` ask (every read takes
 * resolved ids; names are resolved through `resolveActor` / `resolveSystem`), and loads datasets.
 */
export interface GraphStore extends GraphPorts {
  readonly kind: 'memory' | 'neo4j';
  /** Replaces the whole graph with `dataset`, atomically: a failed load leaves the previous graph. */
  load(dataset: Dataset): Promise<LoadSummary>;
  close(): Promise<void>;
  /**
   * Read-your-writes across instances (a store in a cluster): `latest` names what this instance has written, and
   * reads run `within` such bookmarks wait until the member that serves them has seen those writes.
   */
  /**
   * One request's reads (a store whose answers check a version of the graph: Neo4j's in-process projection): run
   * `within` it, a request checks the version once and reads one version throughout.
   */
  readonly readScope?: {
    within<T>(work: () => T): T;
  };
  readonly readYourWrites?: {
    within<T>(bookmarks: readonly string[], work: () => T): T;
    latest(): Promise<string[]>;
  };
}
