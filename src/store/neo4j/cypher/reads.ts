// Hand-written, parameterised Cypher for every read; builders return { cypher, params } and never embed values.
import neo4j from 'neo4j-driver';
import type { DayWindow } from '../../../domain/time.js';
import type { ActorFilter, SortKey, SystemFilter, TimelineFilter, TransferFilter } from '../../../query/index.js';
import type { Statement } from '../Executor.js';

/**
 * The conditions of a transfer filter on anything carrying the transfer properties (a :Transfer node or a
 * :TRANSFERRED relationship), only for the fields the filter sets. The text depends on which fields are set,
 * never on their values (those are parameters), and leaving out the unset ones lets the planner seek an index
 * (`t.recipient = $recipient`) where `($recipient IS NULL OR …)` made it scan every transfer.
 */
function transferWhere(v: 't' | 'r', f: TransferFilter): string {
  const c: string[] = [];
  if (f.supplier !== undefined) c.push(`${v}.supplier = $supplier`);
  if (f.recipient !== undefined) c.push(`${v}.recipient = $recipient`);
  if (f.system !== undefined) c.push(`${v}.system IN family`);
  if (f.statuses !== undefined && f.statuses.length > 0) c.push(`${v}.status IN $statuses`);
  if (f.kinds !== undefined && f.kinds.length > 0) c.push(`${v}.kind IN $kinds`);
  if (f.between !== undefined) c.push(`${v}.earliest <= $to AND ${v}.latest >= $from`);
  if (f.knownAt !== undefined) c.push(`${v}.knownSince <= $knownAt`);
  return c.length === 0 ? 'true' : c.join('\n    AND ');
}

/** Collects the ids of a system's family (the system and every member below it) as `family`, when filtered by system. */
const familyOf = (f: { system?: string }) =>
  f.system === undefined
    ? ''
    : `
  OPTIONAL MATCH (root:Entity {id: $system})
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
  WITH collect(member.id) AS family`;

const nullIfEmpty = <T,>(list: readonly T[] | undefined): T[] | null => (list && list.length > 0 ? [...list] : null);

function windowParams(window: DayWindow | undefined): { from: string | null; to: string | null } {
  return { from: window?.from ?? null, to: window?.to ?? null };
}

/** Parameters of a transfer filter. */
export function transferParams(f: TransferFilter): Record<string, unknown> {
  return {
    supplier: f.supplier ?? null,
    recipient: f.recipient ?? null,
    system: f.system ?? null,
    statuses: nullIfEmpty(f.statuses),
    kinds: nullIfEmpty(f.kinds),
    ...windowParams(f.between),
    knownAt: f.knownAt ?? null,
  };
}

/** Keyset condition: the row's (earliest, latest, id) comes after the cursor's. */
const AFTER_SPAN = (v: string) => `($after IS NULL OR ${v}.earliest > $after[0]
  OR (${v}.earliest = $after[0] AND (${v}.latest > $after[1] OR (${v}.latest = $after[1] AND ${v}.id > $after[2]))))`;
const NOT_AFTER_SPAN = (v: string) => `($after IS NOT NULL AND NOT ${AFTER_SPAN(v)})`;
const AFTER_ID = (v: string) => `($after IS NULL OR ${v}.id > $after[0])`;
const NOT_AFTER_ID = (v: string) => `($after IS NOT NULL AND NOT ${AFTER_ID(v)})`;

/** A page of rows and the counts that go with it: a count statement and a page statement. */
export interface PageStatements {
  readonly count: Statement;
  readonly page: Statement;
  /** The page's rows carry `refs` (ids of nodes the items refer to), read with the page as `related`. */
  readonly related?: true;
}

