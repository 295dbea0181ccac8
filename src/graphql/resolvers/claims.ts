// Resolvers of the writes (schema/writes.graphql): typed claim inputs become seed-form records for the claim
// service; its issues come back naming the mutation's arguments.
import { on } from 'node:events';
import { requireRole } from '../../auth/index.js';
import type { Actor, WeaponSystem } from '../../domain/model.js';
import { ArmsgraphError, InvalidArgumentError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { entityRecord, firstVersionId, transferRecord as seedFormOf, type ClaimRequest, type ClaimResult, type StoredClaim } from '../../claims/index.js';
import type { GraphQLContext } from '../context.js';
import type { EventClaimInput, MutationResolvers, QueryResolvers, SubscriptionResolvers, TransferClaimInput } from '../generated/resolvers.js';
import { orNull, typed, type TypedNode } from './nodes.js';

type Ctx = GraphQLContext;

/** The claim service and the writer (an editor's or admin's token), or the error saying why this request may not write. */
function writer(ctx: Ctx): { claims: NonNullable<Ctx['claims']>; by: string; role: 'editor' | 'admin' } {
  const who = requireRole(ctx.principal, 'editor');
  if (ctx.claims === undefined) {
    throw new ArmsgraphError('UNAVAILABLE', 'this server takes no writes: it serves what the database holds (serve --no-load), without the seeds and imports claims are checked against; serve with loading (with the same --sipri, --kiel) to take claims (docs/claims.md)');
  }
  return { claims: ctx.claims, by: who.name, role: who.role === 'admin' ? 'admin' : 'editor' };
}

/** A copy without null and undefined fields, at any depth (GraphQL sends null for what a client leaves out). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
}

/** An actor or system id for a name or alias; the reference as given when none matches (the claim check then says so). */
async function idOf(ctx: Ctx, kind: 'actor' | 'system', ref: string): Promise<string> {
  return (await orNull(() => (kind === 'actor' ? ctx.store.resolveActor(ref) : ctx.store.resolveSystem(ref)))) ?? ref;
}

/** Resolves the names a typed input holds (`field: 'actor' | 'system'`, one value or a list) to ids. */
async function withIds(ctx: Ctx, input: Record<string, unknown>, names: Readonly<Record<string, 'actor' | 'system'>>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...input };
  for (const [field, kind] of Object.entries(names)) {
    const value = input[field];
    if (typeof value === 'string') out[field] = await idOf(ctx, kind, value);
    else if (Array.isArray(value)) out[field] = await Promise.all(value.map((v: string) => idOf(ctx, kind, v)));
  }
  return out;
}

/** A typed claim input as seed records of `collection` (its sources apart, its knownSince left out). */
async function recordsOf(
  ctx: Ctx, collection: string, input: { readonly sources?: unknown; readonly knownSince?: unknown } & object, names: Readonly<Record<string, 'actor' | 'system'>>,
  shape: (fact: Record<string, unknown>) => Record<string, unknown> = (f) => f,
): Promise<Record<string, readonly unknown[]>> {
  const { sources, knownSince: _known, ...fact } = input as Record<string, unknown>;
  return withoutNulls({ ...(sources != null && { sources }), [collection]: [shape(await withIds(ctx, fact, names))] }) as Record<string, readonly unknown[]>;
}

/** A restriction's typed input in seed form: whom it binds under `appliesTo`. */
function restrictionShape(f: Record<string, unknown>): Record<string, unknown> {
  const { suppliers, recipients, systems, origins, ...rest } = f;
  return { ...rest, appliesTo: withoutNulls({ suppliers, recipients, systems, origins }) };
}

const transferRecords = (ctx: Ctx, input: TransferClaimInput) => recordsOf(ctx, 'transfers', input, { supplier: 'actor', recipient: 'actor', system: 'system' });
const eventRecords = (ctx: Ctx, input: EventClaimInput) => recordsOf(ctx, 'events', input, { actors: 'actor', systems: 'system' });

/** A claim's issue fields as the mutation's arguments: `transfers[0].date` is `input.date`, `target` is `id`. */
function argumentOf(field: string): string {
  if (field === 'target') return 'id';
  if (field === 'reason') return 'reason';
  if (field === 'records') return 'input';
  if (field === 'knownSince') return 'input.knownSince';
  // addStatusChange: its input is the new entry of the transfer's status history.
  const change = /^transfers\[0\]\.statusHistory\[\d+\]\.(.*)$/.exec(field);
  if (change) return `input.${change[1]}`;
  const fact = /^(?:transfers|events|restrictions|aidCommitments|actors|systems)\[0\]\.?(.*)$/.exec(field);
  if (fact) return fact[1] === '' ? 'input' : `input.${fact[1]}`;
  return `input.${field}`;
}

