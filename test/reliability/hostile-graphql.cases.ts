// Hostile GraphQL against a server in its own process, one suite per store: every case is rejected with its code
// before it costs much (the store is not called), and the server stays ready with its memory bounded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServeProcess, type ServeProbe, type ServeProcess } from '../../tools/soak/processes.js';

/** Store methods that read transfers or walk the graph: a rejected request must never reach them. */
// The store's data ports that read more than one node by id or name (every question's costly part).
const COSTLY = [
  'pathCandidates', 'routeCandidates', 'transferPage', 'allTransfers', 'allActors', 'checkContext', 'timelinePage', 'neighbourhood', 'transferAggregates',
  'stats', 'load', 'actorPage', 'systemPage', 'searchCandidates', 'dealLags', 'tivByBucket', 'aidCommitments', 'backfillsOf',
];
/** The port a Query field asks (free-text slots may reach it; nothing else may). */
const PORT_OF: Record<string, string> = {
  actors: 'actorPage', systems: 'systemPage', search: 'searchCandidates', transfers: 'transferPage', timeline: 'timelinePage',
  transferRoutes: 'routeCandidates', backfillCandidates: 'allTransfers',
};
/** Looking up one name or id: what a NOT_FOUND answer needs. */
const LOOKUPS = ['resolveActor', 'resolveSystem', 'lookupActor', 'lookupSystem', 'node', 'nodes'];

interface Answer {
  readonly status: number;
  readonly ms: number;
  readonly bytes: number;
  readonly body: any;
  readonly calls: Readonly<Record<string, number>>;
}

/**
 * One hostile request and what it must get. `calls`: store methods it may call (default none); `argument`: the
 * argument the error must name.
 */
interface HostileCase {
  readonly name: string;
  readonly body?: string;
  readonly request?: (url: string) => Promise<Response>;
  readonly status: number;
  readonly code: string;
  readonly calls?: readonly string[];
  readonly argument?: string;
}

const trends = (args: string) => `{ transferTrends(by: SUPPLIER${args}) { groupCount } }`;
const P2 = 'periods: [{ from: "2015", to: "2019" }, { from: "2020", to: "2024" }]';

