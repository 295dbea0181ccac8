// What an export holds: the whole graph, or the neighbourhood `around` some actors — the same in every channel.
import type { Actor, Source } from '../domain/model.js';
import type { GraphStore, Subgraph, TransferFilter } from '../store/types.js';

/** An export selection: no `around` means the whole graph; `filter` narrows the transfers either way. */
export interface ExportSelection {
  readonly around?: readonly string[];
  readonly depth?: number;
  readonly filter?: TransferFilter;
}

/** Reads the selection from a store, with the sources its citations name. */
export async function selectSubgraph(store: GraphStore, selection: ExportSelection): Promise<{ subgraph: Subgraph; sources: Map<string, Source> }> {
  let subgraph: Subgraph;
  if (selection.around && selection.around.length > 0) {
    subgraph = await store.subgraph({ around: selection.around, depth: selection.depth ?? 1, ...(selection.filter && { filter: selection.filter }) });
  } else {
    const transfers = await store.allTransfers(selection.filter ?? {});
    const actors: Actor[] = [];
    for (let after: string | undefined; ; ) {
      const page = await store.actors({}, { first: 100, ...(after !== undefined && { after }) });
      actors.push(...page.items);
      if (!page.hasNextPage) break;
      after = page.cursors[page.cursors.length - 1];
    }
    const systemIds = [...new Set(transfers.map((t) => t.system))];
    const systems = [...(await store.nodes(systemIds)).values()].map((e) => e.value as Subgraph['systems'][number]);
    subgraph = {
      actors,
      systems: systems.sort((a, b) => (a.id < b.id ? -1 : 1)),
      edges: [...transfers].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) => ({ id: t.id, source: t.supplier, target: t.recipient, transfer: t })),
    };
  }
  const sourceIds = [...new Set(subgraph.edges.flatMap((e) => e.transfer.citations.map((c) => c.source)))];
  const sources = new Map([...(await store.nodes(sourceIds))].map(([id, e]) => [id, e.value as Source]));
  return { subgraph, sources };
}

/** A file-name stem for a selection: `armsgraph-JP-UA-d2`, or `armsgraph-all`. */
export function exportBaseName(selection: ExportSelection): string {
  const around = (selection.around ?? []).map((id) => id.replace(/[^A-Za-z0-9-]+/g, '_'));
  return around.length === 0 ? 'armsgraph-all' : `armsgraph-${around.join('-').slice(0, 80)}-d${selection.depth ?? 1}`;
}
