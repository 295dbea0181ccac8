// The durable claim log of the embedded store: every committed claim, in order, in an LMDB database under the
// data directory (lmdb-js: a maintained binding with prebuilt binaries; each write is an fsync'd transaction).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import { ConflictError } from '../domain/errors.js';
import type { StoredClaim } from './model.js';

/** Where claims are kept: all of them, in commit order, each one durable once `append` resolves. */
export interface ClaimLog {
  /** Every stored claim, in commit order. */
  all(): Promise<StoredClaim[]>;
  /** Stores `claim` (its `seq` must be the next one); resolves once it is on disk. */
  append(claim: StoredClaim): Promise<void>;
  close(): Promise<void>;
}

/** The data directory: `ARMSGRAPH_DATA`, else `./data`. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ARMSGRAPH_DATA ?? 'data');
}

/** The claim log in `<dir>/claims.mdb` (created with its directory when missing). */
export class LmdbClaimLog implements ClaimLog {
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

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** A claim log kept in memory only (tests, and `--no-claims` runs): nothing survives the process. */
export class MemoryClaimLog implements ClaimLog {
  private readonly claims: StoredClaim[] = [];
  async all(): Promise<StoredClaim[]> {
    return [...this.claims];
  }
  async append(claim: StoredClaim): Promise<void> {
    if (claim.seq !== this.claims.length + 1) throw new ConflictError(`claim ${claim.seq} is out of order (next is ${this.claims.length + 1})`);
    this.claims.push(claim);
  }
  async close(): Promise<void> {}
}
