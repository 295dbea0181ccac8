// Hand-written, parameterised Cypher for every read; builders return { cypher, params } and never embed values.
import neo4j from 'neo4j-driver';
import type { DayWindow } from '../../../domain/time.js';
import type { ResolvedPathOptions, SortKey } from '../../../query/index.js';
import type { ActorFilter, SystemFilter, TimelineFilter, TransferFilter } from '../../types.js';
import type { Statement } from '../Executor.js';

/** Filter over anything carrying the transfer properties (a :Transfer node or a :TRANSFERRED relationship). */
const TRANSFER_WHERE = (v: 't' | 'r') => `
  ($supplier IS NULL OR ${v}.supplier = $supplier)
  AND ($recipient IS NULL OR ${v}.recipient = $recipient)
  AND ($system IS NULL OR ${v}.system IN family)
  AND ($statuses IS NULL OR ${v}.status IN $statuses)
  AND ($kinds IS NULL OR ${v}.kind IN $kinds)
  AND ($from IS NULL OR (${v}.earliest <= $to AND ${v}.latest >= $from))
  AND ($knownAt IS NULL OR ${v}.knownSince <= $knownAt)`;

/** Collects the ids of a system's family (the system and every member below it) as `family`. */
const FAMILY = `
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(:WeaponSystem {id: $system})
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
}

function pageParams(params: Record<string, unknown>, after: SortKey | undefined, size: number): Record<string, unknown> {
  return { ...params, after: after ? [...after] : null, limit: neo4j.int(size) };
}

/** Transfers matching a filter, in time order, one page after a cursor. */
export function transfersPage(filter: TransferFilter, after: SortKey | undefined, size: number): PageStatements {
  const head = `${FAMILY}
  MATCH (t:Transfer) WHERE ${TRANSFER_WHERE('t')}`;
  const params = pageParams(transferParams(filter), after, size);
  return {
    count: { cypher: `${head}\nRETURN count(t) AS total, sum(CASE WHEN ${NOT_AFTER_SPAN('t')} THEN 1 ELSE 0 END) AS before`, params },
    page: { cypher: `${head} AND ${AFTER_SPAN('t')}\nRETURN t.json AS json ORDER BY t.earliest, t.latest, t.id LIMIT $limit`, params },
  };
}

/** Every transfer matching a filter, in time order, as JSON. */
export function transfersMatching(filter: TransferFilter): Statement {
  return {
    cypher: `${FAMILY}
  MATCH (t:Transfer) WHERE ${TRANSFER_WHERE('t')}
  RETURN t.json AS json ORDER BY t.earliest, t.latest, t.id`,
    params: transferParams(filter),
  };
}

/** Timeline entries matching a filter (actors include their parts; systems their family), one page. */
export function timelinePage(filter: TimelineFilter, after: SortKey | undefined, size: number): PageStatements {
  const head = `
  OPTIONAL MATCH (part:Actor)-[:PART_OF*0..]->(whole:Actor) WHERE whole.id IN $actors
  WITH collect(DISTINCT part.id) AS actorSet
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(fam:WeaponSystem) WHERE fam.id IN $systems
  WITH actorSet, collect(DISTINCT member.id) AS systemSet
  MATCH (e:TimelineEntry)
  WHERE ($actors IS NULL OR any(a IN e.actors WHERE a IN actorSet))
    AND ($systems IS NULL OR any(s IN e.systems WHERE s IN systemSet))
    AND ($kinds IS NULL OR e.kind IN $kinds)
    AND ($from IS NULL OR (e.earliest <= $to AND e.latest >= $from))
    AND ($knownAt IS NULL OR e.knownSince <= $knownAt)`;
  const params = pageParams(
    {
      actors: nullIfEmpty(filter.actors),
      systems: nullIfEmpty(filter.systems),
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
  OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(:WeaponSystem {id: $family})
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

/** Path statements by hop bound: the bound is part of the pattern, so each is its own constant text. */
const PATH_TEXT = (maxHops: number) => `${FAMILY}
  MATCH p = (:Actor {id: $fromId})-[rels:TRANSFERRED*1..${maxHops}]->(:Actor {id: $toId})
  WHERE all(r IN rels WHERE ${TRANSFER_WHERE('r')})
    AND all(i IN range(0, size(rels) - 2) WHERE
      ($viaBackfill AND rels[i + 1].transferId IN rels[i].backfills)
      OR $order = 'ANY'
      OR ($order = 'TIME_RESPECTING' AND rels[i + 1].latest >= rels[i].earliest)
      OR ($order = 'STRICT' AND rels[i + 1].earliest >= rels[i].latest))
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  WITH [r IN rels | r.transferId] AS ids, size(rels) AS length, last(rels) AS arrival
  RETURN ids ORDER BY length, arrival.earliest, arrival.latest, ids LIMIT $cap`;
const PATH_STATEMENTS: readonly string[] = [1, 2, 3, 4, 5, 6].map(PATH_TEXT);

/**
 * Simple transfer paths from one actor to another with the hop-order rule checked in Cypher, ranked as
 * DESIGN §5 says; `cap` rows at most (limit + 1, so the caller can tell when the result is truncated).
 */
export function transferPaths(fromId: string, toId: string, o: ResolvedPathOptions, cap: number): Statement {
  const cypher = PATH_STATEMENTS[o.maxHops - 1];
  if (cypher === undefined) throw new RangeError(`maxHops ${o.maxHops} out of range`);
  return {
    cypher,
    params: {
      fromId, toId, order: o.order, viaBackfill: o.viaBackfill, cap: neo4j.int(cap),
      ...transferParams({
        ...(o.system !== undefined && { system: o.system }),
        statuses: o.statuses,
        ...(o.between !== undefined && { between: o.between }),
        ...(o.knownAt !== undefined && { knownAt: o.knownAt }),
      }),
    },
  };
}

/** The actors one step from a frontier over transfers matching a filter (for subgraph breadth-first search). */
export function neighbours(frontier: readonly string[], filter: TransferFilter): Statement {
  return {
    cypher: `${FAMILY}
  MATCH (a:Actor)-[r:TRANSFERRED]-(b:Actor) WHERE a.id IN $frontier AND ${TRANSFER_WHERE('r')}
  RETURN DISTINCT b.id AS id`,
    params: { frontier: [...frontier], ...transferParams(filter) },
  };
}

/** The transfers between actors of a set that match a filter, and the actors themselves. */
export function subgraphOf(actorIds: readonly string[], filter: TransferFilter): Statement {
  return {
    cypher: `${FAMILY}
  OPTIONAL MATCH (a:Actor)-[r:TRANSFERRED]->(b:Actor) WHERE a.id IN $ids AND b.id IN $ids AND ${TRANSFER_WHERE('r')}
  WITH collect(r.transferId) AS transferIds
  OPTIONAL MATCH (t:Transfer) WHERE t.id IN transferIds
  WITH collect(t.json) AS transfers
  OPTIONAL MATCH (x:Actor) WHERE x.id IN $ids
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

