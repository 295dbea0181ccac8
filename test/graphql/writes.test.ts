// requestsWrite and batchRefusal: which request bodies hold a mutation, and how a batch holding one is refused.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/auth/index.js';
import { batchRefusal, requestsWrite } from '../../src/graphql/index.js';

const read = { query: '{ stats { actors } }' };
const write = { query: 'mutation { bump }' };

describe('requestsWrite', () => {
  it('is false for bodies that hold no mutation: reads, the word in a comment or a string, unparsable text, no text', () => {
    expect(requestsWrite(read)).toBe(false);
    expect(requestsWrite([read, read])).toBe(false);
    expect(requestsWrite({ query: '# mutation\n{ search(text: "mutation") { name } }' })).toBe(false);
    expect(requestsWrite({ query: 'mutation {' })).toBe(false);
    expect(requestsWrite({ extensions: { persistedQuery: { sha256Hash: 'abc' } } })).toBe(false);
    expect(requestsWrite(null)).toBe(false);
    expect(requestsWrite({ query: 'query R { a } mutation W { b }', operationName: 'R' })).toBe(false);
  });

  it('is true when an operation that would run is a mutation', () => {
    expect(requestsWrite(write)).toBe(true);
    expect(requestsWrite([read, write])).toBe(true);
    expect(requestsWrite({ query: 'query R { a } mutation W { b }', operationName: 'W' })).toBe(true);
    // No name to pick one: Apollo refuses it, and it counts as a write here.
    expect(requestsWrite({ query: 'query R { a } mutation W { b }' })).toBe(true);
  });
});

describe('batchRefusal', () => {
  const reader = { anonymous: false as const, name: 'analyst', role: 'reader' as const };
  const editor = { anonymous: false as const, name: 'ci', role: 'editor' as const };

  it('refuses a batch holding a mutation: 401 without a token, 403 for a reader', () => {
    expect(batchRefusal([read, write], ANONYMOUS)).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: expect.stringMatching(/^The batch holds a mutation; none of it was run\. This needs a token with the editor role/) });
    expect(batchRefusal([write], reader)).toEqual({ status: 403, code: 'FORBIDDEN', message: 'The batch holds a mutation; none of it was run. The token "analyst" has the reader role; this needs editor.' });
  });

  it('lets through batches of reads, single operations (the write-access plugin judges them) and editors', () => {
    expect(batchRefusal([read, read], ANONYMOUS)).toBeUndefined();
    expect(batchRefusal(write, ANONYMOUS)).toBeUndefined();
    expect(batchRefusal([read, write], editor)).toBeUndefined();
  });
});
