// The subgraph question (DESIGN §5): the neighbourhood of some actors, or the whole graph, as nodes and edges.
import { InvalidArgumentError } from '../../domain/errors.js';
import type { Actor, Source, Transfer, WeaponSystem } from '../../domain/model.js';
import { actorArg, allInOrder, checkTransferFilter, resolveTransferFilter } from '../prepare.js';
import type { EntityPort, ListPort, NamePort, NeighbourhoodPort } from '../ports.js';
import type { Subgraph, SubgraphInput, TransferFilter } from '../types.js';

/** Largest `depth` a subgraph may ask for. */
export const MAX_SUBGRAPH_DEPTH = 4;
/** The depth when none is given. */
export const DEFAULT_SUBGRAPH_DEPTH = 1;

/** Checks a neighbourhood depth (0–4) before any actor is resolved or any transfer read. */
export function checkDepth(depth: number | null | undefined): number {
  if (depth == null) return DEFAULT_SUBGRAPH_DEPTH;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_SUBGRAPH_DEPTH) {
    throw new InvalidArgumentError(`depth must be an integer from 0 to ${MAX_SUBGRAPH_DEPTH}, got ${depth}`, { argument: 'depth' });
  }
  return depth;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A subgraph from its actors and transfers: everything sorted by id, the transfers' systems read by id. */
export async function assembleSubgraph(ports: EntityPort, actors: readonly Actor[], transfers: readonly Transfer[]): Promise<Subgraph> {
  const systemIds = [...new Set(transfers.map((t) => t.system))];
  const found = systemIds.length === 0 ? new Map() : await ports.nodes(systemIds);
  const systems = [...found.values()].map((e) => e.value as WeaponSystem);
  return {
    actors: [...actors].sort(byId),
    systems: systems.sort(byId),
    edges: [...transfers].sort(byId).map((t) => ({ id: t.id, source: t.supplier, target: t.recipient, transfer: t })),
  };
}

/** A subgraph selection, prepared: resolved actors (none: the whole graph), depth and filter. */
export interface SubgraphSelection {
  readonly around: readonly string[];
  readonly depth: number;
  readonly filter: TransferFilter;
}

/** Checks depth and dates, then resolves `around` and the filter's references (the first failing one reported). */
export async function prepareSubgraph(names: NamePort, input: SubgraphInput): Promise<SubgraphSelection> {
  const depth = checkDepth(input.depth);
  const checked = checkTransferFilter(input.filter);
  const [around, filter] = await allInOrder<[string[], TransferFilter]>([
    allInOrder<string[]>((input.around ?? []).map((ref, i) => actorArg(names, ref, `around[${i}]`))),
    resolveTransferFilter(names, checked),
  ]);
  return { around, depth, filter };
}

/** The subgraph of a prepared selection: the neighbourhood of `around`, or every actor and matching transfer. */
export async function selectSubgraph(ports: EntityPort & ListPort & NeighbourhoodPort, selection: SubgraphSelection): Promise<Subgraph> {
  if (selection.around.length > 0) {
    const { actors, transfers } = await ports.neighbourhood(selection.around, selection.depth, selection.filter);
    return assembleSubgraph(ports, actors, transfers);
  }
  const [actors, transfers] = await Promise.all([ports.allActors(), ports.allTransfers(selection.filter)]);
  return assembleSubgraph(ports, actors, transfers);
}

/** The neighbourhood of some actors (none: an empty subgraph; exports use `selectSubgraph` for the whole graph). */
export async function subgraph(ports: NamePort & EntityPort & NeighbourhoodPort, input: SubgraphInput): Promise<Subgraph> {
  const selection = await prepareSubgraph(ports, input);
  const { actors, transfers } = await ports.neighbourhood(selection.around, selection.depth, selection.filter);
  return assembleSubgraph(ports, actors, transfers);
}

/** The sources cited by a subgraph's transfers, by id. */
export async function citedSources(ports: EntityPort, graph: Subgraph): Promise<Map<string, Source>> {
  const ids = [...new Set(graph.edges.flatMap((e) => e.transfer.citations.map((c) => c.source)))];
  if (ids.length === 0) return new Map();
  return new Map([...(await ports.nodes(ids))].map(([id, e]) => [id, e.value as Source]));
}
