// The path question's reverse breadth-first pass from the target, every level in one statement.
import type { TransferFilter } from '../../../../query/index.js';
import type { Statement } from '../../Executor.js';
import { familyOf, transferParams, transferWhere } from './fragments.js';

/** Path statements by hop bound and filter shape (texts from fixed fragments; every value a parameter). */
const PATH_ROW = `r {id: r.transferId, supplier: r.supplier, recipient: r.recipient, system: r.system,
      earliest: r.earliest, latest: r.latest, backfills: r.backfills}`;
/** What a route question reads of a relationship: the path fields and the hop evidence (category, deliveries, units). */
const ROUTE_ROW = `r {id: r.transferId, supplier: r.supplier, recipient: r.recipient, system: r.system,
      earliest: r.earliest, latest: r.latest, backfills: r.backfills, category: r.category, evidence: r.evidence}`;

/**
 * A path query's reverse breadth-first pass from `$toId`, every level in one statement (one round trip): level k
 * reads the `TRANSFERRED` relationships passing the filter that end at the actors first reached at level k − 1;
 * the last level only those leaving `$fromId` (no other supplier could still be reached from the start), found by
 * expanding the frontier and filtering on `r.supplier` (expanding from a hub start read all its thousands). Returns
 * every relationship read (`rels`), with what ranking needs; whole transfers are read only for the paths kept.
 * With `evidence`, each relationship also brings what a route's hop evidence sums (the route question's pass).
 */
export function pathLevels(fromId: string, toId: string, maxHops: number, filter: TransferFilter, evidence = false): Statement {
  const where = transferWhere('r', filter);
  const family = filter.system !== undefined ? ', family' : '';
  const parts = [`${familyOf(filter)}
  WITH [$toId] AS seen0, [$toId] AS f0${family}`];
  const levels: string[] = [];
  for (let k = 1; k <= maxHops; k += 1) {
    const last = k === maxHops;
    parts.push(`
  CALL {
    WITH f${k - 1}${family}
    MATCH (b:Entity) WHERE b.id IN f${k - 1} AND b.gen = $gen
    MATCH (a:Actor)-[r:TRANSFERRED]->(b)
    WHERE ${last ? 'r.supplier = $fromId AND ' : ''}${where}
    RETURN collect(${evidence ? ROUTE_ROW : PATH_ROW}) AS l${k}
  }`);
    if (!last) {
      parts.push(`
  CALL {
    WITH l${k}, seen${k - 1}
    UNWIND l${k} AS x
    WITH DISTINCT x.supplier AS s, seen${k - 1} WHERE NOT s IN seen${k - 1}
    RETURN collect(s) AS f${k}
  }
  WITH *, seen${k - 1} + f${k} AS seen${k}`);
    }
    levels.push(`l${k}`);
  }
  parts.push(`
  RETURN ${levels.join(' + ')} AS rels`);
  return { cypher: parts.join(''), params: { fromId, toId, ...transferParams(filter) } };
}
