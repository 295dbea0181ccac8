// Resolvers: Query fields rename arguments and hand them to the question modules of query/; type fields follow ids.
import { NotFoundError } from '../../domain/errors.js';
import type {
  Actor, AidCommitment, Citation, Event, Restriction, Transfer, WeaponSystem,
} from '../../domain/model.js';
import {
  actors, search, subgraph, systems, timeline, transferCheck, transferPaths, transferStats, transfers, ask,
  type ActorFilterInput, type CheckReason, type Entity, type Page, type Hop, type PathOptionsInput, type SearchHit, type StatsKey,
  type StatsRow, type SubgraphEdge, type SystemFilterInput, type TimelineEntry, type TimelineFilterInput, type TransferFilterInput,
} from '../../query/index.js';
import type { GraphQLContext } from '../context.js';
import { connection } from './connection.js';
import { enumResolvers } from './enums.js';
import { exportBaseName, exportFiles, exportGraph, exportUrl, type ExportFormat } from '../../export/index.js';

type Ctx = GraphQLContext;
interface PageInput {
  first?: number | null;
  after?: string | null;
}

// Nested nodes: straight from a store that holds the graph in this process (no promise per field, which was a
// tenth of the memory store's time per request), else batched per request through the loader.
function value<T>(ctx: Ctx, id: string | undefined | null): T | null | Promise<T | null> {
  if (id == null) return null;
  if (ctx.store.heldNode) return (ctx.store.heldNode(id)?.value as T | undefined) ?? null;
  return ctx.nodes.load(id).then((e) => (e?.value as T | undefined) ?? null);
}

function values<T>(ctx: Ctx, ids: readonly string[] | undefined): T[] | Promise<T[]> {
  if (!ids || ids.length === 0) return [];
  const present = (found: readonly (Entity | Error | undefined)[]) =>
    found.filter((e): e is Entity => e !== undefined && !(e instanceof Error)).map((e) => e.value as T);
  const { store } = ctx;
  if (store.heldNode) return present(ids.map((id) => store.heldNode!(id)));
  return ctx.nodes.loadMany(ids).then(present);
}

/** A node with its GraphQL type name, for fields typed as the Node interface. */
function typed(entity: Entity | undefined): (Entity['value'] & { __typename: string }) | null {
  return entity ? { ...entity.value, __typename: entity.type } : null;
}

/** A transfers page as a connection, its related nodes (read with the page on Neo4j) primed in the loader. */
function primed(ctx: Ctx, found: Page<Transfer>) {
  for (const entity of found.related ?? []) ctx.nodes.prime(entity.value.id, entity);
  return connection(found);
}

async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const grounded = {
  inferredFields: (p: { inferred: readonly string[] }) => p.inferred,
  note: (p: { note?: string }) => p.note ?? null,
};

