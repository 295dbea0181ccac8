// The search question (DESIGN §5): names and aliases of actors, systems and events, ranked exact, prefix, contains.
import { InvalidArgumentError } from '../../domain/errors.js';
import { MAX_SEARCH_RESULTS, rankSearch, searchKey } from '../search.js';
import type { SearchPort } from '../ports.js';
import type { SearchHit } from '../types.js';

/** The default number of hits. */
export const DEFAULT_SEARCH_RESULTS = 20;

/** Checks the text (some letter or digit) and `first` (1–100) before the store scans any name, then ranks. */
export async function search(ports: SearchPort, text: string, first?: number | null): Promise<readonly SearchHit[]> {
  const limit = first ?? DEFAULT_SEARCH_RESULTS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS) {
    throw new InvalidArgumentError(`first must be an integer from 1 to ${MAX_SEARCH_RESULTS}, got ${limit}`, { argument: 'first' });
  }
  const key = searchKey(text);
  return rankSearch(text, await ports.searchCandidates(key), limit);
}
