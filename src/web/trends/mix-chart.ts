// The supplier-mix chart: a recipient's suppliers' shares per period as stacked horizontal bars, with the main supplier,
// its changes and the concentration (HHI) stated period by period.
import { barX, stackX, text } from '@observablehq/plot';
import type { Dependence } from '../api/types.js';
import { h } from '../dom.js';
import { tivFigure } from '../format.js';
import { figureTable, nameCell, type ChartParts } from './chart-frame.js';
import { INK, OTHERS_COLOR, PARTNER_COLORS, textOn } from './colors.js';
import { operateBars, renderPlot } from './plot-svg.js';
import { mixPeriodText, mixSegments, mixSegmentText, percent, type MixSegment } from './trend-rows.js';
import { periodText } from './trends-state.js';

/** Class of the segments' mark. */
const MARK = 'mix-bars';

/** Average width of a character of the segments' labels (11 px system font), in pixels. */
const CHAR = 6.3;

/** The supplier-mix chart of a dependence answer, `width` pixels wide; `onActor` selects a supplier. */
export function mixChart(dependence: Dependence, width: number, onActor: (id: string) => void): ChartParts {
  const recipient = dependence.actor.name;
  const periods = dependence.periods.map((p) => p.period);
  const segments = mixSegments(dependence);
  const keys = [...dependence.partners.map((p) => p.key), ''];
  const colors = [...dependence.partners.map((_, i) => PARTNER_COLORS[i % PARTNER_COLORS.length]!), OTHERS_COLOR];
  const colorOf = new Map(keys.map((k, i) => [k, colors[i]!]));
  const marginLeft = 84;
  const marginRight = 12;
  const inner = width - marginLeft - marginRight;
  /** A segment's label when it fits inside it: the name and the share, or the share alone. */
  const inside = (s: MixSegment) => {
    const room = (s.share / 100) * inner - 8;
    const full = `${s.key === '' ? 'Others' : s.label} ${percent(s.share)}`;
    if (full.length * CHAR <= room) return full;
    return percent(s.share).length * CHAR <= room ? percent(s.share) : '';
  };
  const empty = dependence.periods.filter((p) => p.tiv <= 0).map((p) => p.period);

  const svg = renderPlot({
    width,
    height: 34 + periods.length * 46,
    marginLeft,
    marginRight,
    marginTop: 6,
    marginBottom: 34,
    x: { domain: [0, 100], label: `Share of ${recipient}'s TIV received (%) →`, grid: false },
    y: { domain: periods, tickFormat: periodText, label: null, paddingInner: 0.25, paddingOuter: 0.1 },
    color: { domain: keys, range: colors },
    marks: [
      barX(segments, stackX({
        x: 'share', y: 'period', fill: 'key', order: keys, stroke: '#ffffff', strokeWidth: 1,
        ariaLabel: (s: MixSegment) => mixSegmentText(s, recipient), title: (s: MixSegment) => mixSegmentText(s, recipient), className: MARK,
      })),
      text(segments, stackX({
        x: 'share', y: 'period', z: 'key', order: keys, text: inside, fill: (s: MixSegment) => textOn(colorOf.get(s.key)!), fontSize: 11, ariaHidden: 'true',
      })),
      text(empty, { x: 0, y: (p: string) => p, text: () => 'no deliveries on record', textAnchor: 'start', dx: 4, fill: INK, fontSize: 11 }),
    ],
  });
  const select = (key: string) => (key === '' ? undefined : () => onActor(key));
  const operable = operateBars(svg, MARK, 'Segments: each supplier\'s share per period', (i) => select(segments[i]!.key));

  const head = ['Supplier', ...periods.flatMap((p) => [`${periodText(p)} share`, 'TIV (m)'])];
  const cell = (s: MixSegment | undefined) => (s === undefined ? ['–', '–'] : [percent(s.share), tivFigure(s.tiv)]);
  const rows = keys.filter((k) => segments.some((s) => s.key === k)).map((key) => {
    const of = segments.filter((s) => s.key === key);
    const label = key === '' ? 'Others' : dependence.partners.find((p) => p.key === key)!.label;
    return [nameCell(label, select(key)), ...periods.flatMap((p) => cell(of.find((s) => s.period === p)))];
  });
  const totals = ['All suppliers', ...dependence.periods.flatMap((p) => (p.tiv > 0 ? ['100 %', tivFigure(p.tiv)] : ['–', '0']))];
  const facts = dependence.periods.map((p, i) => h('li', {}, mixPeriodText(p, dependence.periods[i - 1])));
  const last = dependence.periods.at(-1);
  const more = dependence.partnerCount > dependence.partners.length ? `; the top ${dependence.partners.length} of ${dependence.partnerCount} suppliers named` : '';
  return {
    name: `${recipient}: its suppliers' shares of the TIV it received, ${periods.map(periodText).join(', ')}${more}`,
    summary: last?.main == null
      ? `${recipient} received no TIV in ${periodText(last?.period ?? '')}.`
      : `${recipient}'s main supplier in ${periodText(last.period)}: ${last.main.label} with ${percent(last.main.share)} of ${tivFigure(last.tiv)} m TIV received.`,
    legend: keys.filter((k) => segments.some((s) => s.key === k)).map((k) => ({
      label: k === '' ? 'Others' : dependence.partners.find((p) => p.key === k)!.label,
      color: colorOf.get(k)!,
    })),
    svg,
    hint: operable.length > 0 ? 'Click a segment to select its supplier in the graph view, or Tab to the chart: the arrow keys step between segments, Enter selects.' : '',
    notes: h('ul', { class: 'trend-facts', 'aria-label': `${recipient}'s suppliers, period by period` }, facts),
    table: figureTable(`${recipient}'s suppliers: share of the TIV received and TIV in millions, per period`, head, [...rows, totals]),
  };
}
