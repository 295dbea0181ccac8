// Pieces of the details panel shared by every kind of node: fact tables, notes, inferred fields, citations.
import type { Citation } from '../api/types.js';
import { h, type Child } from '../dom.js';
import { isSafeUrl } from '../format.js';

/** One fact: a label and its value. */
export type Row = readonly [string, Child];

/** Facts as a definition list (rows left out when undefined). */
export function table(rows: readonly (Row | undefined)[]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.filter((r): r is Row => r !== undefined).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

/** A note, when there is one. */
export function note(text: string | null): Child {
  return text ? h('p', { class: 'note' }, text) : null;
}

/** The fields a source implies rather than states. */
export function inferred(fields: readonly string[]): Row | undefined {
  return fields.length ? ['Inferred', `${fields.join(', ')} (implied by the source, not stated)`] : undefined;
}

/** Every citation: its quote, note and source (linked when its URL is http or https). */
export function citations(citations: readonly Citation[]): Child {
  return h(
    'section',
    { class: 'citations' },
    h('h4', {}, `Citations (${citations.length})`),
    h(
      'ol',
      {},
      citations.map((c) =>
        h(
          'li',
          { class: 'citation' },
          c.quote ? h('blockquote', {}, c.quote) : null,
          c.note ? h('p', { class: 'note' }, c.note) : null,
          h(
            'p',
            { class: 'source' },
            '— ',
            isSafeUrl(c.source.url) ? h('a', { href: c.source.url, rel: 'noopener noreferrer', target: '_blank' }, c.source.title) : h('cite', {}, c.source.title),
            `, ${c.source.publisher}`,
            c.source.publishedAt.edtf ? `, ${c.source.publishedAt.edtf}` : '',
            c.locator ? ` (${c.locator})` : '',
          ),
        ),
      ),
    ),
  );
}
