// The hand-written part of BENCHMARKS.md: what the profiles showed, what changed, what would close the gaps.
// Its figures come from profiling during development (`node --cpu-prof`, Neo4j PROFILE, the two profile-*.ts
// tools), not from the run the tables above come from; rerun those tools to refresh them.
export const PROFILE_NOTES = `## Profiles, changes and what would close the gaps

The figures in this section come from profiling during development on the same machine (\`node --cpu-prof\` on the
bench children, \`tools/bench/profile-neo4j-load.ts\` and \`tools/bench/profile-neo4j-reads.ts\` for Neo4j); the
tables above are the run's own.

### Memory store: changed (src/store/memory/snapshot.ts, MemoryStore.ts)

- **Load.** Before: the ×10 load took 17.9 s with 1.21 GB peak RSS (the issue's profile: 16 s, 1.34 GB). The CPU
  profile put 10.8 s in graphology \`addEdge\` for the ~1M typed links (6.3 s of it in \`EdgeData.attachMulti\`:
  every link is a key in its end nodes' adjacency objects, and 250,000 \`CITES\` links meet in one source node)
  and 5.8 s in garbage collection. Now the snapshot keeps no typed links in graphology: the indexes the queries
  use (adjacency by supplier and recipient, timeline by actor and by system) are plain maps, the typed links of a
  node are derived from its entity on demand (\`linksFrom(id)\`), and the graphology projection (actors and one
  \`TRANSFERRED\` edge per transfer, DESIGN §2) is built on first use of \`store.graph\` — nothing in the app reads
  it today, so a load does not pay for it. Adjacency lists are filled from the time-sorted list instead of being
  sorted one by one. What the load profile shows now: \`validateDataset\` (~1.1 s at ×10; it builds all 1M link
  objects just to check references — src/domain), \`timelineEntries\` and its sort (~0.9 s), the timeline indexes
  (~0.4 s).
- **Paths.** The HTTP profile of the paths query had the transfer filter (\`transferPredicate\`) as the top self
  time: every question re-filtered the adjacency of the actors it touched, thousands of transfers for a hub
  supplier. Now the filtered adjacency is kept per filter (system, statuses, window, knownAt; an LRU of 32 per
  snapshot), and with a system filter a list longer than 64 is split by system once, so a family not asked
  before costs in proportion to its own transfers. ×10 in-process p95 went from 25 ms to 0.15 ms.
- **Timeline.** Every page filtered the whole timeline. Now candidates come from per-actor or per-system indexes
  (merged for an actor's parts or a family), a window cuts them by binary search on \`earliest\`, and when the
  filter asks nothing the index does not already answer no predicate runs. ×10 p95 went from 17 ms to ~4 ms
  (what remains is windowed questions on hub actors, which still filter a hub's entries by \`latest\`).
- **Transfers and stats.** A supplier or recipient filter scans that actor's list (same order as the whole list);
  \`transferStats\` no longer rebuilds the system map per call. Its remaining cost is \`aggregateStats\` in
  src/query/stats.ts (30–45 ms on SIPRI, 0.5–2.2 s at ×10): the profile of the ×10 RECIPIENT+YEAR grouping
  (~150,000 rows) puts ~75 % in the sort comparator, which \`JSON.stringify\`s both keys on every comparison.
  Computing each row's key string once before sorting (and a string key per group instead of a \`Set\` of deal ids
  where a transfer contributes once) would remove most of it; src/query is outside this issue's files.
- Answers are unchanged: the contract suite (\`test/contract/memory.test.ts\`) passes, every run checks memory =
  Neo4j on all questions above, and \`tools/bench/check-memory-indexes.ts\` compares thousands of random timeline,
  transfer and path questions with plain scans of the dataset (0 differences on SIPRI and synthetic data).

### GraphQL over HTTP on the memory store (target: 2,000 req/s on SIPRI paths)

Before the store changes the paths query served ~400 req/s here; the CPU profile of the server then was led by
the transfer filter and by graphql-js's development-mode \`instanceOf\` checks (the bench now runs the servers with
\`NODE_ENV=production\`, as a deployment does). After them, with ~9.5 s of server CPU for ~7,700 requests
(≈ 1.2 ms each), the profile shares were: the query-limits plugin's \`getComplexity\` 14 % (it walks the document
with the variables on every request, although Apollo caches the parsed and validated document), graphql-js
execution 15 %, Fastify's reply and socket writes 11 %, GC 9 %, \`transferPaths\` itself 5 %, the rest Apollo's
request pipeline and JSON. The store is no longer the bottleneck; the 2,000 req/s target needs ≈ 0.5 ms per
request on one core while autocannon takes the other. What would close it (outside this issue's files): cache the
complexity per document and variables shape in src/graphql/plugins/query-limits.ts (or estimate it from the
document alone), run two server processes (Node cluster) where more than one core is free, and keep responses
small (the dashboard's paths query asks for check messages and names on every hop).

### Neo4j store: findings for src/store/neo4j (not changed here; the tables measure it as it is)

- **Load.** Per statement kind (SIPRI, one transaction): creating the \`TRANSFERRED\` projection is the largest
  (1.8–2.7 s), then merging \`Transfer\` nodes, timeline entries and the commit (2–14 s, index maintenance for
  ~100,000 changes; it varies most with the machine's load). The \`TRANSFERRED\` statement matches its endpoints as
  \`(:Actor {id: …})\`, and there is no index on \`:Actor(id)\` (the unique constraint is on \`:Entity(id)\`), so
  every row scans all actors (\`NodeByLabelScan\` in its plan). At ×10 (2,083 actors) that one statement took 543 s
  of a 656 s load; matched through \`:Entity {id: …}\` it took 10.5 s. Fix: \`MATCH (a:Entity {id: row.supplier})
  MATCH (b:Entity {id: row.recipient})\` in \`CREATE_TRANSFERRED\` (or an index on \`:Actor(id)\`).
- **×10 in one transaction does not fit.** \`Neo4jStore.load\` writes a whole dataset in one transaction (DESIGN §7).
  At ×10 that transaction held 2.3 GB after the typed links with a 4 GB heap, and with a 10 GB heap it reached
  6.9 GB and failed at commit after 11 minutes (Neo4j's transaction memory pool is 70 % of the heap), after which
  the driver retried it from the start. The ×10 rows above therefore load Neo4j with the same statements
  committed every 20 statements (\`--store neo4j-bulk\` in \`child-load.ts\`, with the \`:Entity\` seek), which is not
  atomic. Fix: load in batches into a staging state and switch at the end (e.g. a load id property and a final
  relabel), or use \`neo4j-admin database import\` for a first load into an empty database.
- **Paths.** The store's path statement and the analyst's hand-written one get the same plan: a
  \`VarLengthExpand(All)\` with the hop filter pushed into the expansion (302,059 db hits for US→JP Patriot on
  SIPRI, 0.24–0.45 s under profile). The store then needs three more round trips (the transfers by id, the
  restriction context, the names), which is why it is no faster than the analyst's query and misses both the
  30 ms p95 and the 5× targets. Rewriting the Cypher shape will not buy 5×: the expansion enumerates every
  simple walk of up to 4 hops through the family's subgraph before the time rule and ranking apply. What would:
  read the family's filtered \`TRANSFERRED\` relationships with one indexed query (\`transferred_system\`; a few
  hundred rows for a family) and enumerate with the shared \`query/paths.ts\` \`findPaths\` in Node, as the memory
  store does, then read the check context once. Also \`(:Actor {id: $fromId})\` and \`(:WeaponSystem {id: $system})\`
  are label scans (no index for those labels' ids); match through \`:Entity\`.
- **Transfers page.** \`($recipient IS NULL OR t.recipient = $recipient)\` keeps the planner from using the
  \`transfer_recipient\` index: both the count and the page statement scan every \`Transfer\` node
  (\`NodeByLabelScan\`, 30,000 db hits each on SIPRI). @neo4j/graphql writes \`WHERE this.recipient = $param\` and
  seeks the index, which is why it is faster on the flat list. Fix: choose among constant statement texts by
  which filters are present (as the path statement already does for its hop bound), still with parameters only.
- **Timeline page.** The actor filter is \`any(a IN e.actors WHERE a IN actorSet)\` over a list property, which no
  index serves: count and page each scan every \`TimelineEntry\` (28,000 db hits each on SIPRI). Fix: link entries
  to their actors and systems (\`(:TimelineEntry)-[:INVOLVES]->(:Actor)\`) and start from the actor's index seek.
  The @neo4j/graphql peer scans the same way and then runs an \`@cypher\` subquery per entry for the nested
  actors and systems; the two end up level (ours 1.03× on SIPRI, 1.0× at ×10, 0.5× on the tiny seed, where our
  extra round trips dominate), so "ahead on the nested timeline" is met on SIPRI only within the noise of these
  runs. Ours on the memory store is 40–900× ahead.
- **transferStats** reads every matching transfer's JSON into Node (\`allTransfers\`) and aggregates there;
  aggregating in Cypher over the flat properties would avoid shipping the graph.

### Not fixed here

- The GraphQL throughput target (src/graphql is outside this issue's files; see above).
- Every Neo4j target and finding above (src/store/neo4j is outside this issue's files).
- ARCHITECTURE.md still describes the old snapshot ("every entity as a node, the typed links …" in graphology);
  its Memory paragraph needs the new shape (indexes in plain maps, lazy graphology projection).
`;
