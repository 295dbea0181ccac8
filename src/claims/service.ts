// Writes analysts' claims: each checked against the graph as it stands, stored durably in commit order, then made
// visible by loading the new dataset into the store (claims that arrive during a load go into the next one).
import { EventEmitter } from 'node:events';
import pLimit from 'p-limit';
import { ConflictError } from '../domain/errors.js';
import { normalizeQuoteText } from '../domain/text.js';
import type { Dataset } from '../domain/model.js';
import type { GraphStore } from '../store/index.js';
import { applyClaim, prepareClaim, snapshotOf, worldOf, type Applied, type ClaimWorld } from './apply.js';
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

/** Where each claim is recorded for admins, as it is written and again when the log is replayed (src/auth's AuditLog). */
export interface ClaimAuditSink {
  append(entry: {
    readonly at: string;
    readonly who: string;
    readonly role: StoredClaim['role'];
    readonly action: string;
    readonly target: string;
    readonly before: unknown;
    readonly after: unknown;
  }): Promise<unknown>;
}

interface Pending {
  readonly request: ClaimRequest;
  readonly by: string;
  readonly role: StoredClaim['role'];
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
  /** Where claims are recorded for admins: every stored claim at start, then each new one. */
  readonly audit?: ClaimAuditSink;
}

/** The claims of one store: replayed at start, then written one at a time, in order. */
export class ClaimService {
  private readonly pending: Pending[] = [];
  /** One batch of writes, or one rebase, at a time. */
  private readonly exclusive = pLimit(1);
  /** Whether a batch is waiting to start (it takes every claim submitted until then). */
  private batchScheduled = false;
  /** Emits `claim` with each ClaimResult once it is durable and the store answers with it (the change feed). */
  // One listener per open subscription: no limit.
  readonly events = new EventEmitter<{ claim: [ClaimResult] }>().setMaxListeners(0);

  private constructor(
    private base: Dataset,
    private world: ClaimWorld,
    private claims: StoredClaim[],
    private readonly log: ClaimLog,
    private readonly store: GraphStore,
    private readonly now: () => Date,
    private readonly audit: ClaimAuditSink | undefined,
  ) {}

  /**
   * Replays the log's claims onto `base` and loads the result into the store. A stored claim that no longer
   * applies (a later import removed what it refers to) stops the start with a ValidationError naming it.
   */
  static async open(options: ClaimServiceOptions): Promise<ClaimService> {
    const claims = await options.log.all();
    const world = worldOf(options.base, options.texts);
    for (const claim of claims) await record(options.audit, claim, await applyClaim(world, claim));
    await options.log.publish(options.store, snapshotOf(world));
    return new ClaimService(options.base, world, claims, options.log, options.store, options.now ?? (() => new Date()), options.audit);
  }

  /** The dataset the store holds: the base with every claim applied. */
  get dataset(): Dataset {
    return this.world.dataset;
  }

  /**
   * What a claim's check of `quote` against `source` would say: whether the source exists, has a stored text, and
   * (then) holds the quote verbatim, normalised as seed quotes are.
   */
  checkQuote(source: string, quote: string): { sourceKnown: boolean; hasText: boolean; found: boolean | null } {
    const sourceKnown = this.world.existing.ids.get(source) === 'sources';
    const text = this.world.texts.get(source);
    return { sourceKnown, hasText: text !== undefined, found: text === undefined ? null : text.includes(normalizeQuoteText(quote)) };
  }

  /** The stored claims, in commit order. */
  list(): readonly StoredClaim[] {
    return this.claims;
  }

  /**
   * Checks `request` against the graph as it stands, stores it, and resolves once it is durable and the store
   * answers with it. Rejects with a ValidationError (nothing stored) when it does not hold.
   */
  submit(request: ClaimRequest, by: string, role: StoredClaim['role'] = 'editor'): Promise<ClaimResult> {
    return new Promise<ClaimResult>((resolve, reject) => {
      this.pending.push({ request, by, role, resolve, reject });
      // Claims that arrive while a batch is being written and loaded wait for the next batch, all together.
      if (!this.batchScheduled) {
        this.batchScheduled = true;
        void this.exclusive(() => this.writeBatch());
      }
    });
  }

