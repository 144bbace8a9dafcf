// Filtering runs on the flat model: one pass for matches, one backwards pass to keep
// ancestors, one forwards pass so a matched container still shows its contents.
import type { FlatTree } from './flatTree';

export interface FilterResult {
  /** Lower-cased query; '' means no filter. */
  needle: string;
  /** The node's key or value contains the query. */
  match: Uint8Array;
  /** The node must stay visible: it matches, or a descendant does, or an ancestor does. */
  shown: Uint8Array;
  /** A descendant matches: the filter opens these so every match can be seen. */
  hasMatchBelow: Uint8Array;
  count: number;
}

export function runFilter(tree: FlatTree, query: string): FilterResult {
  const needle = query.trim().toLowerCase();
  const n = tree.nodes.length;
  const match = new Uint8Array(n);
  const shown = new Uint8Array(n);
  const hasMatchBelow = new Uint8Array(n);
  if (!needle) return { needle, match, shown: shown.fill(1), hasMatchBelow, count: 0 };
  const { keyLower, valueLower, parent } = tree;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (keyLower[i].includes(needle) || (valueLower[i].length > 0 && valueLower[i].includes(needle))) {
      match[i] = 1;
      count++;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i];
    if (p >= 0 && (match[i] || hasMatchBelow[i])) hasMatchBelow[p] = 1;
  }
  // Preorder: a parent is settled before its children. Inside a matched container
  // everything stays reachable (collapsed until opened).
  const insideMatch = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p >= 0 && (match[p] || insideMatch[p])) insideMatch[i] = 1;
    shown[i] = match[i] | hasMatchBelow[i] | insideMatch[i];
  }
  return { needle, match, shown, hasMatchBelow, count };
}

/**
 * Whether the query is part of some field's name. Saved state keeps only such a filter: one typed
 * to find a value (a phone number, an address) is the contact's data, which VS Code would write to disk.
 */
export function matchesFieldName(tree: FlatTree, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || tree.keyLower.some((key) => key.includes(needle));
}
