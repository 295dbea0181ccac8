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
    // Only the current client reports: one being disposed still calls back (its subscription errors, it closes).
    const state = (value: FeedState, detail?: string) => {
      if (this.client === client) this.handlers.onState(value, detail);
    };
    const client: Client = createClient({
      url: feedUrl(window.location),
      connectionParams: token !== undefined ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      // A refusal the client gives up on (not console.error, graphql-ws's default): the page's state says it.
      onNonLazyError: (error) => state('error', describe(error)),
      on: {
        connected: () => state('live'),
        closed: (event) => state('closed', describe(event)),
      },
    });
    this.client = client;
    this.unsubscribe = client.subscribe<{ changes: ClaimOutcome }>(
      { query: CHANGES_SUBSCRIPTION.toString() },
      {
        next: (message) => {
          if (this.client === client && message.data?.changes) this.handlers.onClaim(message.data.changes);
        },
        // Refused (a server that takes no writes has no feed): no use keeping the socket open; a sign-in tries again.
        error: (error) => {
          state('error', describe(error));
          if (this.client === client) this.close();
        },
        complete: () => undefined,
      },
    );
  }

  /** Ends the subscription and the connection. */
  close(): void {
    this.unsubscribe?.();
    // A connection the server refused (4403 without an accepted token) rejects its disposal too: nothing to do.
    if (this.client !== undefined) Promise.resolve(this.client.dispose()).catch(() => undefined);
    this.unsubscribe = undefined;
    this.client = undefined;
  }
}

/** An error or close event of the feed in words. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  // A subscription the server refused: its GraphQL errors.
  if (Array.isArray(error)) return error.map((e: unknown) => (typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e))).join('; ');
  if (typeof error === 'object' && error !== null && 'code' in error) return `closed with ${String(error.code)} ${String((error as { reason?: unknown }).reason ?? '')}`.trim();
  return String(error);
}
