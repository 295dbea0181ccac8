// Resolvers: Query fields rename arguments and hand them to the question modules of query/; type fields follow ids.
import type { Transfer } from '../../domain/model.js';
import {
  actors, backfillCandidates, hopTransfersPage, routeChainsPage, search, subgraph, systems, timeline, transferCheck, transferPaths,
  transferRoutes, transferStats, transferTrends, dependence, deliveryLags, transfers, ask, reconcile, type Entity, type Page,
} from '../../query/index.js';
import { factSource } from '../../domain/provenance.js';
import { exportBaseName, exportFiles, exportGraph, exportUrl } from '../../export/index.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers.js';
import { authQueryResolvers, authTypeResolvers } from './auth.js';
import { connection } from './connection.js';
import { enumResolvers } from './enums.js';
import { claimMutations, claimQueries, claimSubscriptions } from './claims.js';
import { orNull, typed, type TypedNode } from './nodes.js';

type Ctx = GraphQLContext;

// Nested nodes: straight from the store when it holds the node in this process for the request (`heldNode`: no
// promise per field, which was a tenth of the memory store's time per request), else batched per request through
// the loader.
function value<T>(ctx: Ctx, id: string | undefined | null): T | null | Promise<T | null> {
  if (id == null) return null;
  const held = ctx.store.heldNode?.(id);
  if (held !== undefined) return held.value as T;
  return ctx.nodes.load(id).then((e) => (e?.value as T | undefined) ?? null);
}

/** A node found by name or id: handed to the request's loader too, so fields that refer to it do not read it again. */
function found<T>(ctx: Ctx, entity: Entity): T {
  ctx.nodes.prime(entity.value.id, entity);
  return entity.value as T;
}

/** A node a non-null field refers to: loads check every reference, so a missing one is a broken store. */
function one<T>(ctx: Ctx, id: string): T | Promise<T> {
  const missing = (): never => {
    throw new Error(`the store holds no node ${id}, though another node refers to it`);
  };
  const held = ctx.store.heldNode?.(id);
  if (held !== undefined) return held.value as T;
  return ctx.nodes.load(id).then((e) => (e?.value as T | undefined) ?? missing());
}

function values<T>(ctx: Ctx, ids: readonly string[] | undefined): T[] | Promise<T[]> {
  if (!ids || ids.length === 0) return [];
  const present = (found: readonly (Entity | Error | undefined)[]) =>
    found.filter((e): e is Entity => e !== undefined && !(e instanceof Error)).map((e) => e.value as T);
  const { store } = ctx;
  if (store.heldNode) {
    const held = ids.map((id) => store.heldNode!(id));
    if (held.every((e) => e !== undefined)) return present(held);
  }
  return ctx.nodes.loadMany(ids).then(present);
}


/** A node a non-null Node field refers to, with its GraphQL type name. */
async function typedOne(ctx: Ctx, id: string): Promise<TypedNode> {
  const node = typed(await ctx.nodes.load(id));
  if (node === null) throw new Error(`the store holds no node ${id}, though another node refers to it`);
  return node;
}

const grounded = {
  inferredFields: (p: { inferred: readonly string[] }) => p.inferred,
  note: (p: { note?: string | undefined }) => p.note ?? null,
};

