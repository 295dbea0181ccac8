// Writes analysts' claims: each checked against the graph as it stands, stored durably in commit order, then made
// visible by loading the new dataset into the store (claims that arrive during a load go into the next one).
import type { Dataset } from '../domain/model.js';
import type { GraphStore } from '../store/index.js';
import { applyClaim, worldOf, type Applied, type ClaimWorld } from './apply.js';
import type { ClaimLog } from './log.js';
import type { ClaimRequest, StoredClaim } from './model.js';

/** What a written claim did. */
export interface ClaimResult {
  readonly claim: StoredClaim;
  /** Ids of the records it added (a correction: the new version). */
  readonly written: readonly string[];
  /** Ids of the facts it ended (retracted, or replaced by a correction). */
  readonly ended: readonly string[];
}

interface Pending {
  readonly request: ClaimRequest;
  readonly by: string;
  readonly resolve: (r: ClaimResult) => void;
  readonly reject: (e: unknown) => void;
}

/** Options of {@link ClaimService.open}. */
export interface ClaimServiceOptions {
  /** What seed files and imports give, before any claim. */
  readonly base: Dataset;
  /** Stored source texts (normalised) by source id, for quote checks. */
  readonly texts: ReadonlyMap<string, string>;
  readonly log: ClaimLog;
  readonly store: GraphStore;
  /** The clock (tests fix it). */
  readonly now?: () => Date;
}

/** The claims of one store: replayed at start, then written one at a time, in order. */
export class ClaimService {
  private readonly pending: Pending[] = [];
  private draining = false;

  private constructor(
    private world: ClaimWorld,
    private readonly claims: StoredClaim[],
    private readonly log: ClaimLog,
    private readonly store: GraphStore,
    private readonly now: () => Date,
  ) {}

  /**
   * Replays the log's claims onto `base` and loads the result into the store. A stored claim that no longer
   * applies (a later import removed what it refers to) stops the start with a ValidationError naming it.
   */
  static async open(options: ClaimServiceOptions): Promise<ClaimService> {
    const claims = await options.log.all();
    const world = await replay(worldOf(options.base, options.texts), claims);
    await options.store.load(world.dataset);
    return new ClaimService(world, claims, options.log, options.store, options.now ?? (() => new Date()));
  }

  /** The dataset the store holds: the base with every claim applied. */
  get dataset(): Dataset {
    return this.world.dataset;
  }

  /** The stored claims, in commit order. */
  list(): readonly StoredClaim[] {
    return this.claims;
  }

  /**
   * Checks `request` against the graph as it stands, stores it, and resolves once it is durable and the store
   * answers with it. Rejects with a ValidationError (nothing stored) when it does not hold.
   */
  submit(request: ClaimRequest, by: string): Promise<ClaimResult> {
    return new Promise<ClaimResult>((resolve, reject) => {
      this.pending.push({ request, by, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        const accepted: { p: Pending; result: ClaimResult }[] = [];
        for (const p of batch) {
          const seq = this.claims.length + 1;
          const claim: StoredClaim = { ...p.request, id: `claim:${seq}`, seq, by: p.by, recordedAt: this.now().toISOString() };
          let applied: Applied;
          try {
            applied = await applyClaim(this.world, claim);
            await this.log.append(claim);
          } catch (error) {
            p.reject(error);
            continue;
          }
          this.world = applied.world;
          this.claims.push(claim);
          accepted.push({ p, result: { claim, written: applied.written, ended: applied.ended } });
        }
        if (accepted.length === 0) continue;
        try {
          await this.store.load(this.world.dataset);
          for (const { p, result } of accepted) p.resolve(result);
        } catch (error) {
          // Stored but not yet visible: the next load (or the replay at start) shows them.
          for (const { p } of accepted) p.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  async close(): Promise<void> {
    await this.log.close();
  }
}

/** Applies `claims` in order to `world`. */
export async function replay(world: ClaimWorld, claims: readonly StoredClaim[]): Promise<ClaimWorld> {
  let w = world;
  for (const claim of claims) w = (await applyClaim(w, claim)).world;
  return w;
}
