// Paged reads (transfers, timeline, actors, systems) and the one statement that brings a page's count and items.
import neo4j from 'neo4j-driver';
import type { ActorFilter, SortKey, SystemFilter, TimelineFilter, TransferFilter } from '../../../../query/index.js';
import type { Statement } from '../../Executor.js';
import { META_KEY, META_LABEL } from './projection.js';
import {
  AFTER_ID, AFTER_SPAN, NOT_AFTER_ID, NOT_AFTER_SPAN, familyOf, nullIfEmpty, transferParams, transferWhere, windowParams,
} from './fragments.js';

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

/** Transfers matching a filter, in time order, one page after a cursor. */
export function transfersPage(filter: TransferFilter, after: SortKey | undefined, size: number): PageStatements {
  const head = `${familyOf(filter)}
  MATCH (t:Transfer) WHERE ${transferWhere('t', filter)}`;
  const params = pageParams(transferParams(filter), after, size);
  return {
    count: { cypher: `${head}\nRETURN count(t) AS total, sum(CASE WHEN ${NOT_AFTER_SPAN('t')} THEN 1 ELSE 0 END) AS before`, params },
    page: {
      cypher: `${head} AND ${AFTER_SPAN('t')}\nRETURN t.json AS json ORDER BY t.earliest, t.latest, t.id LIMIT $limit`,
      params,
    },
  };
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

/**
 * Timeline entries matching a filter (actors include their parts; systems their family), one page. With actors
 * or systems, the entries are found from those nodes through `FEATURES` (an index seek and a short expansion)
 * rather than by testing the list property of every entry.
 */
export function timelinePage(filter: TimelineFilter, after: SortKey | undefined, size: number): PageStatements {
  const actors = nullIfEmpty(filter.actors);
  const systems = nullIfEmpty(filter.systems);
  const systemSet = `
  OPTIONAL MATCH (fam:Entity) WHERE fam.id IN $systems AND fam.gen = $gen
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(fam)
  WITH collect(DISTINCT member) AS members`;
  const start =
    actors !== null
      ? `${systems !== null ? `${systemSet}, collect(DISTINCT member.id) AS systemSet` : ''}
  MATCH (whole:Entity) WHERE whole.id IN $actors AND whole.gen = $gen
  MATCH (part:Actor)-[:PART_OF*0..]->(whole)
  WITH DISTINCT part${systems !== null ? ', systemSet' : ''}
  MATCH (e:TimelineEntry)-[:FEATURES]->(part)
  WITH DISTINCT e${systems !== null ? ', systemSet' : ''}`
      : systems !== null
        ? `${systemSet}
  UNWIND members AS m
  MATCH (e:TimelineEntry)-[:FEATURES]->(m)
  WITH DISTINCT e`
        : `
  MATCH (e:TimelineEntry)`;
  const c: string[] = ['e.gen = $gen'];
  if (actors !== null && systems !== null) c.push('any(s IN e.systems WHERE s IN systemSet)');
  if (filter.kinds !== undefined && filter.kinds.length > 0) c.push('e.kind IN $kinds');
  if (filter.between !== undefined) c.push('e.earliest <= $to AND e.latest >= $from');
  c.push(filter.knownAt !== undefined ? 'e.knownSince <= $knownAt AND (e.knownUntil IS NULL OR e.knownUntil > $knownAt)' : 'e.knownUntil IS NULL');
  if (filter.sources !== undefined && filter.sources.length > 0) c.push('e.source IN $sources');
  const head = `${start}
  WHERE ${c.join('\n    AND ')}`;
  const params = pageParams(
    {
      actors,
      systems,
      kinds: nullIfEmpty(filter.kinds),
      ...windowParams(filter.between),
      knownAt: filter.knownAt ?? null,
      ...(filter.sources !== undefined && filter.sources.length > 0 && { sources: [...filter.sources] }),
    },
    after,
    size,
  );
  return {
    count: { cypher: `${head}\nRETURN count(e) AS total, sum(CASE WHEN ${NOT_AFTER_SPAN('e')} THEN 1 ELSE 0 END) AS before`, params },
    page: { cypher: `${head} AND ${AFTER_SPAN('e')}\nRETURN e.json AS json ORDER BY e.earliest, e.latest, e.id LIMIT $limit`, params },
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
