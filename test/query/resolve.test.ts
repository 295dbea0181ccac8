// Unknown references: one NOT_FOUND error, with did-you-mean suggestions, whichever store answers.
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/domain/errors.js';
import { unknownReference } from '../../src/query/index.js';

const candidates = ['JP', 'Japan', 'JPN', 'UA', 'Ukraine', 'UKR', 'US', 'United States'];

describe('unknownReference', () => {
  it('is a NOT_FOUND error carrying the reference and what was looked for', () => {
    const error = unknownReference('actor', 'Atlantis', candidates);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toMatchObject({ ref: 'Atlantis', what: 'actor' });
    expect(error.message).toContain('"Atlantis"');
    expect(error.message).toContain('actor');
  });

  it('offers no suggestion when nothing is close', () => {
    const error = unknownReference('actor', 'Atlantis', candidates);
    expect(error.suggestions).toEqual([]);
    expect(error.details.suggestions).toEqual([]);
  });

  it('suggests the closest candidates and names them in the message', () => {
    const error = unknownReference('actor', 'Japn', candidates);
    expect(error.suggestions).toContain('Japan');
    expect(error.suggestions).not.toContain('United States');
    expect(error.message).toContain('"Japan"');
  });

  it('tells systems from actors and appends the hint', () => {
    const error = unknownReference('system', 'Japan', ['Patriot', 'Patriot missile'], '; "Japan" is an actor (JP), not a weapon system');
    expect(error.details).toMatchObject({ what: 'system' });
    expect(error.message).toMatch(/system/);
    expect(error.message.endsWith('; "Japan" is an actor (JP), not a weapon system')).toBe(true);
  });
});