/** What a check needs: restrictions in force in a window, wars, and the ancestor chains of some actors and systems. */
export function checkContext(actorIds: readonly string[], systemIds: readonly string[], window: DayWindow): Statement {
  return {
    cypher: `
  CALL { MATCH (r:Restriction) WHERE r.earliest <= $to AND r.latest >= $from RETURN collect(r.json) AS restrictions }
  CALL { MATCH (w:Event {kind: 'WAR'}) WHERE w.earliest <= $to AND w.latest >= $from RETURN collect(w.json) AS wars }
  CALL {
    MATCH (a:Actor) WHERE a.id IN $actors
    MATCH chain = (a)-[:PART_OF*0..]->(top:Actor) WHERE NOT (top)-[:PART_OF]->()
    RETURN collect([n IN nodes(chain) | n.id]) AS actorChains, collect(DISTINCT a.id) AS found
  }
  CALL {
    MATCH (s:WeaponSystem) WHERE s.id IN $systems
    MATCH chain = (s)-[:MEMBER_OF*0..]->(top:WeaponSystem) WHERE NOT (top)-[:MEMBER_OF]->()
    RETURN collect([n IN nodes(chain) | n.id]) AS systemChains
  }
  RETURN restrictions, wars, actorChains, systemChains`,
    params: { actors: [...actorIds], systems: [...systemIds], from: window.from, to: window.to },
  };
}

/** Display names of actors and systems by id. */
export function namesOf(ids: readonly string[]): Statement {
  return { cypher: 'MATCH (n:Entity) WHERE n.id IN $ids AND (n:Actor OR n:WeaponSystem) RETURN n.id AS id, n.name AS name', params: { ids: [...ids] } };
}

/** Counts of every node type and of citations. */
export function statsStatement(): Statement {
  return {
    cypher: 'MATCH (n:Entity) RETURN n.type AS type, count(n) AS count, sum(coalesce(n.citationCount, 0)) AS citations',
    params: {},
  };
}
