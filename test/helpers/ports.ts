// Test doubles around the data ports of query/: a call-counting proxy over a real store, and a name port over a table.
import { expect } from 'vitest';
import type { NamePort } from '../../src/query/index.js';
import { unknownReference } from '../../src/query/index.js';

/** Port methods that only turn a name into an id; every other method reads data. */
export const NAME_LOOKUPS: readonly string[] = ['resolveActor', 'resolveSystem'];

/** Wraps `target` so that every method call is recorded by name, in call order. */
export function counting<T extends object>(target: T): { readonly ports: T; readonly calls: string[] } {
  const calls: string[] = [];
  const ports = new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
  return { ports, calls };
}

/** The calls that read data (anything but name look-ups). */
export function dataCalls(calls: readonly string[]): string[] {
  return calls.filter((c) => !NAME_LOOKUPS.includes(c));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A NamePort over tables of names → ids (ids answer to themselves); unknown names throw the shared NOT_FOUND error
 * with suggestions. `delays` makes some look-ups answer (or fail) later, to show that order does not depend on timing.
 */
export function namePort(
  actors: Record<string, string>,
  systems: Record<string, string> = {},
  delays: Record<string, number> = {},
): NamePort {
  const lookup = async (what: 'actor' | 'system', table: Record<string, string>, ref: string) => {
    await sleep(delays[ref] ?? 0);
    const ids = new Set(Object.values(table));
    if (ids.has(ref)) return ref;
    const id = table[ref];
    if (id !== undefined) return id;
    throw unknownReference(what, ref, [...Object.keys(table), ...ids]);
  };
  return {
    resolveActor: (ref) => lookup('actor', actors, ref),
    resolveSystem: (ref) => lookup('system', systems, ref),
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches an InvalidArgumentError (API code BAD_USER_INPUT) that names `argument` in its details and at the start of
 * its message, and not as the prefix of a longer argument (`filter.between` does not match `filter.between.from`).
 */
export function invalidArgument(argument: string): unknown {
  return expect.objectContaining({
    name: 'InvalidArgumentError',
    code: 'INVALID_ARGUMENT',
    message: expect.stringMatching(new RegExp(`^${escape(argument)}(?![\\w.[])`)),
    details: expect.objectContaining({ argument }),
  });
}

/** Matches a NotFoundError that names `argument` (details and message) and offers at least `suggestions`. */
export function notFound(argument: string, suggestions: readonly string[] = []): unknown {
  return expect.objectContaining({
    name: 'NotFoundError',
    code: 'NOT_FOUND',
    message: expect.stringMatching(new RegExp(`^${escape(argument)}: `)),
    details: expect.objectContaining({ argument }),
    suggestions: expect.arrayContaining([...suggestions]),
  });
}
