// Id-or-alias resolution and its errors, the same whichever store answers.
import { NotFoundError } from '../domain/errors.js';
import type { Actor, WeaponSystem } from '../domain/model.js';
import { nameKeysOf } from '../domain/names.js';
import { didYouMean, formatSuggestions, normalizeName } from '../domain/text.js';

/** The error for an unknown actor or system reference, with did-you-mean suggestions. */
export function unknownReference(what: 'actor' | 'system', ref: string, candidates: Iterable<string>, hint = ''): NotFoundError {
  const suggestions = didYouMean(ref, candidates);
  return new NotFoundError(`unknown ${what} "${ref}"${formatSuggestions(suggestions)}${hint}`, suggestions, { ref, what });
}

/**
 * Resolves an actor's or system's id or alias as every store must: an exact id of the right kind, else a name key
 * (`normalizeName` of the reference) that one of its names has, the lowest id winning a key two share; a miss is
 * `unknownReference`, with a hint when the reference names the other kind. Built once per version of the graph.
 */
export class NameIndex {
  private readonly ids = new Map<string, 'actor' | 'system'>();
  private readonly keys = { actor: new Map<string, string>(), system: new Map<string, string>() };
  private readonly items: { readonly actor: readonly (Actor | WeaponSystem)[]; readonly system: readonly (Actor | WeaponSystem)[] };

  constructor(actors: readonly Actor[], systems: readonly WeaponSystem[], keysOf: (x: Actor | WeaponSystem) => readonly string[] = nameKeysOf) {
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    this.items = { actor: [...actors].sort(byId), system: [...systems].sort(byId) };
    for (const what of ['actor', 'system'] as const) {
      for (const item of this.items[what]) {
        this.ids.set(item.id, what);
        for (const key of keysOf(item)) if (!this.keys[what].has(key)) this.keys[what].set(key, item.id);
      }
    }
  }

  resolveActor(ref: string): string {
    return this.resolve('actor', ref);
  }

  resolveSystem(ref: string): string {
    return this.resolve('system', ref);
  }

  private resolve(what: 'actor' | 'system', ref: string): string {
    if (this.ids.get(ref) === what) return ref;
    const key = normalizeName(ref);
    const hit = this.keys[what].get(key);
    if (hit !== undefined) return hit;
    const other = what === 'actor' ? 'system' : 'actor';
    const otherHit = this.keys[other].get(key);
    const hint = otherHit === undefined ? '' : `; "${ref}" is ${other === 'actor' ? 'an actor' : 'a weapon system'} (${otherHit}), not ${what === 'actor' ? 'an actor' : 'a weapon system'}`;
    throw unknownReference(what, ref, this.items[what].flatMap((x) => [x.id, x.name, ...x.aliases]), hint);
  }
}
