// Applies one claim to the graph's dataset: its records checked as seed files are (against the loaded data), its
// facts stamped with the claim and their known time; a correction or retraction ends the fact it names
// (`knownUntil`), never deletes it.
import { stringify } from 'yaml';
import { ValidationError, type ValidationIssue } from '../domain/errors.js';
import type { Actor, AidCommitment, ClaimStamp, Dataset, Event, Restriction, Transfer, WeaponSystem } from '../domain/model.js';
import { didYouMean, formatSuggestions, normalizeName } from '../domain/text.js';
import { OPEN_END } from '../domain/time.js';
import { existingRecords, parseSeedText, resolveAgainst, type ExistingRecords } from '../seeds/index.js';
import type { Collection } from '../seeds/index.js';
import { CORRECTABLE, type Correctable, type StoredClaim } from './model.js';

/** A dataset whose lists a world grows in place. */
type Lists = { -readonly [K in keyof Dataset]: Dataset[K][number][] };

/**
 * The dataset claims apply to, with what checking a claim against it needs. `applyClaim` changes it in place, and
 * only once a claim holds: each claim costs in proportion to its own records, not to the dataset.
 */
export interface ClaimWorld {
  readonly dataset: Dataset;
  readonly existing: ExistingRecords;
  /** Stored source texts (normalised for quote matching) by source id. */
  readonly texts: ReadonlyMap<string, string>;
}

/** A world's own, growable parts (the public view above reads the same objects). */
interface Growing extends ClaimWorld {
  readonly dataset: Lists;
  readonly existing: { readonly ids: Map<string, Collection>; readonly names: Map<string, string> };
  /** Where each fact is in its list, for corrections and retractions. */
  readonly at: Map<string, number>;
}

/** A world over a copy of `dataset` (which stays as it is). */
export function worldOf(dataset: Dataset, texts: ReadonlyMap<string, string>): ClaimWorld {
  const lists: Lists = {
    sources: [...dataset.sources], actors: [...dataset.actors], systems: [...dataset.systems], transfers: [...dataset.transfers],
    events: [...dataset.events], restrictions: [...dataset.restrictions], aidCommitments: [...dataset.aidCommitments],
  };
  const existing = existingRecords(lists);
  const at = new Map<string, number>();
  for (const c of CORRECTABLE) lists[c].forEach((f, i) => at.set(f.id, i));
  const world: Growing = { dataset: lists, existing: { ids: new Map(existing.ids), names: new Map(existing.names) }, texts, at };
  return world;
}

/** A copy of a world's dataset as it is now (later claims do not change it), e.g. for a store to load. */
export function snapshotOf(world: ClaimWorld): Dataset {
  const d = world.dataset;
  return {
    sources: [...d.sources], actors: [...d.actors], systems: [...d.systems], transfers: [...d.transfers], events: [...d.events],
    restrictions: [...d.restrictions], aidCommitments: [...d.aidCommitments],
  };
}

/** What applying a claim gave: the world (changed in place), the records it added (ids given), the ids it wrote and ended. */
export interface Applied {
  readonly world: ClaimWorld;
  /** The facts it ended, as they were before. */
  readonly before: readonly unknown[];
  /** The records it wrote, as stored (facts stamped). */
  readonly after: readonly unknown[];
  /** The records as added, in seed-file form, with the ids they were given (empty for a retraction). */
  readonly records: Readonly<Record<string, readonly unknown[]>>;
  readonly written: readonly string[];
  readonly ended: readonly string[];
}

type Fact = Transfer | Event | Restriction | AidCommitment;
/** What a correction or retraction names: a fact (ended, then maybe versioned), or an actor or system (replaced). */
type Target =
  | { readonly collection: Correctable; readonly fact: Fact; readonly replace: false }
  | { readonly collection: 'actors' | 'systems'; readonly fact: Actor | WeaponSystem; readonly replace: true };
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

/** Applies `claim` to `world` (in place), or throws a ValidationError and leaves it as it was. */
export async function applyClaim(world: ClaimWorld, claim: StoredClaim): Promise<Applied> {
  return (await prepareClaim(world, claim)).commit();
}

/**
 * Checks `claim` against `world` and returns what applies it, or throws a ValidationError listing every problem
 * (each issue's file is the claim's id, its field the record's path, e.g. `transfers[0].citations[0].quote`).
 * Nothing changes until `commit` (which must run before another claim is prepared on the same world).
 */
export async function prepareClaim(world: ClaimWorld, claim: StoredClaim): Promise<{ commit: () => Applied }> {
  const issues: ValidationIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ file: claim.id, line: null, field, message });
  const day = claim.recordedAt.slice(0, 10);
  let target: Target | undefined;
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
        // A replaced actor or system keeps its id: checked as if that id were free.
        const resolved = await resolveAgainst(parsed.located, target?.replace ? without(world, target.fact.id) : world);
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
  return { commit: () => commit(world as Growing, target, added, stamp, knownSince, day, given) };
}

