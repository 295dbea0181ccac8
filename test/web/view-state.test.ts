// The dashboard's URL state: every control round-trips through the query string.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORY, EMPTY_STATE, parseViewState, queryProblem, sameQuery, viewStateToSearch } from '../../src/web/state/view-state.js';

describe('parseViewState', () => {
  it('falls back to defaults for unknown or out-of-range values', () => {
    expect(parseViewState('?order=SIDEWAYS&hops=9&route=,,')).toEqual(EMPTY_STATE);
    expect(parseViewState('')).toEqual(EMPTY_STATE);
  });

  it('reads the shared URL of the Patriot example', () => {
    const state = parseViewState('?from=JP&to=UA&system=system:patriot&order=TIME_RESPECTING&between=2022/2024&sel=transfer:jp-us-patriot-missiles-2024');
    expect(state).toEqual({
      from: 'JP', to: 'UA', system: 'system:patriot', order: 'TIME_RESPECTING', maxHops: 3,
      between: { from: '2022', to: '2024' }, route: '', sel: 'transfer:jp-us-patriot-missiles-2024',
    });
  });

  it('accepts a lower-case order and open window ends', () => {
    expect(parseViewState('?order=strict&between=/2024').order).toBe('STRICT');
    expect(parseViewState('?between=/2024').between).toEqual({ from: '', to: '2024' });
    expect(parseViewState('?between=2022/').between).toEqual({ from: '2022', to: '' });
  });
});

describe('viewStateToSearch', () => {
  it('writes nothing for the empty state', () => {
    expect(viewStateToSearch(EMPTY_STATE)).toBe('');
  });

  it('round-trips every field, keeping ids and windows readable', () => {
    const state = {
      from: 'Japan', to: 'U.S.', system: 'system:patriot', order: 'STRICT' as const, maxHops: 2,
      between: { from: '2023-12', to: '2024-01-15' }, route: 'JP>US>UA', sel: 'event:jp-export-rules-2023-12-22',
    };
    const search = viewStateToSearch(state);
    expect(search).toBe('?from=Japan&to=U.S.&system=system:patriot&order=STRICT&hops=2&between=2023-12/2024-01-15&route=JP,US,UA&sel=event:jp-export-rules-2023-12-22');
    expect(parseViewState(search)).toEqual(state);
  });

  it('escapes what would break the query string', () => {
    const state = { ...EMPTY_STATE, from: 'A&B=C', to: 'Кинджал' };
    expect(parseViewState(viewStateToSearch(state))).toEqual(state);
  });
});

describe('sameQuery', () => {
  it('ignores the selection but not the controls', () => {
    const a = parseViewState('?from=JP&to=UA&sel=x');
    expect(sameQuery(a, { ...a, sel: 'y', route: 'JP>US>UA' })).toBe(true);
    expect(sameQuery(a, { ...a, between: { from: '2022', to: '' } })).toBe(false);
  });
});

describe('DEFAULT_STORY', () => {
  it('is the seed story: Japan → Ukraine for Patriot, time-respecting, 2023–2024, as a URL would say it', () => {
    expect(viewStateToSearch(DEFAULT_STORY)).toBe('?from=JP&to=UA&system=system:patriot&order=TIME_RESPECTING&between=2023/2024');
    expect(parseViewState(viewStateToSearch(DEFAULT_STORY))).toEqual(DEFAULT_STORY);
  });

  it('reads a selected route and a hop selection back', () => {
    expect(parseViewState('?from=DE&to=UA&route=DE,CZ,UA&sel=hop:2')).toMatchObject({ route: 'DE>CZ>UA', sel: 'hop:2' });
  });
});

describe('queryProblem', () => {
  it('names the control to fix: the start actor first, then the side of the window at fault', () => {
    expect(queryProblem(EMPTY_STATE)).toEqual({ field: 'from', text: 'Pick a start actor (an id like JP or a name like Japan).' });
    expect(queryProblem({ ...EMPTY_STATE, from: 'JP', between: { from: '2022-13', to: '' } })?.field).toBe('win-from');
    expect(queryProblem({ ...EMPTY_STATE, from: 'JP', between: { from: '2022', to: 'soon' } })?.field).toBe('win-to');
    expect(queryProblem({ ...EMPTY_STATE, from: 'JP', between: { from: '2024', to: '2022' } })).toEqual({ field: 'win-to', text: 'Window from 2024 is after its end 2022' });
  });

  it('lets a query with a start actor and a usable window run', () => {
    expect(queryProblem(DEFAULT_STORY)).toBeUndefined();
  });
});
