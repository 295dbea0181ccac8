// Names and aliases of actors and systems: each must have a letter or digit and name one record of its collection.
import { normalizeName } from '../../domain/text.js';
import type { GroundedContext } from './context.js';
import type { Reporter } from './Reporter.js';

/**
 * A claimer of names shared by actors and systems; each collection has its own namespace. `existing` holds the
 * names already taken (`actors:<key>` or `systems:<key>` → id), for records added to a loaded graph.
 */
export function nameClaims(report: Reporter, existing?: ReadonlyMap<string, string>): GroundedContext['claimNames'] {
  const claimed = new Map<string, string>();
  const owners = { get: (key: string) => claimed.get(key) ?? existing?.get(key), set: (key: string, id: string) => claimed.set(key, id) };
  return (at, collection) => {
    const names = [at.value.name, ...at.value.aliases];
    names.forEach((name, i) => {
      const key = normalizeName(name);
      const sub = i === 0 ? ['name'] : ['aliases', i - 1];
      if (key === '') {
        report.add(at, sub, 'expected a name with at least one letter or digit');
        return;
      }
      const owner = owners.get(`${collection}:${key}`);
      if (owner !== undefined && owner !== at.value.id) {
        report.add(at, sub, `"${name}" already names ${owner}; names and aliases must be unambiguous`);
      } else {
        owners.set(`${collection}:${key}`, at.value.id);
      }
    });
  };
}
