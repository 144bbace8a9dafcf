// The webview's one door into the pure contact layer (src/contact): building the field
// tree, the header summary, the texts around a value (age, tooltip, what the field means)
// and its kind's icon.
import type { ContactDocument } from '../src/contact/contactDocument';
import { copyValueText } from '../src/contact/copyText';
import { summarizeContact, type ContactSummary } from '../src/contact/contactSummary';
// Bundled: the panel's script loads with the panel, never at activation.
import fieldDocsJson from '../src/contact/describeContactDocs.json';
import { withFieldDoc, type FieldDocsTable } from '../src/contact/fieldDocs';
import { fieldKindIcons } from '../src/contact/fieldIcons';
import type { FieldNode } from '../src/contact/fieldNode';
import { buildFieldTree, fieldTooltip } from '../src/contact/fieldTree';
import { formatRelativeAge } from '../src/contact/format';
import type { TimeZoneChoice } from '../src/protocol/messages';

export type { ContactSummary };

export function buildTree(doc: ContactDocument, timeZone: TimeZoneChoice, now: number): FieldNode {
  return buildFieldTree(doc, { timeZone, now });
}

/** Exactly what Copy Value puts on the clipboard for a field. */
export function valueText(node: FieldNode): string {
  return copyValueText(node.value, node.kind);
}

export function relativeAge(iso: string, now: number): string {
  return formatRelativeAge(iso, now);
}

/** The hover text for a field: full value; UTC time and age for timestamps. */
export function tooltip(node: FieldNode, now: number): string {
  return fieldTooltip(node, { timeZone: 'utc', now });
}

export function summary(doc: ContactDocument, timeZone: TimeZoneChoice): ContactSummary {
  return summarizeContact(doc, { timeZone });
}

const fieldDocs = fieldDocsJson as FieldDocsTable;

/** `tip` with what the field means, from the service model, below it ('' and no description: ''). */
export function withDescription(tip: string, node: FieldNode): string {
  return withFieldDoc(tip, fieldDocs, node.path);
}

/** The codicon name for a field's kind (the explorer uses the same table). */
export function fieldIcon(node: FieldNode): string {
  return fieldKindIcons[node.kind] ?? 'symbol-field';
}
