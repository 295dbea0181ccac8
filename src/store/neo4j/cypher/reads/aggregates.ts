// Aggregates summed in Cypher over the statistics facts each transfer node carries (`statFacts`, stored at load):
// transferStats and the trend questions read grouped sums, never the transfers themselves.
import type { StatsKey, TransferFilter } from '../../../../query/index.js';
import type { Statement } from '../../Executor.js';
import { familyOf, transferParams, transferWhere } from './fragments.js';

/** The Cypher value of a grouping key, read once per transfer (the year is the contribution's, `year`). */
const KEY_EXPR: Record<StatsKey, string> = {
  SUPPLIER: 't.supplier', RECIPIENT: 't.recipient', SYSTEM: 't.system', FAMILY: 't.statFamily', CATEGORY: 't.statCategory', YEAR: 'year',
};

/**
 * Deals, units and TIV delivered per group. With a window, a SIPRI deal adds only its deliveries in the window's
 * years (its contributions are per year, `statWindowed`); other transfers add their one contribution. Each
 * transfer's lists are read once into variables before they are unwound: indexing a node's list property per
 * row read the whole list again each time (most of a ×10 aggregation's time). TIV is summed in whole millionths
 * (`statTivMicro`, integral values), so the sum does not depend on the order of addition.
 */
export function transferAggregates(filter: TransferFilter, groupBy: readonly StatsKey[]): Statement {
  const windowed = filter.between !== undefined;
  const keys = groupBy.filter((k) => k !== 'YEAR');
  const carried = keys.map((k, i) => `${KEY_EXPR[k]} AS k${i}`);
  const key = groupBy.map((k) => (k === 'YEAR' ? 'year' : `k${keys.indexOf(k)}`));
  return {
    cypher: `${familyOf(filter)}
  MATCH (t:Transfer) WHERE ${transferWhere('t', filter)}
  WITH t.id AS id, ${carried.length > 0 ? `${carried.join(', ')}, ` : ''}t.statWindowed AS windowed, t.statYears AS years,
    t.statUnits AS units, t.statHasUnits AS hasUnits, t.statTivMicro AS tiv, t.statHasTiv AS hasTiv
  UNWIND range(0, size(years) - 1) AS i
  WITH id, ${keys.map((_, i) => `k${i}, `).join('')}windowed, years[i] AS year,
    CASE WHEN hasUnits[i] THEN units[i] END AS u, CASE WHEN hasTiv[i] THEN tiv[i] END AS v${windowed ? `
  WHERE NOT windowed OR (year >= $fromYear AND year <= $toYear)` : ''}
  RETURN [${key.join(', ')}] AS key, count(DISTINCT id) AS transfers, sum(u) AS units, count(u) AS unitRows, sum(v) AS tivMicro, count(v) AS tivRows`,
    params: {
      ...transferParams(filter),
      fromYear: filter.between?.from.slice(0, 4) ?? null,
      toYear: filter.between?.to.slice(0, 4) ?? null,
    },
  };
}

/** SIPRI deals with an order year and a delivery, counted by group, order year and lags (`aggregateLags`). */
export function dealLags(filter: TransferFilter, by: StatsKey): Statement {
  const key = by === 'YEAR' ? 'toString(t.firstDelivery)' : KEY_EXPR[by];
  return {
    cypher: `${familyOf(filter)}
  MATCH (t:Transfer) WHERE ${transferWhere('t', filter)} AND t.orderYear IS NOT NULL
  RETURN ${key} AS key, t.orderYear AS orderYear, t.firstDelivery - t.orderYear AS first, t.lastDelivery - t.orderYear AS last,
    count(*) AS deals`,
    params: transferParams(filter),
  };
}

/**
 * TIV (whole millionths) by group and bucket of delivery years: `$buckets` maps a year to its bucket, other years
 * are dropped in the query, and no deal count is kept (the trends need none), so each group returns one row per
 * bucket rather than per year.
 */
export function tivByBucket(filter: TransferFilter, by: StatsKey, buckets: Readonly<Record<string, number>>): Statement {
  const key = by === 'YEAR' ? 'years[i]' : 'k';
  return {
    cypher: `${familyOf(filter)}
  MATCH (t:Transfer) WHERE ${transferWhere('t', filter)}
  WITH ${by === 'YEAR' ? '' : `${KEY_EXPR[by]} AS k, `}t.statYears AS years, t.statTivMicro AS tiv, t.statHasTiv AS hasTiv
  UNWIND range(0, size(years) - 1) AS i
  WITH ${key} AS key, $buckets[years[i]] AS bucket, CASE WHEN hasTiv[i] THEN tiv[i] END AS v
  WHERE bucket IS NOT NULL AND v IS NOT NULL
  RETURN key, bucket, sum(v) AS tivMicro`,
    params: { ...transferParams(filter), buckets: { ...buckets } },
  };
}
