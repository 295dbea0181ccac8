// The timeline view: vis-timeline draws the items in lanes; each item is a button, so the keyboard reaches it.
import { DataSet } from 'vis-data/peer/esm/vis-data.js';
import { Timeline, type DataGroup, type DataItem } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { escapeHtml, h } from '../dom.js';
import { TIMELINE_GROUPS, type TimelineItem, type TimelineLane } from './timeline-items.js';

/** What the view reports back. */
export interface TimelineViewHandlers {
  /** The user selected an item (undefined: cleared the selection). */
  onSelect(item: TimelineItem | undefined): void;
}

/**
 * Stacking order within a lane: earlier first, then heavier (most TIV on top of its year), then by id. Start order
 * comes first because vis-timeline's stacking mis-handles an item placed after later-starting ones.
 */
function stackOrder(a: DataItem, b: DataItem): number {
  const weight = (i: DataItem) => Number((i as { weight?: number }).weight ?? 0);
  const start = (i: DataItem) => new Date(i.start as string).getTime();
  return start(a) - start(b) || weight(b) - weight(a) || String(a.id).localeCompare(String(b.id));
}

/**
 * Draws timeline items; selection can be set from outside without echoing back. Items are buttons (Tab reaches
 * the ones in view; Enter or Space selects; ← and → step to the previous or next item in time, panning to it).
 */
export class TimelineView {
  private readonly items = new DataSet<DataItem, 'id'>();
  private readonly groups = new DataSet<DataGroup, 'id'>();
  private readonly timeline: Timeline;
  private byId = new Map<string, TimelineItem>();
  /** Item ids in time order (for ← and →). */
  private order: string[] = [];

