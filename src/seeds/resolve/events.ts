// Events: inferred fields and a valid date.
import type { Event } from '../../domain/model.js';
import type { GroundedContext } from './context.js';
import { checkInferred } from './grounding.js';
import type { Located, RecordOf } from './located.js';

/** The fields of an event a source may imply without stating. */
const INFERRABLE = ['date', 'actors', 'systems', 'quantity', 'valueUsd'];

/** Checks the events and returns those whose date parses, resolved. */
export function resolveEvents(list: readonly Located<RecordOf<'events'>>[], ctx: GroundedContext): Event[] {
  const events: Event[] = [];
  for (const at of list) {
    const e = at.value;
    ctx.refs.checkLinks(at, 'events');
    checkInferred(ctx, at, INFERRABLE);
    const date = ctx.span(at, ['date'], e.date);
    const { citations, knownSince } = ctx.cite(at, ['citations'], e.citations);
    if (!date) continue;
    events.push({
      id: e.id, kind: e.kind, title: e.title, date, actors: e.actors, systems: e.systems, citations, knownSince,
      inferred: e.inferred ?? [],
      ...(e.quantity !== undefined && { quantity: e.quantity }),
      ...(e.valueUsd !== undefined && { valueUsd: e.valueUsd }),
      ...(e.note !== undefined && { note: e.note }),
    });
  }
  return events;
}
