// The delivery-lags chart: by group, the median years from order to the first and to the last delivery (bars) and
// the 90th percentile (a line from the median ending in a tick).
import { axisFy, barX, ruleY, text, tickX } from '@observablehq/plot';
import type { Lags } from '../api/types.js';
import { figureTable, nameCell, type ChartParts } from './chart-frame.js';
import { INK, LAG_COLORS } from './colors.js';
import { LABEL_PX, labelRoom, operateBars, renderPlot } from './plot-svg.js';
import { ACTOR_GROUPINGS, GROUPING_NOUN, GROUPING_NOUNS, LAG_MEASURES, lagBars, lagBarText, lagsSummary, yearsText, type LagBar } from './trend-rows.js';

/** Height of one bar, in pixels. */
const BAR = 12;

/** Class of the bars' mark. */
const MARK = 'lag-bars';

/** A bar of zero years still shows (and can be clicked): this many years wide. */
const MIN_YEARS = 0.05;

const short = (years: number) => (Math.round(years * 10) / 10).toLocaleString('en-US');

/** The lags chart of a deliveryLags answer, `width` pixels wide; `onActor` selects a group that is an actor. */
export function lagsChart(lags: Lags, width: number, onActor: (id: string) => void): ChartParts {
  const bars = lagBars(lags);
  const keys = [...new Set(bars.map((b) => b.key))];
  const labels = new Map(lags.groups.map((g) => [g.key, g.label]));
  const actors = ACTOR_GROUPINGS.includes(lags.by);
  const noun = GROUPING_NOUN[lags.by];
  const max = Math.max(1, ...bars.map((b) => b.p90));

  const room = labelRoom(width, lags.groups.map((g) => g.label));
  const svg = renderPlot({
    width,
    height: 40 + keys.length * (2 * BAR + 12),
    marginLeft: room.marginLeft,
    marginRight: 76,
    marginTop: 36,
    marginBottom: 4,
    x: { axis: 'top', label: 'Years from order →', domain: [0, max], nice: true, grid: true },
    y: { axis: null, domain: LAG_MEASURES, paddingInner: 0.1, paddingOuter: 0 },
    fy: { domain: keys, label: null, paddingInner: 0.18, paddingOuter: 0.04 },
    color: { domain: LAG_MEASURES, range: LAG_COLORS },
    marks: [
      axisFy({ anchor: 'left', label: null, tickSize: 0, tickFormat: (k: string) => labels.get(k) ?? k, lineWidth: room.lineWidth, textOverflow: 'ellipsis', fontSize: LABEL_PX }),
      ruleY(bars, { y: 'measure', fy: 'key', x1: 'median', x2: 'p90', stroke: 'measure', strokeWidth: 1.5, ariaHidden: 'true' }),
      tickX(bars, { y: 'measure', fy: 'key', x: 'p90', stroke: 'measure', strokeWidth: 2, ariaHidden: 'true' }),
      barX(bars, {
        x1: 0, x2: (b: LagBar) => Math.max(b.median, MIN_YEARS), y: 'measure', fy: 'key', fill: 'measure',
        ariaLabel: lagBarText, title: lagBarText, className: MARK,
      }),
      text(bars, {
        x: 'p90', y: 'measure', fy: 'key', text: (b: LagBar) => `${short(b.median)} · p90 ${short(b.p90)}`, dx: 6, textAnchor: 'start', fill: INK, ariaHidden: 'true',
      }),
    ],
  });
  const select = (key: string) => (actors ? () => onActor(key) : undefined);
  const operable = operateBars(svg, MARK, `Bars: each ${noun}'s median lags`, (i) => select(bars[i]!.key));

  const head = [noun[0]!.toUpperCase() + noun.slice(1), 'deals', 'to first: median', '90th pct.', 'to last: median', '90th pct.'];
  const figures = (g: Lags['all']) => [g.deals.toLocaleString('en-US'), yearsText(g.toFirst.median), yearsText(g.toFirst.p90), yearsText(g.toLast.median), yearsText(g.toLast.p90)];
  const rows = lags.groups.map((g) => [nameCell(g.label, select(g.key)), ...figures(g)]);
  const years = lags.orderedTo != null ? `ordered ${lags.orderedFrom}–${lags.orderedTo}` : `ordered ${lags.orderedFrom ?? ''} or later`;
  const more = lags.groupCount > lags.groups.length ? `the ${lags.groups.length} ${GROUPING_NOUNS[lags.by]} with most deals (of ${lags.groupCount})` : `by ${noun}`;
  return {
    name: `Delivery lags of SIPRI deals ${years}, ${more}: median and 90th percentile years from order to first and to last delivery`,
    summary: lagsSummary(lags),
    legend: LAG_MEASURES.map((m, i) => ({ label: `median years ${m} (the line: to the 90th percentile)`, color: LAG_COLORS[i]! })),
    svg,
    hint: [
      'The last delivery on record is a lower bound for deals still delivering.',
      operable.length > 0 ? `Click a bar to select its ${noun} in the graph view, or Tab to the chart: the arrow keys step between bars, Enter selects.` : '',
    ].filter(Boolean).join(' '),
    table: figureTable(`Delivery lags of SIPRI deals ${years}, in years`, head, [...rows, ['All deals', ...figures(lags.all)]]),
  };
}
