// The list of paths: each path a selectable item with its hops (selectable) and the rules bearing on it.
import type { Path, PathCheck } from '../api/types.js';
import { byId, h, replaceChildren } from '../dom.js';
import { hopLabel } from '../format.js';
import { pathActors } from '../graph/graph-model.js';

/** What the list reports back. */
export interface PathsListHandlers {
  onPath(index: number): void;
  onTransfer(id: string, pathIndex: number): void;
  onRestriction(id: string): void;
}

const EFFECT_TEXT: Record<PathCheck['effect'], string> = {
  ALLOWED: 'allowed',
  PROHIBITED: 'prohibited',
  REQUIRES_CONSENT: 'requires consent',
};

/** Renders paths into #paths. */
export class PathsList {
  private readonly el = byId<HTMLOListElement>('paths');
  private readonly summary = byId('paths-summary');

  constructor(private readonly handlers: PathsListHandlers) {}

  /** Shows a message instead of paths (no query yet, loading, no path). */
  message(text: string): void {
    this.summary.textContent = text;
    replaceChildren(this.el);
  }

  /** Marks the selected path and hop in place (keeps keyboard focus where it is). */
  mark(selected: number, selectedTransfer: string): void {
    for (const li of this.el.querySelectorAll<HTMLLIElement>(':scope > li.path')) {
      const on = Number(li.dataset.index) === selected;
      li.classList.toggle('selected', on);
      li.querySelector('.path-pick')?.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    for (const hop of this.el.querySelectorAll<HTMLButtonElement>('button.hop')) {
      if (hop.dataset.transfer === selectedTransfer) hop.setAttribute('aria-current', 'true');
      else hop.removeAttribute('aria-current');
    }
  }

  /** Shows the paths with one selected (and a selected hop's transfer, if any). */
  show(paths: readonly Path[], truncated: boolean, selected: number, selectedTransfer: string): void {
    const n = paths.length;
    this.summary.textContent =
      n === 0 ? 'No path matches these controls.' : `${n}${truncated ? '+' : ''} path${n === 1 ? '' : 's'}${truncated ? ' (more exist: narrow the controls)' : ''}`;
    const names = new Map<string, string>();
    for (const p of paths) for (const hop of p.hops) names.set(hop.from.id, hop.from.name).set(hop.to.id, hop.to.name);
    replaceChildren(
      this.el,
      paths.map((path, index) => {
        const route = pathActors(path).map((id) => names.get(id) ?? id).join(' → ');
        return h(
          'li',
          { class: index === selected ? 'path selected' : 'path', 'data-index': index },
          h(
            'button',
            { type: 'button', class: 'path-pick', 'aria-pressed': index === selected ? 'true' : 'false', onclick: () => this.handlers.onPath(index) },
            h('span', { class: 'path-route' }, route),
            h('span', { class: 'path-meta' }, ` ${path.length} hop${path.length === 1 ? '' : 's'} · departs ${path.departs.edtf} · arrives ${path.arrives.edtf}`),
          ),
          h(
            'ol',
            { class: 'hops' },
            path.hops.map((hop) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'hop',
                    'data-transfer': hop.transfer.id,
                    'aria-current': hop.transfer.id === selectedTransfer ? 'true' : undefined,
                    onclick: () => this.handlers.onTransfer(hop.transfer.id, index),
                  },
                  h(
                    'span',
                    { class: 'hop-route' },
                    `${hop.from.name} → ${hop.to.name}`,
                    h('span', { class: 'hop-kind' }, ` · ${hop.transfer.kind.toLowerCase()}${hop.via === 'BACKFILL' ? ' · via backfill link' : ''}`),
                  ),
                  h('span', { class: 'hop-label' }, hopLabel(hop.transfer.system.name, hop.transfer.status, hop.transfer.date.edtf)),
                ),
              ),
            ),
          ),
          path.checks.length === 0
            ? h('p', { class: 'checks-none' }, 'No rule bears on this path.')
            : h(
                'ul',
                { class: 'checks', 'aria-label': 'Rules bearing on this path' },
                path.checks.map((c) =>
                  h(
                    'li',
                    { class: `check effect-${c.effect.toLowerCase().replace(/_/g, '-')}` },
                    h('strong', {}, EFFECT_TEXT[c.effect]),
                    ` (${c.hop === null ? 'direct route' : `hop ${c.hop + 1}`}): ${c.message} `,
                    h('button', { type: 'button', class: 'link', 'data-restriction': c.restriction.id, onclick: () => this.handlers.onRestriction(c.restriction.id) }, c.restriction.title),
                  ),
                ),
              ),
        );
      }),
    );
  }
}
