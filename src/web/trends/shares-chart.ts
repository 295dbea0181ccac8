// The shares chart: each group's share of the TIV delivered per period, as grouped horizontal bars.
import { axisFy, barX, ruleX, text } from '@observablehq/plot';
import type { Trends } from '../api/types.js';
import { tivFigure } from '../format.js';
import { figureTable, nameCell, type ChartParts } from './chart-frame.js';
import { INK, periodColors } from './colors.js';
import { LABEL_PX, labelRoom, operateBars, renderPlot } from './plot-svg.js';
import { ACTOR_GROUPINGS, changeText, GROUPING_NOUN, percent, shareBars, shareBarText, sharesSummary } from './trend-rows.js';
import { periodText } from './trends-state.js';

/** Height of one bar, in pixels. */
const BAR = 14;

/** Class of the bars' mark (operable when they are actors). */
const MARK = 'share-bars';

/** The shares chart of a trends answer, `width` pixels wide; `onActor` selects a group that is an actor. */
export function sharesChart(trends: Trends, width: number, onActor: (id: string) => void): ChartParts {
  const periods = trends.periods.map((p) => p.period);
  const colors = periodColors(periods.length);
  const bars = shareBars(trends);
  const keys = trends.groups.map((g) => g.key);
  const labels = new Map(trends.groups.map((g) => [g.key, g.label]));
  const actors = ACTOR_GROUPINGS.includes(trends.by);
  const max = Math.max(1, ...bars.map((b) => b.share));
  const noun = GROUPING_NOUN[trends.by];
  const world = trends.universe === 'WORLD' ? 'world ' : '';

  const room = labelRoom(width, trends.groups.map((g) => g.label));
  const svg = renderPlot({
    width,
    height: 40 + keys.length * (periods.length * BAR + 12),
    marginLeft: room.marginLeft,
    marginRight: 52,
    marginTop: 36,
    marginBottom: 4,
    x: { axis: 'top', label: `Share of ${world}TIV delivered (%) →`, domain: [0, max], nice: true, grid: true },
    y: { axis: null, domain: periods, paddingInner: 0.12, paddingOuter: 0 },
    fy: { domain: keys, label: null, paddingInner: 0.16, paddingOuter: 0.04 },
    color: { domain: periods, range: colors },
    marks: [
      axisFy({ anchor: 'left', label: null, tickSize: 0, tickFormat: (k: string) => labels.get(k) ?? k, lineWidth: room.lineWidth, textOverflow: 'ellipsis', fontSize: LABEL_PX }),
      barX(bars, {
        x: 'share', y: 'period', fy: 'key', fill: 'period', stroke: '#0b4a8b', strokeWidth: 0.6,
        ariaLabel: shareBarText, title: shareBarText, className: MARK,
      }),
      text(bars.filter((b) => b.rank !== null), {
        x: 'share', y: 'period', fy: 'key', text: (b: { share: number }) => percent(b.share), dx: 4, textAnchor: 'start', fill: INK, ariaHidden: 'true',
      }),
      ruleX([0], { stroke: INK, ariaHidden: 'true' }),
    ],
  });
  const select = (key: string) => (actors ? () => onActor(key) : undefined);
  const operable = operateBars(svg, MARK, `Bars: each ${noun}'s share per period`, (i) => select(bars[i]!.key));

  const head = [noun[0]!.toUpperCase() + noun.slice(1), ...periods.flatMap((p) => [`${periodText(p)} share`, 'TIV (m)', 'change'])];
  const rows = trends.groups.map((g) => [
    nameCell(g.label, select(g.key)),
    ...g.cells.flatMap((c) => [c.rank === null ? '–' : `${percent(c.share)} (#${c.rank})`, tivFigure(c.tiv), changeText(c.change) || '–']),
  ]);
  const totals = ['All', ...trends.periods.flatMap((p) => ['100 %', tivFigure(p.tiv), changeText(p.change) || '–'])];
  const more = trends.groupCount > keys.length ? ` (the top ${keys.length} of ${trends.groupCount})` : '';
  return {
    name: `Shares of ${world}TIV delivered by ${noun}${more}, ${periods.map(periodText).join(', ')}`,
    summary: sharesSummary(trends),
    legend: periods.map((p, i) => ({ label: periodText(p), color: colors[i]! })),
    svg,
    hint: operable.length > 0 ? `Click a bar to select its ${noun} in the graph view, or Tab to the chart: the arrow keys step between bars, Enter selects.` : '',
    table: figureTable(`Shares of ${world}TIV delivered by ${noun}${more}; TIV in millions; rank in the period`, head, [...rows, totals]),
  };
}
