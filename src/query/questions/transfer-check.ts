// The transferCheck question (DESIGN §5 "Checks"): the restrictions in force on a route on one day, and the verdict.
import { today } from '../../domain/time.js';
import { evaluateRoute, verdictOf } from '../checks.js';
import { actorArg, allInOrder, day, optional, systemArg } from '../prepare.js';
import type { CheckPort, NamePort } from '../ports.js';
import type { CheckInput, TransferCheck } from '../types.js';

/** ALLOWED, PROHIBITED or REQUIRES_CONSENT for a supplier → recipient transfer on a day (today by default). */
export async function transferCheck(ports: NamePort & CheckPort, input: CheckInput): Promise<TransferCheck> {
  const on = day(input.on, 'on') ?? today();
  const [supplier, recipient, system, origin] = await allInOrder<[string, string, string | undefined, string | undefined]>([
    actorArg(ports, input.supplier, 'supplier'),
    actorArg(ports, input.recipient, 'recipient'),
    optional(input.system, (r) => systemArg(ports, r, 'system')),
    optional(input.origin, (r) => actorArg(ports, r, 'origin')),
  ]);
  const window = { from: on, to: on };
  const ctx = await ports.checkContext({
    actors: [supplier, recipient, ...(origin !== undefined ? [origin] : [])],
    systems: system !== undefined ? [system] : [],
    window,
  });
  const reasons = evaluateRoute(
    { supplier, recipient, ...(system !== undefined && { system }), ...(origin !== undefined && { origin }), window },
    ctx,
  );
  return { verdict: verdictOf(reasons), reasons, on };
}
