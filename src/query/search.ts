// Name search ranking (DESIGN §5): exact, then prefix, then contains, over names and aliases.
import { InvalidArgumentError } from '../domain/errors.js';
import { normalizeName } from '../domain/text.js';
import type { MatchKind, SearchHit, SearchHitType } from './types.js';

/** Something searchable: its id, type, display name and every name it answers to. */
export interface Searchable {
  readonly id: string;
  readonly type: SearchHitType;
  readonly name: string;
  readonly names: readonly string[];
}

const SCORE: Record<MatchKind, number> = { EXACT: 3, PREFIX: 2, CONTAINS: 1 };
const TYPE_ORDER: Record<SearchHitType, number> = { Actor: 0, WeaponSystem: 1, Event: 2 };
/** Largest number of hits a search returns. */
export const MAX_SEARCH_RESULTS = 100;

/** Normalises search text, rejecting text with nothing to match on. */
export function searchKey(text: string): string {
  const key = normalizeName(text);
  if (key === '') throw new InvalidArgumentError('text must contain at least one letter or digit', { argument: 'text' });
  return key;
}

/** Scores one candidate against a normalised query: its best match over all its names. */
export function matchOne(key: string, item: Searchable): SearchHit | undefined {
  let best: { match: MatchKind; matched: string } | undefined;
  for (const n of item.names) {
    const norm = normalizeName(n);
    const match: MatchKind | undefined = norm === key ? 'EXACT' : norm.startsWith(key) ? 'PREFIX' : norm.includes(key) ? 'CONTAINS' : undefined;
    if (match && (!best || SCORE[match] > SCORE[best.match])) best = { match, matched: n };
    if (best?.match === 'EXACT') break;
  }
  return best && { id: item.id, type: item.type, name: item.name, matched: best.matched, match: best.match, score: SCORE[best.match] };
}

/** Orders hits: score, then type (actors, systems, events), then name, then id. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    b.score - a.score ||
    TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Ranks candidates for a search text and keeps the best `limit`. */
export function rankSearch(text: string, candidates: Iterable<Searchable>, limit: number): SearchHit[] {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS) {
    throw new InvalidArgumentError(`first must be an integer from 1 to ${MAX_SEARCH_RESULTS}, got ${limit}`, { argument: 'first' });
  }
  const key = searchKey(text);
  const hits: SearchHit[] = [];
  for (const c of candidates) {
    const hit = matchOne(key, c);
    if (hit) hits.push(hit);
  }
  return hits.sort(compareHits).slice(0, limit);
}
