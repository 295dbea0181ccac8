// HTTP server: GraphQL (Apollo on Fastify), offline GraphiQL, health probes, tokens and rate limits, request logs, graceful shutdown.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import {
  ANONYMOUS, MemoryAuditLog, authenticate, loadAuthConfig, redactUrl, type AuditLog, type AuthConfig, type Principal,
} from './auth/index.js';
import { ArmsgraphError } from './domain/errors.js';
import { asParameterError, exportBaseName, exportFiles, exportGraph, exportInput, parseExportQuery } from './export/index.js';
import { ask } from './query/index.js';
import {
  GRAPHQL_CODES, batchRefusal, requestsWrite, createApollo, createContext, createSchema, errorLogPlugin, serveSubscriptions, type GraphQLContext,
} from './graphql/index.js';
import type { ClaimService } from './claims/index.js';
import type { Dataset } from './domain/model.js';
import type { GraphStore } from './store/index.js';

/** Most operations one batched HTTP request may carry. */
export const DEFAULT_MAX_BATCH = 10;

/** Server options; every field has a safe default. */
export interface ServerOptions {
  readonly store: GraphStore;
  readonly logger?: Logger;
  /** Stack traces in errors, verbose messages. Default: NODE_ENV === 'development'. */
  readonly development?: boolean;
  /** Introspection: on unless NODE_ENV=production, where GRAPHQL_INTROSPECTION=true turns it back on. */
  readonly introspection?: boolean;
  readonly maxBatch?: number;
  /** Largest request body in bytes. */
  readonly bodyLimit?: number;
  /** Directory of the built dashboard (default dist/web). */
  readonly webRoot?: string;
  /** Origins allowed to call the API from a browser (CORS). Default: env CORS_ORIGINS (comma-separated), else none. */
  readonly corsOrigins?: readonly string[];
  /** Longest GraphQL query text accepted, in bytes. Default 32 KiB. */
  readonly maxQueryBytes?: number;
  /** Time allowed to receive a whole request, in ms. Default: env REQUEST_TIMEOUT_MS, else 30 s. */
  readonly requestTimeoutMs?: number;
  /** Enables POST /admin/reload, which then requires `Authorization: Bearer <token>`. Default: env ADMIN_TOKEN. */
  readonly adminToken?: string;
  /** What /admin/reload loads into the store (the seeds, with SIPRI when configured). */
  readonly reload?: () => Promise<Dataset>;
  /**
   * API tokens, anonymous reading and the rate limit (docs/auth.md). Default: read from the environment at start
   * (ARMSGRAPH_TOKENS_FILE, ARMSGRAPH_TOKENS, ARMSGRAPH_ANONYMOUS_READ, ARMSGRAPH_RATE_LIMIT); a bad entry fails here.
   */
  readonly auth?: AuthConfig;
  /** Where writes are recorded. Default: a log in memory. */
  readonly audit?: AuditLog;
  /** Where analysts' claims are written (docs/claims.md); without it, mutations answer SERVICE_UNAVAILABLE. */
  readonly claims?: ClaimService;
  /** The executable schema. Default: the API's (schema/*.graphql); tests extend it. */
  readonly schema?: GraphQLSchema;
}

/** The header of read-your-writes across instances: a write's answer carries it, a later request may send it back. */
export const BOOKMARK_HEADER = 'armsgraph-bookmark';

/** Content-Security-Policy of every page: nothing but this origin, no inline scripts or styles, no framing. */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, string[]>> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};
/** GraphiQL sets inline styles on its editors, so its page alone allows them. */
const GRAPHIQL_CSP = { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };
/** Default longest GraphQL query text. */
export const DEFAULT_MAX_QUERY_BYTES = 32 * 1024;

/** Where `npm run build:web` puts the dashboard. */
export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');

const require_ = createRequire(import.meta.url);

