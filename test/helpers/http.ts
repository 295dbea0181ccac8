// Starts the real server on an ephemeral port for a store, and posts GraphQL to it over HTTP.
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { authConfig, type AuthConfig } from '../../src/auth/index.js';
import type { ClaimService } from '../../src/claims/index.js';
import { createServer } from '../../src/server.js';
import type { GraphStore } from '../../src/store/index.js';

export interface RunningServer {
  readonly url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  close(): Promise<void>;
}

/**
 * Serves `store` on 127.0.0.1 with a random port (and `claims`, the writes, when given); closing the server does
 * not close the store. Without `auth`:
 * anonymous reading, no tokens, and no rate limit (suites send hundreds of requests a minute from this address).
 */
export async function startServer(store: GraphStore, options: { maxBatch?: number; auth?: AuthConfig; claims?: ClaimService } = {}): Promise<RunningServer> {
  const keepOpen: GraphStore = new Proxy(store, {
    get: (target, prop, receiver) => (prop === 'close' ? async () => {} : Reflect.get(target, prop, receiver)),
  });
  const { app, shutdown } = await createServer({ store: keepOpen, logger: pino({ level: 'silent' }), auth: authConfig({ rateLimit: false }), ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    async gql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, ...(variables && { variables }) }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    close: shutdown,
  };
}
