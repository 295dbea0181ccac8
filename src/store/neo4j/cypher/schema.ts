// Schema statements run on connect: uniqueness constraints and the indexes the queries use (all idempotent).

/** Constraints and indexes; every statement uses IF NOT EXISTS, so running them again changes nothing. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT timeline_entry_id IF NOT EXISTS FOR (e:TimelineEntry) REQUIRE e.id IS UNIQUE',
  // The claim log (src/claims): one entry per number, so two instances never store the same claim number.
  'CREATE CONSTRAINT log_entry_seq IF NOT EXISTS FOR (l:ArmsgraphLog) REQUIRE l.seq IS UNIQUE',
  'CREATE INDEX transfer_time IF NOT EXISTS FOR (t:Transfer) ON (t.earliest, t.latest, t.id)',
  'CREATE INDEX transfer_recipient IF NOT EXISTS FOR (t:Transfer) ON (t.recipient)',
  'CREATE INDEX transfer_supplier IF NOT EXISTS FOR (t:Transfer) ON (t.supplier)',
  'CREATE INDEX transfer_system IF NOT EXISTS FOR (t:Transfer) ON (t.system)',
  'CREATE INDEX timeline_time IF NOT EXISTS FOR (e:TimelineEntry) ON (e.earliest, e.latest, e.id)',
  'CREATE INDEX transferred_system IF NOT EXISTS FOR ()-[r:TRANSFERRED]-() ON (r.system)',
  'CREATE INDEX transferred_time IF NOT EXISTS FOR ()-[r:TRANSFERRED]-() ON (r.earliest, r.latest)',
  'CREATE INDEX transferred_id IF NOT EXISTS FOR ()-[r:TRANSFERRED]-() ON (r.transferId)',
  'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Actor|WeaponSystem) ON EACH [n.name, n.aliasText]',
  // Search and name resolution: `nameText` is a node's normalised names one per line, so `CONTAINS $key` through
  // this index means the same as "some name key contains the key" (keys have no line breaks).
  'CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.nameText)',
];
