// Parent/child closures over system families and actor membership (partOf), shared by both stores.

/** A forest given by child → parent links, with closure lookups. */
export class Hierarchy {
  private readonly parent = new Map<string, string>();
  private readonly children = new Map<string, string[]>();

  constructor(links: Iterable<readonly [child: string, parent: string | undefined]>) {
    for (const [child, parent] of links) {
      if (parent === undefined) continue;
      this.parent.set(child, parent);
      const list = this.children.get(parent) ?? [];
      list.push(child);
      this.children.set(parent, list);
    }
  }

  /** The id and every id below it. */
  descendantsOrSelf(id: string): Set<string> {
    const out = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const child of this.children.get(stack.pop()!) ?? []) {
        if (!out.has(child)) {
          out.add(child);
          stack.push(child);
        }
      }
    }
    return out;
  }

  /** The id and every id above it, nearest first. */
  ancestorsOrSelf(id: string): string[] {
    const out = [id];
    let current = this.parent.get(id);
    while (current !== undefined && !out.includes(current)) {
      out.push(current);
      current = this.parent.get(current);
    }
    return out;
  }
}
