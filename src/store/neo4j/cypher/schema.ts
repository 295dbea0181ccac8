// Schema statements run on connect: uniqueness constraints and the indexes the queries use (all idempotent).

/** Constraints and indexes; every statement uses IF NOT EXISTS, so running them again changes nothing. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  // Ids are unique within a generation (`gen`): a staged load writes the next generation beside the live one.
  'DROP CONSTRAINT entity_id IF EXISTS',
  'DROP CONSTRAINT timeline_entry_id IF EXISTS',
  'CREATE CONSTRAINT entity_id_gen IF NOT EXISTS FOR (n:Entity) REQUIRE (n.id, n.gen) IS UNIQUE',
  'CREATE CONSTRAINT timeline_entry_id_gen IF NOT EXISTS FOR (e:TimelineEntry) REQUIRE (e.id, e.gen) IS UNIQUE',
  // The claim log (src/claims): one entry per number, so two instances never store the same claim number.
  'CREATE CONSTRAINT log_entry_seq IF NOT EXISTS FOR (l:ArmsgraphLog) REQUIRE l.seq IS UNIQUE',
  'CREATE INDEX transfer_time IF NOT EXISTS FOR (t:Transfer) ON (t.earliest, t.latest, t.id)',
  'CREATE INDEX transfer_recipient IF NOT EXISTS FOR (t:Transfer) ON (t.recipient)',
  'CREATE INDEX transfer_supplier IF NOT EXISTS FOR (t:Transfer) ON (t.supplier)',
  'CREATE INDEX transfer_system IF NOT EXISTS FOR (t:Transfer) ON (t.system)',
  // Gone: no statement seeks timeline entries by time (timeline pages are answered from the projection) or
  // TRANSFERRED by system or time (reads expand from actors); each cost every load an index entry per row.
  'DROP INDEX timeline_time IF EXISTS',
  'DROP INDEX transferred_system IF EXISTS',
  'DROP INDEX transferred_time IF EXISTS',
  'CREATE INDEX transferred_id IF NOT EXISTS FOR ()-[r:TRANSFERRED]-() ON (r.transferId)',
  'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Actor|WeaponSystem) ON EACH [n.name, n.aliasText]',
  // Search and name resolution: `nameText` is a node's normalised names one per line, so `CONTAINS $key` through
  // this index means the same as "some name key contains the key" (keys have no line breaks).
  'CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.nameText)',
  'CREATE INDEX entity_gen IF NOT EXISTS FOR (n:Entity) ON (n.gen)',
  'CREATE INDEX timeline_entry_gen IF NOT EXISTS FOR (e:TimelineEntry) ON (e.gen)',
];

/**
 * A database loaded before generations (nodes, entries and TRANSFERRED without `gen`): they become generation 0,
 * the live one, in batches (auto-commit statements). Nothing to do on a database loaded since.
 */
export const GENERATION_MIGRATION: readonly string[] = [
  `MATCH (n) WHERE (n:Entity OR n:TimelineEntry) AND n.gen IS NULL
  CALL { WITH n SET n.gen = 0 } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH ()-[r:TRANSFERRED]->() WHERE r.gen IS NULL
  CALL { WITH r SET r.gen = 0 } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (m:ArmsgraphMeta {key: 'graph'}) WHERE m.current IS NULL SET m.current = 0`,
];
