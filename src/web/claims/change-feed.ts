// The live change feed: the `changes` subscription over a WebSocket on the page's own origin (graphql-ws), opened
// again with the new token at each sign-in and sign-out.
import { createClient, type Client } from 'graphql-ws';
import { CHANGES_SUBSCRIPTION } from '../api/queries.js';
import type { ClaimOutcome } from '../api/types.js';
import { feedUrl } from './feed-url.js';

/** The state of the feed, for tests and the page (`data-feed`). */
export type FeedState = 'connecting' | 'live' | 'closed' | 'error';

/** What the feed reports. */
export interface ChangeFeedHandlers {
  onClaim(outcome: ClaimOutcome): void;
  onState(state: FeedState, detail?: string): void;
}

/** One subscription to `changes`, reconnecting on its own when the connection drops. */
export class ChangeFeed {
  private client: Client | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly handlers: ChangeFeedHandlers) {}

  /** (Re)connects, sending `token` in the connection's parameters (none: the anonymous reader). */
  connect(token: string | undefined): void {
    this.close();
    this.handlers.onState('connecting');
    const client = createClient({
      url: feedUrl(window.location),
      connectionParams: token !== undefined ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      on: {
        connected: () => this.handlers.onState('live'),
        closed: (event) => {
          if (this.client === client) this.handlers.onState('closed', (event as CloseEvent | undefined)?.reason);
        },
      },
    });
    this.client = client;
    this.unsubscribe = client.subscribe<{ changes: ClaimOutcome }>(
      { query: CHANGES_SUBSCRIPTION.toString() },
      {
        next: (message) => {
          if (message.data?.changes) this.handlers.onClaim(message.data.changes);
        },
        error: (error) => this.handlers.onState('error', error instanceof Error ? error.message : JSON.stringify(error)),
        complete: () => undefined,
      },
    );
  }

  /** Ends the subscription and the connection. */
  close(): void {
    this.unsubscribe?.();
    void this.client?.dispose();
    this.unsubscribe = undefined;
    this.client = undefined;
  }
}
