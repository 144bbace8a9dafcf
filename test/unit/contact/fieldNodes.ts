// Walks a built field tree: the contact tests check every node, not just the ones they name.
import type { FieldNode } from '../../../src/contact/fieldNode';

/** Every node under (and including) `root`, depth first in display order. */
export function allNodes(root: FieldNode): FieldNode[] {
  const out: FieldNode[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}
