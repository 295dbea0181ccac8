// The timeline view: vis-timeline draws the entries in three lanes; selection is reported by entry.
import { DataSet } from 'vis-data/peer/esm/vis-data.js';
import { Timeline, type DataItem } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { escapeHtml } from '../dom.js';
import { TIMELINE_GROUPS, type TimelineItem } from './timeline-items.js';

/** What the view reports back. */
export interface TimelineViewHandlers {
  /** The user selected an item (undefined: cleared the selection). */
  onSelect(item: TimelineItem | undefined): void;
}

/** Draws timeline items; selection can be set from outside without echoing back. */
export class TimelineView {
  private readonly items = new DataSet<DataItem, 'id'>();
  private readonly timeline: Timeline;
  private byId = new Map<string, TimelineItem>();

  constructor(private readonly container: HTMLElement, handlers: TimelineViewHandlers) {
    const groups = new DataSet(TIMELINE_GROUPS.map((g, i) => ({ id: g.id, content: g.content, order: i })));
    this.timeline = new Timeline(container, this.items, groups, {
      stack: true,
      groupOrder: 'order',
      orientation: { axis: 'top', item: 'top' },
      verticalScroll: true,
      zoomKey: 'ctrlKey',
      height: '100%',
      margin: { item: { horizontal: 4, vertical: 4 }, axis: 4 },
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      tooltip: { followMouse: true, overflowMethod: 'cap' },
    });
    this.timeline.on('select', (props?: { items?: (string | number)[] }) => {
      const id = props?.items?.[0];
      handlers.onSelect(id === undefined ? undefined : this.byId.get(String(id)));
    });
  }

  /** Replaces the items and shows the window `visible` ({start, end} as days). */
  show(items: readonly TimelineItem[], visible: { start: string; end: string }): void {
    this.byId = new Map(items.map((i) => [i.id, i]));
    this.items.clear();
    this.items.add(
      items.map((i) => ({
        id: i.id,
        group: i.group,
        start: i.start,
        ...(i.end !== undefined && { end: i.end }),
        type: i.type,
        className: i.className,
        title: escapeHtml(i.title).replace(/\n/g, '<br>'),
        content: `<span class="item-text">${escapeHtml(i.text)}</span>`,
      })),
    );
    this.timeline.setWindow(visible.start, visible.end, { animation: false });
    this.container.dataset.items = String(items.length);
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

  /** Frees the timeline. */
  destroy(): void {
    this.timeline.destroy();
  }
}