/**
 * A page's count and items as one statement (one round trip, one transaction on the server): each in its own
 * subquery, the items collected in their order; the count's aggregation and the outer `collect` always give one row.
 * With `related`, also the nodes the items refer to (`[type, json]` pairs), so nested fields need no other read.
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
  RETURN collect(json) AS items${p.related ? ', collect(refs) AS refs' : ''}
}${p.related ? `
CALL {
  WITH refs
  UNWIND refs AS row
  UNWIND row AS ref
  WITH DISTINCT ref
  MATCH (n:Entity {id: ref})
  RETURN collect([n.type, n.json]) AS related
}
RETURN total, before, items, related` : `
RETURN total, before, items`}`,
    params: { ...p.count.params, ...p.page.params },
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
      cypher: `${head} AND ${AFTER_SPAN('t')}\nRETURN t.json AS json, [t.supplier, t.recipient, t.system] AS refs ORDER BY t.earliest, t.latest, t.id LIMIT $limit`,
      params,
    },
    related: true,
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
  OPTIONAL MATCH (fam:Entity) WHERE fam.id IN $systems
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(fam)
  WITH collect(DISTINCT member) AS members`;
  const start =
    actors !== null
      ? `${systems !== null ? `${systemSet}, collect(DISTINCT member.id) AS systemSet` : ''}
  MATCH (whole:Entity) WHERE whole.id IN $actors
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
  const c: string[] = [];
  if (actors !== null && systems !== null) c.push('any(s IN e.systems WHERE s IN systemSet)');
  if (filter.kinds !== undefined && filter.kinds.length > 0) c.push('e.kind IN $kinds');
  if (filter.between !== undefined) c.push('e.earliest <= $to AND e.latest >= $from');
  if (filter.knownAt !== undefined) c.push('e.knownSince <= $knownAt');
  const head = `${start}
  WHERE ${c.length === 0 ? 'true' : c.join('\n    AND ')}`;
  const params = pageParams(
    {
      actors,
      systems,
      kinds: nullIfEmpty(filter.kinds),
      ...windowParams(filter.between),
      knownAt: filter.knownAt ?? null,
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
  WHERE ($kinds IS NULL OR a.kind IN $kinds) AND ($text IS NULL OR any(k IN a.nameKeys WHERE k CONTAINS $text))`;
  const params = pageParams({ kinds: nullIfEmpty(filter.kinds), text }, after, size);
  return {
    count: { cypher: `${head}\nRETURN count(a) AS total, sum(CASE WHEN ${NOT_AFTER_ID('a')} THEN 1 ELSE 0 END) AS before`, params },
    page: { cypher: `${head} AND ${AFTER_ID('a')}\nRETURN a.json AS json ORDER BY a.id LIMIT $limit`, params },
  };
}

/** Systems matching a filter (category, family, text), by id, one page. */
export function systemsPage(filter: SystemFilter, text: string | null, after: SortKey | undefined, size: number): PageStatements {
  const head = `
  OPTIONAL MATCH (root:Entity {id: $family})
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
  WITH collect(member.id) AS members
  MATCH (s:WeaponSystem)
  WHERE ($category IS NULL OR s.category = $category) AND ($family IS NULL OR s.id IN members)
    AND ($text IS NULL OR any(k IN s.nameKeys WHERE k CONTAINS $text))`;
  const params = pageParams({ category: filter.category ?? null, family: filter.family ?? null, text }, after, size);
  return {
    count: { cypher: `${head}\nRETURN count(s) AS total, sum(CASE WHEN ${NOT_AFTER_ID('s')} THEN 1 ELSE 0 END) AS before`, params },
    page: { cypher: `${head} AND ${AFTER_ID('s')}\nRETURN s.json AS json ORDER BY s.id LIMIT $limit`, params },
  };
}

/** Path statements by hop bound and filter shape (texts from fixed fragments; every value a parameter). */
const PATH_ROW = `r {id: r.transferId, supplier: r.supplier, recipient: r.recipient, system: r.system,
      earliest: r.earliest, latest: r.latest, backfills: r.backfills}`;

/**
 * A path query's reverse breadth-first pass from `$toId`, every level in one statement (one round trip): level k
 * reads the `TRANSFERRED` relationships passing the filter that end at the actors first reached at level k − 1;
 * the last level only those leaving `$fromId` (no other supplier could still be reached from the start), found by
 * expanding the frontier and filtering on `r.supplier` (expanding from a hub start read all its thousands). Returns
 * every relationship read (`rels`), with what ranking needs; whole transfers are read only for the paths kept.
 */
