// The query controls: reads and writes the form fields as a ViewState.
import type { PathOrder } from '../api/types.js';
import { byId } from '../dom.js';
import { DEFAULT_MAX_HOPS, PATH_ORDERS, type ViewState } from '../state/view-state.js';

/** The form's fields. */
export class Controls {
  readonly form = byId<HTMLFormElement>('controls');
  private readonly from = byId<HTMLInputElement>('from');
  private readonly to = byId<HTMLInputElement>('to');
  private readonly system = byId<HTMLInputElement>('system');
  private readonly order = byId<HTMLSelectElement>('order');
  private readonly hops = byId<HTMLSelectElement>('hops');
  private readonly winFrom = byId<HTMLInputElement>('win-from');
  private readonly winTo = byId<HTMLInputElement>('win-to');

  /** Calls `onSubmit` when the form is submitted (button or Enter). */
  constructor(onSubmit: () => void) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit();
    });
  }

  /** The query part of the state, from the fields (selection left empty). */
  read(): Pick<ViewState, 'from' | 'to' | 'system' | 'order' | 'maxHops' | 'between'> {
    const order = this.order.value as PathOrder;
    return {
      from: this.from.value.trim(),
      to: this.to.value.trim(),
      system: this.system.value.trim(),
      order: PATH_ORDERS.includes(order) ? order : 'ANY',
      maxHops: Number(this.hops.value) || DEFAULT_MAX_HOPS,
      between: { from: this.winFrom.value.trim(), to: this.winTo.value.trim() },
    };
  }

  /** Fills the fields from a state. */
  write(state: ViewState): void {
    this.from.value = state.from;
    this.to.value = state.to;
    this.system.value = state.system;
    this.order.value = state.order;
    this.hops.value = String(state.maxHops);
    this.winFrom.value = state.between.from;
    this.winTo.value = state.between.to;
  }

  /** Sets one field (from a search result) and focuses it. */
  set(field: 'from' | 'to' | 'system', value: string): void {
    const input = field === 'from' ? this.from : field === 'to' ? this.to : this.system;
    input.value = value;
    input.focus();
  }

  /** Marks a field invalid (aria-invalid; the status line says why), or clears every mark. */
  invalid(field?: 'from' | 'to' | 'win-from' | 'win-to'): void {
    for (const input of [this.from, this.to, this.winFrom, this.winTo]) input.removeAttribute('aria-invalid');
    if (field !== undefined) byId<HTMLInputElement>(field).setAttribute('aria-invalid', 'true');
  }
}
