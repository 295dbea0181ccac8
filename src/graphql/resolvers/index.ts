// Resolvers: Query fields delegate to the store; type fields follow ids through the per-request DataLoader.
import { NotFoundError } from '../../domain/errors.js';
import type {
  Actor, AidCommitment, Citation, Event, Restriction, Transfer, WeaponSystem,
} from '../../domain/model.js';
import type { CheckReason, Entity, Hop, SearchHit, StatsKey, StatsRow, SubgraphEdge, TimelineEntry } from '../../store/index.js';
import {
  day, depthArg, nameFilterText, pageArgs, pathOptions, searchArgs, timelineFilter, transferFilter, type PathOptionsInput, type TimelineFilterInput,
  type TransferFilterInput,
} from '../args.js';
import type { GraphQLContext } from '../context.js';
import { connection } from './connection.js';
import { exportBaseName, exportFiles, exportGraph, selectSubgraph, type ExportFormat, type ExportSelection } from '../../export/index.js';

/** The GET /export URL of a selection (relative to the server). */
function exportUrl(format: ExportFormat, selection: ExportSelection, filter: TransferFilterInput | null | undefined): string {
  const params = new URLSearchParams({ format: format.toLowerCase() });
  if (selection.around?.length) params.set('around', selection.around.join(','));
  if (selection.depth !== undefined) params.set('depth', String(selection.depth));
  if (filter?.system) params.set('system', filter.system);
  if (filter?.statuses?.length) params.set('statuses', filter.statuses.join(','));
  if (filter?.between?.from || filter?.between?.to) params.set('between', `${filter.between.from ?? '..'}/${filter.between.to ?? '..'}`);
  if (format === 'CSV') params.set('part', 'nodes');
  return `/export?${params.toString()}`;
}

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

/** Resolves an actor reference, naming the argument in the NOT_FOUND error. */
async function actorArg(ctx: Ctx, ref: string, argument: string): Promise<string> {
  try {
    return await ctx.store.resolveActor(ref);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`${argument}: ${error.message}`, error.suggestions, { argument });
    throw error;
  }
}

async function systemArg(ctx: Ctx, ref: string, argument: string): Promise<string> {
  try {
    return await ctx.store.resolveSystem(ref);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`${argument}: ${error.message}`, error.suggestions, { argument });
    throw error;
  }
}

/**
 * Awaits argument look-ups side by side (on Neo4j each is a round trip) and, when several fail, throws the
 * error of the first argument in order, so the answer does not depend on which look-up finished first.
 */
