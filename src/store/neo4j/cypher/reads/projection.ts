// Reads of the in-process projection (issue [13]): the graph's version stamp, and the whole TRANSFERRED graph with
// the nodes the projection keeps, read in one transaction when the stamp has changed.
import type { Statement } from '../../Executor.js';

/** The label and key of the node holding the graph's version stamp (written by every load, in its transaction). */
export const META_LABEL = 'ArmsgraphMeta';
export const META_KEY = 'graph';

/** The version stamp of the graph and its live generation (nulls when no load of this version of armsgraph has written them). */
export function graphVersion(): Statement {
  return { cypher: `OPTIONAL MATCH (m:${META_LABEL} {key: $key}) RETURN m.version AS version, m.current AS live`, params: { key: META_KEY } };
}

/** Every TRANSFERRED relationship with what path and route questions and their filters read. */
export function projectedTransfers(): Statement {
  return {
    cypher: `MATCH ()-[r:TRANSFERRED]->() WHERE r.gen = $gen
  RETURN r.transferId AS id, r.supplier AS supplier, r.recipient AS recipient, r.system AS system, r.backfills AS backfills,
    r.earliest AS earliest, r.latest AS latest, r.status AS status, r.kind AS kind, r.knownSince AS knownSince, r.knownUntil AS knownUntil,
    r.category AS category, r.evidence AS evidence, r.source AS source`,
    params: {},
  };
}

/** The nodes the projection keeps: actors, systems, restrictions, events and transfers, as JSON with their type and id. */
export function projectedNodes(): Statement {
  return {
    cypher: 'MATCH (n:Entity) WHERE n.gen = $gen AND (n:Actor OR n:WeaponSystem OR n:Restriction OR n:Event OR n:Transfer) RETURN n.type AS type, n.id AS id, n.json AS json',
    params: {},
  };
}

/** Every timeline entry, as JSON (the projection orders and indexes them). */
export function projectedEntries(): Statement {
  return { cypher: 'MATCH (e:TimelineEntry) WHERE e.gen = $gen RETURN e.json AS json', params: {} };
}