export function pathLevels(fromId: string, toId: string, maxHops: number, filter: TransferFilter): Statement {
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
    MATCH (b:Entity) WHERE b.id IN f${k - 1}
    MATCH (a:Actor)-[r:TRANSFERRED]->(b)
    WHERE ${last ? 'r.supplier = $fromId AND ' : ''}${where}
    RETURN collect(${PATH_ROW}) AS l${k}
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

/** The actors one step from a frontier over transfers matching a filter (for subgraph breadth-first search). */
export function neighbours(frontier: readonly string[], filter: TransferFilter): Statement {
  return {
    cypher: `${familyOf(filter)}
  MATCH (a:Entity) WHERE a.id IN $frontier
  MATCH (a)-[r:TRANSFERRED]-(b:Actor) WHERE ${transferWhere('r', filter)}
  RETURN DISTINCT b.id AS id`,
    params: { frontier: [...frontier], ...transferParams(filter) },
  };
}

/** The transfers between actors of a set that match a filter, and the actors themselves. */
export function subgraphOf(actorIds: readonly string[], filter: TransferFilter): Statement {
  return {
    cypher: `${familyOf(filter)}
  OPTIONAL MATCH (a:Entity)-[r:TRANSFERRED]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND ${transferWhere('r', filter)}
  WITH collect(r.transferId) AS transferIds
  OPTIONAL MATCH (t:Entity) WHERE t.id IN transferIds
  WITH collect(t.json) AS transfers
  OPTIONAL MATCH (x:Entity) WHERE x.id IN $ids AND x:Actor
  RETURN transfers, collect(x.json) AS actors`,
    params: { ids: [...actorIds], ...transferParams(filter) },
  };
}

/** Entities by id, as JSON with their type. */
export function nodesById(ids: readonly string[]): Statement {
  return { cypher: 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.type AS type, n.json AS json', params: { ids: [...ids] } };
}

/** Resolves an exact id or a normalised alias key of an actor or a system; lowest id wins a shared alias. */
export function resolveRef(label: 'Actor' | 'WeaponSystem', ref: string, key: string): Statement {
  const cypher =
    label === 'Actor'
      ? 'MATCH (n:Actor) WHERE n.id = $ref OR $key IN n.nameKeys RETURN n.id AS id ORDER BY (n.id = $ref) DESC, n.id LIMIT 1'
      : 'MATCH (n:WeaponSystem) WHERE n.id = $ref OR $key IN n.nameKeys RETURN n.id AS id ORDER BY (n.id = $ref) DESC, n.id LIMIT 1';
  return { cypher, params: { ref, key } };
}

/** Every name, alias and id of one kind of node, for did-you-mean suggestions. */
export function allNames(label: 'Actor' | 'WeaponSystem'): Statement {
  const cypher =
    label === 'Actor'
      ? 'MATCH (n:Actor) WITH n ORDER BY n.id RETURN n.json AS json'
      : 'MATCH (n:WeaponSystem) WITH n ORDER BY n.id RETURN n.json AS json';
  return { cypher, params: {} };
}

/** Candidates for a search: actors, systems and events with a name key containing the text. */
export function searchCandidates(key: string): Statement {
  return {
    cypher: `MATCH (n:Entity) WHERE (n:Actor OR n:WeaponSystem OR n:Event) AND any(k IN n.nameKeys WHERE k CONTAINS $key)
  RETURN n.type AS type, n.json AS json`,
    params: { key },
  };
}

/**
 * What a check needs, in one statement: restrictions in force in a window, wars, the ancestor chains of some actors
 * and systems, and the names of those actors and of the actors the restrictions name; with `transferIds`, those
 * transfers too (a path question reads its kept transfers and their checks in one round trip).
 */
export function checkContext(
  actorIds: readonly string[],
  systemIds: readonly string[],
  window: DayWindow,
  transferIds: readonly string[] = [],
): Statement {
  return {
    cypher: `
  CALL { MATCH (t:Entity) WHERE t.id IN $transfers AND t:Transfer RETURN collect(t.json) AS transfers }
  CALL {
    MATCH (r:Restriction) WHERE r.earliest <= $to AND r.latest >= $from
    RETURN collect(r.json) AS restrictions, reduce(refs = [], r2 IN collect(r.actorRefs) | refs + r2) AS refs
  }
  CALL { MATCH (w:Event {kind: 'WAR'}) WHERE w.earliest <= $to AND w.latest >= $from RETURN collect(w.json) AS wars }
  CALL {
    MATCH (a:Entity) WHERE a.id IN $actors AND a:Actor
    MATCH chain = (a)-[:PART_OF*0..]->(top:Actor) WHERE NOT (top)-[:PART_OF]->()
    RETURN collect([n IN nodes(chain) | n.id]) AS actorChains, collect(DISTINCT a.id) AS found
  }
  CALL {
    MATCH (s:Entity) WHERE s.id IN $systems AND s:WeaponSystem
    MATCH chain = (s)-[:MEMBER_OF*0..]->(top:WeaponSystem) WHERE NOT (top)-[:MEMBER_OF]->()
    RETURN collect([n IN nodes(chain) | n.id]) AS systemChains
  }
  CALL {
    WITH refs
    UNWIND $actors + refs AS ref
    WITH DISTINCT ref
    MATCH (n:Entity {id: ref}) WHERE n:Actor
    RETURN collect([n.id, n.name]) AS names
  }
  RETURN transfers, restrictions, wars, actorChains, systemChains, names`,
    params: { transfers: [...transferIds], actors: [...actorIds], systems: [...systemIds], from: window.from, to: window.to },
  };
}

/** Counts of every node type and of citations. */
export function statsStatement(): Statement {
  return {
    cypher: 'MATCH (n:Entity) RETURN n.type AS type, count(n) AS count, sum(coalesce(n.citationCount, 0)) AS citations',
    params: {},
  };
}
