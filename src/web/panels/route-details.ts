// What the details panel shows of a route (its evidence by hop, its rules and its chains) and of one of its hops.
import type { Chain, HopDeal, PathCheck, Route } from '../api/types.js';
import { h, type Child } from '../dom.js';
import { hopLabel, tivFigure } from '../format.js';
import { daySpanYears, EFFECT_TEXT, type RouteCount } from './route-text.js';

/** What the panel reports back from a route or hop view. */
export interface RouteDetailsHandlers {
  /** A hop of the route (1-based). */
  onHop(hop: number): void;
  /** A transfer (a chain's hop, a deal). */
  onTransfer(id: string): void;
  /** A restriction or an actor. */
  onSelect(id: string): void;
  /** The next page of chains. */
  onMoreChains(): void;
}

/** The selected route with its chains as loaded so far. */
export interface RouteView {
  readonly route: Route;
  /** 0-based position among the routes. */
  readonly index: number;
  readonly count: RouteCount;
  /** The years TIV counts ("2022–2024"), '' without a window. */
  readonly window: string;
  /** Chains loaded so far (undefined while the first page loads). */
  readonly chains: readonly Chain[] | undefined;
  readonly chainsTotal: number;
  readonly chainsMore: boolean;
  readonly chainsLoading: boolean;
  readonly chainsError?: string | undefined;
  /** The selected transfer (its hop buttons are marked). */
  readonly selectedTransfer: string;
}

/** One hop of the selected route with its deals as loaded (undefined while they load). */
export interface HopView {
  readonly route: Route;
  /** 1-based. */
  readonly hop: number;
  readonly window: string;
  readonly deals: readonly HopDeal[] | undefined;
  readonly dealsTotal: number;
}

const num = (n: number | null | undefined) => (n == null ? '–' : n.toLocaleString('en-US'));

function checksList(checks: readonly PathCheck[], handlers: RouteDetailsHandlers, label: string): Child {
  if (checks.length === 0) return null;
  return h(
    'ul',
    { class: 'checks', 'aria-label': label },
    checks.map((c) =>
      h(
        'li',
        { class: `check effect-${c.effect.toLowerCase().replace(/_/g, '-')}` },
        h('strong', {}, EFFECT_TEXT[c.effect]),
        ` (${c.hop === null ? 'direct route' : `hop ${c.hop + 1}`}): ${c.message} `,
        h('button', { type: 'button', class: 'link', 'data-restriction': c.restriction.id, onclick: () => handlers.onSelect(c.restriction.id) }, c.restriction.title),
      ),
    ),
  );
}

/** The evidence table: one row per hop (a button selecting it), deals, units, TIV and span. */
function evidenceTable(route: Route, window: string, handlers: RouteDetailsHandlers): HTMLElement {
  return h(
    'table',
    { class: 'evidence' },
    h('caption', {}, `Evidence by hop${window ? ` (units and TIV delivered in ${window})` : ''}`),
    h(
      'thead',
      {},
      h('tr', {}, ['Hop', 'Deals', 'Units', 'TIV (m)', 'Span'].map((t) => h('th', { scope: 'col' }, t))),
    ),
    h(
      'tbody',
      {},
      route.hops.map((hop, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'data-hop': i + 1, onclick: () => handlers.onHop(i + 1) }, `${hop.from.name} → ${hop.to.name}`)),
          h('td', {}, num(hop.deals)),
          h('td', {}, num(hop.units)),
          h('td', {}, hop.tiv == null ? '–' : tivFigure(hop.tiv)),
          h('td', {}, daySpanYears(hop.span)),
        ),
      ),
    ),
  );
}

const checkKey = (checks: readonly PathCheck[]) => checks.map((c) => `${c.effect}/${c.hop}/${c.restriction.id}`).sort().join(' ');

/**
 * A chain: its departure and arrival, each hop a button selecting its transfer, and the rules bearing on it when
 * they differ from the route's (the route's rules are its first chain's).
 */
function chainItem(chain: Chain, n: number, view: RouteView, handlers: RouteDetailsHandlers): HTMLElement {
  return h(
    'li',
    { class: 'chain' },
    h('p', { class: 'chain-meta' }, `Chain ${n} · departs ${chain.departs.edtf} · arrives ${chain.arrives.edtf}`),
    h(
      'ol',
      { class: 'hops' },
      chain.hops.map((hop) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button', class: 'hop', 'data-transfer': hop.transfer.id,
              'aria-current': hop.transfer.id === view.selectedTransfer ? 'true' : undefined,
              onclick: () => handlers.onTransfer(hop.transfer.id),
            },
            h(
              'span',
              { class: 'hop-route' },
              `${hop.from.name} → ${hop.to.name}`,
              // SIPRI deals are all of kind UNKNOWN: no need to say so on every hop.
              h('span', { class: 'hop-kind' }, `${hop.transfer.kind === 'UNKNOWN' ? '' : ` · ${hop.transfer.kind.toLowerCase()}`}${hop.via === 'BACKFILL' ? ' · via backfill link' : ''}`),
            ),
            h('span', { class: 'hop-label' }, hopLabel(hop.transfer.system.name, hop.transfer.status, hop.transfer.date.edtf)),
          ),
        ),
      ),
    ),
    checkKey(chain.checks) === checkKey(view.route.checks) ? null : checksList(chain.checks, handlers, 'Rules bearing on this chain'),
  );
}

