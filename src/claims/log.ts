// The durable claim log of the embedded store: every committed claim, in order, in an LMDB database under the
// data directory (lmdb-js: a maintained binding with prebuilt binaries; each write is an fsync'd transaction).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import { ConflictError } from '../domain/errors.js';
import type { Dataset } from '../domain/model.js';
import type { GraphStore } from '../store/index.js';
import type { StoredClaim } from './model.js';

/**
 * Where claims are kept, in commit order. A log of one process (LMDB) stores each claim at `append` and then has
 * the store load the new dataset; a log kept in the store's own database (Neo4j) stores the claims appended since
 * the last `publish` in the same transaction as that load, and is shared by every instance on the database.
 */
export interface ClaimLog {
  /** Whether claims become durable only with `publish` (and a failed publish leaves none of them). */
  readonly transactional: boolean;
  /** Every stored claim, in commit order. */
  all(): Promise<StoredClaim[]>;
  /** Claims stored after number `seq` by other instances (always none for a log of one process). */
  after(seq: number): Promise<StoredClaim[]>;
  /** Stores `claim` (its `seq` must be the next one), or stages it for `publish`. */
  append(claim: StoredClaim): Promise<void>;
  /** Makes `dataset` the store's graph, with the staged claims where the log is transactional. */
  publish(store: GraphStore, dataset: Dataset): Promise<void>;
  close(): Promise<void>;
}

/** The data directory: `ARMSGRAPH_DATA`, else `./data`. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ARMSGRAPH_DATA ?? 'data');
}

/** The claim log in `<dir>/claims.mdb` (created with its directory when missing). */
export class LmdbClaimLog implements ClaimLog {
  readonly transactional = false;

  private constructor(
    private readonly db: RootDatabase<StoredClaim, number>,
    readonly file: string,
  ) {}

  static open(dir: string): LmdbClaimLog {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'claims.mdb');
    // Keys are the claims' sequence numbers; values msgpack-encoded claims. Synchronous commits to disk (the
    // default): an acknowledged claim survives a crash of the process or the machine.
    return new LmdbClaimLog(open<StoredClaim, number>({ path: file, keyEncoding: 'uint32', encoding: 'msgpack' }), file);
  }

  async all(): Promise<StoredClaim[]> {
    const out: StoredClaim[] = [];
    for (const { value } of this.db.getRange()) out.push(value);
    return out;
  }

  async append(claim: StoredClaim): Promise<void> {
    // `ifNoExists`: a second process writing the same number loses, rather than overwriting a claim.
    const written = await this.db.ifNoExists(claim.seq, () => {
      void this.db.put(claim.seq, claim);
    });
    if (!written) throw new ConflictError(`claim ${claim.seq} was written by another process using ${this.file}; restart to replay it`);
  }

  async after(): Promise<StoredClaim[]> {
    return [];
  }

  async publish(store: GraphStore, dataset: Dataset): Promise<void> {
    await store.load(dataset);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** A claim log kept in memory only (tests, and `--no-claims` runs): nothing survives the process. */
export class MemoryClaimLog implements ClaimLog {
  readonly transactional = false;
  private readonly claims: StoredClaim[] = [];
  async all(): Promise<StoredClaim[]> {
    return [...this.claims];
  }
  async append(claim: StoredClaim): Promise<void> {
    if (claim.seq !== this.claims.length + 1) throw new ConflictError(`claim ${claim.seq} is out of order (next is ${this.claims.length + 1})`);
    this.claims.push(claim);
  }
  async after(): Promise<StoredClaim[]> {
    return [];
  }
  async publish(store: GraphStore, dataset: Dataset): Promise<void> {
    await store.load(dataset);
  }
  async close(): Promise<void> {}
}

/** What a store that keeps an append-only log in its own database offers (the Neo4j store). */
export interface LogHost {
  /** Replaces the graph with `dataset` and adds the log entries, in one transaction; a taken `seq` fails it (CONFLICT). */
  loadWithLog(dataset: Dataset, entries: readonly { readonly seq: number; readonly json: string }[]): Promise<unknown>;
  /** The log entries after number `seq`, in order. */
  logAfter(seq: number): Promise<{ seq: number; json: string }[]>;
}

/**
 * The claim log in the store's database (Neo4j): a claim is durable with the load that shows it, in one
 * transaction, and every instance on the database reads the claims the others wrote before writing its own.
 */
export class StoreClaimLog implements ClaimLog {
  readonly transactional = true;
  private staged: StoredClaim[] = [];

  constructor(private readonly host: LogHost) {}

  async all(): Promise<StoredClaim[]> {
    return this.after(0);
  }

  async after(seq: number): Promise<StoredClaim[]> {
    return (await this.host.logAfter(seq)).map((e) => JSON.parse(e.json) as StoredClaim);
  }

  async append(claim: StoredClaim): Promise<void> {
    this.staged.push(claim);
  }

  async publish(_store: GraphStore, dataset: Dataset): Promise<void> {
    const staged = this.staged;
    this.staged = [];
    await this.host.loadWithLog(dataset, staged.map((c) => ({ seq: c.seq, json: JSON.stringify(c) })));
  }

  async close(): Promise<void> {}
}
