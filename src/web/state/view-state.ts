// The dashboard's whole state as a query string, so a URL restores the same view.
import type { PathOrder } from '../api/types.js';
import { formatWindow, OPEN_WINDOW, parseWindow, windowProblem, type DateWindow } from './date-window.js';

/** Path orders, in the order the control lists them. */
export const PATH_ORDERS: readonly PathOrder[] = ['ANY', 'TIME_RESPECTING', 'STRICT'];

/** The API's default longest route (transferRoutes' maxHops). */
export const DEFAULT_MAX_HOPS = 3;

/** Everything the controls and the selection hold; '' means unset. */
export interface ViewState {
  /** Start actor: id or alias. */
  readonly from: string;
  /** End actor: id or alias. */
  readonly to: string;
  /** System or family: id or alias. */
  readonly system: string;
  readonly order: PathOrder;
  readonly maxHops: number;
  readonly between: DateWindow;
  /** Id of the selected route (its actors' ids joined by `>`, as the API writes it: JP>US>UA); '' for the first. */
  readonly route: string;
  /** Id of the selected node or transfer, or `hop:N` for the selected route's Nth hop (1-based). */
  readonly sel: string;
}

/** The state of a fresh page. */
export const EMPTY_STATE: ViewState = {
  from: '', to: '', system: '', order: 'ANY', maxHops: DEFAULT_MAX_HOPS, between: OPEN_WINDOW, route: '', sel: '',
};

/**
 * What a page opened without a query shows: the seed's story, Japan → United States → Ukraine for Patriot
 * (time-respecting, 2023–2024), so the first screen is never empty.
 */
export const DEFAULT_STORY: ViewState = {
  ...EMPTY_STATE, from: 'JP', to: 'UA', system: 'system:patriot', order: 'TIME_RESPECTING', between: { from: '2023', to: '2024' },
};

/** A route id (DE>CZ>UA) as the URL writes it (DE,CZ,UA: commas need no escaping), and back. */
const routeToUrl = (id: string) => id.split('>').join(',');
const routeFromUrl = (text: string) => text.split(',').map((a) => a.trim()).filter(Boolean).join('>');

function isOrder(value: string): value is PathOrder {
  return (PATH_ORDERS as readonly string[]).includes(value);
}

function intIn(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || !/^\d+$/.test(text)) return fallback;
  const n = Number(text);
  return n >= min && n <= max ? n : fallback;
}

/** Reads a state from a query string (`?from=JP&to=UA&system=…&order=…&between=2022/2024&route=JP,US,UA&sel=…`). */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const text = (name: string) => (q.get(name) ?? '').trim();
  const order = text('order').toUpperCase();
  return {
    from: text('from'),
    to: text('to'),
    system: text('system'),
    order: isOrder(order) ? order : EMPTY_STATE.order,
    maxHops: intIn(q.get('hops'), 1, 6, DEFAULT_MAX_HOPS),
    between: parseWindow(q.get('between')),
    route: routeFromUrl(text('route')),
    sel: text('sel'),
  };
}

/** Writes a state as a query string (with its `?`, or '' when empty), leaving out what is at its default. */
export function viewStateToSearch(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.from) q.set('from', state.from);
  if (state.to) q.set('to', state.to);
  if (state.system) q.set('system', state.system);
  if (state.order !== EMPTY_STATE.order) q.set('order', state.order);
  if (state.maxHops !== DEFAULT_MAX_HOPS) q.set('hops', String(state.maxHops));
  const between = formatWindow(state.between);
  if (between) q.set('between', between);
  if (state.route) q.set('route', routeToUrl(state.route));
  if (state.sel) q.set('sel', state.sel);
  // Ids like system:patriot and windows like 2022/2024 read better unescaped; both are legal in a query.
  const text = q.toString().replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',');
  return text === '' ? '' : `?${text}`;
}

/** True when two states ask the same query (selection aside). */
export function sameQuery(a: ViewState, b: ViewState): boolean {
  return a.from === b.from && a.to === b.to && a.system === b.system && a.order === b.order && a.maxHops === b.maxHops &&
    a.between.from === b.between.from && a.between.to === b.between.to;
}

/** The control a query cannot run without fixing, and why; undefined when the query can run. */
export function queryProblem(state: ViewState): { readonly field: 'from' | 'win-from' | 'win-to'; readonly text: string } | undefined {
  if (!state.from) return { field: 'from', text: 'Pick a start actor (an id like JP or a name like Japan).' };
  const problem = windowProblem(state.between);
  if (problem === undefined) return undefined;
  return { field: state.between.from && windowProblem({ from: state.between.from, to: '' }) ? 'win-from' : 'win-to', text: problem };
}
