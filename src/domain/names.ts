// The names an entity answers to (DESIGN §2 aliases): one list for search, name look-ups and name filters.
import { normalizeName } from './text.js';

/** Anything with names: actors and systems (name, aliases, designation) and events (title). */
export interface Named {
  readonly id: string;
  readonly name?: string;
  readonly title?: string;
  readonly aliases?: readonly string[];
  readonly designation?: string;
}

/** Every name of an entity, display name first, then aliases, designation and id. */
export function namesOf(x: Named): string[] {
  const display = x.name ?? x.title;
  return [...(display !== undefined ? [display] : []), ...(x.aliases ?? []), ...(x.designation ? [x.designation] : []), x.id];
}

/** The normalised keys of an entity's names (`normalizeName`), distinct and non-empty. */
export function nameKeysOf(x: Named): string[] {
  return [...new Set(namesOf(x).map(normalizeName).filter((k) => k !== ''))];
}
