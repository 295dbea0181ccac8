// Neo4j connection settings from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).

/** How to reach Neo4j and how long to keep trying. */
export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database name; undefined means the server's default database. */
  readonly database?: string;
  /** Longest a read keeps retrying on transient errors before reporting the store unavailable. */
  readonly readRetryMs: number;
  /** Longest a write (a load) keeps retrying on transient errors. */
  readonly writeRetryMs: number;
  /** Longest to wait for a TCP connection. */
  readonly connectTimeoutMs: number;
  /**
   * Where path and route questions find their candidate transfers: `projection` (default), an in-process copy of
   * the TRANSFERRED graph re-read when the graph's version stamp changes; or `cypher`, a reverse breadth-first pass
   * in Cypher per question (ARCHITECTURE.md compares the two).
   */
  readonly candidates: 'projection' | 'cypher';
  /**
   * Loads of at least this many nodes and timeline entries are staged: written as the next generation in many
   * transactions and switched to in one (a load this size does not fit one transaction); smaller loads write what
   * changed in one transaction.
   */
  readonly stagedFrom: number;
  /** A staged load that has not written for this long is taken as dead: its generation may be dropped. */
  readonly stagingStaleMs: number;
  /** After a switch, how long the old generation stays for reads already under way before it is dropped. */
  readonly generationGraceMs: number;
  /**
   * How old a version stamp read may be when a question uses it: a question shares a read that started at most this
   * long before it asked (so it may miss a write another instance committed that recently); 0: every question waits
   * for a read that starts after it asked. A request with bookmarks, and the first question after this instance's
   * own write, always read a stamp of their own.
   */
  readonly stampMaxAgeMs: number;
  /** Longest the read of the whole projection may take (a bulk read: tens of seconds for 250,000 transfers). */
  readonly projectionTimeoutMs: number;
}

/** Reads the configuration from environment variables, with the local-Neo4j defaults. */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const number = (name: string, fallback: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
    return value;
  };
  return {
    uri: env.NEO4J_URI || 'bolt://127.0.0.1:7687',
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD ?? 'password',
    ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
    readRetryMs: number('NEO4J_READ_RETRY_MS', 5_000),
    writeRetryMs: number('NEO4J_WRITE_RETRY_MS', 30_000),
    connectTimeoutMs: number('NEO4J_CONNECT_TIMEOUT_MS', 3_000),
    candidates: candidatesFrom(env.ARMSGRAPH_NEO4J_CANDIDATES),
    stagedFrom: number('NEO4J_STAGED_LOAD_FROM', 100_000),
    stagingStaleMs: number('NEO4J_STAGING_STALE_MS', 60_000),
    generationGraceMs: number('NEO4J_GENERATION_GRACE_MS', 2_000),
    stampMaxAgeMs: number('NEO4J_STAMP_MAX_AGE_MS', 50),
    projectionTimeoutMs: number('NEO4J_PROJECTION_TIMEOUT_MS', 300_000),
  };
}

function candidatesFrom(raw: string | undefined): Neo4jConfig['candidates'] {
  if (raw === undefined || raw === '' || raw === 'projection') return 'projection';
  if (raw === 'cypher') return 'cypher';
  throw new Error(`ARMSGRAPH_NEO4J_CANDIDATES must be "projection" or "cypher", got "${raw}"`);
}
