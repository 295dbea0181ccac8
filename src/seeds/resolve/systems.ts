// Weapon systems: family chains that end, unambiguous names.
import type { WeaponSystem } from '../../domain/model.js';
import type { GroundedContext } from './context.js';
import { cycleFrom } from './cycles.js';
import type { Located, RecordOf } from './located.js';

/** Checks the systems and returns them resolved. */
export function resolveSystems(list: readonly Located<RecordOf<'systems'>>[], ctx: GroundedContext): WeaponSystem[] {
  const systems: WeaponSystem[] = [];
  const familyOf = new Map<string, string>();
  for (const at of list) {
    const s = at.value;
    ctx.refs.checkLinks(at, 'systems');
    ctx.claimNames(at, 'systems');
    if (s.family !== undefined) familyOf.set(s.id, s.family);
    const { citations } = ctx.cite(at, ['citations'], s.citations);
    systems.push({
      id: s.id, name: s.name, category: s.category, aliases: s.aliases, citations,
      ...(s.designation !== undefined && { designation: s.designation }),
      ...(s.family !== undefined && { family: s.family }),
      ...(s.manufacturer !== undefined && { manufacturer: s.manufacturer }),
      ...(s.producedBy !== undefined && { producedBy: s.producedBy }),
      ...(s.note !== undefined && { note: s.note }),
    });
  }
  for (const at of list) {
    const cycle = cycleFrom(at.value.id, familyOf);
    if (cycle) ctx.report.add(at, ['family'], `system families form a cycle: ${cycle.join(' → ')}`);
  }
  return systems;
}
