// Name search: normalised keys, the best match of each candidate, and the ranking of hits.
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_RESULTS, compareHits, matchOne, rankSearch, searchKey, type SearchHit, type Searchable } from '../../src/query/index.js';
import { invalidArgument } from '../helpers/ports.js';

const candidates: Searchable[] = [
  { id: 'system:patriot-missile', type: 'WeaponSystem', name: 'Patriot missile', names: ['Patriot missile', 'Patriot missiles', 'PAC-3', 'system:patriot-missile'] },
  { id: 'event:ua-patriots', type: 'Event', name: 'Ukraine’s Patriot systems down Kinzhal missiles', names: ['Ukraine’s Patriot systems down Kinzhal missiles', 'event:ua-patriots'] },
  { id: 'US', type: 'Actor', name: 'United States', names: ['United States', 'U.S.', 'USA', 'US'] },
  { id: 'system:patriot', type: 'WeaponSystem', name: 'Patriot', names: ['Patriot', 'MIM-104', 'system:patriot'] },
  { id: 'company:patriot-arms', type: 'Actor', name: 'Patriot Arms', names: ['Patriot Arms', 'company:patriot-arms'] },
  { id: 'UA', type: 'Actor', name: 'Ukraine', names: ['Ukraine', 'UKR', 'Україна', 'UA'] },
];

describe('searchKey', () => {
  it('rejects text with nothing to match on, naming text', () => {
    for (const text of ['', '   ', '?!', '—']) expect(() => searchKey(text)).toThrow(invalidArgument('text'));
  });

  it('normalises case, accents and punctuation', () => {
    expect(searchKey('U.S.')).toBe('us');
    expect(searchKey('  MIM-104 ')).toBe('mim104');
    expect(searchKey('Zélensky')).toBe('zelensky');
  });
});

describe('matchOne', () => {
  const item = (id: string) => candidates.find((c) => c.id === id)!;

  it('is undefined when no name contains the key', () => {
    expect(matchOne('leopard', item('system:patriot'))).toBeUndefined();
  });

  it('scores exact 3, prefix 2, contains 1, naming the name as written', () => {
    expect(matchOne('patriot', item('system:patriot'))).toEqual({ id: 'system:patriot', type: 'WeaponSystem', name: 'Patriot', matched: 'Patriot', match: 'EXACT', score: 3 });
    expect(matchOne('patriot', item('system:patriot-missile'))).toMatchObject({ matched: 'Patriot missile', match: 'PREFIX', score: 2 });
    expect(matchOne('patriot', item('event:ua-patriots'))).toMatchObject({ match: 'CONTAINS', score: 1 });
  });

  it('takes the best match over all names and aliases', () => {
    expect(matchOne('usa', item('US'))).toMatchObject({ name: 'United States', matched: 'USA', match: 'EXACT' });
    expect(matchOne('us', item('US'))).toMatchObject({ matched: 'U.S.', match: 'EXACT' });
    expect(matchOne('mim', item('system:patriot'))).toMatchObject({ matched: 'MIM-104', match: 'PREFIX' });
    const later: Searchable = { id: 'x', type: 'Actor', name: 'X', names: ['The Patriot', 'Patriot Co', 'Patriot'] };
    expect(matchOne('patriot', later)).toMatchObject({ matched: 'Patriot', match: 'EXACT' });
  });
});

describe('compareHits', () => {
  const hit = (id: string, type: SearchHit['type'], name: string, score: number): SearchHit => ({ id, type, name, matched: name, match: 'CONTAINS', score });

  it('orders by score, then actors, systems, events, then name, then id', () => {
    const hits = [
      hit('e', 'Event', 'A', 3),
      hit('s', 'WeaponSystem', 'A', 3),
      hit('a2', 'Actor', 'B', 3),
      hit('a1', 'Actor', 'B', 3),
      hit('a0', 'Actor', 'C', 3),
      hit('low', 'Actor', 'A', 1),
      hit('mid', 'Event', 'Z', 2),
    ];
    expect([...hits].sort(compareHits).map((h) => h.id)).toEqual(['a1', 'a2', 'a0', 's', 'e', 'mid', 'low']);
  });
});

describe('rankSearch', () => {
  it('rejects a limit outside 1–100, naming first, before looking at the text', () => {
    for (const limit of [0, MAX_SEARCH_RESULTS + 1, 2.5]) expect(() => rankSearch('patriot', candidates, limit)).toThrow(invalidArgument('first'));
    expect(() => rankSearch('--', candidates, 0)).toThrow(invalidArgument('first'));
    expect(MAX_SEARCH_RESULTS).toBe(100);
  });

  it('rejects text with nothing to match on', () => {
    expect(() => rankSearch('...', candidates, 10)).toThrow(invalidArgument('text'));
  });

  it('ranks exact, then prefix, then contains, over names and aliases, whatever the case and punctuation', () => {
    expect(rankSearch('PATRIOT', candidates, 10).map((h) => [h.id, h.match])).toEqual([
      ['system:patriot', 'EXACT'],
      ['company:patriot-arms', 'PREFIX'],
      ['system:patriot-missile', 'PREFIX'],
      ['event:ua-patriots', 'CONTAINS'],
    ]);
    expect(rankSearch('Україна', candidates, 10).map((h) => h.id)).toEqual(['UA']);
  });

  it('keeps the best limit hits', () => {
    expect(rankSearch('patriot', candidates, 2).map((h) => h.id)).toEqual(['system:patriot', 'company:patriot-arms']);
    expect(rankSearch('patriot', candidates, MAX_SEARCH_RESULTS)).toHaveLength(4);
  });
});
