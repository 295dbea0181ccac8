// A claim in words for the live status line, and the actors it involves.
import { describe, expect, it } from 'vitest';
import type { ClaimOutcome } from '../../src/web/api/types.js';
import { claimActors, claimSentence } from '../../src/web/claims/claim-words.js';

const transfer = (id: string) => ({ __typename: 'Transfer' as const, id, supplier: { id: 'JP' }, recipient: { id: 'UA' } });
const claim = (op: 'ADD' | 'RETRACT' | 'CORRECT', rest: Partial<ClaimOutcome['claim']> = {}) => ({
  id: 'claim:7', op, by: 'alice', recordedAt: '2026-11-30T09:00:00.000Z', target: null, reason: null, ...rest,
});

describe('claimSentence', () => {
  it('says who added, retracted or corrected what', () => {
    expect(claimSentence({ claim: claim('ADD'), written: [transfer('transfer:claim-7')], ended: [] })).toBe('claim:7 by alice added transfer:claim-7');
    expect(claimSentence({ claim: claim('RETRACT', { target: 'transfer:x', reason: 'wrong' }), written: [], ended: [transfer('transfer:x')] }))
      .toBe('claim:7 by alice retracted transfer:x (wrong)');
    expect(claimSentence({ claim: claim('CORRECT', { target: 'transfer:x' }), written: [transfer('transfer:x.v2')], ended: [transfer('transfer:x')] }))
      .toBe('claim:7 by alice corrected transfer:x as transfer:x.v2');
  });
});

describe('claimActors', () => {
  it('collects the actors of written and ended facts once each; sources have none', () => {
    expect(claimActors({
      claim: claim('ADD'),
      written: [transfer('transfer:claim-7'), { __typename: 'Event', id: 'event:claim-7', actors: [{ id: 'JP' }, { id: 'RU' }] }, { __typename: 'Source', id: 'source:x' }],
      ended: [],
    })).toEqual(['JP', 'UA', 'RU']);
  });
});