/** The trend questions' bad values: each a BAD_USER_INPUT naming its argument, before any delivery is summed. */
function trendCases(): HostileCase[] {
  return [
    { name: 'trends periods: []', body: trends(', periods: []'), status: 200, code: 'BAD_USER_INPUT', argument: 'periods' },
    { name: 'trends reversed period', body: trends(', periods: [{ from: "2024", to: "2020" }]'), status: 200, code: 'BAD_USER_INPUT', argument: 'periods[0]' },
    { name: 'trends overlapping periods', body: trends(', periods: [{ from: "2015", to: "2020" }, { from: "2020", to: "2024" }]'), status: 200, code: 'BAD_USER_INPUT', argument: 'periods[1]' },
    { name: 'trends open-ended period', body: trends(', periods: [{ from: "2015" }]'), status: 200, code: 'BAD_USER_INPUT', argument: 'periods[0]' },
    { name: 'trends period of part years', body: trends(', periods: [{ from: "2015-07", to: "2019" }]'), status: 200, code: 'BAD_USER_INPUT', argument: 'periods[0]' },
    { name: 'trends 13 periods', body: trends(`, periods: [${Array.from({ length: 13 }, (_, i) => `{ from: "${2000 + i}", to: "${2000 + i}" }`).join(', ')}]`), status: 200, code: 'BAD_USER_INPUT', argument: 'periods' },
    { name: 'trends top: 101', body: trends(`, ${P2}, top: 101`), status: 200, code: 'BAD_USER_INPUT', argument: 'top' },
    { name: 'trends top: 0', body: trends(`, ${P2}, top: 0`), status: 200, code: 'BAD_USER_INPUT', argument: 'top' },
    { name: 'trends filter.between', body: trends(`, ${P2}, filter: { between: { from: "2020" } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'filter.between' },
    { name: 'dependence filter on its own side', body: `{ dependence(actor: "UA", ${P2}, filter: { recipient: "PL" }) { partnerCount } }`, status: 200, code: 'BAD_USER_INPUT', argument: 'filter.recipient' },
    { name: 'dependence of a misspelt actor', body: `{ dependence(actor: "Ukrain", ${P2}) { partnerCount } }`, status: 200, code: 'NOT_FOUND', argument: 'actor', calls: ['resolveActor'] },
    { name: 'lags ordered reversed', body: '{ deliveryLags(by: SUPPLIER, ordered: { from: "2020", to: "2010" }) { groupCount } }', status: 200, code: 'BAD_USER_INPUT', argument: 'ordered' },
    { name: 'lags top: 1000', body: '{ deliveryLags(by: CATEGORY, top: 1000) { groupCount } }', status: 200, code: 'BAD_USER_INPUT', argument: 'top' },
    { name: 'trends by an unknown grouping', body: trends(`, ${P2}`).replace('SUPPLIER', 'COUNTRY'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    {
      name: 'ten trend questions in one operation (cost)',
      body: `{ ${Array.from({ length: 10 }, (_, i) => `t${i}: transferTrends(by: SUPPLIER, ${P2}, top: 100) { groupCount }`).join(' ')} }`,
      status: 400, code: 'QUERY_TOO_COMPLEX',
    },
  ].map((c) => ({ ...c, body: gql(c.body!) }));
}

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, ...(variables && { variables }) });
const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}/graphql`, { method: 'POST', headers, body });
const nest = (levels: number) => `{ actor(id: "JP") { ${'partOf { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
/** A cursor as this API writes them (base64url of a JSON key), for forging one of the wrong question. */
const cursorOf = (key: readonly string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const routes = (args: string, selection = '{ totalCount }') => `{ transferRoutes(from: "JP", to: "UA"${args}) ${selection} }`;
const aliases = (n: number, field: string) => `{${Array.from({ length: n }, (_, i) => `a${i.toString(36)}:${field}`).join(' ')}}`;

/** Strings an attacker tries in every argument: Cypher, SQL, JS, GraphQL/JSON breakers, NUL, traversal, format. */
export const INJECTIONS: readonly string[] = [
  `' OR 1=1 --`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `x' }) WITH 1 AS x CALL db.labels() YIELD label RETURN label //`,
  `'; DROP TABLE actors; --`,
  `'"}{)`,
  `\u0000`,
  `JP\u0000' OR '1'='1`,
  `../../../../etc/passwd`,
  `..\\..\\windows\\win.ini`,
  `\${process.exit(1)}`,
  `<script>alert(1)</script>`,
  `%00%27%22`,
  `{"$gt": ""}`,
  `__proto__`,
  `🚀💥\uFFFF\uD800`,
];

