// The fields of a claim form: labelled controls with a help line and a line for the API's issues, tied together
// for screen readers (aria-describedby, aria-invalid), and the issues shown by field.
import { gql } from '../api/client.js';
import { SEARCH_QUERY } from '../api/queries.js';
import { h, replaceChildren } from '../dom.js';

/** A form control. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Milliseconds of quiet typing before the actor and system suggestions are asked for. */
const SUGGEST_DEBOUNCE_MS = 250;

/** Enum values as words ("LICENSED_PRODUCTION_RETURN" → "licensed production return"). */
const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/** Builds and reads the fields named `F`, each control with the id `claim-<name>`. */
export class FormFields<F extends string> {
  private readonly controls = new Map<F, Control>();
  private readonly errors = new Map<F, HTMLElement>();
  /** The suggestion lists of inputs that have one, placed after their input by field(). */
  private readonly lists = new Map<Control, HTMLDataListElement>();

  /** A field's control. */
  control(name: F): Control {
    const control = this.controls.get(name);
    if (control === undefined) throw new Error(`claims: no field ${name}`);
    return control;
  }

  /** A field's value as typed. */
  value(name: F): string {
    return this.control(name).value;
  }

  /** Sets a field's value (a correction fills the form with the fact as it stands). */
  set(name: F, value: string): void {
    this.control(name).value = value;
  }

  /**
   * A label, its control, a help line (or a live line such as the quote check) and the line for the API's issues.
   * Editing the control clears its issues.
   */
  field(name: F, label: string, control: Control, help?: string | HTMLElement): HTMLElement {
    const error = h('p', { id: `claim-${name}-error`, class: 'field-error', hidden: true });
    this.errors.set(name, error);
    const helper = typeof help === 'string' ? h('p', { id: `claim-${name}-help`, class: 'help' }, help) : help;
    control.setAttribute('aria-describedby', [helper?.id, error.id].filter(Boolean).join(' '));
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      error.hidden = true;
      control.removeAttribute('aria-invalid');
    });
    return h('div', { class: 'field', 'data-field': name }, h('label', { for: control.id }, label), control, this.lists.get(control), helper, error);
  }

  /** A text input. */
  input(name: F, attrs: Record<string, string> = {}): HTMLInputElement {
    return this.keep(name, h('input', { id: `claim-${name}`, name, autocomplete: 'off', spellcheck: 'false', ...attrs }));
  }

  /** A text area. */
  textarea(name: F, rows: number): HTMLTextAreaElement {
    return this.keep(name, h('textarea', { id: `claim-${name}`, name, rows }));
  }

  /** A select of enum values, shown as words. */
  select(name: F, values: readonly string[], selected: string): HTMLSelectElement {
    return this.keep(name, h('select', { id: `claim-${name}`, name }, values.map((v) => h('option', { value: v, selected: v === selected }, words(v)))));
  }

  /**
   * An input whose suggestions (names of one type) come from `search` as it is typed; `list`: the input takes a
   * comma-separated list, and the last item is the one suggested for.
   */
  suggested(name: F, type: 'ACTOR' | 'WEAPON_SYSTEM', placeholder: string, list = false): HTMLInputElement {
    const options = h('datalist', { id: `claim-${name}-list` });
    const el = this.input(name, { list: options.id, placeholder });
    let timer: ReturnType<typeof setTimeout> | undefined;
    el.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const parts = el.value.split(',');
        const text = (list ? parts.at(-1) ?? '' : el.value).trim();
        const before = list ? parts.slice(0, -1).map((p) => `${p.trim()}, `).join('') : '';
        if (text.length < 2) return;
        gql(SEARCH_QUERY, { text, first: 12 }).then(
          ({ search }) => replaceChildren(options, search.filter((hit) => hit.type === type).map((hit) => h('option', { value: `${before}${hit.name}` }, hit.node.id))),
          () => undefined, // suggestions only: the claim itself reports unknown names
        );
      }, SUGGEST_DEBOUNCE_MS);
    });
    this.lists.set(el, options);
    return el;
  }

  /** Shows each field's issues under it (the first such field focused), the rest in `general`. */
  showIssues(byField: ReadonlyMap<F | 'form', readonly string[]>, general: HTMLElement): void {
    let first: Control | undefined;
    for (const [field, error] of this.errors) {
      const messages = byField.get(field) ?? [];
      error.hidden = messages.length === 0;
      error.textContent = messages.join(' · ');
      const control = this.control(field);
      if (messages.length > 0) {
        control.setAttribute('aria-invalid', 'true');
        first ??= control;
      } else control.removeAttribute('aria-invalid');
    }
    general.textContent = (byField.get('form') ?? []).join(' · ');
    first?.focus();
  }

  private keep<T extends Control>(name: F, control: T): T {
    this.controls.set(name, control);
    return control;
  }
}
