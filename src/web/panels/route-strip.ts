// The selected route over the graph as buttons: its actors and hops, so the keyboard can select what the canvas draws.
import type { Route } from '../api/types.js';
import { byId, h, replaceChildren } from '../dom.js';
import { dealsText, tivFigure } from '../format.js';
import { edgeKey } from '../graph/graph-model.js';

/** What the strip reports back. */
export interface RouteStripHandlers {
  /** An actor of the route. */
  onActor(id: string): void;
  /** A hop of the route (1-based). */
  onHop(hop: number): void;
}

/** Renders #route-strip: Germany → [2 deals · 24.7 m TIV] → Czechia → … */
export class RouteStrip {
  private readonly el = byId('route-strip');

  constructor(private readonly handlers: RouteStripHandlers) {}

  /** Shows a route's actors and hops (undefined: hides the strip). */
  show(route: Route | undefined): void {
    this.el.hidden = route === undefined;
    this.el.dataset.route = route?.id ?? '';
    if (route === undefined) {
      replaceChildren(this.el);
      return;
    }
    const items: HTMLElement[] = [];
    route.actors.forEach((actor, i) => {
      items.push(h('li', {}, h('button', { type: 'button', class: 'strip-actor', 'data-id': actor.id, onclick: () => this.handlers.onActor(actor.id) }, actor.name)));
      const hop = route.hops[i];
      if (hop === undefined) return;
      const evidence = `${dealsText(hop.deals)}${hop.tiv == null ? '' : ` · ${tivFigure(hop.tiv)} m TIV`}`;
      items.push(
        h(
          'li',
          { class: 'strip-arrow' },
          h(
            'button',
            {
              type: 'button', class: 'strip-hop', 'data-hop': i + 1, 'data-edge': edgeKey(hop.from.id, hop.to.id),
              'aria-label': `Hop ${i + 1}, ${hop.from.name} to ${hop.to.name}: ${evidence}`, onclick: () => this.handlers.onHop(i + 1),
            },
            `→ ${evidence} →`,
          ),
        ),
      );
    });
    replaceChildren(this.el, h('span', { class: 'strip-title' }, 'Route'), h('ol', {}, items));
  }

  /** Marks what is selected: an actor by id, a hop by its edge key (aria-current). */
  mark(actor: string | undefined, edge: string | undefined): void {
    for (const button of this.el.querySelectorAll<HTMLButtonElement>('button')) {
      const on = (button.dataset.id !== undefined && button.dataset.id === actor) || (button.dataset.edge !== undefined && button.dataset.edge === edge);
      if (on) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }
}