/** The hand-written cases: limits, malformed requests, bad values; each with its status and code. */
export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [
    // Nesting and fragments.
    { name: 'depth 13 (partOf nested)', body: gql(nest(13)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'depth 1,000 (partOf nested)', body: gql(nest(1_000)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'fragment cycle A → B → A', body: gql(`{ actor(id: "JP") { ...A } } fragment A on Actor { partOf { ...B } } fragment B on Actor { country { ...A } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'fragment spreading itself at the root', body: gql(`{ ...F } fragment F on Query { stats { actors } ...F }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    // Width: aliases, duplicates, directives.
    { name: '1,700 aliases of stats', body: gql(aliases(1_700, 'stats{actors}')), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: '2,100 aliases of __typename', body: gql(aliases(2_100, '__typename')), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: '101 aliases of node', body: gql(aliases(101, 'node(id:"JP"){id}')), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: '2,300 identical fields (no alias)', body: gql(`{${Array(2_300).fill('stats{actors}').join(' ')}}`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: '1,800 repeated @include directives', body: gql(`{ stats ${Array(1_800).fill('@include(if:true)').join('')} { actors } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'query text of 40 KiB', body: gql(`{ stats { actors } }${' '.repeat(40 * 1024)}`), status: 400, code: 'BAD_USER_INPUT' },
    // Sizes and cost.
    { name: 'first: 2147483647', body: gql(`{ transfers(first: 2147483647) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'first: 99999999999 (not an Int)', body: gql(`{ timeline(first: 99999999999) { totalCount } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'first: -1', body: gql(`{ actors(first: -1) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'search first: 1000', body: gql(`{ search(text: "patriot", first: 1000) { name } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'paths limit: 1000000', body: gql(`{ transferPaths(from: "JP", to: "UA", options: { limit: 1000000 }) { truncated } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'paths maxHops: 50', body: gql(`{ transferPaths(from: "JP", to: "UA", options: { maxHops: 50 }) { truncated } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'subgraph depth: 9', body: gql(`{ subgraph(around: ["JP"], depth: 9) { actors { id } } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'export depth: 1000', body: gql(`{ export(format: JSON, around: ["JP"], depth: 1000) { url } }`), status: 200, code: 'BAD_USER_INPUT' },
    {
      name: 'nested connections 100 × 100 × 100 (cost)',
      body: gql(`{ transfers(first: 100) { nodes { supplier { transfersOut(first: 100) { nodes { recipient { transfersIn(first: 100) { nodes { id } } } } } } } } }`),
      status: 400, code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: 'routes 100 × chains 100 × hop transfers 100 (cost)',
      body: gql(routes(', first: 100', '{ nodes { chains(first: 100) { nodes { hops { transfer { id } } } } hops { transfers(first: 100) { nodes { id } } } } }')),
      status: 400, code: 'QUERY_TOO_COMPLEX',
    },
    { name: 'routes first 100 × maxHops 6, twice (cost)', body: gql(`{ a: transferRoutes(from: "JP", to: "UA", first: 100, options: { maxHops: 6 }) { nodes { id } } b: transferRoutes(from: "US", to: "UA", first: 100, options: { maxHops: 6 }) { nodes { id } } }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
    { name: 'paths limit 100 × maxHops 6, twice (cost)', body: gql(`{ a: transferPaths(from: "JP", to: "UA", options: { limit: 100, maxHops: 6 }) { paths { hops { transfer { citations { quote } } } } } b: transferPaths(from: "US", to: "UA", options: { limit: 100, maxHops: 6 }) { paths { hops { transfer { id } } } } }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
    // Routes and backfills: bounds, cursors and names, each refused before any transfer is read.
    { name: 'routes first: 101', body: gql(routes(', first: 101')), status: 200, code: 'BAD_USER_INPUT', argument: 'first' },
    { name: 'routes maxHops: 7', body: gql(routes(', options: { maxHops: 7 }')), status: 200, code: 'BAD_USER_INPUT', argument: 'options.maxHops' },
    { name: 'routes minDeals: 0', body: gql(routes(', options: { minDeals: 0 }')), status: 200, code: 'BAD_USER_INPUT', argument: 'options.minDeals' },
    { name: 'routes minTiv: -1', body: gql(routes(', options: { minTiv: -1 }')), status: 200, code: 'BAD_USER_INPUT', argument: 'options.minTiv' },
    { name: 'routes via and avoid naming the same actor', body: gql(routes(', options: { via: ["United States"], avoid: ["US"] }')), status: 200, code: 'BAD_USER_INPUT', argument: 'options.avoid', calls: ['resolveActor'] },
    { name: 'routes cursor of a timeline', body: gql(routes(`, after: "${cursorOf(['2023-12-22', '2023-12-22', 'event:jp-export-rules-2023-12-22'])}"`)), status: 200, code: 'BAD_USER_INPUT', argument: 'after' },
    { name: 'routes cursor of another route question', body: gql(routes(`, after: "${cursorOf(['route', 'forged', 'JP>US>UA'])}"`)), status: 200, code: 'BAD_USER_INPUT', argument: 'after', calls: ['resolveActor'] },
    { name: 'routes via a misspelt actor (did you mean)', body: gql(routes(', options: { via: ["Japn"] }')), status: 200, code: 'NOT_FOUND', argument: 'options.via[0]', calls: ['resolveActor'] },
    { name: 'routes avoiding an unknown actor', body: gql(routes(', options: { avoid: ["../../etc/passwd"] }')), status: 200, code: 'NOT_FOUND', argument: 'options.avoid[0]', calls: ['resolveActor'] },
    { name: 'backfills years: 6', body: gql(`{ backfillCandidates(recipient: "UA", years: 6) { declared } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'years' },
    { name: 'backfills first: 0', body: gql(`{ backfillCandidates(recipient: "UA", first: 0) { declared } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'first' },
    // Trends: periods, top and windows, each refused before any delivery is summed.
    ...trendCases(),
    // Batches and bodies.
    { name: 'batch of 100 operations', body: JSON.stringify(Array(100).fill({ query: '{ stats { actors } }' })), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'batch of 11 operations', body: JSON.stringify(Array(11).fill({ query: '{ stats { actors } }' })), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'batch of 10 operations of 4 KiB each (fine) but one of 33 KiB', body: JSON.stringify([...Array(9).fill({ query: '{ __typename }' }), { query: `{ __typename }${' '.repeat(33 * 1024)}` }]), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'body of 1.1 MB (a megabyte string)', body: gql(`{ search(text: "${'a'.repeat(1_100_000)}") { name } }`), status: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' },
    { name: 'variable of 900 KB as an id', body: gql(`query($id: ID!) { transferPaths(from: $id, to: "UA") { truncated } }`, { id: 'x'.repeat(900_000) }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'variable of 900 KB as a search text', body: gql(`query($t: String!) { search(text: $t) { name } }`, { t: 'patriot'.repeat(128_000) }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'literal string of 20,000 characters', body: gql(`{ actor(id: "${'J'.repeat(20_000)}") { id } }`), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'variable list of 50,000 actors', body: gql(`query($a: [ID!]) { timeline(filter: { actors: $a }) { totalCount } }`, { a: Array(50_000).fill('JP') }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'literal list of 5,000 ids in around', body: gql(`{ subgraph(around: [${Array(5_000).fill('"JP"').join(',')}]) { actors { id } } }`), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'variable list of 20,000 statuses', body: gql(`query($s: [TransferStatus!]) { transfers(filter: { statuses: $s }) { totalCount } }`, { s: Array(20_000).fill('DELIVERED') }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'body that is not JSON', body: '{"query": "{ stats { actors } }', status: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' },
    { name: 'JSON body that is a number', body: '12345', status: 400, code: 'BAD_REQUEST' },
    { name: 'text/plain POST (CSRF)', request: (url) => post(url, gql('{ stats { actors } }'), { 'content-type': 'text/plain' }), status: 400, code: 'CSRF' },
    { name: 'GET without a preflight header (CSRF)', request: (url) => fetch(`${url}/graphql?query=${encodeURIComponent('{ stats { actors } }')}`), status: 400, code: 'CSRF' },
    // Documents that are not valid for this schema.
    { name: 'syntax error', body: gql(`{ stats { actors }`), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'unknown field', body: gql(`{ users { password } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'mutation (the API is read-only)', body: gql(`mutation { deleteAll }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'introspection in production', body: gql(`{ __schema { types { name } } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'unknown operationName', body: JSON.stringify({ query: '{ stats { actors } }', operationName: 'Nope' }), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    { name: 'variable of the wrong type', body: gql(`query($n: Int) { transfers(first: $n) { totalCount } }`, { n: 'ten' }), status: 400, code: 'BAD_USER_INPUT' },
    { name: '__proto__ in the JSON body (prototype poisoning)', body: `{"query":"query($f: TransferFilter) { transfers(filter: $f) { totalCount } }","variables":{"f":{"__proto__":{"system":"Patriot"}}}}`, status: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' },
    { name: 'subscription (none exist)', body: gql(`subscription { stats { actors } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    // Bad values: dates, cursors, ids.
    { name: 'EDTF 2024-02-30', body: gql(`{ transferCheck(supplier: "JP", recipient: "UA", on: "2024-02-30") { verdict } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'EDTF year 999999999999', body: gql(`{ timeline(filter: { between: { from: "Y-999999999999" } }) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'EDTF window reversed', body: gql(`{ transfers(filter: { between: { from: "2025", to: "2020" } }) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'knownAt a month, not a day', body: gql(`{ timeline(filter: { knownAt: "2023-12" }) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'paths between "yesterday"', body: gql(`{ transferPaths(from: "JP", to: "UA", options: { between: { to: "yesterday" } }) { truncated } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'cursor that is SQL', body: gql(`{ transfers(after: "' OR 1=1 --") { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'cursor forged as base64 of an object', body: gql(`{ timeline(after: "${Buffer.from('{"a":1}').toString('base64url')}") { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'search text of punctuation only', body: gql(`{ search(text: "'\\"}{)") { name } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'actor misspelt (did you mean)', body: gql(`{ transferPaths(from: "Japn", to: "Ukraine") { truncated } }`), status: 200, code: 'NOT_FOUND', calls: ['resolveActor'] },
    { name: 'actor id of a NUL character', body: gql(`{ transferPaths(from: "\\u0000", to: "UA") { truncated } }`), status: 200, code: 'NOT_FOUND', calls: ['resolveActor'] },
    { name: 'export around a path traversal', body: gql(`{ export(format: GRAPHML, around: ["../../../etc/passwd"]) { url } }`), status: 200, code: 'NOT_FOUND', calls: ['resolveActor'] },
    { name: 'system that is an actor', body: gql(`{ transfers(filter: { system: "Japan" }) { totalCount } }`), status: 200, code: 'NOT_FOUND', calls: ['resolveSystem'] },
    // Other routes.
    { name: 'GET /export with a path-traversal format', request: (url) => fetch(`${url}/export?format=../../etc/passwd`), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'GET /graphiql/assets with a traversal', request: (url) => fetch(`${url}/graphiql/assets/..%2F..%2Fpackage.json`), status: 404, code: 'NOT_FOUND' },
    { name: 'POST /admin/reload without a token configured', request: (url) => fetch(`${url}/admin/reload`, { method: 'POST' }), status: 404, code: 'NOT_FOUND' },
  ];
  return cases;
}

/** The code an answer carries: extensions.code, Fastify's code, or what the status says. */
function codeOf(status: number, body: any): string {
  if (/Cross-Site Request Forgery/.test(body?.errors?.[0]?.message ?? body?.raw ?? '')) return 'CSRF';
  const gqlCode = body?.errors?.[0]?.extensions?.code ?? (Array.isArray(body) ? body[0]?.errors?.[0]?.extensions?.code : undefined);
  if (typeof gqlCode === 'string') return gqlCode;
  if (typeof body?.error?.code === 'string') return body.error.code;
  if (typeof body?.code === 'string') return body.code;
  if (status === 404) return 'NOT_FOUND';
  if (typeof body?.raw === 'string' && status === 400) return 'BAD_REQUEST';
  return `HTTP_${status}`;
}

const VALUE_FOR: Record<string, string> = {
  from: '"JP"', to: '"UA"', supplier: '"JP"', recipient: '"UA"', id: '"JP"', text: '"patriot"', around: '["JP"]',
  groupBy: '[SUPPLIER]', format: 'JSON', by: 'SUPPLIER', actor: '"UA"', periods: '[{ from: "2015", to: "2019" }, { from: "2020", to: "2024" }]',
};

/** What a field returns, as a selection asking for little. */
const SELECTION: Record<string, string> = {
  node: '{ id }', actor: '{ id }', system: '{ id }', actors: '{ totalCount }', systems: '{ totalCount }', search: '{ name }',
  transfers: '{ totalCount }', transferPaths: '{ truncated }', transferCheck: '{ verdict }', timeline: '{ totalCount }',
  subgraph: '{ actors { id } }', transferStats: '{ key }', export: '{ url }', stats: '{ actors }', transferRoutes: '{ totalCount }',
  backfillCandidates: '{ declared }', transferTrends: '{ groupCount }', dependence: '{ partnerCount }', deliveryLags: '{ groupCount }',
  reconcile: '{ by }',
};

/**
 * Slots refused whatever their value (BAD_USER_INPUT before any look-up): dependence names its own side with the
 * `actor` argument, so a filter on that side is an error, not a reference to resolve.
 */
const REFUSED_SLOTS = new Set(['dependence filter.recipient']);

/** A string-typed argument path (`filter.between.from`, `around[0]`) of a Query field, read from the SDL. */
export interface ArgumentSlot {
  readonly field: string;
  readonly path: string;
  /** The argument text with the value placed, e.g. `filter: { between: { from: VALUE } }`. */
  readonly render: (value: string) => string;
  /** The GraphQL type of the variable that fills the slot. */
  readonly type: 'String!' | 'ID!';
  readonly kind: 'actor' | 'system' | 'date' | 'cursor' | 'text' | 'id';
}

function slotKind(field: string, pathText: string): ArgumentSlot['kind'] {
  if (/(between|periods|ordered)\.(from|to)$|knownAt$|^on$/.test(pathText)) return 'date';
  if (pathText === 'after') return 'cursor';
  if (/(^|\.)(text|category|categories)$/.test(pathText) || field === 'search') return 'text';
  if (/system|family/.test(pathText)) return 'system';
  if (pathText === 'id') return 'id'; // node, actor and system answer null for an unknown id
  return 'actor';
}

/** Every String/ID argument (nested in input objects and lists) of every Query field of schema/schema.graphql. */
export function argumentSlots(): ArgumentSlot[] {
  const schema = buildSchema(readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'));
  const slots: ArgumentSlot[] = [];
  const walk = (field: string, type: GraphQLInputType, pathText: string, wrap: (inner: string) => string) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return walk(field, inner.ofType as GraphQLInputType, `${pathText}[0]`, (v) => wrap(`[${v}]`));
    const named = getNamedType(inner);
    if (isInputObjectType(named)) {
      for (const f of Object.values(named.getFields())) walk(field, f.type, `${pathText}.${f.name}`, (v) => wrap(`{ ${f.name}: ${v} }`));
      return;
    }
    if (named.name === 'String' || named.name === 'ID') slots.push({ field, path: pathText, render: wrap, type: named.name === 'ID' ? 'ID!' : 'String!', kind: slotKind(field, pathText.replace(/\[0\]/g, '')) });
  };
  for (const f of Object.values(schema.getQueryType()!.getFields())) {
    for (const arg of f.args as readonly GraphQLArgument[]) walk(f.name, arg.type, arg.name, (v) => `${arg.name}: ${v}`);
  }
  return slots;
}

/** A query putting the variable `$v` into one slot, every other required argument given a valid value. */
export function injectedQuery(slot: ArgumentSlot): string {
  const value = '$v';
  const schema = buildSchema(readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'));
  const field = schema.getQueryType()!.getFields()[slot.field]!;
  const top = slot.path.split(/[.[]/)[0]!;
  const args = field.args.map((a) => (a.name === top ? slot.render(value) : isNonNullType(a.type) ? `${a.name}: ${VALUE_FOR[a.name]}` : undefined)).filter(Boolean);
  return `query Injected($v: ${slot.type}) { ${slot.field}(${args.join(', ')}) ${SELECTION[slot.field]} }`;
}

/** Registers the hostile-input suite against a server process on `store` (seed data). */
export function describeHostileGraphql(store: 'memory' | 'neo4j'): void {
  describe(`hostile GraphQL: ${store} store, server in its own process`, () => {
    let server: ServeProcess;
    let before: ServeProbe;
    let statsBefore: unknown;
    const codes = new Map<string, number>();

    const send = async (c: { body?: string; request?: (url: string) => Promise<Response> }): Promise<Answer> => {
      await server.reset();
      const t0 = performance.now();
      const res = c.request ? await c.request(server.url) : await post(server.url, c.body!);
      const text = await res.text();
      const ms = performance.now() - t0;
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = { raw: text };
      }
      return { status: res.status, ms, bytes: Buffer.byteLength(text), body, calls: (await server.probe()).calls };
    };

    beforeAll(async () => {
      server = await startServeProcess({ store, data: 'seed' });
      for (let i = 0; i < 20; i += 1) await send({ body: gql(`{ transfers(first: 5) { nodes { id supplier { name } } } stats { actors } }`) });
      statsBefore = (await send({ body: gql('{ stats { actors systems transfers events restrictions aidCommitments sources citations } }') })).body;
      before = await server.probe();
    }, 120_000);
    afterAll(async () => {
      if (codes.size > 0) console.log(`hostile GraphQL (${store}): ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
      expect(await server?.stop()).toBe(0);
    });

    describe('limits, malformed requests and bad values', () => {
      for (const c of hostileCases()) {
        it(`${c.name}: ${c.status} ${c.code}`, async () => {
          const answer = await send(c);
          expect([answer.status, codeOf(answer.status, answer.body)], JSON.stringify(answer.body).slice(0, 300)).toEqual([c.status, c.code]);
          if (c.argument !== undefined) expect(answer.body.errors[0].extensions.argument).toBe(c.argument);
          const allowed = new Set(c.calls ?? []);
          expect(Object.keys(answer.calls).filter((m) => !allowed.has(m))).toEqual([]);
          expect(answer.body?.data ?? null, 'no data with a rejection').toSatisfy((d: any) => d === null || Object.values(d).every((v) => v === null));
          expect(JSON.stringify(answer.body)).not.toMatch(/\bat \S+\.(js|ts):\d+|node_modules/); // no stack traces
          expect(answer.bytes).toBeLessThan(64 * 1024);
          expect(answer.ms).toBeLessThan(5_000);
          codes.set(c.code, (codes.get(c.code) ?? 0) + 1);
        });
      }
    });

    describe('the cost limit lets a dashboard-sized routes query through', () => {
      it('routes 20 × chains 20 × hop transfers 5, maxHops 6: answered', async () => {
        const answer = await send({
          body: gql(routes(', first: 20, options: { maxHops: 6 }', '{ nodes { id chains(first: 20) { nodes { hops { transfer { id } } } } hops { transfers(first: 5) { nodes { id } } } } }')),
        });
        expect([answer.status, answer.body.errors]).toEqual([200, undefined]);
        expect(answer.body.data.transferRoutes.nodes.map((r: { id: string }) => r.id)).toEqual(['JP>US>UA']);
      });
    });

    describe('injection strings in every String and ID argument of every Query field', () => {
      const slots = argumentSlots();
      it('covers every such argument of the SDL', () => {
        expect(new Set(slots.map((s) => s.field))).toEqual(new Set([
          'node', 'actor', 'actors', 'system', 'systems', 'search', 'transfers', 'transferPaths', 'transferRoutes', 'backfillCandidates', 'transferCheck',
          'timeline', 'subgraph', 'transferStats', 'export', 'transferTrends', 'dependence', 'deliveryLags', 'reconcile',
        ]));
        expect(slots.filter((s) => s.field === 'reconcile').map((s) => `${s.path} ${s.kind}`).sort()).toEqual([
          'between.from date', 'between.to date', 'donors[0] actor', 'recipient actor',
        ]);
        expect(slots.filter((s) => s.field === 'transferTrends').map((s) => `${s.path} ${s.kind}`).sort()).toEqual([
          'filter.knownAt date', 'filter.recipient actor', 'filter.supplier actor', 'filter.system system',
          'filter.between.from date', 'filter.between.to date', 'periods[0].from date', 'periods[0].to date',
        ].sort());
        expect(slots.filter((s) => s.field === 'dependence').map((s) => s.path)).toContain('actor');
        expect(slots.filter((s) => s.field === 'deliveryLags').map((s) => s.path)).toContain('ordered.from');
        // The route question's every reference, date, cursor and free text; the backfill question's recipient and window.
        expect(slots.filter((s) => s.field === 'transferRoutes').map((s) => `${s.path} ${s.kind}`).sort()).toEqual([
          'after cursor', 'from actor', 'options.avoid[0] actor', 'options.between.from date', 'options.between.to date', 'options.categories[0] text',
          'options.knownAt date', 'options.system system', 'options.via[0] actor', 'to actor',
        ]);
        expect(slots.filter((s) => s.field === 'backfillCandidates').map((s) => `${s.path} ${s.kind}`).sort()).toEqual([
          'between.from date', 'between.to date', 'recipient actor',
        ]);
        expect(slots.length).toBeGreaterThanOrEqual(67);
      });
      for (const slot of slots) {
        it(`${slot.field}(${slot.path}) [${slot.kind}]`, async () => {
          for (const value of INJECTIONS) {
            const answer = await send({ body: gql(injectedQuery(slot), { v: value }) });
            const why = `${JSON.stringify(value)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
            const code = answer.body.errors ? codeOf(answer.status, answer.body) : 'OK';
            const costly = Object.keys(answer.calls).filter((m) => COSTLY.includes(m));
            if (slot.kind === 'date' || slot.kind === 'cursor' || REFUSED_SLOTS.has(`${slot.field} ${slot.path}`)) {
              expect([answer.status, code], why).toEqual([200, 'BAD_USER_INPUT']);
              expect(Object.keys(answer.calls), why).toEqual([]);
            } else if (slot.kind === 'actor' || slot.kind === 'system') {
              expect([answer.status, code], why).toEqual([200, 'NOT_FOUND']);
              expect(costly, why).toEqual([]);
            } else if (slot.kind === 'id') {
              expect(answer.body, why).toEqual({ data: { [slot.field]: null } });
              expect(Object.keys(answer.calls).every((m) => LOOKUPS.includes(m)), why).toBe(true);
            } else {
              // Free text (search, name filters, category) is data, not a reference: an ordinary answer (a text with no
              // letter or digit filters nothing), or BAD_USER_INPUT for a search with no letter or digit.
              expect(answer.status, why).toBe(200);
              expect(['OK', 'BAD_USER_INPUT'], why).toContain(code);
              if (code === 'OK') expect(Object.keys(answer.body.data), why).toEqual([slot.field]);
              expect(costly.filter((m) => m !== PORT_OF[slot.field]), why).toEqual([]);
            }
            expect(answer.ms, why).toBeLessThan(5_000);
            codes.set(`injection ${code}`, (codes.get(`injection ${code}`) ?? 0) + 1);
          }
        });
      }
      it('left the graph as it was', async () => {
        const after = (await send({ body: gql('{ stats { actors systems transfers events restrictions aidCommitments sources citations } }') })).body;
        expect(after).toEqual(statsBefore);
        expect((statsBefore as any).data.stats.transfers).toBe(3);
      });
    });

    describe('afterwards', () => {
      it('the server is ready and answers correctly', async () => {
        const ready = await fetch(`${server.url}/health/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready', store, stats: { transfers: 3 } });
        const answer = await send({ body: gql(`{ transferPaths(from: "Japan", to: "Ukraine", options: { system: "Patriot" }) { paths { hops { from { id } to { id } } } } }`) });
        expect(answer.body).toEqual({ data: { transferPaths: { paths: [{ hops: [{ from: { id: 'JP' }, to: { id: 'US' } }, { from: { id: 'US' }, to: { id: 'UA' } }] }] } } });
      });

      it('its memory stayed bounded (RSS within 150 MiB of before)', async () => {
        const after = await server.probe();
        const mib = (n: number) => Math.round(n / 2 ** 20);
        console.log(`hostile GraphQL (${store}): server RSS ${mib(before.rss)} → ${mib(after.rss)} MiB, heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} MiB`);
        expect(after.rss).toBeLessThan(before.rss + 150 * 2 ** 20);
        expect(after.heapUsed).toBeLessThan(before.heapUsed + 100 * 2 ** 20);
      });
    });
  });
}
