// Reads of the claim log kept in the database (src/claims: one `ArmsgraphLog` node per claim, unique by number).

/** The log's entries after number `$seq`, in order. */
export const LOG_AFTER = 'MATCH (l:ArmsgraphLog) WHERE l.seq > $seq RETURN l.seq AS seq, l.json AS json ORDER BY l.seq';
