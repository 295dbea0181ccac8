// The dashboard's two views, routes and graph or trends: the links that switch them, which panes show, the history.
import type { App } from './App.js';
import { byId } from './dom.js';
import { parseViewState } from './state/view-state.js';
import { DEFAULT_TRENDS, pageViewOf, parseTrendsState, trendsStateToSearch, type PageView, type TrendsState } from './trends/trends-state.js';
import type { TrendsView } from './trends/TrendsView.js';

/** The panes of the graph view. */
const GRAPH_PANES = ['.controls-pane', '.graph-pane', '.side-pane', '.timeline-pane'];

/** A click that follows the link in this tab (not a new tab or window: those load the link's URL). */
const plainClick = (event: MouseEvent) => event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

/** Switches between the graph view (the App) and the Trends view (loaded on first use), keeping the URL in step. */
export class ViewSwitch {
  private view: PageView = 'graph';
  private trends: Promise<TrendsView> | undefined;
  private trendsState: TrendsState = DEFAULT_TRENDS;
  private readonly root = byId('app');
  private readonly graphLink = byId<HTMLAnchorElement>('view-graph');
  private readonly trendsLink = byId<HTMLAnchorElement>('view-trends');

  constructor(private readonly app: App) {
    this.graphLink.addEventListener('click', (event) => {
      if (!plainClick(event)) return;
      event.preventDefault();
      this.toGraph();
    });
    this.trendsLink.addEventListener('click', (event) => {
      if (!plainClick(event)) return;
      event.preventDefault();
      if (this.view !== 'trends') this.toTrends(this.trendsState, 'push');
    });
    app.onUrl = (search) => {
      this.graphLink.href = `${window.location.pathname}${search}`;
    };
    window.addEventListener('popstate', () => this.follow(window.location.search));
  }

  /** Shows the view the URL names. */
  start(): void {
    const search = window.location.search;
    const trends = pageViewOf(search) === 'trends';
    this.app.start(!trends);
    if (trends) this.toTrends(parseTrendsState(search), 'none');
    this.trendsLink.href = `${window.location.pathname}${trendsStateToSearch(this.trendsState)}`;
  }

  /** Back or forward: the view and state of the URL. */
  private follow(search: string): void {
    if (pageViewOf(search) === 'trends') {
      this.toTrends(parseTrendsState(search), 'none');
      return;
    }
    this.display('graph');
    this.app.activate(false);
    this.app.restore(parseViewState(search));
  }

  /** The graph view as it was left (or its URL's query, or the story, when it was never shown). */
  private toGraph(): void {
    if (this.view === 'graph') return;
    window.history.pushState(null, '', `${window.location.pathname}${this.app.search}`);
    this.display('graph');
    this.app.activate(true);
  }

  /** An actor from a Trends bar, selected in the graph view. */
  private toActor(id: string): void {
    this.display('graph');
    this.app.activate(false);
    this.app.showActor(id);
    // The bar that had the focus is gone: the details of the selection are next.
    byId('details-title').focus({ preventScroll: true });
  }

  private toTrends(state: TrendsState, history: 'push' | 'none'): void {
    if (this.view === 'graph') this.graphLink.href = `${window.location.pathname}${this.app.search}`;
    this.setTrendsState(state, history);
    this.app.deactivate();
    this.display('trends');
    this.trends ??= import('./trends/TrendsView.js').then(
      ({ TrendsView }) => new TrendsView({ onActor: (id) => this.toActor(id), onState: (next) => this.setTrendsState(next, 'push') }),
    );
    this.trends.then(
      (view) => {
        if (this.view === 'trends') view.show(this.trendsState);
      },
      (error: unknown) => {
        this.trends = undefined;
        byId('trends-status').textContent = `The Trends view failed to load: ${error instanceof Error ? error.message : String(error)}`;
        this.root.querySelector('#trends')?.setAttribute('data-state', 'error');
      },
    );
  }

  private setTrendsState(state: TrendsState, history: 'push' | 'none'): void {
    this.trendsState = state;
    const search = trendsStateToSearch(state);
    this.trendsLink.href = `${window.location.pathname}${search}`;
    if (history === 'push' && search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
  }

  /** Shows one view's panes and marks its link as the current page. */
  private display(view: PageView): void {
    this.view = view;
    this.root.dataset.view = view;
    for (const selector of GRAPH_PANES) this.root.querySelector<HTMLElement>(selector)!.hidden = view !== 'graph';
    byId('trends').hidden = view !== 'trends';
    for (const [link, on] of [[this.graphLink, view === 'graph'], [this.trendsLink, view === 'trends']] as const) {
      if (on) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }
}