  constructor(private readonly container: HTMLElement, private readonly handlers: TimelineViewHandlers) {
    this.groups.add(TIMELINE_GROUPS.map((g, i) => ({ id: g.id, content: g.content, order: i })));
    this.timeline = new Timeline(container, this.items, this.groups, {
      stack: true,
      groupOrder: 'order',
      order: stackOrder,
      orientation: { axis: 'top', item: 'top' },
      verticalScroll: true,
      zoomKey: 'ctrlKey',
      height: '100%',
      // No horizontal margin: a deal's delivery years sit side by side in one row.
      margin: { item: { horizontal: 0, vertical: 3 }, axis: 4 },
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      tooltip: { followMouse: true, overflowMethod: 'cap' },
      // Items as elements: a button each (text set as text, never parsed).
      template: (item: DataItem) => this.content(String(item.id)),
    });
    // The lane labels scroll with the lanes: focusable, so the keyboard can scroll them too (↑ ↓).
    const lanes = container.querySelector<HTMLElement>('.vis-panel.vis-left');
    if (lanes !== null) {
      lanes.tabIndex = 0;
      lanes.setAttribute('role', 'group');
      lanes.setAttribute('aria-label', 'Timeline lanes: ↑ and ↓ scroll them');
    }
    // Focusing an item below the fold makes the browser scroll the items' panel itself, which vis-timeline does not
    // follow (its lane labels would no longer match): hand that scroll to the lane labels, which vis-timeline syncs.
    const center = container.querySelector<HTMLElement>('.vis-panel.vis-center');
    if (center !== null && lanes !== null) {
      center.addEventListener('scroll', () => {
        const down = center.scrollTop;
        if (center.scrollLeft !== 0) center.scrollLeft = 0;
        if (down === 0) return;
        center.scrollTop = 0;
        lanes.scrollTop += down;
      });
    }
    this.timeline.on('select', (props?: { items?: (string | number)[] }) => {
      const id = props?.items?.[0];
      this.container.dataset.selected = (props?.items ?? []).join(',');
      handlers.onSelect(id === undefined ? undefined : this.byId.get(String(id)));
    });
    // A click with detail 0 comes from the keyboard (Enter, Space): vis-timeline handles pointer clicks itself.
    container.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button.tl-item');
      if (button === null || event.detail !== 0) return;
      this.activate(button.dataset.id ?? '');
    });
    container.addEventListener('keydown', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button.tl-item');
      if (button === null || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
      event.preventDefault();
      const at = this.order.indexOf(button.dataset.id ?? '');
      const next = this.order[at + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next !== undefined) this.focusItem(next);
    });
  }

  private content(id: string): HTMLElement {
    const item = this.byId.get(id);
    if (item === undefined) return h('span', {}, '');
    return h(
      'button',
      { type: 'button', class: 'tl-item', 'data-id': id, 'aria-label': `${item.text}. ${item.title.replace(/\n/g, '; ')}` },
      item.text,
    );
  }

  private activate(id: string): void {
    const item = this.byId.get(id);
    if (item === undefined) return;
    this.timeline.setSelection([id]);
    this.container.dataset.selected = id;
    this.handlers.onSelect(item);
  }

  /** Moves keyboard focus to an item, panning the timeline to it first when it is out of view. */
  private focusItem(id: string): void {
    const find = () => this.container.querySelector<HTMLButtonElement>(`button.tl-item[data-id="${CSS.escape(id)}"]`);
    const visible = find();
    if (visible !== null) {
      visible.focus();
      return;
    }
    this.timeline.focus(id, { animation: false, zoom: false });
    requestAnimationFrame(() => find()?.focus());
  }

  /** Replaces the lanes and items and shows the window `visible` ({start, end} as days). Empty lanes are left out. */
  show(items: readonly TimelineItem[], visible: { start: string; end: string }, lanes: readonly TimelineLane[] = TIMELINE_GROUPS, keep: readonly string[] = []): void {
    this.byId = new Map(items.map((i) => [i.id, i]));
    this.order = [...items].sort((a, b) => a.start.localeCompare(b.start) || a.group.localeCompare(b.group) || a.id.localeCompare(b.id)).map((i) => i.id);
    const used = new Set(items.map((i) => i.group));
    const shown = lanes.filter((l) => used.has(l.id) || keep.includes(l.id));
    this.items.clear();
    this.groups.clear();
    this.groups.add(shown.map((l, i) => ({ id: l.id, content: escapeHtml(l.content), order: i })));
    this.items.add(
      items.map((i) => ({
        id: i.id,
        group: i.group,
        start: i.start,
        ...(i.end !== undefined && { end: i.end }),
        type: i.type,
        className: i.className,
        title: escapeHtml(i.title).replace(/\n/g, '<br>'),
        content: escapeHtml(i.text),
        weight: i.weight,
      })),
    );
    this.timeline.setWindow(visible.start, visible.end, { animation: false });
    this.container.dataset.items = String(items.length);
    this.container.dataset.lanes = shown.map((l) => l.id).join(',');
    this.container.dataset.selected = '';
    for (const key of ['route', 'deals', 'deliveries']) delete this.container.dataset[key];
  }

  /** Describes what is drawn on the container (data-*), for tests and tools. */
  annotate(data: Record<string, string>): void {
    Object.assign(this.container.dataset, data);
  }

  /** Items matching a predicate (for selecting what concerns an actor or a transfer). */
  find(predicate: (item: TimelineItem) => boolean): TimelineItem[] {
    return [...this.byId.values()].filter(predicate);
  }

  /** Selects items without reporting it back; `focus` scrolls the first into view. */
  select(ids: readonly string[], focus: boolean): void {
    const present = ids.filter((id) => this.byId.has(id));
    this.timeline.setSelection(present);
    if (focus && present.length > 0) this.timeline.focus(present, { animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
    this.container.dataset.selected = present.join(',');
  }

  /** Draws again to the container's size (after the container was hidden). */
  redraw(): void {
    this.timeline.redraw();
  }

  /** Frees the timeline. */
  destroy(): void {
    this.timeline.destroy();
  }
}
