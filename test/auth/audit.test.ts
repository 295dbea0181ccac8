// The memory audit log: entries as recorded (copies), newest first, paged with cursors.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog, auditCursor } from '../../src/auth/index.js';
import { ArmsgraphError } from '../../src/domain/errors.js';

const write = (i: number) => ({ who: 'ci', role: 'editor' as const, action: 'createClaim', target: `claim:${i}`, before: null, after: { id: `claim:${i}`, n: i } });

describe('MemoryAuditLog', () => {
  it('refuses a bad page size or a cursor of something else, naming the argument', async () => {
    const log = new MemoryAuditLog();
    for (const first of [-1, 101, 2.5]) {
      await expect(log.list({ first })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'first' } });
    }
    await expect(log.list({ after: Buffer.from('["x"]').toString('base64url') })).rejects.toBeInstanceOf(ArmsgraphError);
    await expect(log.list({ after: 'not a cursor' })).rejects.toMatchObject({ details: { argument: 'after' } });
  });

  it('records who, when, what, before and after, as copies the writer cannot change later', async () => {
    const log = new MemoryAuditLog();
    const after = { id: 'claim:1', tags: ['a'] };
    const entry = await log.append({ who: 'ci', role: 'editor', action: 'createClaim', target: 'claim:1', before: null, after, at: '2026-01-01T00:00:00.000Z' });
    after.tags.push('changed');
    expect(entry).toEqual({ id: '1', at: '2026-01-01T00:00:00.000Z', who: 'ci', role: 'editor', action: 'createClaim', target: 'claim:1', before: null, after: { id: 'claim:1', tags: ['a'] } });
    const page = await log.list();
    expect(page.items[0]!.after).toEqual({ id: 'claim:1', tags: ['a'] });
    expect(Date.parse((await log.append(write(2))).at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pages newest first with cursors until the first write', async () => {
    const log = new MemoryAuditLog();
    for (let i = 1; i <= 5; i += 1) await log.append(write(i));
    const one = await log.list({ first: 2 });
    expect(one.items.map((e) => e.target)).toEqual(['claim:5', 'claim:4']);
    expect(one).toMatchObject({ totalCount: 5, hasNextPage: true, hasPreviousPage: false, cursors: [auditCursor('5'), auditCursor('4')] });
    const two = await log.list({ first: 2, after: one.cursors[1]! });
    expect(two.items.map((e) => e.target)).toEqual(['claim:3', 'claim:2']);
    const three = await log.list({ first: 2, after: two.cursors[1]! });
    expect(three.items.map((e) => e.target)).toEqual(['claim:1']);
    expect(three).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(await log.list({ first: 0 })).toMatchObject({ items: [], hasNextPage: true, totalCount: 5 });
    expect((await log.list()).items).toHaveLength(5);
  });
});
