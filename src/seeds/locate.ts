// Maps a path inside a parsed YAML document (['transfers', 2, 'supplier']) to a 1-based line number.
import { isMap, isSeq, isScalar, type Document, type LineCounter, type Node } from 'yaml';

type Key = string | number;

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/** Finds the line of the deepest node along `path`; keys are preferred for map entries. */
export function lineOf(doc: Document, lineCounter: LineCounter, path: readonly Key[]): number | null {
  let node: unknown = doc.contents;
  let offset: number | null = (doc.contents as Node | null)?.range?.[0] ?? null;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(keyOf(p.key)) === String(step));
      if (!pair) break;
      const keyRange = (pair.key as Node | null)?.range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
      const valueRange = (node as Node | null)?.range;
      if (valueRange && !isMap(node) && !isSeq(node)) offset = valueRange[0];
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      node = item;
      const range = (node as Node | null)?.range;
      if (range) offset = range[0];
    } else {
      break;
    }
  }
  return offset === null ? null : lineCounter.linePos(offset).line;
}

/** Formats a path as a field name: `transfers[2].quantity.min`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? String(step) : `.${String(step)}`;
  }
  return out;
}
