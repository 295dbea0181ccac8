// Applies one claim to the graph's dataset: its records checked as seed files are (against the loaded data), its
// facts stamped with the claim and their known time; a correction or retraction ends the fact it names
// (`knownUntil`), never deletes it.
import { stringify } from 'yaml';
import { ValidationError, type ValidationIssue } from '../domain/errors.js';
import type { AidCommitment, ClaimStamp, Dataset, Event, Restriction, Transfer } from '../domain/model.js';
import { didYouMean, formatSuggestions } from '../domain/text.js';
import { OPEN_END } from '../domain/time.js';
import { existingRecords, parseSeedText, resolveAgainst, type ExistingRecords } from '../seeds/index.js';
import { CORRECTABLE, type Correctable, type StoredClaim } from './model.js';

/** The dataset claims apply to, with what checking a claim against it needs. */
export interface ClaimWorld {
  readonly dataset: Dataset;
  readonly existing: ExistingRecords;
  /** Stored source texts (normalised for quote matching) by source id. */
  readonly texts: ReadonlyMap<string, string>;
}

/** A world over `dataset`. */
export function worldOf(dataset: Dataset, texts: ReadonlyMap<string, string>): ClaimWorld {
  return { dataset, existing: existingRecords(dataset), texts };
}

/** What applying a claim gave: the new world, the records it added (ids given), the ids it wrote and ended. */
export interface Applied {
  readonly world: ClaimWorld;
  /** The records as added, in seed-file form, with the ids they were given (empty for a retraction). */
  readonly records: Readonly<Record<string, readonly unknown[]>>;
  readonly written: readonly string[];
  readonly ended: readonly string[];
}

