// Actors: not part of themselves, partOf chains that end, unambiguous names.
import type { Actor } from '../../domain/model.js';
import type { GroundedContext } from './context.js';
import { cycleFrom } from './cycles.js';
import type { Located, RecordOf } from './located.js';

/** Checks the actors and returns them resolved. */
export function resolveActors(list: readonly Located<RecordOf<'actors'>>[], ctx: GroundedContext): Actor[] {
  const { report } = ctx;
  const actors: Actor[] = [];
  for (const at of list) {
    const a = at.value;
    ctx.refs.checkLinks(at, 'actors');
    if (a.partOf === a.id) report.add(at, ['partOf'], 'an actor cannot be part of itself');
    ctx.claimNames(at, 'actors');
    ctx.cite(at, ['citations'], a.citations);
    actors.push({
      id: a.id, name: a.name, kind: a.kind, aliases: a.aliases,
      ...(a.partOf !== undefined && { partOf: a.partOf }),
      ...(a.country !== undefined && { country: a.country }),
      ...(a.note !== undefined && { note: a.note }),
    });
  }
  // Membership is closed over partOf (restrictions bind an actor's parts): a partOf chain must end.
  const partOf = new Map<string, string>();
  for (const at of list) if (at.value.partOf !== undefined) partOf.set(at.value.id, at.value.partOf);
  for (const at of list) {
    if (partOf.get(at.value.id) === at.value.id) continue; // reported above
    const cycle = cycleFrom(at.value.id, partOf);
    if (cycle) report.add(at, ['partOf'], `actors' partOf links form a cycle: ${cycle.join(' → ')}`);
  }
  return actors;
}