/** The installed directory of a package (found from its entry point, since `exports` may hide its files). */
function packageDir(name: string): string {
  let dir = path.dirname(require_.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || !readFileSync(path.join(dir, 'package.json'), 'utf8').includes(`"name": "${name}"`)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the installed package ${name}`);
    dir = parent;
  }
  return dir;
}

const JS = 'text/javascript; charset=utf-8';
/** GraphiQL's assets, served from the installed packages so GraphiQL works offline. */
const GRAPHIQL_ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: JS },
  'graphiql.min.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css; charset=utf-8' },
  'react.production.min.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: JS },
  'react-dom.production.min.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: JS },
};

const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>armsgraph GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script src="/graphiql/init.js"></script>
</body>
</html>
`;

const GRAPHIQL_INIT = `// Starts GraphiQL against this server's /graphql endpoint.
const defaultQuery = \`# Transfer paths from Japan to Ukraine for Patriot, with the rules that bear on them
query PatriotPaths {
  transferPaths(from: "Japan", to: "Ukraine", options: { system: "Patriot" }) {
    truncated
    paths {
      hops { from { name } to { name } transfer { status kind date { edtf } } via }
      checks { effect message }
    }
  }
}
\`;
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: false }),
);
`;

/** Request log lines without credentials: the URL's token-like query parameters blanked (headers are never logged). */
function safeRequestLogs(logger: Logger): Logger {
  return logger.child({}, {
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
    },
  });
}

/** How a route answers errors: GraphQL's `{ errors: [...] }`, or /export's and /admin's `{ error: {...} }`. */
type ErrorShape = 'graphql' | 'plain';

/** Sends a refusal with its status, code and message in the route's error shape. */
function sendRefusal(reply: FastifyReply, status: number, code: string, message: string, shape: ErrorShape): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  const body = shape === 'graphql' ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } };
  return reply.code(status).type('application/json').send(JSON.stringify(body));
}

