// Peer (a): the variable-length Cypher an analyst would write by hand for the same path question, with the
// time rule as a filter over the whole matched path (it cannot prune while expanding).
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { TRANSFER_STATUSES } from '../../../src/domain/model.js';
import { defaultPathStatuses } from '../../../src/query/index.js';
import type { PathQuestion } from '../queries.js';

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