/** A view of `world` in which `id` is not taken (for a record that replaces it). */
function without(world: ClaimWorld, id: string): ClaimWorld {
  const ids = new Map(world.existing.ids);
  ids.delete(id);
  return { ...world, existing: { ids, names: world.existing.names } };
}

/** Ends the target and adds the records of a claim that holds. */
function commit(
  w: Growing,
  target: Target | undefined,
  added: Dataset | undefined,
  stamp: ClaimStamp,
  knownSince: string,
  day: string,
  given: Record<string, unknown[]>,
): Applied {
  const d = w.dataset;
  const ended: string[] = [];
  const before: unknown[] = [];
  if (target?.replace) {
    // An actor or system: its corrected record takes its place (facts keep referring to the same id).
    const list = d[target.collection] as (Actor | WeaponSystem)[];
    const record = added![target.collection][0]!;
    before.push(list[list.findIndex((r) => r.id === record.id)]);
    list[list.findIndex((r) => r.id === record.id)] = record;
    for (const n of [record.name, ...record.aliases]) {
      const key = `${target.collection}:${normalizeName(n)}`;
      if (!w.existing.names.has(key)) w.existing.names.set(key, record.id);
    }
    for (const s of added!.sources) {
      d.sources.push(s);
      w.existing.ids.set(s.id, 'sources');
    }
    return { world: w, before, after: [...added!.sources, record], records: given, written: [...added!.sources.map((s) => s.id), record.id], ended };
  }
  if (target !== undefined) {
    const list = d[target.collection] as Fact[];
    const i = w.at.get(target.fact.id)!;
    before.push(list[i]);
    list[i] = { ...list[i]!, knownUntil: day };
    ended.push(target.fact.id);
  }
  const written: string[] = [];
  const after: unknown[] = [];
  if (added !== undefined) {
    const stampFact = <T extends Fact>(f: T): T => {
      written.push(f.id);
      const statusHistory = 'statusHistory' in f ? { statusHistory: f.statusHistory.map((h) => ({ ...h, knownSince })) } : {};
      const stamped = { ...f, ...statusHistory, knownSince, claim: stamp };
      after.push(stamped);
      return stamped;
    };
    const plain = <T extends { id: string }>(r: T): T => {
      written.push(r.id);
      after.push(r);
      return r;
    };
    d.sources.push(...added.sources.map(plain));
    d.actors.push(...added.actors.map(plain));
    d.systems.push(...added.systems.map(plain));
    for (const c of CORRECTABLE) {
      for (const f of added[c] as readonly Fact[]) {
        w.at.set(f.id, d[c].length);
        (d[c] as Fact[]).push(stampFact(f));
      }
    }
    for (const c of ['sources', 'actors', 'systems', ...CORRECTABLE] as const) for (const r of added[c]) w.existing.ids.set(r.id, c);
    for (const c of ['actors', 'systems'] as const) {
      for (const r of added[c]) {
        for (const n of [r.name, ...r.aliases]) if (!w.existing.names.has(`${c}:${normalizeName(n)}`)) w.existing.names.set(`${c}:${normalizeName(n)}`, r.id);
      }
    }
  }
  return { world: w, before, after, records: given, written, ended };
}

/** The fact a correction or retraction names, if it can be corrected or retracted now. */
function findTarget(world: ClaimWorld, claim: StoredClaim, issue: (field: string, message: string) => void): Target | undefined {
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
  if (claim.op === 'CORRECT' && (collection === 'actors' || collection === 'systems')) {
    // Actors and systems are not facts in time: a correction (a new alias, say) replaces the record, same id.
    const record = (world.dataset[collection] as readonly (Actor | WeaponSystem)[]).find((r) => r.id === id)!;
    return { collection, fact: record, replace: true };
  }
  if (!(CORRECTABLE as readonly string[]).includes(collection)) {
    const what = claim.op === 'CORRECT' ? 'transfers, events, restrictions, aid commitments, actors and systems are corrected' : 'transfers, events, restrictions and aid commitments are retracted';
    issue('target', `"${id}" is one of the ${collection}; only ${what}`);
    return undefined;
  }
  const fact = (world.dataset[collection as Correctable] as readonly Fact[])[(world as Growing).at.get(id)!]!;
  if (fact.knownUntil !== undefined) {
    issue('target', `"${id}" was already retracted or corrected on ${fact.knownUntil}; its current version, if any, is in its history`);
    return undefined;
  }
  return { collection: collection as Correctable, fact, replace: false };
}

/**
 * The records a claim adds. A correction holds one record of its target's collection (and maybe new sources);
 * it gets the id of the target's next version.
 */
function recordsOf(
  claim: StoredClaim,
  target: Target | undefined,
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
  const id = target.replace ? target.fact.id : nextVersionId(target.fact.id, world.existing.ids);
  const corrected = { ...(record !== null && typeof record === 'object' ? record : {}), id };
  return { ...(records.sources !== undefined && { sources: [...records.sources] }), [collection]: [corrected] };
}
