// The field tree flattened into preorder arrays: the tree view, the filter and the
// keyboard all work on indices into these, so 10,000 fields cost a few typed arrays
// and no DOM until a row scrolls into view.
import type { FieldNode } from '../src/contact/fieldNode';

export interface FlatTree {
  /** Preorder, without the document root: its children are level 1. */
  nodes: FieldNode[];
  /** aria-level: 1 for the root's children. */
  level: Uint16Array;
  /** Index of the parent row, -1 for level 1. */
  parent: Int32Array;
  /** Index just past the last descendant: `end[i] - i - 1` descendants. */
  end: Int32Array;
  /** 1 when the node has children (structure, map, list), even when empty. */
  container: Uint8Array;
  /** Lower-cased text the filter matches: key, and for leaves the shown and raw value. */
  keyLower: string[];
  valueLower: string[];
}

export function isContainer(node: FieldNode): boolean {
  return node.children !== undefined;
}

export function flatten(root: FieldNode): FlatTree {
  const nodes: FieldNode[] = [];
  const parents: number[] = [];
  const levels: number[] = [];
  // Iterative preorder walk: deep documents must not blow the stack.
  const stack: { node: FieldNode; parent: number; level: number }[] = [];
  const top = root.children ?? [];
  for (let i = top.length - 1; i >= 0; i--) stack.push({ node: top[i], parent: -1, level: 1 });
  while (stack.length > 0) {
    const { node, parent, level } = stack.pop()!;
    const index = nodes.length;
    nodes.push(node);
    parents.push(parent);
    levels.push(level);
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: index, level: level + 1 });
  }
  const n = nodes.length;
  const level = new Uint16Array(n);
  const parent = new Int32Array(n);
  const end = new Int32Array(n);
  const container = new Uint8Array(n);
  const keyLower = new Array<string>(n);
  const valueLower = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    level[i] = levels[i];
    parent[i] = parents[i];
    end[i] = i + 1;
    const isBox = isContainer(node);
    container[i] = isBox ? 1 : 0;
    keyLower[i] = node.key.toLowerCase();
    valueLower[i] = isBox ? '' : searchableValue(node);
  }
  // Children come after their parent in preorder, so one backwards pass settles every end.
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i];
    if (p >= 0 && end[i] > end[p]) end[p] = end[i];
  }
  return { nodes, level, parent, end, container, keyLower, valueLower };
}

function searchableValue(node: FieldNode): string {
  const shown = node.display.toLowerCase();
  const raw = node.value;
  if (typeof raw === 'string') {
    const rawLower = raw.toLowerCase();
    return rawLower === shown ? shown : `${shown}\u0000${rawLower}`;
  }
  return shown;
}

/** A stable identity for a node across rebuilds (refresh, time zone): its path. */
export function pathKey(node: FieldNode): string {
  return JSON.stringify(node.path);
}
