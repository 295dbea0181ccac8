// What an export holds, named for files: the whole graph, or the neighbourhood `around` some actors.
import type { SubgraphSelection } from '../query/index.js';

/** A file-name stem for a selection: `armsgraph-JP-UA-d2`, or `armsgraph-all`. */
export function exportBaseName(selection: Pick<SubgraphSelection, 'around' | 'depth'>): string {
  const around = selection.around.map((id) => id.replace(/[^A-Za-z0-9-]+/g, '_'));
  return around.length === 0 ? 'armsgraph-all' : `armsgraph-${around.join('-').slice(0, 80)}-d${selection.depth}`;
}