/** The route view: heading, evidence by hop, the route's rules, and its chains (20 at a time). */
export function renderRoute(view: RouteView, handlers: RouteDetailsHandlers): Child[] {
  const { route } = view;
  const chains = view.chains;
  const position = `${view.index + 1} of ${view.count.complete ? '' : 'at least '}${view.count.totalCount.toLocaleString('en-US')}`;
  return [
    h('p', { class: 'kind' }, `Route ${position} · ${route.length} hop${route.length === 1 ? '' : 's'}`),
    h('h3', {}, route.actors.map((a) => a.name).join(' → ')),
    evidenceTable(route, view.window, handlers),
    route.checks.length ? h('section', { class: 'rules' }, h('h4', {}, 'Rules bearing on the route'), checksList(route.checks, handlers, 'Rules bearing on the route')) : null,
    h(
      'section',
      { class: 'chains', 'aria-labelledby': 'chains-title' },
      h('h4', { id: 'chains-title' }, chains === undefined ? 'Chains' : `Chains (${view.chainsTotal.toLocaleString('en-US')})`),
      h('p', { class: 'hint' }, 'Each chain is one transfer per hop, in an order the query allows; earliest arrival first.'),
      view.chainsError ? h('p', { class: 'error' }, view.chainsError) : null,
      chains === undefined && !view.chainsError ? h('p', { class: 'hint' }, 'Loading chains…') : null,
      chains ? h('ol', { id: 'chains', class: 'chain-list', 'data-count': chains.length }, chains.map((c, i) => chainItem(c, i + 1, view, handlers))) : null,
      view.chainsMore
        ? h(
            'button',
            { type: 'button', id: 'more-chains', class: 'more', disabled: view.chainsLoading, onclick: () => handlers.onMoreChains() },
            view.chainsLoading ? 'Loading more chains…' : `More chains (${num(chains?.length ?? 0)} of ${num(view.chainsTotal)} listed)`,
          )
        : null,
    ),
  ];
}

/** "2022: 5, 2023~: 10~": a SIPRI deal's units delivered by year (~: SIPRI's estimate). */
function deliveriesText(deal: HopDeal): string {
  return (deal.sipri?.deliveries ?? []).map((d) => `${d.year}${d.yearEstimated ? '~' : ''}: ${d.units == null ? '?' : `${d.units}${d.unitsEstimated ? '~' : ''}`}`).join(', ');
}

/** "T-72M1 · delivered 2022 · units 2022: 22~ · TIV 20.8 m · SIPRI 66166": one deal of a hop, in a line. */
function dealLine(deal: HopDeal, handlers: RouteDetailsHandlers): Child[] {
  const sipri = deal.sipri;
  const tiv = sipri?.deliveries.reduce<number | undefined>((sum, d) => (d.tiv == null ? sum : (sum ?? 0) + d.tiv), undefined);
  return [
    h('button', { type: 'button', class: 'link', 'data-id': deal.id, onclick: () => handlers.onTransfer(deal.id) }, deal.system.name),
    ` · ${deal.status.toLowerCase()} ${deal.date.edtf}`,
    h(
      'span',
      { class: 'deal-meta' },
      sipri && sipri.deliveries.length ? ` · units ${deliveriesText(deal)}` : '',
      tiv !== undefined ? ` · TIV ${tivFigure(tiv)} m` : '',
      sipri ? ` · SIPRI ${sipri.dealId}` : '',
    ),
  ];
}

/** The hop view: its evidence and its deals, each a button selecting the transfer. */
export function renderHop(view: HopView, handlers: RouteDetailsHandlers): Child[] {
  const hop = view.route.hops[view.hop - 1];
  if (hop === undefined) return [h('p', { class: 'hint' }, `The route has no hop ${view.hop}.`)];
  const rows: [string, Child][] = [
    ['Deals', num(hop.deals)],
    [`Units${view.window ? ` (${view.window})` : ''}`, num(hop.units)],
    [`TIV delivered${view.window ? ` (${view.window})` : ''}`, hop.tiv == null ? 'none known' : `${tivFigure(hop.tiv)} million`],
    ['Span', daySpanYears(hop.span)],
    ['Categories', hop.categories.join(', ') || 'none'],
  ];
  return [
    h('p', { class: 'kind' }, `Hop ${view.hop} of ${view.route.length} · route ${view.route.actors.map((a) => a.name).join(' → ')}`),
    h('h3', {}, `${hop.from.name} → ${hop.to.name}`),
    h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h(
      'section',
      { class: 'deals' },
      h('h4', {}, view.deals === undefined ? 'Deals' : `Deals (${num(view.dealsTotal)}${view.deals.length < view.dealsTotal ? `, first ${num(view.deals.length)} listed` : ''})`),
      view.deals === undefined
        ? h('p', { class: 'hint' }, 'Loading deals…')
        : h(
            'ul',
            { class: 'deal-list' },
            view.deals.map((deal) => h('li', {}, dealLine(deal, handlers))),
          ),
    ),
  ];
}