/** The resolver map for schema/*.graphql. */
export const resolvers = {
  ...enumResolvers,
  Query: {
    node: async (_: unknown, a: { id: string }, ctx: Ctx) => typed(await ctx.nodes.load(a.id)),
    actor: (_: unknown, a: { id: string }, ctx: Ctx) => orNull(async () => value<Actor>(ctx, await ctx.store.resolveActor(a.id))),
    system: (_: unknown, a: { id: string }, ctx: Ctx) => orNull(async () => value<WeaponSystem>(ctx, await ctx.store.resolveSystem(a.id))),
    actors: async (_: unknown, a: PageInput & { filter?: ActorFilterInput | null }, ctx: Ctx) => connection(await actors(ctx.store, a.filter, a)),
    systems: async (_: unknown, a: PageInput & { filter?: SystemFilterInput | null }, ctx: Ctx) => connection(await systems(ctx.store, a.filter, a)),
    search: (_: unknown, a: { text: string; first?: number | null }, ctx: Ctx) => search(ctx.store, a.text, a.first),
    transfers: async (_: unknown, a: PageInput & { filter?: TransferFilterInput | null }, ctx: Ctx) => primed(ctx, await transfers(ctx.store, a.filter, a)),
    transferPaths: (_: unknown, a: { from: string; to: string; options?: PathOptionsInput | null }, ctx: Ctx) =>
      transferPaths(ctx.store, a.from, a.to, a.options),
    transferCheck: (
      _: unknown,
      a: { supplier: string; recipient: string; system?: string | null; on?: string | null; origin?: string | null },
      ctx: Ctx,
    ) => transferCheck(ctx.store, a),
    timeline: async (_: unknown, a: PageInput & { filter?: TimelineFilterInput | null }, ctx: Ctx) => connection(await timeline(ctx.store, a.filter, a)),
    subgraph: async (_: unknown, a: { around: string[]; depth?: number | null; filter?: TransferFilterInput | null }, ctx: Ctx) => {
      const found = await subgraph(ctx.store, a);
      // Edge ends are among the subgraph's actors: hand them over directly rather than through the loader.
      const byId = new Map(found.actors.map((x) => [x.id, x]));
      return { ...found, edges: found.edges.map((e) => ({ ...e, sourceActor: byId.get(e.source), targetActor: byId.get(e.target) })) };
    },
    transferStats: async (_: unknown, a: { filter?: TransferFilterInput | null; groupBy: StatsKey[] }, ctx: Ctx) => {
      const rows = await transferStats(ctx.store, a.filter, a.groupBy);
      return rows.map((row) => ({ ...row, groupBy: a.groupBy }));
    },
    export: async (
      _: unknown,
      a: { format: ExportFormat; around?: string[] | null; depth?: number | null; filter?: TransferFilterInput | null },
      ctx: Ctx,
    ) => {
      const { selection, subgraph: graph, sources } = await ask(ctx.store).exportSelection(a);
      const files = exportFiles(a.format, exportGraph(graph, sources), exportBaseName(selection));
      return {
        format: a.format,
        files: files.map((f) => ({ name: f.name, contentType: f.contentType, content: [...f.chunks].join('') })),
        url: exportUrl(a.format, selection),
      };
    },
    stats: (_: unknown, __: unknown, ctx: Ctx) => ctx.store.stats(),
  },

  StatsRow: {
    labels: (p: StatsRow & { groupBy: StatsKey[] }, _: unknown, ctx: Ctx) =>
      Promise.all(
        p.key.map(async (k, i) => {
          const by = p.groupBy[i];
          if (by !== 'SUPPLIER' && by !== 'RECIPIENT' && by !== 'SYSTEM') return k;
          const v = await value<{ name: string }>(ctx, k);
          return v?.name ?? k;
        }),
      ),
  },

  Node: {
    __resolveType: (obj: { __typename?: string }) => obj.__typename ?? null,
  },

  Actor: {
    partOf: (p: Actor, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.partOf),
    country: (p: Actor, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.country),
    note: grounded.note,
    transfersOut: async (p: Actor, a: PageInput & { filter?: TransferFilterInput | null }, ctx: Ctx) =>
      primed(ctx, await transfers(ctx.store, a.filter, a, { supplier: p.id })),
    transfersIn: async (p: Actor, a: PageInput & { filter?: TransferFilterInput | null }, ctx: Ctx) =>
      primed(ctx, await transfers(ctx.store, a.filter, a, { recipient: p.id })),
  },

  WeaponSystem: {
    family: (p: WeaponSystem, _: unknown, ctx: Ctx) => value<WeaponSystem>(ctx, p.family),
    manufacturer: (p: WeaponSystem, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.manufacturer),
    producedBy: (p: WeaponSystem, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.producedBy),
    note: grounded.note,
  },

  Transfer: {
    supplier: (p: Transfer, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.supplier),
    recipient: (p: Transfer, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.recipient),
    system: (p: Transfer, _: unknown, ctx: Ctx) => value<WeaponSystem>(ctx, p.system),
    enabledBy: (p: Transfer, _: unknown, ctx: Ctx) => values<Event>(ctx, p.enabledBy),
    subjectTo: (p: Transfer, _: unknown, ctx: Ctx) => values<Restriction>(ctx, p.subjectTo),
    backfills: (p: Transfer, _: unknown, ctx: Ctx) => values<Transfer>(ctx, p.backfills),
    sipri: (p: Transfer) => p.sipri ?? null,
    ...grounded,
  },

  Event: {
    actors: (p: Event, _: unknown, ctx: Ctx) => values<Actor>(ctx, p.actors),
    systems: (p: Event, _: unknown, ctx: Ctx) => values<WeaponSystem>(ctx, p.systems),
    ...grounded,
  },

  Restriction: {
    imposedBy: (p: Restriction, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.imposedBy),
    suppliers: (p: Restriction, _: unknown, ctx: Ctx) => values<Actor>(ctx, p.appliesTo.suppliers),
    recipients: (p: Restriction, _: unknown, ctx: Ctx) => values<Actor>(ctx, p.appliesTo.recipients),
    systems: (p: Restriction, _: unknown, ctx: Ctx) => values<WeaponSystem>(ctx, p.appliesTo.systems),
    origins: (p: Restriction, _: unknown, ctx: Ctx) => values<Actor>(ctx, p.appliesTo.origins),
    consentOf: (p: Restriction, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.consentOf),
    ...grounded,
  },

  AidCommitment: {
    donor: (p: AidCommitment, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.donor),
    recipient: (p: AidCommitment, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.recipient),
    ...grounded,
  },

  Source: {
    note: grounded.note,
  },

  Citation: {
    source: (p: Citation, _: unknown, ctx: Ctx) => value(ctx, p.source),
  },

  Hop: {
    from: (p: Hop, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.from),
    to: (p: Hop, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.to),
  },

  CheckReason: {
    restriction: (p: CheckReason, _: unknown, ctx: Ctx) => value<Restriction>(ctx, p.restriction),
    consentOf: (p: CheckReason, _: unknown, ctx: Ctx) => value<Actor>(ctx, p.consentOf),
  },

  TimelineEntry: {
    subject: async (p: TimelineEntry, _: unknown, ctx: Ctx) => typed(await ctx.nodes.load(p.subject)),
    actors: (p: TimelineEntry, _: unknown, ctx: Ctx) => values<Actor>(ctx, p.actors),
    systems: (p: TimelineEntry, _: unknown, ctx: Ctx) => values<WeaponSystem>(ctx, p.systems),
  },

  SearchHit: {
    node: async (p: SearchHit, _: unknown, ctx: Ctx) => typed(await ctx.nodes.load(p.id)),
  },

  SubgraphEdge: {
    source: (p: SubgraphEdge & { sourceActor?: Actor }, _: unknown, ctx: Ctx) => p.sourceActor ?? value<Actor>(ctx, p.source),
    target: (p: SubgraphEdge & { targetActor?: Actor }, _: unknown, ctx: Ctx) => p.targetActor ?? value<Actor>(ctx, p.target),
  },
};
