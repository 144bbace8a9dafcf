// What dragging explorer rows into an editor inserts. VS Code's editor inserts a drop's
// `text/plain` as text, but only when the drop carries no `text/uri-list` (it would insert
// or open the URIs instead), so the explorer offers `text/plain` alone.
import { copyValueText, pathValueLines } from '../contact/copyText';
import type { ExplorerNode, FieldTreeNode } from './explorerNodes';

export const dragMimeType = 'text/plain';

/**
 * One field: its raw value (a string as it is, a subtree as JSON). Several fields: one
 * `path: value` line each. Contacts: their contact IDs, one per line. Other rows: nothing.
 */
export function dragText(nodes: readonly ExplorerNode[]): string | undefined {
  const fields = nodes.filter((n): n is FieldTreeNode => n.kind === 'field');
  if (fields.length === 1) return copyValueText(fields[0].value, fields[0].fieldKind);
  if (fields.length > 1) return pathValueLines(fields);
  const contactIds = nodes.flatMap((n) => (n.kind === 'contact' ? [n.ref.contactId] : []));
  return contactIds.length > 0 ? contactIds.join('\n') : undefined;
}
