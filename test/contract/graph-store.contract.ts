// The contract every GraphStore must meet: one suite, run against each backend (STYLE §3), assembled from a file per question.
import { describe } from 'vitest';
import type { GraphStore } from '../../src/store/index.js';
import { contractContext } from './graph-store/context.js';
import { describeBackfills } from './graph-store/backfills.js';
import { describeChecks } from './graph-store/checks.js';
import { describeExport } from './graph-store/export.js';
import { describeLists } from './graph-store/lists.js';
import { describeLoad } from './graph-store/load.js';
import { describeNames } from './graph-store/names.js';
import { describePaths } from './graph-store/paths.js';
import { describeRoutes } from './graph-store/routes.js';
import { describeSearch } from './graph-store/search.js';
import { describeStats } from './graph-store/stats.js';
import { describeSubgraph } from './graph-store/subgraph.js';
import { describeTimeline } from './graph-store/timeline.js';
import { describeTrends } from './graph-store/trends.js';
import { describeReconcile } from './graph-store/reconcile.js';
import { describeKnownTime } from './graph-store/known-time.js';

export { SEED_DIR, SIPRI_EXCERPT } from './graph-store/context.js';

/** Registers the contract suite for one store; `makeStore` returns a fresh, empty, connected store. */
export function describeGraphStore(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    const ctx = contractContext(makeStore);
    // A fixed order; each file loads the dataset it needs in its own beforeAll, so none depends on another.
    describeNames(ctx);
    describePaths(ctx);
    describeRoutes(ctx);
    describeBackfills(ctx);
    describeChecks(ctx);
    describeTimeline(ctx);
    describeStats(ctx);
    describeTrends(ctx);
    describeSearch(ctx);
    describeSubgraph(ctx);
    describeLists(ctx);
    describeExport(ctx);
    describeLoad(ctx);
    describeReconcile(ctx);
    describeKnownTime(ctx);
  });
}
