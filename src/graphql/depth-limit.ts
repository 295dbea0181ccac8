// Validation rule: graphql-depth-limit, guarded against fragment cycles (which it follows until the stack overflows).
import { Kind, visit, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import depthLimit from 'graphql-depth-limit';

/** True when some fragment spreads itself, directly or through others. */
export function hasFragmentCycle(document: DocumentNode): boolean {
  const spreads = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const names: string[] = [];
    visit(definition.selectionSet, { FragmentSpread: (node) => void names.push(node.name.value) });
    spreads.set(definition.name.value, names);
  }
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = (name: string): boolean => {
    const s = state.get(name);
    if (s === 'open') return true;
    if (s === 'done' || !spreads.has(name)) return false;
    state.set(name, 'open');
    const found = spreads.get(name)!.some(cyclic);
    state.set(name, 'done');
    return found;
  };
  return [...spreads.keys()].some(cyclic);
}

/**
 * The depth limit of graphql-depth-limit, skipped for documents with a fragment cycle: graphql's own
 * NoFragmentCycles rule rejects those, and depth-limit would recurse until a RangeError (an answer 500) when the
 * cycle starts at the root, where spreads add no depth.
 */
export function depthLimitRule(maxDepth: number) {
  const rule = depthLimit(maxDepth);
  return (context: ValidationContext): ASTVisitor => (hasFragmentCycle(context.getDocument()) ? {} : rule(context));
}
