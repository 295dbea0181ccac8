// The transferStats question (DESIGN §6): deals, units and TIV delivered per group, ranked.
import { InvalidArgumentError } from '../../domain/errors.js';
import { rankStatsRows, STATS_KEYS } from '../stats.js';
import { transferFilter } from '../prepare.js';
import type { AggregatePort, NamePort } from '../ports.js';
import type { StatsKey, StatsRow, TransferFilterInput } from '../types.js';

/** Checks `groupBy` (at least one known key) without touching the store. */
export function checkGroupBy(groupBy: readonly string[]): readonly StatsKey[] {
  if (groupBy.length === 0) throw new InvalidArgumentError('groupBy must name at least one of ' + STATS_KEYS.join(', '), { argument: 'groupBy' });
  const unknownKey = groupBy.find((k) => !STATS_KEYS.includes(k as StatsKey));
  if (unknownKey) throw new InvalidArgumentError(`groupBy: unknown key ${unknownKey}`, { argument: 'groupBy' });
  return groupBy as readonly StatsKey[];
}

/** Rows sorted by TIV delivered (descending, unknown last), then deals, then key. */
export async function transferStats(
  ports: NamePort & AggregatePort,
  input: TransferFilterInput | null | undefined,
  groupBy: readonly string[],
): Promise<readonly StatsRow[]> {
  const keys = checkGroupBy(groupBy);
  const filter = await transferFilter(ports, input);
  return rankStatsRows(await ports.transferAggregates(filter, keys));
}
