// Search by name or alias (debounced); each hit can become the start, the end, the system, or the selection.
import { gql } from '../api/client.js';
import { SEARCH_QUERY } from '../api/queries.js';
import type { SearchHit } from '../api/types.js';
import { byId, h, replaceChildren } from '../dom.js';

/** What a hit can be used for. */
export type SearchUse = 'from' | 'to' | 'system' | 'select';

/** Milliseconds of quiet typing before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** The search field and its result list. */
export class SearchBox {
  private readonly input = byId<HTMLInputElement>('search');
  private readonly results = byId<HTMLUListElement>('search-results');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AbortController | undefined;

  constructor(private readonly onUse: (use: SearchUse, id: string) => void, private readonly onError: (error: unknown) => void) {
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.clear();
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.results.querySelector<HTMLButtonElement>('button')?.focus();
      }
    });
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(this.input.value.trim()), SEARCH_DEBOUNCE_MS);
  }

  private async run(text: string): Promise<void> {
    this.pending?.abort();
    if (text.length < 2) {
      this.render([], text);
      return;
    }
    const controller = new AbortController();
    this.pending = controller;
    try {
      const data = await gql(SEARCH_QUERY, { text, first: 12 }, { signal: controller.signal });
      if (this.pending === controller) this.render(data.search, text);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) this.onError(error);
    }
  }

  private render(hits: readonly SearchHit[], text: string): void {
    this.results.dataset.query = text;
    if (hits.length === 0) {
      replaceChildren(this.results, text.length >= 2 ? h('li', { class: 'empty' }, `Nothing matches “${text}”.`) : null);
      return;
    }
    const use = (u: SearchUse, hit: SearchHit, label: string) =>
      h('button', { type: 'button', 'data-use': u, 'data-id': hit.node.id, 'aria-label': `${label}: ${hit.name}`, onclick: () => this.onUse(u, hit.node.id) }, label);
    replaceChildren(
      this.results,
      hits.map((hit) =>
        h(
          'li',
          { 'data-id': hit.node.id },
          h('span', { class: 'hit-name' }, hit.name),
          hit.matched !== hit.name ? h('span', { class: 'hit-alias' }, ` (“${hit.matched}”)`) : null,
          h('span', { class: 'hit-type' }, ` ${hit.type === 'WEAPON_SYSTEM' ? 'system' : hit.type.toLowerCase()} · ${hit.node.id}`),
          h(
            'span',
            { class: 'hit-actions' },
            hit.type === 'ACTOR' ? [use('from', hit, 'Start'), use('to', hit, 'End')] : null,
            hit.type === 'WEAPON_SYSTEM' ? use('system', hit, 'System') : null,
            use('select', hit, 'Details'),
          ),
        ),
      ),
    );
  }

  /** Empties the field and the results. */
  clear(): void {
    this.input.value = '';
    this.render([], '');
  }
}