/** Submits a claim; a ValidationError comes back with each issue naming the argument, under the mutation's name. */
async function submit(ctx: Ctx, mutation: string, request: ClaimRequest): Promise<ClaimResult> {
  const { claims, by, role } = writer(ctx);
  try {
    return await claims.submit(request, by, role);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.issues.map((i) => ({ ...i, file: mutation, field: argumentOf(i.field) })));
    }
    throw error;
  }
}

/** A node with its GraphQL type name, read fresh from the store (the request's loader may predate the write). */
async function nodesOf(ctx: Ctx, ids: readonly string[]): Promise<TypedNode[]> {
  const found = await ctx.store.nodes(ids);
  return ids.flatMap((id) => typed(found.get(id)) ?? []);
}

async function result(ctx: Ctx, r: ClaimResult) {
  return { claim: r.claim, written: await nodesOf(ctx, r.written), ended: await nodesOf(ctx, r.ended) };
}

/** Most claims a page of `claims` holds. */
const MAX_FIRST = 100;

export const claimMutations = {
  addTransfer: async (_, a, ctx) => result(ctx, await submit(ctx, 'addTransfer', { op: 'ADD', records: await transferRecords(ctx, a.input), ...known(a.input) })),
  addEvent: async (_, a, ctx) => result(ctx, await submit(ctx, 'addEvent', { op: 'ADD', records: await eventRecords(ctx, a.input), ...known(a.input) })),
  correctTransfer: async (_, a, ctx) =>
    result(ctx, await submit(ctx, 'correctTransfer', { op: 'CORRECT', target: a.id, reason: a.reason, records: await transferRecords(ctx, a.input), ...known(a.input) })),
  correctEvent: async (_, a, ctx) =>
    result(ctx, await submit(ctx, 'correctEvent', { op: 'CORRECT', target: a.id, reason: a.reason, records: await eventRecords(ctx, a.input), ...known(a.input) })),
  retract: async (_, a, ctx) => result(ctx, await submit(ctx, 'retract', { op: 'RETRACT', target: a.id, reason: a.reason })),
  addRestriction: async (_, a, ctx) =>
    result(ctx, await submit(ctx, 'addRestriction', {
      op: 'ADD', ...known(a.input),
      records: await recordsOf(ctx, 'restrictions', a.input, { imposedBy: 'actor', suppliers: 'actor', recipients: 'actor', origins: 'actor', consentOf: 'actor', systems: 'system' }, restrictionShape),
    })),
  addAidCommitment: async (_, a, ctx) =>
    result(ctx, await submit(ctx, 'addAidCommitment', { op: 'ADD', ...known(a.input), records: await recordsOf(ctx, 'aidCommitments', a.input, { donor: 'actor', recipient: 'actor' }) })),
  addActor: async (_, a, ctx) =>
    result(ctx, await submit(ctx, 'addActor', { op: 'ADD', records: await recordsOf(ctx, 'actors', a.input, { partOf: 'actor', country: 'actor' }) })),
  addSystem: async (_, a, ctx) =>
    result(ctx, await submit(ctx, 'addSystem', { op: 'ADD', records: await recordsOf(ctx, 'systems', a.input, { family: 'system', manufacturer: 'actor', producedBy: 'actor' }) })),
  addAlias: async (_, a, ctx) => {
    writer(ctx);
    const entity = (await orNull(() => ctx.store.lookupActor(a.id))) ?? (await orNull(() => ctx.store.lookupSystem(a.id)));
    if (entity === null) throw new NotFoundError(`no actor or weapon system "${a.id}"`, [], { argument: 'id' });
    if (a.citations.length === 0) throw new InvalidArgumentError('citations: at least one: where it is called so', { argument: 'citations' });
    const record = entityRecord(entity.value as Actor | WeaponSystem);
    // The new citations first, so an issue's index is the argument's.
    const cited = { ...record, aliases: [...(record.aliases as string[]), a.alias], citations: [...a.citations, ...((record.citations as unknown[] | undefined) ?? [])] };
    const collection = entity.type === 'Actor' ? 'actors' : 'systems';
    try {
      return await result(ctx, await submit(ctx, 'addAlias', {
        op: 'CORRECT', target: entity.value.id, reason: `alias "${a.alias}"`,
        records: withoutNulls({ ...(a.sources != null && { sources: a.sources }), [collection]: [cited] }) as Record<string, readonly unknown[]>,
      }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const field = (f: string) => (/^input\.aliases\[/.test(f) || f === 'input.name' ? 'alias' : f.startsWith('input.citations') ? f.slice('input.'.length) : f.startsWith('input.sources') ? f.slice('input.'.length) : f);
      throw new ValidationError(error.issues.map((i) => ({ ...i, field: field(i.field) })));
    }
  },
  addStatusChange: async (_, a, ctx) => {
    writer(ctx);
    const found = await ctx.store.node(a.id);
    if (found?.type !== 'Transfer') throw new NotFoundError(`no transfer "${a.id}"`, [], { argument: 'id' });
    const t = found.value;
    if (t.sipri !== undefined) throw new InvalidArgumentError(`id: "${a.id}" is SIPRI's record of a deal; its status is SIPRI's. Add a transfer of your own, or retract it`, { argument: 'id' });
    const change = withoutNulls({ status: a.input.status, date: a.input.date, citations: a.input.citations }) as Record<string, unknown>;
    const before = seedFormOf(t);
    const record = { ...before, status: a.input.status, statusHistory: [...(before.statusHistory as unknown[]), change] };
    const reason = a.input.reason ?? `status ${a.input.status} (${a.input.date})`;
    return result(ctx, await submit(ctx, 'addStatusChange', {
      op: 'CORRECT', target: a.id, reason, records: withoutNulls({ ...(a.input.sources != null && { sources: a.input.sources }), transfers: [record] }) as Record<string, readonly unknown[]>,
    }));
  },
} satisfies MutationResolvers;

function known(input: { knownSince?: string | null }): { knownSince?: string } {
  return input.knownSince != null ? { knownSince: input.knownSince } : {};
}

/** The actors and systems a written or ended fact involves. */
function involved(node: TypedNode): string[] {
  switch (node.__typename) {
    case 'Transfer': return [node.supplier, node.recipient, node.system];
    case 'Event': return [...node.actors, ...node.systems];
    case 'Restriction': return [node.imposedBy, ...(node.appliesTo.suppliers ?? []), ...(node.appliesTo.recipients ?? []), ...(node.appliesTo.systems ?? [])];
    case 'AidCommitment': return [node.donor, node.recipient, ...(node.system !== undefined ? [node.system] : [])];
    default: return [node.id];
  }
}

/** The change feed: each claim, as its result, once durable and visible; those involving the filter's actors or systems. */
async function* changesOf(ctx: Ctx, filter: { actors?: readonly string[] | null; systems?: readonly string[] | null } | null | undefined) {
  const claims = ctx.claims;
  if (claims === undefined) throw new ArmsgraphError('UNAVAILABLE', 'this server takes no writes, so it has no changes to send (see docs/claims.md)');
  const ids = new Set([
    ...(await Promise.all((filter?.actors ?? []).map((a) => ctx.store.resolveActor(a)))),
    ...(await Promise.all((filter?.systems ?? []).map((s) => ctx.store.resolveSystem(s)))),
  ]);
  for await (const [change] of on(claims.events, 'claim') as AsyncIterableIterator<[ClaimResult]>) {
    const payload = await result(ctx, change);
    if (ids.size === 0 || [...payload.written, ...payload.ended].some((n) => involved(n).some((id) => ids.has(id)))) yield { changes: payload };
  }
}

export const claimSubscriptions = {
  changes: { subscribe: (_, a, ctx) => changesOf(ctx, a.filter) },
} satisfies SubscriptionResolvers;

export const claimQueries = {
  quoteCheck: (_, a, ctx) => {
    if (ctx.claims === undefined) throw new ArmsgraphError('UNAVAILABLE', 'this server takes no writes, so it checks no quotes (see docs/claims.md)');
    return ctx.claims.checkQuote(a.source, a.quote);
  },
  claims: (_, a, ctx) => {
    const first = a.first ?? 20;
    if (first < 0 || first > MAX_FIRST) throw new InvalidArgumentError(`first must be between 0 and ${MAX_FIRST}, got ${first}`, { argument: 'first' });
    const all = [...(ctx.claims?.list() ?? [])].reverse();
    let start = 0;
    if (a.after != null) {
      const at = all.findIndex((c) => c.id === a.after);
      if (at < 0) throw new InvalidArgumentError(`after: "${a.after}" is not a claim id of this store`, { argument: 'after' });
      start = at + 1;
    }
    const items: StoredClaim[] = all.slice(start, start + first);
    return {
      edges: items.map((c) => ({ cursor: c.id, node: c })),
      totalCount: all.length,
      pageInfo: { hasNextPage: start + first < all.length, hasPreviousPage: start > 0, startCursor: items[0]?.id ?? null, endCursor: items.at(-1)?.id ?? null },
    };
  },
  factHistory: async (_, a, ctx) => {
    // The first version, then `.v2`, `.v3` … while they exist.
    const first = firstVersionId(a.id);
    const versions = await nodesOf(ctx, [first]);
    if (versions.length === 0) throw new NotFoundError(`no fact "${a.id}"`, [], { argument: 'id' });
    for (let n = 2; ; n += 1) {
      const next = await nodesOf(ctx, [`${first}.v${n}`]);
      if (next.length === 0) return versions;
      versions.push(...next);
    }
  },
} satisfies QueryResolvers;