  /**
   * Replays the claims onto a new base (a reload of the seeds and imports) and loads the result; between writes.
   * A claim that no longer applies fails it with a ValidationError naming the claim, and nothing changes.
   */
  rebase(base: Dataset): Promise<Dataset> {
    return this.exclusive(async () => {
      const world = await replay(worldOf(base, this.world.texts), this.claims);
      await this.log.publish(this.store, snapshotOf(world));
      this.base = base;
      this.world = world;
      return world.dataset;
    });
  }

  private async writeBatch(attempt = 1): Promise<void> {
    this.batchScheduled = false;
    const batch = this.pending.splice(0);
    // What other instances stored since (a log shared through the store's database), applied first.
    for (const claim of await this.log.after(this.claims.at(-1)?.seq ?? 0)) {
      const applied = await applyClaim(this.world, claim);
      await record(this.audit, claim, applied);
      this.claims.push(claim);
      this.events.emit('claim', { claim, written: applied.written, ended: applied.ended });
    }
    const accepted: { p: Pending; result: ClaimResult; applied: Applied }[] = [];
    for (const p of batch) {
      const seq = this.claims.length + 1;
      const claim: StoredClaim = { ...p.request, id: `claim:${seq}`, seq, by: p.by, role: p.role, recordedAt: this.now().toISOString() };
      let applied: Applied;
      try {
        // Checked, then stored (or staged), then applied: a claim that fails either changes nothing.
        const prepared = await prepareClaim(this.world, claim);
        await this.log.append(claim);
        applied = prepared.commit();
      } catch (error) {
        p.reject(error);
        continue;
      }
      this.claims.push(claim);
      accepted.push({ p, result: { claim, written: applied.written, ended: applied.ended }, applied });
    }
    if (accepted.length === 0) return;
    try {
      await this.log.publish(this.store, snapshotOf(this.world));
    } catch (error) {
      if (!this.log.transactional) {
        // Stored but not yet visible: the next load (or the replay at start) shows them.
        for (const { p } of accepted) p.reject(error);
        return;
      }
      // None of the batch was stored: back to the claims that were, as every instance sees them.
      this.claims = await this.log.all();
      this.world = await replay(worldOf(this.base, this.world.texts), this.claims);
      if (error instanceof ConflictError && attempt < 5) {
        // Another instance took these numbers first: the same claims again, after its claims.
        this.pending.unshift(...accepted.map(({ p }) => p));
        return this.writeBatch(attempt + 1);
      }
      for (const { p } of accepted) p.reject(error);
      return;
    }
    for (const { p, result, applied } of accepted) {
      await record(this.audit, result.claim, applied);
      p.resolve(result);
      this.events.emit('claim', result);
    }
  }

  async close(): Promise<void> {
    await this.log.close();
  }
}

/** Applies `claims` in order to `world`. */
export async function replay(world: ClaimWorld, claims: readonly StoredClaim[]): Promise<ClaimWorld> {
  return (await replayWithRecords(world, claims)).world;
}

/** What each claim of a replay added and ended. */
export interface ReplayedClaim {
  readonly claim: StoredClaim;
  readonly records: Applied['records'];
  readonly written: readonly string[];
  readonly ended: readonly string[];
}

/** Applies `claims` in order to `world`, keeping what each one added and ended. */
export async function replayWithRecords(world: ClaimWorld, claims: readonly StoredClaim[]): Promise<{ world: ClaimWorld; replayed: ReplayedClaim[] }> {
  let w = world;
  const replayed: ReplayedClaim[] = [];
  for (const claim of claims) {
    const applied = await applyClaim(w, claim);
    w = applied.world;
    replayed.push({ claim, records: applied.records, written: applied.written, ended: applied.ended });
  }
  return { world: w, replayed };
}

/** Records one claim in the audit sink: what it ended (before) and what it wrote (after; a retraction: the ended fact). */
async function record(audit: ClaimAuditSink | undefined, claim: StoredClaim, applied: Applied): Promise<void> {
  if (audit === undefined) return;
  await audit.append({
    at: claim.recordedAt,
    who: claim.by,
    role: claim.role,
    action: `${claim.op.toLowerCase()} (${claim.id})`,
    target: claim.target ?? applied.written.find((id) => !id.startsWith('source:')) ?? applied.written[0] ?? claim.id,
    before: applied.before.length === 0 ? null : applied.before,
    after: applied.after.length === 0 ? applied.before.map((f) => ({ ...(f as object), knownUntil: claim.recordedAt.slice(0, 10) })) : applied.after,
  });
}
