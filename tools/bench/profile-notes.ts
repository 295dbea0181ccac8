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
  and 5.8 s in garbage collection. Now the queries read plain maps (adjacency by supplier and recipient filled
  from the time-sorted list, timeline by actor and by system), the typed links of a node are derived from its
  entity on demand (\`linksFrom(id)\`), and the graphology graph with both DESIGN §2 views (every entity with its
  typed links, and one \`TRANSFERRED\` edge per transfer) is built on first use of \`store.graph\`, so a load does
  not pay for it. What the load profile shows now: \`validateDataset\` (~1.1 s at ×10; it builds all 1M link
  objects just to check references), \`timelineEntries\` and its sort (~0.9 s), the timeline indexes (~0.4 s).
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
  \`transferStats\` no longer rebuilds the system map per call. \`aggregateStats\` (src/query/stats.ts) sorted its
  rows with a comparator that \`JSON.stringify\`d both keys on every comparison (~75 % of the ×10 RECIPIENT+YEAR
  grouping, ~150,000 rows); each row's key is now computed once.
- Answers are unchanged: the contract suite (\`test/contract/memory.test.ts\`) passes, every run checks memory =
  Neo4j on all questions above, and \`tools/bench/check-memory-indexes.ts\` compares thousands of random timeline,
  transfer and path questions with plain scans of the dataset (0 differences on SIPRI and synthetic data).

### GraphQL over HTTP on the memory store (target: 2,000 req/s on SIPRI paths)

Before the store changes the paths query served ~400 req/s here; the CPU profile of the server then was led by
the transfer filter and by graphql-js's development-mode \`instanceOf\` checks (the bench runs the servers with
\`NODE_ENV=production\`, as a deployment does). Then, with ≈ 1.2 ms of server CPU per request, the profile shares
were: the cost plugin's \`getComplexity\` 14 % (it walked the document with the variables on every request),
graphql-js execution 15 %, Fastify's reply and socket writes 11 %, GC 9 %, \`transferPaths\` itself 5 %, the rest
Apollo's request pipeline and JSON. Changed since: the cost is cached per parsed document and cost-relevant
variables (src/graphql/plugins/query-limits.ts, with a test that a cached cost never leaks to larger variables),
and the security headers come from helmet middlewares built once (\`@fastify/helmet\` built a new one per request,
~3 %). A profile of the SIPRI paths run after that (\`node --cpu-prof\` on \`child-serve.ts\`): socket writes
(\`writev\`) 14 %, graphql-js execution 11 %, GC 7 %, Apollo's pipeline 6 %, Fastify 4 %, our resolvers and
\`transferPaths\` together under 5 %. The store is no longer the bottleneck: what is left is the per-request cost
of Apollo Server, graphql-js and HTTP, ≈ 0.5–0.9 ms of one core, while autocannon (and Neo4j's idle JVMs, and
whatever else runs) share the other. On the ×10 paths questions this run served 2,135 req/s (mostly one-hop
answers); on SIPRI's the answers are larger (more paths, more hops, more checks to serialise) and it served 1,484,
0.74× the target. What would close it for certain: a second server process
(Node cluster) on a machine with a free core, or a response cache keyed on the document and variables per
snapshot (the memory store's snapshots are immutable, so it would never serve stale data) — left out because it
would mostly measure the cache on a benchmark that cycles through 50 request bodies.

### Neo4j store: changed (src/store/neo4j)

- **Load.** Per statement kind (SIPRI, one transaction): the \`TRANSFERRED\` statement matched its endpoints as
  \`(:Actor {id: …})\`, which has no index (the unique constraint is on \`:Entity(id)\`), so every row scanned all
  actors: at ×10 (2,083 actors) that one statement took 543 s of a 656 s load. It now matches through
  \`:Entity {id: …}\` (10.5 s at ×10). Deleting relationships by transfer id now seeks a relationship index
  (\`transferred_id\`). What a SIPRI load spends now (\`tools/bench/profile-neo4j-load.ts\`): typed links 3.2 s,
  timeline entries with their \`FEATURES\` links 2.2 s, \`Transfer\` nodes 1.9 s, the \`TRANSFERRED\` projection
  0.6 s, then the commit (2–14 s, index maintenance for ~150,000 changes; it varies most with the machine's load).
- **×10 in one transaction does not fit.** \`Neo4jStore.load\` writes a whole dataset in one transaction (DESIGN §7).
  At ×10 that transaction held 2.3 GB after the typed links with a 4 GB heap, and with a 10 GB heap it reached
  6.9 GB and failed at commit after 11 minutes (Neo4j's transaction memory pool is 70 % of the heap), after which
  the driver retried it from the start. The ×10 rows therefore load Neo4j with the same statements committed
  every 20 statements (\`--store neo4j-bulk\` in \`child-load.ts\`), which is not atomic. Not changed: a real fix is
  a staged load (write under a load id in batches, then switch in one small transaction and delete the old) or
  \`neo4j-admin database import\` for a first load into an empty database. SIPRI-sized loads (12,574 transfers) are
  atomic and well inside the 30 s target.
- **Paths.** The store's path statement and the analyst's hand-written one had the same plan: a
  \`VarLengthExpand(All)\` enumerating every simple walk of up to 4 hops through the family's subgraph before the
  time rule and ranking applied (302,059 db hits for US→JP Patriot on SIPRI, 0.24–0.45 s under profile), plus
  three more round trips; it was slower than the analyst's query (0.66× at p95). Now one statement does the
  reverse breadth-first pass from the target, a \`CALL\` per level reading only the \`TRANSFERRED\` relationships
  (passing the filter) into the actors first reached at the level before, the last level only those leaving the
  start; the shared \`rankPaths\` (src/query/paths.ts, the memory store's code) ranks them in Node; then the kept
  paths' transfers and their check context (restrictions, wars, chains and names in one statement) are read side
  by side: two round-trip times per question instead of five. Answers are checked equal to the memory store's
  on every question of every size before timing.
- **Transfers page.** \`($recipient IS NULL OR t.recipient = $recipient)\` kept the planner from the
  \`transfer_recipient\` index: count and page each scanned every \`Transfer\` (30,000 db hits each on SIPRI). A
  filter now puts only the conditions it sets in the text (fixed fragments, values always parameters), so it
  seeks the index; the count and the page are read side by side.
- **Timeline page.** The actor filter was \`any(a IN e.actors WHERE a IN actorSet)\` over a list property: every
  page scanned every \`TimelineEntry\`. Entries are now linked \`(:TimelineEntry)-[:FEATURES]->\` to the actors and
  systems they feature (a layout version in their content hash relinks older databases on their next load), and a
  page starts from the actor's index seek. The @neo4j/graphql peer filters the list property
  (\`actors: { includes: $actor }\`) and runs an \`@cypher\` subquery per entry for the nested actors and systems.
- **What remains, and what would close it.**
  - *Paths on Neo4j* (this run: SIPRI p95 42 ms against 30 ms, 4.47× the analyst's query at p95 against 5×; the
    variable-length version measured 177 ms and 0.66×). The floor is round trips, not database work: on the
    10-actor seed the store takes 12 ms at p50 where the analyst's single statement takes 3.8 ms, and \`PROFILE\`
    of the reverse pass on SIPRI shows hundreds to a few thousand db hits. Warm, one question after another, the
    same SIPRI questions measured 9 ms p50 / 18 ms p95 on a separate instance during development (a loop over
    the same \`querySet\` questions), so part of the gap is this run's machine. What would close it: read
    the pass's transfers whole (\`t.json\` through the \`Entity\` index) and the small, load-stable check context
    (restrictions, wars, ancestor chains) in the same statement, making a path question one round trip.
  - *GraphQL over HTTP on Neo4j.* Our Neo4j API makes several round trips per request (argument look-ups, now
    side by side; the store's statements; the DataLoader's batch for nested names), where @neo4j/graphql compiles
    the whole request into one Cypher statement: it is ahead on the flat transfers list (ours 0.72× on SIPRI) and
    our paths query serves tens of requests per second, while our nested timeline is 7× ahead of it (the peer
    filters a list property and runs a subquery per entry; at ×10 it timed out on all 20 requests its autocannon
    run sent, hence no ratio). Resolving an actor or system name is a label scan over \`nameKeys\` lists (no index
    serves list membership): an \`Entity(id)\` seek first for exact ids, returning the referenced actors and
    systems with a page (priming the DataLoader), and resolving names inside the store's statement would remove
    most of the round trips.
  - *\`transferStats\` on Neo4j* ships every matching transfer's JSON into Node (\`allTransfers\`); aggregating SIPRI
    deliveries in Cypher needs them as flat properties or nodes.
`;
