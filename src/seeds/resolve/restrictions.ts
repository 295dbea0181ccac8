// Restrictions: what each rule requires, inferred fields and a valid time in force.
import type { Restriction } from '../../domain/model.js';
import type { GroundedContext } from './context.js';
import { checkInferred } from './grounding.js';
import type { Located, RecordOf } from './located.js';

/** The fields of a restriction a source may imply without stating. */
const INFERRABLE = ['inForce', 'appliesTo', 'imposedBy', 'consentOf'];

/** Checks the restrictions and returns those whose time in force parses, resolved. */
export function resolveRestrictions(list: readonly Located<RecordOf<'restrictions'>>[], ctx: GroundedContext): Restriction[] {
  const { report } = ctx;
  const restrictions: Restriction[] = [];
  for (const at of list) {
    const r = at.value;
    ctx.refs.checkLinks(at, 'restrictions');
    if (r.rule === 'REEXPORT_REQUIRES_CONSENT') {
      if (r.consentOf === undefined) report.add(at, ['consentOf'], 'required for REEXPORT_REQUIRES_CONSENT: whose consent is needed');
      if (!r.appliesTo.origins?.length) report.add(at, ['appliesTo', 'origins'], 'required for REEXPORT_REQUIRES_CONSENT: the states the items came from');
    }
    checkInferred(ctx, at, INFERRABLE);
    const inForce = ctx.span(at, ['inForce'], r.inForce);
    const { citations, knownSince } = ctx.cite(at, ['citations'], r.citations);
    if (!inForce) continue;
    restrictions.push({
      id: r.id, rule: r.rule, title: r.title, imposedBy: r.imposedBy, appliesTo: r.appliesTo, inForce, citations, knownSince,
      inferred: r.inferred ?? [],
      ...(r.consentOf !== undefined && { consentOf: r.consentOf }),
      ...(r.note !== undefined && { note: r.note }),
    });
  }
  return restrictions;
}
