// Paged reads in Cypher (actors, systems; transfer and timeline pages come from the projection), the one statement
// that brings a page's count and items, and every transfer matching a filter.
import neo4j from 'neo4j-driver';
import type { ActorFilter, SortKey, SystemFilter, TransferFilter } from '../../../../query/index.js';
import type { Statement } from '../../Executor.js';
import { META_KEY, META_LABEL } from './projection.js';
import { AFTER_ID, NOT_AFTER_ID, familyOf, nullIfEmpty, transferParams, transferWhere } from './fragments.js';

/** A page of rows and the counts that go with it: a count statement and a page statement. */
export interface PageStatements {
  readonly count: Statement;
  readonly page: Statement;
}

/**
 * A page's count and items as one statement (one round trip, one transaction on the server): each in its own
 * subquery, the items collected in their order; the count's aggregation and the outer `collect` always give one row.
 * The graph's version stamp comes with them, so a question whose names were resolved from the in-process projection
 * checks that projection in the same round trip.
 */
export function pageStatement(p: PageStatements): Statement {
  const indent = (cypher: string, by: string) => cypher.trim().split('\n').map((line) => `${by}${line.trim()}`).join('\n');
  return {
    cypher: `CALL {
${indent(p.count.cypher, '  ')}
}
CALL {
  CALL {
${indent(p.page.cypher, '    ')}
  }
  RETURN collect(json) AS items
}
CALL {
  OPTIONAL MATCH (m:${META_LABEL} {key: $metaKey})
  RETURN m.version AS version, m.current AS live
}
RETURN total, before, items, version, live`,
    params: { ...p.count.params, ...p.page.params, metaKey: META_KEY },
  };
}

function pageParams(params: Record<string, unknown>, after: SortKey | undefined, size: number): Record<string, unknown> {
  return { ...params, after: after ? [...after] : null, limit: neo4j.int(size) };
}

/** Every transfer matching a filter, in time order, as JSON. */
export function transfersMatching(filter: TransferFilter): Statement {
  return {
    cypher: `${familyOf(filter)}
  MATCH (t:Transfer) WHERE ${transferWhere('t', filter)}
  RETURN t.json AS json ORDER BY t.earliest, t.latest, t.id`,
    params: transferParams(filter),
  };
}

/** Actors matching a filter, by id, one page. */
export function actorsPage(filter: ActorFilter, text: string | null, after: SortKey | undefined, size: number): PageStatements {
  const head = `MATCH (a:Actor)
  WHERE a.gen = $gen AND ($kinds IS NULL OR a.kind IN $kinds) AND ($text IS NULL OR any(k IN a.nameKeys WHERE k CONTAINS $text))`;
  const params = pageParams({ kinds: nullIfEmpty(filter.kinds), text }, after, size);
  return {
    count: { cypher: `${head}\nRETURN count(a) AS total, sum(CASE WHEN ${NOT_AFTER_ID('a')} THEN 1 ELSE 0 END) AS before`, params },
    page: { cypher: `${head} AND ${AFTER_ID('a')}\nRETURN a.json AS json ORDER BY a.id LIMIT $limit`, params },
  };
}

/** Systems matching a filter (category, family, text), by id, one page. */
export function systemsPage(filter: SystemFilter, text: string | null, after: SortKey | undefined, size: number): PageStatements {
  const head = `
  OPTIONAL MATCH (root:Entity {id: $family, gen: $gen})
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
  WITH collect(member.id) AS members
  MATCH (s:WeaponSystem)
  WHERE s.gen = $gen AND ($category IS NULL OR s.category = $category) AND ($family IS NULL OR s.id IN members)
    AND ($text IS NULL OR any(k IN s.nameKeys WHERE k CONTAINS $text))`;
  const params = pageParams({ category: filter.category ?? null, family: filter.family ?? null, text }, after, size);
  return {
    count: { cypher: `${head}\nRETURN count(s) AS total, sum(CASE WHEN ${NOT_AFTER_ID('s')} THEN 1 ELSE 0 END) AS before`, params },
    page: { cypher: `${head} AND ${AFTER_ID('s')}\nRETURN s.json AS json ORDER BY s.id LIMIT $limit`, params },
  };
}
