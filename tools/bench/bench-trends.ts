// Benchmark of the trend questions (issue [12]): transferTrends by supplier over six five-year periods (the target),
// plus trends by recipient, a dependence and the delivery lags, each store's answers checked equal first.
import { ask, type DateWindowInput } from '../../src/query/index.js';
import type { MemoryStore, Neo4jStore } from '../../src/store/index.js';
import type { BenchContext } from './bench-routes.js';
import { latencies } from './measure.js';
import type { Check, TrendFigures } from './results.js';

/** Six five-year periods ending in 2024 (SIPRI's last delivery year in the shared export; the synthetic data's too). */
export const SIX_PERIODS: readonly DateWindowInput[] = [1995, 2000, 2005, 2010, 2015, 2020].map((y) => ({ from: String(y), to: String(y + 4) }));
const TWO_PERIODS = SIX_PERIODS.slice(4);

/** The questions timed: the target's first, then the others of the Trends view. */
function questions(recipient: string) {
  return {
    'trends by supplier, 6 periods': (s: MemoryStore | Neo4jStore) => ask(s).transferTrends({ by: 'SUPPLIER', periods: SIX_PERIODS, top: 10 }),
    'trends by recipient, 2 periods': (s: MemoryStore | Neo4jStore) => ask(s).transferTrends({ by: 'RECIPIENT', periods: TWO_PERIODS, top: 10 }),
    [`dependence of ${recipient}, 6 periods`]: (s: MemoryStore | Neo4jStore) => ask(s).dependence(recipient, { periods: SIX_PERIODS, top: 10 }),
    'lags by supplier': (s: MemoryStore | Neo4jStore) => ask(s).deliveryLags({ by: 'SUPPLIER', top: 10 }),
  };
}

/** Times each trend question on each store (`rounds` times after 2 warm-ups), checking Neo4j's answers first. */
export async function measureTrends(
  bench: BenchContext, size: string, memory: MemoryStore, neo: Neo4jStore | undefined, checks: Record<string, Check>, rounds: number,
): Promise<TrendFigures> {
  // The recipient of the most TIV in 2020–2024: Ukraine on SIPRI, a synthetic actor otherwise.
  const top = await ask(memory).transferTrends({ by: 'RECIPIENT', periods: TWO_PERIODS.slice(1), top: 1 });
  const recipient = top.groups[0]?.key ?? (await memory.allActors())[0]!.id;
  const qs = questions(recipient);
  const names = Object.keys(qs);
  bench.log(`${size}: trends: ${names.join('; ')}`);
  const mem = [];
  for (const name of names) mem.push(await qs[name]!(memory));
  if (neo) {
    const answers = [];
    for (const name of names) answers.push(await qs[name]!(neo));
    checks['trends: memory = neo4j'] = bench.compare('trends', mem, answers, (i) => names[i]!);
  }
  const figures: TrendFigures = { recipient, groups: mem[0] && 'groupCount' in mem[0] ? mem[0].groupCount : 0, memory: {}, ...(neo && { neo4j: {} }) };
  for (const name of names) {
    const repeat = Array.from({ length: rounds }, () => name);
    figures.memory[name] = await latencies(repeat, (n) => qs[n]!(memory), { warmup: 2 });
    if (neo) figures.neo4j![name] = await latencies(repeat, (n) => qs[n]!(neo), { warmup: 2, budgetMs: bench.config.slowBudgetMs / 4 });
  }
  const first = names[0]!;
  bench.log(`${size}: ${first} p95: memory ${figures.memory[first]!.p95.toFixed(1)} ms${figures.neo4j ? `, neo4j ${figures.neo4j[first]!.p95.toFixed(1)} ms` : ''}`);
  return figures;
}
