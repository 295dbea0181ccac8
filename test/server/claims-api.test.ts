// Writes through GraphQL over HTTP (issue [15]): an editor's claim is in every answer at once, known from today;
// refused claims name their arguments; a retraction leaves today's answers and stays in the history.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { authConfig, hashToken, newToken } from '../../src/auth/index.js';
import { ClaimService, MemoryClaimLog } from '../../src/claims/index.js';
import { loadSeedDir, readSourceTexts } from '../../src/seeds/index.js';
import { createServer } from '../../src/server.js';
import { MemoryStore } from '../../src/store/index.js';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const ARTICLE = 'source:kyiv-independent-2023-12-japan-patriots';
const editor = newToken();
const reader = newToken();

describe('claims through GraphQL', () => {
  let url: string;
  let shutdown: () => Promise<void>;
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const gql = async (query: string, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };
  beforeAll(async () => {
    const seed = await loadSeedDir(SEEDS);
    const store = new MemoryStore();
    const claims = await ClaimService.open({ base: seed, texts: (await readSourceTexts(seed.sources, SEEDS)).texts, log: new MemoryClaimLog(), store });
    const auth = authConfig({
      rateLimit: false,
      tokens: [{ name: 'alice', role: 'editor', sha256: hashToken(editor) }, { name: 'rob', role: 'reader', sha256: hashToken(reader) }],
    });
    const server = await createServer({ store, claims, auth, logger: pino({ level: 'silent' }) });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    shutdown = server.shutdown;
  });
  afterAll(async () => {
    await shutdown();
  });

  const add = (quote: string, recipient = 'Ukraine') => `mutation { addTransfer(input: {
    supplier: "Japan", recipient: "${recipient}", system: "Patriot missile", status: POTENTIAL, date: "2024/..",
    citations: [{ source: "${ARTICLE}", quote: "${quote}" }] }) {
    claim { id by } written { id ... on Transfer { knownSince source claim { id by } } } } }`;

  it('an editor adds a transfer: routes show it at once; knownAt yesterday does not', async () => {
    const before = await gql('{ transferRoutes(from: "JP", to: "UA", options: { maxHops: 1 }) { totalCount } }');
    expect(before.body.data.transferRoutes.totalCount).toBe(0);
    const r = await gql(add('The U.S. would still need to obtain permission from the Japanese government before transferring the weapons abroad.'), editor);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.addTransfer).toEqual({
      claim: { id: 'claim:1', by: 'alice' },
      written: [{ id: 'transfer:claim-1', knownSince: today, source: 'CLAIM', claim: { id: 'claim:1', by: 'alice' } }],
    });
    const routes = await gql('{ transferRoutes(from: "JP", to: "UA", options: { maxHops: 1 }) { edges { node { id } } } }');
    expect(routes.body.data.transferRoutes.edges.map((e: any) => e.node.id)).toEqual(['JP>UA']);
    const timeline = await gql(`{ now: timeline(filter: { actors: ["JP"], kinds: [TRANSFER] }) { totalCount }
      then: timeline(filter: { actors: ["JP"], kinds: [TRANSFER], knownAt: "${yesterday}" }) { totalCount } }`);
    expect(timeline.body.data).toEqual({ now: { totalCount: 2 }, then: { totalCount: 1 } });
  });

  it('refuses a claim without a token, from a reader, and a claim that does not hold, each with its code; nothing written', async () => {
    const quote = 'The U.S. would still need to obtain permission';
    expect((await gql(add(quote))).body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(add(quote), reader)).body.errors![0].extensions.code).toBe('FORBIDDEN');
    const bad = await gql(add('Japan sends Ukraine five hundred missiles', 'Atlantis'), editor);
    expect(bad.body.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      issues: [
        { field: 'input.recipient', message: 'unknown actor "Atlantis"' },
        { field: 'input.citations[0].quote', message: `quote not found verbatim in the text of source "${ARTICLE}": "Japan sends Ukraine five hundred missiles"` },
      ],
    });
    expect((await gql('{ claims { totalCount } }')).body.data.claims.totalCount).toBe(1);
  });

  it('a correction replaces the transfer from today (.v2); a retraction leaves today\'s answers and stays in the history', async () => {
    const corrected = await gql(`mutation { correctTransfer(id: "transfer:claim-1", reason: "the article says potentially", input: {
      supplier: "JP", recipient: "UA", system: "system:patriot-missile", status: POTENTIAL, date: "2024",
      citations: [{ source: "${ARTICLE}", quote: "The U.S. would still need to obtain permission from the Japanese government" }] }) {
      written { id ... on Transfer { claim { supersedes } } } ended { id ... on Transfer { knownUntil } } } }`, editor);
    expect(corrected.body.data.correctTransfer).toEqual({
      written: [{ id: 'transfer:claim-1.v2', claim: { supersedes: 'transfer:claim-1' } }],
      ended: [{ id: 'transfer:claim-1', knownUntil: today }],
    });
    const retracted = await gql('mutation { retract(id: "transfer:claim-1.v2", reason: "not a transfer yet") { claim { id } } }', editor);
    expect(retracted.body.data.retract.claim.id).toBe('claim:3');
    const now = await gql('{ transfers(filter: { supplier: "JP", recipient: "UA" }) { totalCount } }');
    expect(now.body.data.transfers.totalCount).toBe(0);
    const history = await gql('{ factHistory(id: "transfer:claim-1.v2") { id ... on Transfer { knownSince knownUntil } } }');
    expect(history.body.data.factHistory).toEqual([
      { id: 'transfer:claim-1', knownSince: today, knownUntil: today },
      { id: 'transfer:claim-1.v2', knownSince: today, knownUntil: today },
    ]);
    const claims = await gql('{ claims(first: 2) { totalCount edges { node { id op by target reason } } pageInfo { hasNextPage } } }');
    expect(claims.body.data.claims).toEqual({
      totalCount: 3,
      edges: [
        { node: { id: 'claim:3', op: 'RETRACT', by: 'alice', target: 'transfer:claim-1.v2', reason: 'not a transfer yet' } },
        { node: { id: 'claim:2', op: 'CORRECT', by: 'alice', target: 'transfer:claim-1', reason: 'the article says potentially' } },
      ],
      pageInfo: { hasNextPage: true },
    });
  });

  it('sends each claim to subscribers of changes once it is in the answers (WebSocket), those of their actors only', async () => {
    const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${reader}` } });
    const received: unknown[] = [];
    let resolveFirst: () => void;
    const first = new Promise<void>((resolve) => (resolveFirst = resolve));
    const unsubscribe = client.subscribe(
      { query: 'subscription { changes(filter: { actors: ["Japan"] }) { claim { id op } written { id } } }' },
      { next: (m) => { received.push(m.data); resolveFirst(); }, error: (e) => received.push({ error: e }), complete: () => {} },
    );
    try {
      // Let the subscription start before the writes.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const russian = await gql(`mutation { addEvent(input: { kind: STATEMENT, title: "A Russian statement", date: "2023-12", actors: ["RU"],
        citations: [{ source: "${ARTICLE}", quote: "As Russia continues to ramp up its onslaught of attacks against civilian infrastructure" }] }) { claim { id } } }`, editor);
      expect(russian.body.data.addEvent.claim.id).toBe('claim:4');
      const japanese = await gql(add('The U.S. would still need to obtain permission'), editor);
      expect(japanese.body.data.addTransfer.claim.id).toBe('claim:5');
      await first;
      expect(received).toEqual([{ changes: { claim: { id: 'claim:5', op: 'ADD' }, written: [{ id: 'transfer:claim-5' }] } }]);
      // Mutations do not go over the WebSocket.
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: 'mutation { retract(id: "transfer:claim-5", reason: "x") { claim { id } } }' }, { next: resolve, error: resolve, complete: () => {} });
      });
      expect(JSON.stringify(refused)).toContain('Only subscriptions go over the WebSocket');
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });

  it('adds an actor, a system, a restriction and an aid commitment, and a status change as a correction', async () => {
    const cite = `citations: [{ source: "${ARTICLE}", quote: "Japan has committed more than $7 billion in aid to Ukraine" }]`;
    const actor = await gql(`mutation { addActor(input: { id: "FR", name: "France", kind: STATE, aliases: ["French Republic"], ${cite} }) { written { id ... on Actor { name aliases } } } }`, editor);
    expect(actor.body.data.addActor.written).toEqual([{ id: 'FR', name: 'France', aliases: ['French Republic'] }]);
    const system = await gql(`mutation { addSystem(input: { id: "system:samp-t", name: "SAMP/T", category: "air-defence system", manufacturer: "French Republic", ${cite} }) {
      written { id ... on WeaponSystem { manufacturer { id } } } } }`, editor);
    expect(system.body.data.addSystem.written).toEqual([{ id: 'system:samp-t', manufacturer: { id: 'FR' } }]);
    const rule = await gql(`mutation { addRestriction(input: { rule: NO_ARMS_EXPORT, title: "No exports of SAMP/T", imposedBy: "France", systems: ["SAMP/T"], inForce: "2024/..", ${cite} }) {
      written { id ... on Restriction { imposedBy { id } systems { id } } } } }`, editor);
    expect(rule.body.data.addRestriction.written[0]).toMatchObject({ id: expect.stringMatching(/^restriction:claim-\d+$/), imposedBy: { id: 'FR' }, systems: [{ id: 'system:samp-t' }] });
    const aid = await gql(`mutation { addAidCommitment(input: { donor: "Japan", recipient: "Ukraine", amountUsd: { min: 7000000000 }, categories: [HUMANITARIAN], date: "2022/2023", ${cite} }) {
      written { id ... on AidCommitment { donor { id } } } } }`, editor);
    expect(aid.body.data.addAidCommitment.written[0]).toMatchObject({ donor: { id: 'JP' } });
    const status = await gql(`mutation { addStatusChange(id: "transfer:us-ua-patriot-missiles-potential", input: { status: APPROVED, date: "2024-02",
      citations: [{ source: "${ARTICLE}", quote: "Some of its own current supply" }] }) {
      claim { op reason } written { id ... on Transfer { status statusHistory { status date { edtf } } } } ended { id } } }`, editor);
    expect(status.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'input.citations[0].quote', message: `quote not found verbatim in the text of source "${ARTICLE}": "Some of its own current supply"` }],
    });
    const fixed = await gql(`mutation { addStatusChange(id: "transfer:us-ua-patriot-missiles-potential", input: { status: APPROVED, date: "2024-02",
      citations: [{ source: "${ARTICLE}", quote: "some of its own current supply" }] }) {
      claim { op reason } written { id ... on Transfer { status statusHistory { status date { edtf } } } } ended { id } } }`, editor);
    expect(fixed.body.data.addStatusChange).toEqual({
      claim: { op: 'CORRECT', reason: 'status APPROVED (2024-02)' },
      written: [{ id: 'transfer:us-ua-patriot-missiles-potential.v2', status: 'APPROVED', statusHistory: [{ status: 'APPROVED', date: { edtf: '2024-02' } }] }],
      ended: [{ id: 'transfer:us-ua-patriot-missiles-potential' }],
    });
  });

  it('adds a cited alias to an actor: names resolve to it at once; a name of another actor is refused', async () => {
    const cite = `citations: [{ source: "${ARTICLE}", quote: "Japanese Foreign Ministry" }]`;
    const added = await gql(`mutation { addAlias(id: "Japan", alias: "Nippon", ${cite}) { claim { op reason } written { id ... on Actor { aliases } } } }`, editor);
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data.addAlias.claim).toEqual({ op: 'CORRECT', reason: 'alias "Nippon"' });
    expect(added.body.data.addAlias.written[0].aliases).toContain('Nippon');
    expect((await gql('{ actor(id: "Nippon") { id } }')).body.data.actor).toEqual({ id: 'JP' });
    expect((await gql('{ transferRoutes(from: "Nippon", to: "Ukraine") { totalCount } }')).body.data.transferRoutes.totalCount).toBeGreaterThan(0);
    const clash = await gql(`mutation { addAlias(id: "JP", alias: "U.S.", ${cite}) { claim { id } } }`, editor);
    expect(clash.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(clash.body.errors![0].extensions.issues).toEqual([{ field: 'alias', message: expect.stringMatching(/^"U\.S\." already names US/) }]);
    const unquoted = await gql(`mutation { addAlias(id: "JP", alias: "Yamato", citations: [{ source: "${ARTICLE}", quote: "Land of the rising sun" }]) { claim { id } } }`, editor);
    expect(unquoted.body.errors![0].extensions.issues.map((i: any) => i.field)).toEqual(['citations[0].quote']);
  });
});