/** Creates the Fastify app with every route; call `app.listen()` to serve. */
export async function createServer(options: ServerOptions): Promise<{ app: FastifyInstance; shutdown: (graceMs?: number) => Promise<void> }> {
  const env = process.env.NODE_ENV;
  const development = options.development ?? env === 'development';
  const introspection =
    options.introspection ?? (process.env.GRAPHQL_INTROSPECTION !== undefined ? process.env.GRAPHQL_INTROSPECTION === 'true' : env !== 'production');
  const logger =
    options.logger ??
    pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.password', '*.token'] });
  // Read before anything listens: a bad token file or variable stops the start, never a request.
  const auth = options.auth ?? (await loadAuthConfig());
  const audit = options.audit ?? new MemoryAuditLog();
  const app = Fastify({
    loggerInstance: safeRequestLogs(logger) as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestTimeout: options.requestTimeoutMs ?? Number(process.env.REQUEST_TIMEOUT_MS ?? 30_000),
    return503OnClosing: true,
  });
  // Security headers from helmet, each middleware built once (@fastify/helmet rebuilt it on every request: ~3 % of
  // a GraphQL request's CPU). GraphiQL's page alone gets a CSP that allows its inline styles.
  const securityHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY }, crossOriginEmbedderPolicy: false });
  const graphiqlHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: GRAPHIQL_CSP }, crossOriginEmbedderPolicy: false });
  app.addHook('onRequest', (request, reply, done) => {
    const headers = (request.routeOptions.config as { graphiql?: boolean }).graphiql === true ? graphiqlHeaders : securityHeaders;
    headers(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  const corsOrigins = options.corsOrigins ?? (process.env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  if (corsOrigins.length > 0) await app.register(fastifyCors, { origin: [...corsOrigins], methods: ['GET', 'POST', 'OPTIONS'], exposedHeaders: [BOOKMARK_HEADER] });
  const schema = options.schema ?? createSchema();
  const apollo = createApollo({ development, introspection, plugins: [errorLogPlugin<GraphQLContext>(logger)], schema });
  await apollo.start();
  // The change feed: subscriptions over a WebSocket on /graphql, for the same principals.
  const subscriptions = serveSubscriptions({
    server: app.server,
    path: '/graphql',
    schema,
    authenticate: (headers, authorization) => {
      const who = authenticate(auth, { headers: authorization !== undefined ? { ...headers, authorization } : headers, query: {} });
      return who.ok ? who.principal : undefined;
    },
    context: (principal) => createContext(options.store, { principal, audit, claims: options.claims }),
  });

  // Who is asking, per request (set by `guard`, read by the GraphQL context), and each caller's requests a minute.
  const principals = new WeakMap<FastifyRequest, Principal>();
  await app.register(fastifyRateLimit, { global: false });
  const limit = auth.rateLimit;
  const rateLimited = limit
    ? app.createRateLimit({
        timeWindow: 60_000,
        keyGenerator: (request) => {
          const principal = principals.get(request) ?? ANONYMOUS;
          return principal.anonymous ? `address:${request.ip}` : `token:${principal.name}`;
        },
        max: (_, key) => (key.startsWith('token:') ? limit.perToken : limit.perAnonymous),
      })
    : undefined;
  /**
   * onRequest of the API routes: a token in the URL is refused (400), a bad token or a missing one where anonymous
   * reading is off too (401), then the caller's rate limit applies (429). CORS preflights carry no credentials.
   */
  const guard = (shape: ErrorShape) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return undefined;
    const who = authenticate(auth, { headers: request.headers, query: request.query as Record<string, unknown> });
    if (!who.ok) return sendRefusal(reply, who.code === 'BAD_REQUEST' ? 400 : 401, who.code, who.message, shape);
    principals.set(request, who.principal);
    if (!rateLimited) return undefined;
    const counted = await rateLimited(request);
    if (counted.isAllowed) return undefined;
    reply.header('x-ratelimit-limit', counted.max).header('x-ratelimit-remaining', counted.remaining).header('x-ratelimit-reset', counted.ttlInSeconds);
    if (!counted.isExceeded) return undefined;
    const whose = who.principal.anonymous ? 'from this address without a token' : `for the token "${who.principal.name}"`;
    reply.header('retry-after', counted.ttlInSeconds);
    return sendRefusal(reply, 429, 'RATE_LIMITED', `Too many requests ${whose}: at most ${counted.max} a minute; retry in ${counted.ttlInSeconds} s.`, shape);
  };

  // Requests in flight, so shutdown can let them finish (Fastify's close stops new ones but does not wait).
  let inFlight = 0;
  app.addHook('onRequest', async () => {
    inFlight += 1;
  });
  app.addHook('onResponse', async () => {
    inFlight -= 1;
  });
  app.addHook('onRequestAbort', async (_request) => {
    inFlight -= 1;
  });

  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const maxQueryBytes = options.maxQueryBytes ?? DEFAULT_MAX_QUERY_BYTES;
  const handler = fastifyApolloHandler<GraphQLContext>(apollo, {
    context: async (request) => createContext(options.store, { principal: principals.get(request) ?? ANONYMOUS, audit, claims: options.claims }),
  });
  // Read-your-writes across instances: a write's answer carries this instance's bookmarks (`armsgraph-bookmark`);
  // a request that sends them back, to any instance, reads from a member that has seen that write.
  const rw = options.store.readYourWrites;
  const scope = options.store.readScope;
  const bookmarksOf = (request: FastifyRequest): string[] | undefined | Error => {
    const header = request.headers[BOOKMARK_HEADER];
    if (header === undefined) return undefined;
    try {
      const value = JSON.parse(Buffer.from(String(header), 'base64url').toString('utf8')) as unknown;
      if (Array.isArray(value) && value.length <= 16 && value.every((b) => typeof b === 'string' && b.length <= 256)) return value as string[];
    } catch {
      // said below
    }
    return new Error(`The ${BOOKMARK_HEADER} header is not a bookmark this API gave (base64url of a JSON list of strings, as a write's answer carries it)`);
  };
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    onRequest: [
      guard('graphql'),
      (request, reply, done) => {
        const bookmarks = bookmarksOf(request);
        if (bookmarks instanceof Error) {
          sendRefusal(reply, 400, 'BAD_REQUEST', bookmarks.message, 'graphql');
          return;
        }
        // The rest of the request runs inside the bookmarks' context (the store's sessions read it), and reads one
        // version of the graph (the store's read scope).
        const scoped = scope === undefined ? done : () => scope.within(done);
        if (bookmarks !== undefined && rw !== undefined) rw.within(bookmarks, scoped);
        else scoped();
      },
    ],
    onSend: async (request, reply, payload) => {
      if (rw !== undefined && reply.statusCode === 200 && request.method === 'POST' && requestsWrite(request.body)) {
        reply.header(BOOKMARK_HEADER, Buffer.from(JSON.stringify(await rw.latest())).toString('base64url'));
      }
      return payload;
    },
    preHandler: async (request, reply) => {
      const refuse = (message: string) =>
        reply.code(400).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }));
      if (Array.isArray(request.body) && request.body.length > maxBatch) {
        return refuse(`A batch may hold at most ${maxBatch} operations, got ${request.body.length}`);
      }
      // A batch holding a write the caller may not make is refused whole, so none of it runs (a single mutation is
      // refused by the write-access plugin, before it runs).
      const refusal = batchRefusal(request.body, principals.get(request) ?? ANONYMOUS);
      if (refusal) return sendRefusal(reply, refusal.status, refusal.code, refusal.message, 'graphql');
      const operations: unknown[] = Array.isArray(request.body) ? request.body : [request.body ?? request.query];
      for (const op of operations) {
        const text = (op as { query?: unknown } | null)?.query;
        if (typeof text === 'string' && Buffer.byteLength(text) > maxQueryBytes) {
          return refuse(`The query is ${Buffer.byteLength(text)} bytes; at most ${maxQueryBytes} are accepted`);
        }
      }
      return undefined;
    },
    handler,
  });

  const graphiqlConfig = { config: { graphiql: true } } as const;
  app.get('/graphiql', graphiqlConfig, async (_, reply) => reply.type('text/html; charset=utf-8').send(GRAPHIQL_HTML));
  app.get('/graphiql/init.js', async (_, reply) => reply.type('text/javascript; charset=utf-8').send(GRAPHIQL_INIT));
  app.get<{ Params: { file: string } }>('/graphiql/assets/:file', async (request, reply) => {
    const asset = GRAPHIQL_ASSETS[request.params.file];
    if (!asset) return reply.code(404).send({ error: 'not found' });
    return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(await readFile(asset.file));
  });
  // The dashboard, built by Vite into dist/web (`npm run build:web`; `npm start` builds it when missing).
  const webRoot = options.webRoot ?? WEB_ROOT;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false });
  } else {
    app.get('/', async (_, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><title>armsgraph</title><p>The dashboard is not built: run <code>npm run build:web</code>. GraphiQL is at <a href="/graphiql">/graphiql</a>.</p>'),
    );
  }

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/export', { onRequest: guard('plain') }, async (request, reply) => {
    try {
      const { selection: asked, format, part } = parseExportQuery(request.query);
      const { selection, subgraph, sources } = await ask(options.store).exportSelection(exportInput(asked)).catch((error: unknown) => {
        throw asParameterError(error);
      });
      const files = exportFiles(format, exportGraph(subgraph, sources), exportBaseName(selection));
      const file = format === 'CSV' ? files.find((f) => f.name.endsWith(`-${part}.csv`))! : files[0]!;
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(Readable.from(file.chunks));
    } catch (error) {
      if (!(error instanceof ArmsgraphError)) throw error;
      const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'UNAVAILABLE' ? 503 : 400;
      return reply.code(status).send({ error: { code: GRAPHQL_CODES[error.code], message: error.message } });
    }
  });

  // Admin: reload the data. Off unless ADMIN_TOKEN or a token of the admin role is configured; then every call must
  // present ADMIN_TOKEN or an admin's token.
  const adminToken = options.adminToken ?? process.env.ADMIN_TOKEN;
  const hasAdmins = [...auth.tokens.values()].some((t) => t.role === 'admin');
  if ((adminToken || hasAdmins) && options.reload) {
    const expected = adminToken ? Buffer.from(`Bearer ${adminToken}`) : undefined;
    app.post('/admin/reload', async (request, reply) => {
      const given = Buffer.from(request.headers.authorization ?? '');
      const legacy = expected !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
      if (!legacy) {
        const who = authenticate({ ...auth, anonymousRead: false }, { headers: request.headers, query: request.query as Record<string, unknown> });
        if (!who.ok) return sendRefusal(reply, who.code === 'BAD_REQUEST' ? 400 : 401, who.code, who.message, 'plain');
        if (who.principal.role !== 'admin') {
          return sendRefusal(reply, 403, 'FORBIDDEN', `The token "${who.principal.name}" has the ${who.principal.role} role; reloading needs admin.`, 'plain');
        }
      }
      try {
        // With claims, they are replayed onto the reloaded data: a reload never drops what analysts wrote.
        const dataset = await options.reload!();
        const claims = options.claims;
        const summary = claims
          ? await claims.rebase(dataset).then(async () => ({ ...(await options.store.stats()), claims: claims.list().length }))
          : await options.store.load(dataset);
        request.log.info({ summary }, 'data reloaded');
        return { status: 'reloaded', ...summary };
      } catch (error) {
        if (!(error instanceof ArmsgraphError)) throw error;
        return reply.code(error.code === 'UNAVAILABLE' ? 503 : 400).send({ error: { code: GRAPHQL_CODES[error.code], message: error.message } });
      }
    });
  }

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_, reply) => {
    try {
      const stats = await options.store.stats();
      return { status: 'ready', store: options.store.kind, stats };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', store: options.store.kind, error: error instanceof Error ? error.message : String(error) });
    }
  });

  let closing: Promise<void> | undefined;
  const shutdown = (graceMs = 10_000) =>
    (closing ??= (async () => {
      // Fastify's close stops accepting connections and closes idle ones; requests in flight go on, and are
      // given `graceMs` to finish before Apollo and the store are stopped.
      await subscriptions.close();
      await app.close();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      if (inFlight > 0) logger.warn({ inFlight }, 'shutdown grace period over; dropping requests still in flight');
      await apollo.stop();
      await options.store.close();
    })());
  return { app, shutdown };
}

