// A chart's frame in the Trends view: its summary, legend, the SVG with its accessible name, and the same figures as
// a table (behind a disclosure), so every chart has a text equivalent.
import { h, replaceChildren, type Child } from '../dom.js';

/** A colour key of a chart. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

/** What a chart shows. */
export interface ChartParts {
  /** The chart's accessible name ("Shares of world TIV delivered by supplier, 2015–2019 and 2020–2024"). */
  readonly name: string;
  /** A sentence or two with what the chart says; also the SVG's description. */
  readonly summary: Child;
  readonly legend: readonly LegendEntry[];
  readonly svg: SVGSVGElement;
  /** How to use the bars, shown under the chart ("Click a bar, or Tab to the chart and use the arrows…"); '' when inert. */
  readonly hint: string;
  /** More text under the chart (a recipient's period-by-period facts). */
  readonly notes?: Child;
  /** The figures as a table: its caption, header row and body rows. */
  readonly table: HTMLTableElement;
}

/** A table of figures: a header row, then rows whose first cell is a row header. */
export function figureTable(caption: string, head: readonly string[], rows: readonly (readonly Child[])[]): HTMLTableElement {
  return h(
    'table',
    { class: 'figures' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((text, i) => h('th', { scope: 'col', class: i === 0 ? 'name' : undefined }, text)))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map((cell) => h('td', {}, cell))))),
  );
}

/** A group's name in a table: a button selecting its actor in the graph view when it has one, else its text. */
export function nameCell(label: string, select: (() => void) | undefined): Child {
  return select === undefined ? label : h('button', { type: 'button', class: 'link select-actor', onclick: select }, label);
}

/** Puts a chart in its section's body (`#<id>-body`): summary, legend, chart, hint, notes, table. */
export function showChart(body: HTMLElement, id: string, parts: ChartParts): void {
  const summaryId = `${id}-summary`;
  parts.svg.setAttribute('role', 'group');
  parts.svg.setAttribute('aria-label', parts.name);
  parts.svg.setAttribute('aria-describedby', summaryId);
  parts.svg.removeAttribute('aria-description');
  replaceChildren(
    body,
    h('p', { id: summaryId, class: 'trend-summary' }, parts.summary),
    parts.legend.length === 0
      ? null
      : h(
          'ul',
          { class: 'trend-legend', 'aria-label': 'Colours' },
          parts.legend.map((entry) => {
            const swatch = h('span', { class: 'trend-swatch', 'aria-hidden': 'true' });
            swatch.style.background = entry.color;
            return h('li', {}, swatch, entry.label);
          }),
        ),
    h('div', { class: 'trend-chart' }, parts.svg),
    parts.hint ? h('p', { class: 'hint' }, parts.hint) : null,
    parts.notes ?? null,
    h(
      'details',
      { class: 'trend-table' },
      h('summary', {}, 'Table of these figures'),
      // A wide table scrolls sideways: the keyboard scrolls it once it has the focus.
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': parts.table.caption?.textContent ?? 'Figures' }, parts.table),
    ),
  );
  body.dataset.state = 'ready';
}

/** Puts a plain message in a chart's body instead of a chart (nothing to draw, loading, or an error). */
export function showMessage(body: HTMLElement, text: string, state: 'empty' | 'loading' | 'error'): void {
  replaceChildren(body, h('p', { class: state === 'error' ? 'trend-message error' : 'trend-message' }, text));
  body.dataset.state = state;
}
