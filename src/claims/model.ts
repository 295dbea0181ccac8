// What an analyst's claim is: the request (add, correct or retract facts, with their citations) and the claim as
// stored, numbered and stamped with who wrote it and when.

/** What a claim does: add records, correct a fact (a new version replaces it), or retract a fact. */
export const CLAIM_OPS = ['ADD', 'CORRECT', 'RETRACT'] as const;
/** One of {@link CLAIM_OPS}. */
export type ClaimOp = (typeof CLAIM_OPS)[number];

/** A claim as asked: records in seed-file form (`{ transfers: [...], sources: [...] }`), checked as seed files are. */
export interface ClaimRequest {
  readonly op: ClaimOp;
  /** ADD and CORRECT: the records, by collection, exactly as a seed file holds them; new sources may come along. */
  readonly records?: Readonly<Record<string, readonly unknown[]>>;
  /** CORRECT and RETRACT: the id of the fact corrected or retracted. */
  readonly target?: string;
  /** CORRECT and RETRACT: why (kept with the claim). */
  readonly reason?: string;
  /**
   * ADD and CORRECT: the day the facts became known, when earlier than the day the claim is recorded (a
   * publication day); never before the earliest citing source was published.
   */
  readonly knownSince?: string;
}

/** A claim as stored: numbered in commit order, with who wrote it and when. */
export interface StoredClaim extends ClaimRequest {
  /** `claim:N`. */
  readonly id: string;
  /** N: 1 for the store's first claim, then each next. */
  readonly seq: number;
  /** The name of the token that wrote it. */
  readonly by: string;
  /** That token's role when it wrote (editor or admin). */
  readonly role: 'editor' | 'admin';
  /** When it was committed (ISO 8601 instant, UTC). */
  readonly recordedAt: string;
}

/** The kinds of fact a claim may correct or retract (those with a known time). */
export const CORRECTABLE = ['transfers', 'events', 'restrictions', 'aidCommitments'] as const;
/** One of {@link CORRECTABLE}. */
export type Correctable = (typeof CORRECTABLE)[number];
