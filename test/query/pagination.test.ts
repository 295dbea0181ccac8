// Keyset pagination: cursors round-trip, bad cursors and sizes are rejected.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate } from '../../src/query/index.js';

const items = Array.from({ length: 7 }, (_, i) => ({ id: `id-${i}` }));
const key = (x: { id: string }) => [x.id];

describe('paginate', () => {
  it('rejects first above 100, negative or fractional', () => {
    for (const first of [101, -1, 1.5]) expect(() => paginate(items, key, { first })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rejects a cursor it did not make', () => {
    expect(() => paginate(items, key, { after: 'not-a-cursor' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/after: /);
  });

  it('walks every item once, with counts and page flags', () => {
    const first = paginate(items, key, { first: 3 });
    expect(first).toMatchObject({ totalCount: 7, hasNextPage: true, hasPreviousPage: false });
    const second = paginate(items, key, { first: 3, after: first.cursors[2]! });
    const third = paginate(items, key, { first: 3, after: second.cursors[2]! });
    expect([...first.items, ...second.items, ...third.items].map((x) => x.id)).toEqual(items.map((x) => x.id));
    expect(third).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(third.items).toHaveLength(1);
  });

  it('a cursor stays valid when its item is gone (keyset, not offset)', () => {
    const cursor = encodeCursor(['id-3']);
    const without = items.filter((x) => x.id !== 'id-3');
    expect(paginate(without, key, { first: 2, after: cursor }).items.map((x) => x.id)).toEqual(['id-4', 'id-5']);
  });
});
