// Observable Plot drawn under the dashboard's Content-Security-Policy, and its bars made operable by keyboard.
import { plot, type PlotOptions } from '@observablehq/plot';

/** The class of every chart's SVG (styles.css holds the rules Plot would put in an inline <style>). */
export const CHART_CLASS = 'trend-plot';

/**
 * Draws a chart as an SVG element. Plot adds an inline <style> to each chart, which the page's CSP (style-src
 * 'self') refuses: it is removed before the chart enters the document, and styles.css has the same rules.
 */
export function renderPlot(options: PlotOptions): SVGSVGElement {
  const node = plot({ ...options, className: CHART_CLASS }) as Element;
  if (!(node instanceof SVGSVGElement)) throw new Error('trends: a chart drew a figure, not an SVG (no legend or caption in Plot options)');
  for (const style of node.querySelectorAll('style')) style.remove();
  // Plot names its marks' and axes' groups ("x-axis tick label"); a name needs a role that takes one.
  for (const g of node.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  return node;
}

/** Size of the groups' names on the left of a chart, in pixels. */
export const LABEL_PX = 12;

/**
 * Room for the groups' names on the left of a chart: the longest name's, but at most 170 px or a third of the chart.
 * `lineWidth` (in ems, as Plot measures) is what fits in it; longer names end in an ellipsis.
 */
export function labelRoom(width: number, labels: readonly string[]): { marginLeft: number; lineWidth: number } {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const marginLeft = Math.round(Math.min(170, width / 3, Math.max(72, longest * LABEL_PX * 0.58 + 12)));
  return { marginLeft, lineWidth: (marginLeft - 8) / LABEL_PX };
}

/** What a bar does when clicked or activated from the keyboard; undefined for a bar that does nothing. */
export type BarAction = ((index: number) => (() => void) | undefined);

/** Plot binds each element of a mark to the index of its datum (d3's __data__). */
function datumIndex(el: Element): number | undefined {
  const index = (el as Element & { __data__?: unknown }).__data__;
  return typeof index === 'number' ? index : undefined;
}

/**
 * Makes the bars of the marks with class `markClass` operable: each bar with an action is a button (its name is
 * the aria-label Plot gave it), clicked with the mouse or reached with one Tab stop per chart, where the arrow keys
 * step between bars, Home and End go to the first and the last, and Enter or Space activate. `name` names the
 * bars' group ("Bars: each supplier's share per period"). Returns the bars.
 */
export function operateBars(svg: SVGSVGElement, markClass: string, name: string, action: BarAction): SVGElement[] {
  // The group Plot named: the mark's, or for a faceted mark the one around its facets.
  for (const g of svg.querySelectorAll(`g.${markClass}`)) {
    const named = g.hasAttribute('aria-label') ? g : g.parentElement?.closest('g[aria-label]');
    named?.setAttribute('aria-label', name);
    named?.setAttribute('role', 'group');
  }
  const bars: SVGElement[] = [];
  const actions = new Map<Element, () => void>();
  for (const el of svg.querySelectorAll<SVGElement>(`g.${markClass} > rect, g.${markClass} > path`)) {
    const index = datumIndex(el);
    const act = index === undefined ? undefined : action(index);
    if (act === undefined) {
      // A bar that does nothing is still a labelled figure.
      if (el.hasAttribute('aria-label')) el.setAttribute('role', 'img');
      continue;
    }
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', bars.length === 0 ? '0' : '-1');
    el.classList.add('operable');
    el.dataset.index = String(index);
    actions.set(el, act);
    bars.push(el);
  }
  if (bars.length === 0) return bars;
  const focus = (el: SVGElement) => {
    for (const bar of bars) bar.setAttribute('tabindex', bar === el ? '0' : '-1');
    el.focus();
  };
  svg.addEventListener('click', (event) => {
    const el = (event.target as Element).closest('.operable');
    if (el !== null) actions.get(el)?.();
  });
  svg.addEventListener('keydown', (event) => {
    const at = bars.indexOf(event.target as SVGElement);
    if (at < 0) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      actions.get(bars[at]!)?.();
    } else if (event.key in step) {
      event.preventDefault();
      focus(bars[Math.min(bars.length - 1, Math.max(0, at + step[event.key]!))]!);
    }
  });
  return bars;
}