/** The resolver map for schema/*.graphql, typed by the generated `Resolvers` (arguments, parents, results). */
export const resolvers = {
  ...enumResolvers,
  Mutation: claimMutations,
  Subscription: claimSubscriptions,
  Query: {
    ...claimQueries,
    node: async (_, a, ctx) => typed(await ctx.nodes.load(a.id)),
    actor: (_, a, ctx) => orNull(async () => found(ctx, await ctx.store.lookupActor(a.id))),
    system: (_, a, ctx) => orNull(async () => found(ctx, await ctx.store.lookupSystem(a.id))),
    actors: async (_, a, ctx) => connection(await actors(ctx.store, a.filter, a)),
    systems: async (_, a, ctx) => connection(await systems(ctx.store, a.filter, a)),
    search: (_, a, ctx) => search(ctx.store, a.text, a.first),
    transfers: async (_, a, ctx) => connection(await transfers(ctx.store, a.filter, a)),
    transferPaths: (_, a, ctx) => transferPaths(ctx.store, a.from, a.to, a.options),
    transferRoutes: async (_, a, ctx) => {
      const page = await transferRoutes(ctx.store, a.from, a.to, a.options, a);
      return { ...connection(page), complete: page.complete, hopsCovered: page.hopsCovered, expansions: page.expansions };
    },
    backfillCandidates: (_, a, ctx) => backfillCandidates(ctx.store, a.recipient, a),
    reconcile: (_, a, ctx) => reconcile(ctx.store, a.recipient, a),
    transferCheck: (_, a, ctx) => transferCheck(ctx.store, a),
    timeline: async (_, a, ctx) => connection(await timeline(ctx.store, a.filter, a)),
    subgraph: async (_, a, ctx) => {
      const found = await subgraph(ctx.store, a);
      // Edge ends are among the subgraph's actors: hand them over directly rather than through the loader.
      const byId = new Map(found.actors.map((x) => [x.id, x]));
      return { ...found, edges: found.edges.map((e) => ({ ...e, sourceActor: byId.get(e.source), targetActor: byId.get(e.target) })) };
    },
    transferTrends: (_, a, ctx) => transferTrends(ctx.store, a),
    dependence: (_, a, ctx) => dependence(ctx.store, a.actor, a),
    deliveryLags: (_, a, ctx) => deliveryLags(ctx.store, a),
    transferStats: async (_, a, ctx) => {
      const rows = await transferStats(ctx.store, a.filter, a.groupBy);
      return rows.map((row) => ({ ...row, groupBy: a.groupBy }));
    },
    export: async (_, a, ctx) => {
      const { selection, subgraph: graph, sources } = await ask(ctx.store).exportSelection(a);
      const files = exportFiles(a.format, exportGraph(graph, sources), exportBaseName(selection));
      return {
        format: a.format,
        files: files.map((f) => ({ name: f.name, contentType: f.contentType, content: [...f.chunks].join('') })),
        url: exportUrl(a.format, selection),
      };
    },
    stats: (_, __, ctx) => ctx.store.stats(),
    ...authQueryResolvers,
  },

  StatsRow: {
    labels: (p, _, ctx) =>
      Promise.all(
        p.key.map(async (k, i) => {
          const by = p.groupBy[i];
          if (by !== 'SUPPLIER' && by !== 'RECIPIENT' && by !== 'SYSTEM' && by !== 'FAMILY') return k;
          const v = await value<{ name: string }>(ctx, k);
          return v?.name ?? k;
        }),
      ),
  },

  Node: {
    __resolveType: (obj) => obj.__typename,
  },

  Actor: {
    partOf: (p, _, ctx) => value(ctx, p.partOf),
    country: (p, _, ctx) => value(ctx, p.country),
    note: grounded.note,
    transfersOut: async (p, a, ctx) => connection(await transfers(ctx.store, a.filter, a, { supplier: p.id })),
    transfersIn: async (p, a, ctx) => connection(await transfers(ctx.store, a.filter, a, { recipient: p.id })),
  },

  WeaponSystem: {
    family: (p, _, ctx) => value(ctx, p.family),
    manufacturer: (p, _, ctx) => value(ctx, p.manufacturer),
    producedBy: (p, _, ctx) => value(ctx, p.producedBy),
    note: grounded.note,
  },

  Transfer: {
    supplier: (p, _, ctx) => one(ctx, p.supplier),
    recipient: (p, _, ctx) => one(ctx, p.recipient),
    system: (p, _, ctx) => one(ctx, p.system),
    enabledBy: (p, _, ctx) => values(ctx, p.enabledBy),
    subjectTo: (p, _, ctx) => values(ctx, p.subjectTo),
    backfills: (p, _, ctx) => values(ctx, p.backfills),
    sipri: (p) => p.sipri ?? null,
    source: (p) => factSource(p),
    ...grounded,
  },

  Event: {
    actors: (p, _, ctx) => values(ctx, p.actors),
    systems: (p, _, ctx) => values(ctx, p.systems),
    ...grounded,
  },

  Restriction: {
    imposedBy: (p, _, ctx) => one(ctx, p.imposedBy),
    suppliers: (p, _, ctx) => values(ctx, p.appliesTo.suppliers),
    recipients: (p, _, ctx) => values(ctx, p.appliesTo.recipients),
    systems: (p, _, ctx) => values(ctx, p.appliesTo.systems),
    origins: (p, _, ctx) => values(ctx, p.appliesTo.origins),
    consentOf: (p, _, ctx) => value(ctx, p.consentOf),
    ...grounded,
  },

  AidCommitment: {
    donor: (p, _, ctx) => one(ctx, p.donor),
    recipient: (p, _, ctx) => one(ctx, p.recipient),
    system: (p, _, ctx) => value(ctx, p.system),
    source: (p) => factSource(p),
    ...grounded,
  },

  Reconciliation: {
    recipient: (p, _, ctx) => one(ctx, p.recipient),
  },

  ReconcileRow: {
    donor: (p, _, ctx) => one(ctx, p.donor),
  },

  ReconcileClaim: {
    supplier: (p, _, ctx) => one(ctx, p.supplier),
    recipient: (p, _, ctx) => one(ctx, p.recipient),
  },

  Source: {
    note: grounded.note,
  },

  Citation: {
    source: (p, _, ctx) => one(ctx, p.source),
  },

  Hop: {
    from: (p, _, ctx) => one(ctx, p.from),
    to: (p, _, ctx) => one(ctx, p.to),
  },

  Route: {
    actors: (p, _, ctx) => Promise.all(p.actors.map((id) => one(ctx, id))),
    chains: async (p, a, ctx) => connection(await routeChainsPage(ctx.store, p, a)),
  },

  RouteHop: {
    from: (p, _, ctx) => one(ctx, p.from),
    to: (p, _, ctx) => one(ctx, p.to),
    systems: (p, _, ctx) => values(ctx, p.systems),
    transfers: async (p, a, ctx) => {
      const page = hopTransfersPage(p, a);
      return connection({ ...page, items: await Promise.all(page.items.map((t) => one<Transfer>(ctx, t.id))) });
    },
  },

  Dependence: {
    actor: (p, _, ctx) => one(ctx, p.actor),
  },

  BackfillCandidate: {
    via: (p, _, ctx) => one(ctx, p.via),
    from: (p, _, ctx) => one(ctx, p.from),
    to: (p, _, ctx) => one(ctx, p.to),
  },

  CheckReason: {
    restriction: (p, _, ctx) => one(ctx, p.restriction),
    consentOf: (p, _, ctx) => value(ctx, p.consentOf),
  },

  TimelineEntry: {
    subject: (p, _, ctx) => typedOne(ctx, p.subject),
    actors: (p, _, ctx) => values(ctx, p.actors),
    systems: (p, _, ctx) => values(ctx, p.systems),
  },

  SearchHit: {
    node: (p, _, ctx) => typedOne(ctx, p.id),
  },

  SubgraphEdge: {
    source: (p, _, ctx) => p.sourceActor ?? one(ctx, p.source),
    target: (p, _, ctx) => p.targetActor ?? one(ctx, p.target),
  },

  ...authTypeResolvers,
} satisfies Resolvers;
