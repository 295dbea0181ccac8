// The route list: each route a button with its actors, deals per hop and an evidence bar per hop; more on demand.
import type { Route } from '../api/types.js';
import { byId, h, replaceChildren } from '../dom.js';
import { tivFigure } from '../format.js';
import { barFraction, EFFECT_TEXT, hopEvidenceText, maxHopTiv, routeCountText, weakestHop, type RouteCount } from './route-text.js';

/** What the list reports back. */
export interface RoutesListHandlers {
  onRoute(index: number): void;
  onMore(): void;
}

/** Renders routes into #routes, the count into #routes-summary and the more button. */
export class RoutesList {
  private readonly el = byId<HTMLOListElement>('routes');
  private readonly summary = byId('routes-summary');
  private readonly scale = byId('routes-scale');
  private readonly more = byId<HTMLButtonElement>('more-routes');

  constructor(private readonly handlers: RoutesListHandlers) {
    this.more.addEventListener('click', () => handlers.onMore());
    // ↑ and ↓ step between routes (Tab goes through them too).
    this.el.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const picks = [...this.el.querySelectorAll<HTMLButtonElement>('button.route-pick')];
      const at = picks.indexOf(document.activeElement as HTMLButtonElement);
      if (at < 0) return;
      event.preventDefault();
      picks[Math.min(picks.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    });
  }

  /** Shows a message instead of routes (no query yet, loading, no route). */
  message(text: string): void {
    this.summary.textContent = text;
    this.scale.textContent = '';
    this.more.hidden = true;
    this.el.dataset.count = '0';
    replaceChildren(this.el);
  }

  /** Marks the selected route in place (keeps keyboard focus where it is). */
  mark(selected: number): void {
    for (const li of this.el.querySelectorAll<HTMLLIElement>(':scope > li.route')) {
      const on = Number(li.dataset.index) === selected;
      li.classList.toggle('selected', on);
      li.querySelector('.route-pick')?.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    this.el.dataset.selected = this.el.querySelector<HTMLLIElement>(':scope > li.route.selected')?.dataset.route ?? '';
  }

  /**
   * Shows the routes loaded so far with one selected; `window` names the years TIV counts ("2022–2024"), `loading`
   * disables the more button while the next page loads.
   */
  show(routes: readonly Route[], count: RouteCount & { readonly hasNextPage: boolean }, selected: number, window: string, loading = false): void {
    const n = routes.length;
    this.summary.textContent = n === 0 ? 'No route matches these controls.' : routeCountText(count);
    const max = maxHopTiv(routes);
    this.scale.textContent =
      n === 0 ? '' : max > 0 ? `Bars: TIV delivered${window ? ` in ${window}` : ''} per hop, relative to the largest hop listed (${tivFigure(max)} m).` : 'No hop listed has SIPRI TIV: no bars.';
    this.more.hidden = !count.hasNextPage;
    this.more.disabled = loading;
    this.more.textContent = loading ? 'Loading more routes…' : `More routes (${n.toLocaleString('en-US')} of ${count.complete ? '' : 'at least '}${count.totalCount.toLocaleString('en-US')} listed)`;
    this.el.dataset.count = String(n);
    replaceChildren(this.el, routes.map((route, index) => this.item(route, index, index === selected, max)));
    this.el.dataset.selected = routes[selected]?.id ?? '';
  }

  /**
   * Scrolls the list (not the page) so the selected route shows, a route or two above it: a shared URL may select
   * one far down the list.
   */
  reveal(): void {
    const li = this.el.querySelector<HTMLLIElement>(':scope > li.route.selected');
    const pane = this.el.closest<HTMLElement>('.routes-scroll');
    if (li === null || pane === null || pane.scrollHeight <= pane.clientHeight) return;
    const item = li.getBoundingClientRect();
    const box = pane.getBoundingClientRect();
    if (item.top >= box.top && item.bottom <= box.bottom) return;
    const above = (li.previousElementSibling?.previousElementSibling ?? li) as HTMLElement;
    pane.scrollTop = above.offsetTop;
  }

  private item(route: Route, index: number, selected: boolean, max: number): HTMLLIElement {
    const weakest = weakestHop(route);
    const bars = route.hops.map((hop, i) => {
      const bar = h('span', { class: 'bar' });
      bar.style.width = `${(barFraction(hop.tiv, max) * 100).toFixed(2)}%`;
      return h(
        'span',
        { class: `hop-cell${i === weakest && route.hops.length > 1 ? ' weakest' : ''}${hop.tiv == null ? ' no-tiv' : ''}`, title: hopEvidenceText(hop) },
        h('span', { class: 'visually-hidden' }, `${hop.from.name} → ${hop.to.name}: `),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar),
        h('span', { class: 'hop-tiv' }, hop.tiv == null ? 'no TIV' : `${tivFigure(hop.tiv)} m`),
      );
    });
    return h(
      'li',
      { class: selected ? 'route selected' : 'route', 'data-index': index, 'data-route': route.id },
      h(
        'button',
        { type: 'button', class: 'route-pick', 'aria-pressed': selected ? 'true' : 'false', 'data-route': route.id, onclick: () => this.handlers.onRoute(index) },
        h(
          'span',
          { class: 'route-head' },
          h('span', { class: 'route-rank' }, `${index + 1}.`),
          h('span', { class: 'route-actors' }, route.actors.map((a) => a.name).join(' → ')),
          h('span', { class: 'route-deals' }, `${route.hops.map((hop) => hop.deals.toLocaleString('en-US')).join(' + ')} deal${route.hops.length === 1 && route.hops[0]!.deals === 1 ? '' : 's'}`),
        ),
        max > 0 ? h('span', { class: `route-bars hops-${route.hops.length}` }, bars) : null,
        route.checks.length === 0
          ? null
          : h(
              'span',
              { class: 'route-checks' },
              route.checks.map((c) =>
                h('span', { class: `route-rule effect-${c.effect.toLowerCase().replace(/_/g, '-')}` }, `${EFFECT_TEXT[c.effect]} (${c.hop === null ? 'direct route' : `hop ${c.hop + 1}`})`),
              ),
            ),
      ),
    );
  }
}
