// Merges an imported Dataset into another (e.g. SIPRI into the seed) and diffs transfers and commitments between releases.
import type { Actor, AidCommitment, Dataset, Transfer, WeaponSystem } from '../domain/model.js';
import { normalizeName } from '../domain/text.js';

/** Adds `extra`'s aliases to `base`'s, skipping any that normalise equal to base's name or aliases. */
function withAliases<T extends Actor | WeaponSystem>(base: T, extra: T): T {
  const seen = new Set([base.name, ...base.aliases].map(normalizeName));
  const added: string[] = [];
  for (const alias of [extra.name, ...extra.aliases]) {
    const key = normalizeName(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    added.push(alias);
  }
  return added.length === 0 ? base : { ...base, aliases: [...base.aliases, ...added] };
}

/** Union by id, in base order then extra's new ids; `pick` decides for ids in both. */
function unionById<T extends { readonly id: string }>(base: readonly T[], extra: readonly T[], pick: (base: T, extra: T) => T): T[] {
  const fromExtra = new Map(extra.map((x) => [x.id, x]));
  const out = base.map((b) => {
    const e = fromExtra.get(b.id);
    return e === undefined ? b : pick(b, e);
  });
  const inBase = new Set(base.map((b) => b.id));
  for (const e of extra) if (!inBase.has(e.id)) out.push(e);
  return out;
}

const keepBase = <T>(base: T): T => base;
const takeExtra = <T>(_base: T, extra: T): T => extra;

/**
 * Merges two datasets by id:
 * - actors and systems present in both keep `base`'s record (the curated one) plus `extra`'s name and
 *   aliases as aliases, deduplicated by normalised form ("U.S." and "US" are one);
 * - sources present in both keep `base`'s record;
 * - facts (transfers, events, restrictions, aid commitments) present in both are replaced by `extra`'s,
 *   so importing a newer SIPRI release replaces the deals of an older one. Deals the newer release
 *   dropped stay; `diffTransfers` lists them.
 * The result is not validated; run `validateDataset` (or a store load) on it.
 */
export function mergeDatasets(base: Dataset, extra: Dataset): Dataset {
  return {
    sources: unionById(base.sources, extra.sources, keepBase),
    actors: unionById(base.actors, extra.actors, withAliases),
    systems: unionById(base.systems, extra.systems, withAliases),
    transfers: unionById(base.transfers, extra.transfers, takeExtra),
    events: unionById(base.events, extra.events, takeExtra),
    restrictions: unionById(base.restrictions, extra.restrictions, takeExtra),
    aidCommitments: unionById(base.aidCommitments, extra.aidCommitments, takeExtra),
  };
}

/** Transfer ids that appeared, disappeared or changed between two versions, each list sorted. */
export interface TransferDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** Options of diffTransfers. */
export interface DiffOptions {
  /**
   * Also count differences in provenance only (citations, knownSince, the SIPRI release name) as changes.
   * Off by default: between two releases every deal cites a different source, which is not news.
   */
  readonly compareProvenance?: boolean;
}

/** JSON with object keys sorted, so equal values built in different orders compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

function comparable(t: Transfer, provenance: boolean): unknown {
  if (provenance) return t;
  const { citations: _c, knownSince: _k, sipri, ...rest } = t;
  if (sipri === undefined) return rest;
  const { release: _r, ...deal } = sipri;
  return { ...rest, sipri: deal };
}

/**
 * Compares two versions of a set of transfers (e.g. two SIPRI imports): `added` ids are only in the new
 * one, `removed` only in the old one, `changed` in both with different content (see DiffOptions).
 */
export function diffTransfers(oldTransfers: readonly Transfer[], newTransfers: readonly Transfer[], options: DiffOptions = {}): TransferDiff {
  const provenance = options.compareProvenance ?? false;
  return diffById(oldTransfers, newTransfers, (t) => comparable(t, provenance));
}

function comparableCommitment(a: AidCommitment, provenance: boolean): unknown {
  if (provenance) return a;
  const { citations: _c, knownSince: _k, kiel, ...rest } = a;
  if (kiel === undefined) return rest;
  // Where the row sits and which release it is in is provenance; what it says is not. A date inferred from the
  // release's period (weapons lists give none) moves with every release, and its note with it.
  const { release: _r, line: _l, ...record } = kiel;
  if (a.inferred.includes('date')) {
    const { date: _d, note: _n, ...undated } = rest;
    return { ...undated, kiel: record };
  }
  return { ...rest, kiel: record };
}

/**
 * Compares two versions of a set of aid commitments (e.g. two Kiel releases), as `diffTransfers` does transfers:
 * a commitment that only moved to another line, or is cited by another release, is unchanged.
 */
export function diffAidCommitments(oldOnes: readonly AidCommitment[], newOnes: readonly AidCommitment[], options: DiffOptions = {}): TransferDiff {
  const provenance = options.compareProvenance ?? false;
  return diffById(oldOnes, newOnes, (a) => comparableCommitment(a, provenance));
}

function diffById<T extends { readonly id: string }>(oldOnes: readonly T[], newOnes: readonly T[], view: (x: T) => unknown): TransferDiff {
  const before = new Map(oldOnes.map((t) => [t.id, t]));
  const after = new Map(newOnes.map((t) => [t.id, t]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, t] of after) {
    const old = before.get(id);
    if (old === undefined) added.push(id);
    else if (canonicalJson(view(old)) !== canonicalJson(view(t))) changed.push(id);
  }
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const sort = (ids: string[]) => ids.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { added: sort(added), removed: sort(removed), changed: sort(changed) };
}