async function allInOrder<T extends readonly unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
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
  Query: {
    node: async (_: unknown, a: { id: string }, ctx: Ctx) => typed(await ctx.nodes.load(a.id)),
    actor: (_: unknown, a: { id: string }, ctx: Ctx) => orNull(async () => value<Actor>(ctx, await ctx.store.resolveActor(a.id))),
    system: (_: unknown, a: { id: string }, ctx: Ctx) => orNull(async () => value<WeaponSystem>(ctx, await ctx.store.resolveSystem(a.id))),
    actors: async (_: unknown, a: PageInput & { filter?: { kinds?: Actor['kind'][] | null; text?: string | null } | null }, ctx: Ctx) =>
      connection(
        await ctx.store.actors(
          { ...(a.filter?.kinds?.length && { kinds: a.filter.kinds }), ...(a.filter?.text != null && { text: nameFilterText(a.filter.text) }) },
          pageArgs(a.first, a.after),
        ),
      ),
    systems: async (_: unknown, a: PageInput & { filter?: { category?: string | null; family?: string | null; text?: string | null } | null }, ctx: Ctx) => {
      const page = pageArgs(a.first, a.after);
      const f = a.filter;
      return connection(
        await ctx.store.systems(
          {
            ...(f?.category != null && { category: f.category }),
            ...(f?.family != null && { family: await systemArg(ctx, f.family, 'filter.family') }),
            ...(f?.text != null && { text: nameFilterText(f.text) }),
          },
          page,
        ),
      );
    },
    search: async (_: unknown, a: { text: string; first?: number | null }, ctx: Ctx) => {
      const { text, limit } = searchArgs(a.text, a.first);
      return ctx.store.search(text, limit);
    },
    transfers: async (_: unknown, a: PageInput & { filter?: TransferFilterInput | null }, ctx: Ctx) => {
      const page = pageArgs(a.first, a.after);
      const found = await ctx.store.transfers(await transferFilter(ctx.store, a.filter), page);
      for (const entity of found.related ?? []) ctx.nodes.prime(entity.value.id, entity);
      return connection(found);
    },
    transferPaths: async (_: unknown, a: { from: string; to: string; options?: PathOptionsInput | null }, ctx: Ctx) => {
      const { systemRef, ...options } = pathOptions(a.options);
      const [from, to, system] = await allInOrder<[string, string, string | undefined]>([
        actorArg(ctx, a.from, 'from'),
        actorArg(ctx, a.to, 'to'),
        systemRef === undefined ? Promise.resolve(undefined) : systemArg(ctx, systemRef, 'options.system'),
      ]);
      return ctx.store.transferPaths(from, to, { ...options, ...(system !== undefined && { system }) });
    },
    transferCheck: async (
      _: unknown,
      a: { supplier: string; recipient: string; system?: string | null; on?: string | null; origin?: string | null },
      ctx: Ctx,
    ) => {
      const on = day(a.on, 'on');
      const [supplier, recipient, system, origin] = await allInOrder<[string, string, string | undefined, string | undefined]>([
        actorArg(ctx, a.supplier, 'supplier'),
        actorArg(ctx, a.recipient, 'recipient'),
        a.system == null ? Promise.resolve(undefined) : systemArg(ctx, a.system, 'system'),
        a.origin == null ? Promise.resolve(undefined) : actorArg(ctx, a.origin, 'origin'),
      ]);
      return ctx.store.transferCheck({
        supplier, recipient, ...(system && { system }), ...(on && { on }), ...(origin && { origin }),
      });
    },
    timeline: async (_: unknown, a: PageInput & { filter?: TimelineFilterInput | null }, ctx: Ctx) => {
      const page = pageArgs(a.first, a.after);
      return connection(await ctx.store.timeline(await timelineFilter(ctx.store, a.filter), page));
    },
    subgraph: async (_: unknown, a: { around: string[]; depth?: number | null; filter?: TransferFilterInput | null }, ctx: Ctx) => {
      // Bounds and dates first (transferFilter parses them before resolving names), so a bad one costs no look-up.
      const depth = depthArg(a.depth);
      const filter = await transferFilter(ctx.store, a.filter);
      const around = await allInOrder<string[]>(a.around.map((ref, i) => actorArg(ctx, ref, `around[${i}]`)));
      const subgraph = await ctx.store.subgraph({ around, ...(depth !== undefined && { depth }), filter });
      // Edge ends are among the subgraph's actors: hand them over directly rather than through the loader.
      const actors = new Map(subgraph.actors.map((x) => [x.id, x]));
      return { ...subgraph, edges: subgraph.edges.map((e) => ({ ...e, sourceActor: actors.get(e.source), targetActor: actors.get(e.target) })) };
    },
    transferStats: async (_: unknown, a: { filter?: TransferFilterInput | null; groupBy: StatsKey[] }, ctx: Ctx) => {
      const rows = await ctx.store.transferStats(await transferFilter(ctx.store, a.filter), a.groupBy);
      return rows.map((row) => ({ ...row, groupBy: a.groupBy }));
    },
    export: async (
      _: unknown,
      a: { format: ExportFormat; around?: string[] | null; depth?: number | null; filter?: TransferFilterInput | null },
      ctx: Ctx,
    ) => {
      const depth = depthArg(a.depth);
      const filter = await transferFilter(ctx.store, a.filter);
      const around = await allInOrder<string[]>((a.around ?? []).map((ref, i) => actorArg(ctx, ref, `around[${i}]`)));
      const selection = { around, ...(depth !== undefined && { depth }), filter };
      const { subgraph, sources } = await selectSubgraph(ctx.store, selection);
      const files = exportFiles(a.format, exportGraph(subgraph, sources), exportBaseName(selection));
      return {
        format: a.format,
        files: files.map((f) => ({ name: f.name, contentType: f.contentType, content: [...f.chunks].join('') })),
        url: exportUrl(a.format, selection, a.filter),
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
    transfersOut: async (p: Actor, a: PageInput & { filter?: TransferFilterInput | null }, ctx: Ctx) => {
      const page = pageArgs(a.first, a.after);
      return connection(await ctx.store.transfers({ ...(await transferFilter(ctx.store, a.filter)), supplier: p.id }, page));
    },
    transfersIn: async (p: Actor, a: PageInput & { filter?: TransferFilterInput | null }, ctx: Ctx) => {
      const page = pageArgs(a.first, a.after);
      return connection(await ctx.store.transfers({ ...(await transferFilter(ctx.store, a.filter)), recipient: p.id }, page));
    },
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