type Fact = Transfer | Event | Restriction | AidCommitment;
/** The id prefix of each kind of fact, for facts a claim adds without an id. */
const ID_PREFIX: Readonly<Record<string, string>> = { transfers: 'transfer', events: 'event', restrictions: 'restriction', aidCommitments: 'aid' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The id of a fact's next version: `<id>.v2`, `.v3`, … (the first free one), from the first version's id. */
export function nextVersionId(target: string, taken: ReadonlyMap<string, unknown>): string {
  const base = target.replace(/\.v\d+$/, '');
  for (let n = 2; ; n += 1) if (!taken.has(`${base}.v${n}`)) return `${base}.v${n}`;
}

/** The first version's id of a fact (`transfer:x.v3` → `transfer:x`). */
export const firstVersionId = (id: string): string => id.replace(/\.v\d+$/, '');

/**
 * Applies `claim` to `world` and returns the new world, or throws a ValidationError listing every problem
 * (each issue's file is the claim's id, its field the record's path, e.g. `transfers[0].citations[0].quote`).
 */
export async function applyClaim(world: ClaimWorld, claim: StoredClaim): Promise<Applied> {
  const issues: ValidationIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ file: claim.id, line: null, field, message });
  const day = claim.recordedAt.slice(0, 10);
  let target: { collection: Correctable; fact: Fact } | undefined;
  if (claim.op !== 'ADD') {
    target = findTarget(world, claim, issue);
    if (claim.reason === undefined || claim.reason.trim() === '') issue('reason', `required: say why the fact is ${claim.op === 'RETRACT' ? 'retracted' : 'corrected'}`);
  }
  if (claim.knownSince !== undefined && claim.op !== 'RETRACT') {
    if (!DAY.test(claim.knownSince)) issue('knownSince', `expected a day YYYY-MM-DD, got "${claim.knownSince}"`);
    else if (claim.knownSince > day) issue('knownSince', `${claim.knownSince} is after the day the claim is recorded (${day})`);
  }
  let added: Dataset | undefined;
  let given: Record<string, unknown[]> = {};
  if (claim.op === 'RETRACT') {
    if (claim.records !== undefined && Object.keys(claim.records).length > 0) issue('records', 'a retraction adds no records');
  } else {
    const records = recordsOf(claim, target, world, issue);
    if (records !== undefined && issues.length === 0) {
      given = records;
      const parsed = parseSeedText(claim.id, stringify(records));
      if (parsed.located === undefined) {
        issues.push(...parsed.issues.map((i) => ({ ...i, line: null })));
      } else {
        const resolved = await resolveAgainst(parsed.located, world);
        issues.push(...resolved.issues.map((i) => ({ ...i, line: null })));
        added = resolved.dataset;
      }
    }
  }
  const knownSince = claim.knownSince ?? day;
  const stamp: ClaimStamp = { id: claim.id, by: claim.by, recordedAt: claim.recordedAt, ...(target && claim.op === 'CORRECT' && { supersedes: target.fact.id }) };
  if (added !== undefined) {
    for (const collection of CORRECTABLE) {
      (added[collection] as readonly Fact[]).forEach((f, i) => {
        if (f.knownSince !== OPEN_END && f.knownSince > knownSince) {
          issue(`${collection}[${i}].knownSince`, `known since ${knownSince}, before its earliest citing source was published (${f.knownSince})`);
        }
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);

  let d = world.dataset;
  const ended: string[] = [];
  if (target !== undefined) {
    const id = target.fact.id;
    d = { ...d, [target.collection]: (d[target.collection] as readonly Fact[]).map((f) => (f.id === id ? { ...f, knownUntil: day } : f)) };
    ended.push(id);
  }
  const written: string[] = [];
  if (added !== undefined) {
    const stampFact = <T extends Fact>(f: T): T => {
      written.push(f.id);
      const statusHistory = 'statusHistory' in f ? { statusHistory: f.statusHistory.map((h) => ({ ...h, knownSince })) } : {};
      return { ...f, ...statusHistory, knownSince, claim: stamp };
    };
    const plain = <T extends { id: string }>(r: T): T => {
      written.push(r.id);
      return r;
    };
    d = {
      sources: [...d.sources, ...added.sources.map(plain)],
      actors: [...d.actors, ...added.actors.map(plain)],
      systems: [...d.systems, ...added.systems.map(plain)],
      transfers: [...d.transfers, ...added.transfers.map(stampFact)],
      events: [...d.events, ...added.events.map(stampFact)],
      restrictions: [...d.restrictions, ...added.restrictions.map(stampFact)],
      aidCommitments: [...d.aidCommitments, ...added.aidCommitments.map(stampFact)],
    };
  }
  return { world: { dataset: d, existing: existingRecords(d), texts: world.texts }, records: given, written, ended };
}

/** The fact a correction or retraction names, if it can be corrected or retracted now. */
function findTarget(world: ClaimWorld, claim: StoredClaim, issue: (field: string, message: string) => void): { collection: Correctable; fact: Fact } | undefined {
  const id = claim.target;
  if (id === undefined || id === '') {
    issue('target', `required: the id of the fact to ${claim.op === 'RETRACT' ? 'retract' : 'correct'}`);
    return undefined;
  }
  const collection = world.existing.ids.get(id);
  if (collection === undefined) {
    const facts = CORRECTABLE.flatMap((c) => world.dataset[c].map((f) => f.id));
    issue('target', `unknown fact "${id}"${formatSuggestions(didYouMean(id, facts))}`);
    return undefined;
  }
  if (!(CORRECTABLE as readonly string[]).includes(collection)) {
    issue('target', `"${id}" is one of the ${collection}; only transfers, events, restrictions and aid commitments are corrected or retracted`);
    return undefined;
  }
  const fact = (world.dataset[collection as Correctable] as readonly Fact[]).find((f) => f.id === id)!;
  if (fact.knownUntil !== undefined) {
    issue('target', `"${id}" was already retracted or corrected on ${fact.knownUntil}; its current version, if any, is in its history`);
    return undefined;
  }
  return { collection: collection as Correctable, fact };
}

/**
 * The records a claim adds. A correction holds one record of its target's collection (and maybe new sources);
 * it gets the id of the target's next version.
 */
function recordsOf(
  claim: StoredClaim,
  target: { collection: Correctable; fact: Fact } | undefined,
  world: ClaimWorld,
  issue: (field: string, message: string) => void,
): Record<string, unknown[]> | undefined {
  const records = claim.records ?? {};
  const facts = Object.entries(records).filter(([c]) => c !== 'sources');
  if (facts.reduce((n, [, list]) => n + (Array.isArray(list) ? list.length : 0), 0) === 0) {
    issue('records', claim.op === 'ADD' ? 'expected at least one record besides sources' : `expected the corrected version of "${claim.target}"`);
    return undefined;
  }
  if (claim.op === 'ADD') {
    // A fact without an id gets `<kind>:claim-N` (and `-2`, `-3` … after the first of the claim).
    let unnamed = 0;
    const named = (collection: string) => (r: unknown) => {
      const prefix = ID_PREFIX[collection];
      if (prefix === undefined || r === null || typeof r !== 'object' || 'id' in r) return r;
      unnamed += 1;
      return { id: `${prefix}:claim-${claim.seq}${unnamed > 1 ? `-${unnamed}` : ''}`, ...r };
    };
    return Object.fromEntries(Object.entries(records).map(([c, list]) => [c, list.map(named(c))]));
  }
  if (target === undefined) return undefined;
  const [collection, list] = facts[0]!;
  if (facts.length !== 1 || collection !== target.collection || list.length !== 1) {
    issue('records', `a correction of "${target.fact.id}" holds exactly one record of ${target.collection} (and any new sources it cites)`);
    return undefined;
  }
  const record = list[0];
  const corrected = { ...(record !== null && typeof record === 'object' ? record : {}), id: nextVersionId(target.fact.id, world.existing.ids) };
  return { ...(records.sources !== undefined && { sources: [...records.sources] }), [collection]: [corrected] };
}
