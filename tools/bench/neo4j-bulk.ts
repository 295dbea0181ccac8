// Runs the Neo4j store's own load statements (loadStatements) outside the store, to see where a load's time goes
// and to put a graph too large for one transaction into Neo4j (committing every N statements, not atomic).
import type { Driver } from 'neo4j-driver';
import type { Statement } from '../../src/store/index.js';

export interface StatementTimes {
  /** Per statement text (shortened): time, statements, rows. */
  readonly byKind: [string, { ms: number; statements: number; rows: number }][];
  readonly runMs: number;
  readonly commitMs: number;
  readonly transactions: number;
}

/** Runs statements in order, committing every `perTransaction` (Infinity: one transaction, as the store does). */
export async function runStatements(
  driver: Driver,
  statements: readonly Statement[],
  options: { perTransaction?: number } = {},
): Promise<StatementTimes> {
  const per = options.perTransaction ?? Number.POSITIVE_INFINITY;
  const byKind = new Map<string, { ms: number; statements: number; rows: number }>();
  const session = driver.session();
  const started = performance.now();
  let commitMs = 0;
  let transactions = 1;
  try {
    let tx = session.beginTransaction();
    let inTransaction = 0;
    for (const s of statements) {
      if (inTransaction >= per) {
        const c = performance.now();
        await tx.commit();
        commitMs += performance.now() - c;
        tx = session.beginTransaction();
        transactions += 1;
        inTransaction = 0;
      }
      inTransaction += 1;
      const cypher = s.cypher;
      const t = performance.now();
      await tx.run(cypher, { gen: 0, ...s.params }); // generation 0: the live one of a cleared database
      const kind = cypher.replace(/\s+/g, ' ').replace(/^UNWIND \$rows AS row /, '').slice(0, 100);
      const entry = byKind.get(kind) ?? { ms: 0, statements: 0, rows: 0 };
      entry.ms += performance.now() - t;
      entry.statements += 1;
      entry.rows += Array.isArray(s.params.rows) ? s.params.rows.length : 0;
      byKind.set(kind, entry);
    }
    const c = performance.now();
    await tx.commit();
    commitMs += performance.now() - c;
  } finally {
    await session.close();
  }
  return { byKind: [...byKind].sort((a, b) => b[1].ms - a[1].ms), runMs: performance.now() - started, commitMs, transactions };
}
