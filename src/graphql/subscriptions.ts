// Subscriptions over a WebSocket (graphql-ws, the graphql-transport-ws protocol) on the HTTP server's /graphql:
// the change feed of claims. Only subscriptions go this way; queries and mutations stay on HTTP, where the write
// access checks, limits and CSRF prevention are.
import type { IncomingHttpHeaders, Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal } from '../auth/index.js';
import type { GraphQLContext } from './context.js';
import { depthLimitRule } from './depth-limit.js';
import { DEFAULT_MAX_DEPTH } from './apollo.js';
import { DEFAULT_MAX_ALIASES, maxAliasesRule } from './max-aliases.js';

/** Options of {@link serveSubscriptions}. */
export interface SubscriptionOptions {
  readonly server: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  /**
   * Who connects, from the upgrade request's headers or the connection's `authorization` parameter (a browser
   * cannot set headers on a WebSocket); undefined refuses the connection (the client sees close code 4403).
   */
  readonly authenticate: (headers: IncomingHttpHeaders, authorization: string | undefined) => Principal | undefined;
  /** The context of an operation, for the principal that connected. */
  readonly context: (principal: Principal) => GraphQLContext;
}

/** Serves subscriptions on `path`; other upgrade requests are refused. Returns what closes them all. */
export function serveSubscriptions(options: SubscriptionOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true });
  const upgrade = (request: Parameters<WebSocketServer['handleUpgrade']>[0], socket: Parameters<WebSocketServer['handleUpgrade']>[1], head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== options.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.server.on('upgrade', upgrade);
  const principals = new WeakMap<WebSocket, Principal>();
  const rules = [...specifiedRules, depthLimitRule(DEFAULT_MAX_DEPTH), maxAliasesRule(DEFAULT_MAX_ALIASES)];
  const server = useServer(
    {
      schema: options.schema,
      onConnect: (ctx) => {
        const given = ctx.connectionParams?.authorization;
        const principal = options.authenticate(ctx.extra.request.headers, typeof given === 'string' ? given : undefined);
        if (principal === undefined) return false;
        principals.set(ctx.extra.socket, principal);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions go over the WebSocket; send queries and mutations over HTTP (POST /graphql).', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors;
        return {
          schema: options.schema,
          document,
          variableValues: payload.variables ?? {},
          operationName: payload.operationName ?? null,
          contextValue: options.context(principals.get(ctx.extra.socket)!),
        };
      },
    },
    wss,
  );
  return {
    async close() {
      options.server.off('upgrade', upgrade);
      await server.dispose();
      wss.close();
    },
  };
}
