// Aggregates summed in Cypher over the statistics facts each transfer node carries (`statFacts`, stored at load):
// transferStats and the trend questions read grouped sums, never the transfers themselves.
import type { StatsKey, TransferFilter } from '../../../../query/index.js';
import type { Statement } from '../../Executor.js';
import { familyOf, transferParams, transferWhere } from './fragments.js';

/** The Cypher value of a grouping key for contribution `i` of transfer `t`. */
const KEY_EXPR: Record<StatsKey, string> = {
  SUPPLIER: 't.supplier', RECIPIENT: 't.recipient', SYSTEM: 't.system', FAMILY: 't.statFamily', CATEGORY: 't.statCategory', YEAR: 't.statYears[i]',
};

/**
 * Deals, units and TIV delivered per group. With a window, a SIPRI deal adds only its deliveries in the window's
 * years (its contributions are per year, `statWindowed`); other transfers add their one contribution.
 */
export function transferAggregates(filter: TransferFilter, groupBy: readonly StatsKey[]): Statement {
  const windowed = filter.between !== undefined;
  return {
    cypher: `${familyOf(filter)}
  MATCH (t:Transfer) WHERE ${transferWhere('t', filter)}
  UNWIND range(0, size(t.statYears) - 1) AS i
  WITH t, i${windowed ? `
  WHERE NOT t.statWindowed OR (t.statYears[i] >= $fromYear AND t.statYears[i] <= $toYear)` : ''}
  WITH [${groupBy.map((k) => KEY_EXPR[k]).join(', ')}] AS key, t, i
  RETURN key, count(DISTINCT t) AS transfers,
    sum(CASE WHEN t.statHasUnits[i] THEN t.statUnits[i] END) AS units, count(CASE WHEN t.statHasUnits[i] THEN 1 END) AS unitRows,
    sum(CASE WHEN t.statHasTiv[i] THEN toInteger(round(t.statTiv[i] * 1000000)) END) AS tivMicro, count(CASE WHEN t.statHasTiv[i] THEN 1 END) AS tivRows`,
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
