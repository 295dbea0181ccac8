// Peer (a): the variable-length Cypher an analyst would write by hand for the same path and route questions, with the
// order rule as a filter over the whole matched path (it cannot prune while expanding).
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { TRANSFER_STATUSES } from '../../../src/domain/model.js';
import { defaultPathStatuses } from '../../../src/query/index.js';
import type { PathQuestion, RouteQuestion } from '../queries.js';

export const ANALYST_PATH_CYPHER = `
MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(:WeaponSystem {id: $system})
WITH collect(member.id) AS family
MATCH p = (a:Actor {id: $from})-[:TRANSFERRED*1..4]->(b:Actor {id: $to})
WHERE all(r IN relationships(p) WHERE r.system IN family AND r.status IN $statuses)
  AND all(i IN range(1, length(p) - 1) WHERE relationships(p)[i].latest >= relationships(p)[i - 1].earliest)
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN [r IN relationships(p) | r.transferId] AS ids
ORDER BY length(p), relationships(p)[-1].earliest, relationships(p)[-1].latest, ids
LIMIT $cap`;

/**
 * Runs the analyst's query; returns the transfer ids of each path, ranked, at most `cap`. Sent as the store sends
 * its reads (an auto-commit transaction: one round trip), so the comparison is of the queries, not the transport.
 */
export async function analystPaths(driver: Driver, q: PathQuestion, cap: number): Promise<string[][]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(ANALYST_PATH_CYPHER, {
      from: q.from, to: q.to, system: q.system, statuses: defaultPathStatuses(TRANSFER_STATUSES), cap: neo4j.int(cap),
    });
    return result.records.map((r) => r.get('ids') as string[]);
  } finally {
    await session.close();
  }
}

/** The order rule between consecutive relationships of a chain, as an analyst writes it (none for ANY). */
const ROUTE_ORDER_RULE = {
  ANY: undefined,
  TIME_RESPECTING: 'rels[i + 1].latest >= rels[i].earliest',
  STRICT: 'rels[i + 1].earliest >= rels[i].latest',
} as const;

/**
 * The analyst's route query: every chain of up to `maxHops` TRANSFERRED relationships from A to B through distinct
 * actors, the order rule checked over each whole chain, grouped by the actor sequence (a route exists when any of
 * its chains passes). Variable-length bounds cannot be parameters, so the text is written per hop bound and order.
 */
export function analystRouteCypher(maxHops: number, order: keyof typeof ROUTE_ORDER_RULE): string {
  const rule = ROUTE_ORDER_RULE[order];
  return `
MATCH p = (a:Actor {id: $from})-[:TRANSFERRED*1..${maxHops}]->(b:Actor {id: $to})
WHERE all(r IN relationships(p) WHERE r.status IN $statuses)
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH [n IN nodes(p) | n.id] AS actors, relationships(p) AS rels${rule === undefined ? '' : `
WHERE all(i IN range(0, size(rels) - 2) WHERE ${rule})`}
RETURN actors, count(*) AS chains`;
}

/** The analyst's routes: their ids (`A>B>C`, sorted) and count; or `timeout` when the query ran past `timeoutMs`. */
export type AnalystRoutes = { readonly ids: readonly string[]; readonly total: number } | 'timeout';

/**
 * Runs the analyst's route query as an auto-commit transaction with a transaction timeout (the server stops it
 * then): a 3- or 4-hop question between hubs enumerates every chain of transfers, which can take hours.
 */
export async function analystRoutes(driver: Driver, q: RouteQuestion, timeoutMs: number): Promise<AnalystRoutes> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(
      analystRouteCypher(q.maxHops, q.order),
      { from: q.from, to: q.to, statuses: defaultPathStatuses(TRANSFER_STATUSES) },
      { timeout: timeoutMs },
    );
    const ids = result.records.map((r) => (r.get('actors') as string[]).join('>')).sort();
    return { ids, total: ids.length };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (/TimedOut|Terminated/i.test(code)) return 'timeout';
    throw error;
  } finally {
    await session.close();
  }
}
