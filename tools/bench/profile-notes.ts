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
  not pay for it (issue [10] then removed that graph and \`linksFrom\`: nothing read them). What the load profile shows now: \`validateDataset\` (~1.1 s at ×10; it builds all 1M link
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
whatever else runs) share the other. Then nested nodes (each hop's \`from\`/\`to\`, each transfer's system) went
through the per-request DataLoader, a promise per field (\`runMicrotasks\` 4.6 %, \`promiseForObject\` 3.2 %): on a
store that holds the graph in process (\`heldNode\`, the memory store) resolvers now read them at once; in
alternating A/B runs of 10 s (the bench's 50 SIPRI path bodies, 10 connections) that served 2,518 / 1,890 / 2,194
req/s against 2,058 / 1,837 / 2,030 before, about 10 % more, inside this machine's run-to-run noise of ±20 %. The
profile after it: the server is idle 11 % of the time (waiting for autocannon, which has the other core), socket
writes 6 %, GC 5 %, Apollo's pipeline 11 % (of it the SHA-256 of each query text for its document cache, 2 %, and
the response's JSON, 3 %), graphql-js 14 %, our code (resolvers, plugins, \`transferPaths\`) about 10 %.
This run served 2,236 req/s on the SIPRI questions (1.12× the target; the full run before the change measured
1,484, and one with it but before the Neo4j page changes 2,222), 2,390 on the ×10 ones. The margin is about
the size of this machine's noise, so a busier moment can put a single run under 2,000. What would add a margin
for certain: a second server process (Node cluster) on a machine with a free core, or a response cache keyed on
the document and variables per snapshot (the memory store's snapshots are immutable, so it would never serve
stale data) — left out because it would mostly measure the cache on a benchmark that cycles through 50 request
bodies.

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
  the driver retried it from the start. A load that large is now staged (ARCHITECTURE.md, "Generations"): written
  as the next generation in transactions of 20,000 rows, two at a time, and made live in one small transaction; the
  ×10 row above is that load into an empty database. Measured by hand on the test instance (1 GB heap): about 20 s
  to build the statements (every row's JSON and content hash), 120 s of writes with two writers (150 s with one;
  creating rather than merging into the empty generation and 5,000-row statements gained little), and, when a
  previous ×10 generation is there, 85 s more to drop it after the switch. A larger page cache (128 MiB → 1 GiB)
  changed nothing: the writes are CPU-bound in Neo4j. SIPRI-sized loads (12,574 transfers) are one transaction.
- **Paths.** The store's path statement and the analyst's hand-written one had the same plan: a
  \`VarLengthExpand(All)\` enumerating every simple walk of up to 4 hops through the family's subgraph before the
  time rule and ranking applied (302,059 db hits for US→JP Patriot on SIPRI, 0.24–0.45 s under profile), plus
  three more round trips; it was slower than the analyst's query (0.66× at p95). Now one statement does the
  reverse breadth-first pass from the target, a \`CALL\` per level reading only the \`TRANSFERRED\` relationships
  (passing the filter) into the actors first reached at the level before, the last level only those leaving the
  start; the shared \`rankPaths\` (src/query/paths.ts, the memory store's code) ranks them in Node; then one more
  statement reads the kept paths' transfers with their check context (restrictions, wars, chains and names): two
  round trips per question instead of five. \`PROFILE\` of that pass then showed the last level, written as
  \`(a:Entity {id: $fromId})-[r]->(b)\`, planned from the start: for US→SA (M-113) it expanded all 3,630 of the US's
  transfers to find none (the frontier was empty), the bulk of the question's db hits; it now expands the
  frontier's incoming transfers and keeps those with \`r.supplier = $fromId\` (0 db hits there).
- **Round trips.** Every read ran in a transaction function (\`session.executeRead\`: BEGIN, RUN + PULL, COMMIT).
  A single statement now runs as an auto-commit transaction (RUN + PULL, one round trip; transient errors are
  retried within \`NEO4J_READ_RETRY_MS\` by the executor, as the driver retries transaction functions; a test cuts
  a proxy under a read and sees it answered). \`RETURN 1\` in a loop: 1.3–1.5 ms per transaction function against
  1.0 ms auto-commit. The store's SIPRI path questions, in a loop over the bench's 300 on a separate instance:
  p50 9.5 → 6.5 ms and p95 19 → 14.5 ms from auto-commit alone, then p50 4.6 ms and p95 9.9 ms with the last level
  from the frontier and the second statement merged. The analyst's query is sent the same way, so the ratio
  compares the queries. Answers are checked equal to the memory store's on every question of every size before
  timing.
- **Transfers page.** \`($recipient IS NULL OR t.recipient = $recipient)\` kept the planner from the
  \`transfer_recipient\` index: count and page each scanned every \`Transfer\` (30,000 db hits each on SIPRI). A
  filter now puts only the conditions it sets in the text (fixed fragments, values always parameters), so it
  seeks the index. The count and the items are now one statement (a subquery each), and a transfers page brings
  the supplier, recipient and system nodes of its items, which prime the GraphQL request's loader: a transfers
  list with nested names went from four reads (name, count, page, nodes; count and page side by side) to two
  (name, page). In 10-second A/B runs on a separate instance (SIPRI, the bench's bodies) ours served 111 / 224
  req/s against the peer's 175 / 302 before, and 235 / 332 against 203 / 286 after.
- **Timeline page.** The actor filter was \`any(a IN e.actors WHERE a IN actorSet)\` over a list property: every
  page scanned every \`TimelineEntry\`. Entries are now linked \`(:TimelineEntry)-[:FEATURES]->\` to the actors and
  systems they feature (a layout version in their content hash relinks older databases on their next load), and a
  page starts from the actor's index seek. The @neo4j/graphql peer filters the list property
  (\`actors: { includes: $actor }\`) and runs an \`@cypher\` subquery per entry for the nested actors and systems.
- **What remains.** Every target is met in this run. The margins that are thin, and what would widen them:
  - *Paths on Neo4j* (SIPRI p95 9.3 ms against 30 ms; 12.8× the analyst's query at p95 against 5×). The full run
    before this one, with the same path code, measured p95 31 ms and 5.46× while the machine was busier: the
    tail moves with what else runs. The floor is the two round trips (on the 10-actor seed the store takes
    8.9 ms at p50 where the analyst's single statement takes 2.3 ms). Reading the small, load-stable check context
    (restrictions, wars, ancestor chains) in the pass's statement, and the kept transfers' JSON with it, would
    make a question one round trip.
  - *GraphQL over HTTP on Neo4j* (flat transfers list 1.24× the peer on SIPRI, 1.01× at ×10; the run before the
    page changes measured 0.91×). The peer compiles the whole request into one statement; ours makes two reads
    (the argument's name, then the page with its nodes). Resolving a name is a label scan over \`nameKeys\`
    lists (no index serves list membership); an \`Entity(id)\` seek first for exact ids, or resolving names
    inside the page's statement, would make it one. Our paths query over HTTP (154 req/s on SIPRI) pays the
    name look-ups and the two path reads per request.
  - *\`transferStats\` on Neo4j* ships every matching transfer's JSON into Node (\`allTransfers\`); aggregating SIPRI
    deliveries in Cypher needs them as flat properties or nodes.

### Neo4j store, issue [13] sessions: one round trip, then none under load

- **Stamp reads.** With every question one round trip (the version stamp; ARCHITECTURE.md), a profile of the API on
  Neo4j serving SIPRI paths at ~700 req/s showed about one stamp read per question (the strict rule, a read that
  starts after the question asked, shared little when the API was busy), so each question paid a Bolt transaction
  in Node and in the JVM on the same two cores. Questions then shared a stamp read up to \`NEO4J_STAMP_MAX_AGE_MS\`
  (10 ms; 50 ms since the ×10 routes below) old: about a hundred reads a second under load. By hand (seed + SIPRI, autocannon 10 connections 5 s):
  paths 668–794 → 1,545 req/s, \`actor(id)\` 2,088–2,761 → 4,682.
- **Pages.** Transfer and timeline pages were a Cypher statement each (count + items + stamp): 395 and 390 req/s
  against the memory store's 1,820 and 1,751. They are now cut from the projection by the memory store's code
  (\`query/lists.ts\`): 1,067 and 1,113 req/s by hand. The projection then holds the timeline entries too (it
  reads in ~11 s at ×10 instead of ~5, with 1.2 GB of heap), and nothing reads the entries' \`FEATURES\` links,
  which are no longer written.
- **Routes in memory at ×10.** A profile of the bench's route questions (warm): the exact count 29 %, the bounded
  searches 25 %, the restriction checks of the page's witness chains 10 % (every hop read all 208 restrictions).
  Checks now read only the restrictions naming the hop's supplier (or none), consent rules by origin; the count's
  innermost loop reads flags and typed arrays instead of closures: about 15 % less time. Timing runs now start when
  the rest of the machine is quiet (Neo4j's JVM finishing the heavy Cypher of the questions before).
- **×10 staged load**, by statement kind (fresh database, 4 GB heap, 2 GB page cache, two writers): typed links
  42 s, \`Transfer\` nodes 40 s, timeline entries 22 s, \`TRANSFERRED\` 18 s of transaction time, 16.5 s building
  the statements first (every row's JSON and content hash); 129 s in all.
- **×10 staged load, after.** A transfer is now written in one statement with its supplier, recipient and system
  links and its \`TRANSFERRED\` relationship (each end sought once, no row per link; its relationship's properties
  taken from the node's row), between a step of the other nodes and entries and a step of the other links; three
  indexes nothing read any more (\`timeline_time\`, \`transferred_system\`, \`transferred_time\`) are dropped; the
  content version hashes one sorted text. Same fresh database: transfers with their links 46–53 s, entries 20–22 s,
  other links 8–10 s of transaction time, 13.5–16 s building; a load into an empty bench database (the bench's own
  child process) 115 → 94 s warm, 124 → 108 s on a cold JVM; in this file's run 83.2 s (108 s in the run before). The machine is busy on both cores while the JVM
  writes (JVM ~170 %, Node ~25 %), so writing while the rest is built gains little; what is left is the work
  itself. Without the entries' JSON (the projection would derive the timeline from the nodes) a load measured
  4 s less.
- **×10 route questions over HTTP.** The bench's 50 hub questions served with 10 connections from one process: the
  process saturated one core (idle 0.3 %) at 65–87 req/s on Neo4j, 107–121 on memory. A profile of the API on Neo4j:
  the search rounds 25 % (a \`Step\` object per hop of every actor listed, each round), the exact count 19 % (three-hop
  routes counted forward over a hub's 140,000 two-step hops), V8's scavenges 18 % (16 MiB young generation). By hand
  (autocannon 10 connections, 15 s): steps as arrays and three-hop routes counted from the smaller end, 6.1 → 3.3 ms
  a question in process, memory 114 → 176 req/s; \`--max-semi-space-size=64\` on Neo4j 118 → 137 (p99 200 → 142 ms).
  Then two processes (\`serve --workers 2\`): 224 req/s, p99 103 ms; Neo4j's JVM used 25 % of a core reading
  version stamps (about 100 a second: one auto-commit read each ~2.5 ms of its CPU); sharing a stamp read up to
  50 ms instead of 10: 4 %, 261–273 req/s, p99 81–108 ms. Three processes on the two cores: 138 req/s. In this
  file's run: one process 180 req/s (p99 622 → 113 ms), two 271 req/s with p99 150 ms (p97.5 95 ms): the tail of two
  processes beside Neo4j and the load generator on two cores is as uneven as these runs by hand.
- **×10 route questions over HTTP, the tail.** autocannon starts each of the 10 connections at the first of the 50
  questions, so they go through the list together: the ten copies of a heavy question wait for one another (one
  search at a time), and p99 is about ten times the heaviest questions' time. Those (four hops, time-respecting or
  strict) took 9.2 ms in process: the four-hop count half of it (every hop two steps out of a hub, 120,000), the
  bar searches most of the rest (each one's distance pass reached most of the graph at its last level, which only
  \`from\` needs). Now four-hop routes meet from the middle actors' hops in when that reads fewer hops (about
  70,000): a count 3.7 → 1.5 ms; the distance pass stops one level short and \`from\` reads its own: a bar search
  3.6 → 1.4 ms; heavy questions 9.2 → 5.8 ms, all 5.8 → 3.9 ms. On Neo4j, allocation per route answer was 2.4 MB:
  graphql-js's result and argument objects (\`Object.create(null)\`) 35 %, promises 18 % (a DataLoader promise per
  hop end, with \`AsyncLocalStorage\`'s hooks); nested actors now come from the checked projection at once
  (\`heldNode\`). graphql-jit, tried in process on the same query, was not clearly faster (two warm rounds: 4.8 and 5.9 ms
  against graphql-js's 7.1 and 5.6, on a noisy machine); it would replace the execution of every query behind
  Apollo's gateway interface, so it was left for a measured change of its own.
  Reading the projection left about 600 MB of garbage that V8 marked in the first seconds of serving (steps up to
  45 ms); \`serve\` now collects it before it listens. By hand the runs spread widely on this machine (memory
  185–238 req/s, p99 82–115 ms; Neo4j 149–201 req/s, p99 105–299 ms, the first ten seconds after start the worst).
  In this file's run: one process 291 req/s, p99 86 ms (p50 30, p97.5 73); two processes 429 req/s, p99 62 ms;
  memory 313 req/s, p99 77 ms. The full run just before it, of the same commit, measured 320 / 461 / 270 req/s and
  p99 78 / 69 / 80 ms, and missed two load targets this work did not touch (SIPRI into Neo4j 15.4 s: its first,
  cold-JVM load took 20.5 s against 10.4 s here; ×10 staged load 97.3 s against 86.3 s here).
`;
