// What a DescribeContact field means, from the service model: the table gen-schema.mjs writes
// (describeContactDocs.json) looked up by field path, and its text for tooltips. The table is
// passed in: the host reads the file on first use, the webview bundles it.
import type { PathSegment } from './fieldNode';
import { childSchema, rootSchema, structureMembers, type SchemaType } from './schema';

export interface FieldConstraints {
  /** What min and max bound: a string's length, a number's value, a list's items, a map's entries. */
  of: 'length' | 'value' | 'items' | 'entries';
  min?: number;
  max?: number;
  pattern?: string;
}

export interface FieldDoc {
  /** Plain text, possibly several lines; '' only for list and map elements the model says nothing about. */
  text: string;
  constraints?: FieldConstraints;
  enumValues?: readonly string[];
}

export interface FieldDocsTable {
  source: string;
  /** Structure shape → member → its documentation. */
  members: Readonly<Record<string, Readonly<Record<string, FieldDoc>>>>;
  /** List or map shape → the documentation of one element. */
  items: Readonly<Record<string, FieldDoc>>;
}

/** Own properties only: a path segment such as `__proto__` or `constructor` is no field. */
function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * The documentation of the field at `path` (`['Contact', 'Recordings', 0, 'Status']`); list
 * indexes may be left out (`['Contact', 'Recordings', 'Status']`). An element of a list or map
 * (`['Contact', 'Tags', 'Department']`) has its element shape's documentation, or its
 * container's when the model has none. Undefined for fields the model does not know.
 */
export function fieldDoc(table: FieldDocsTable, path: readonly PathSegment[]): FieldDoc | undefined {
  let parent: SchemaType | undefined;
  let here: SchemaType | undefined = rootSchema;
  let doc: FieldDoc | undefined;
  for (const segment of path) {
    if (here?.type === 'list' && typeof segment === 'string') {
      const item: SchemaType = here.item;
      doc = elementDoc(table, here, doc);
      here = item;
    }
    parent = here;
    here = childSchema(parent, segment);
    if (!here || !parent) return undefined;
    if (parent.type === 'structure') {
      if (typeof segment !== 'string' || !structureMembers(parent.name).has(segment)) return undefined;
      doc = own(own(table.members, parent.name), segment);
    } else if (parent.type === 'list' || parent.type === 'map') doc = elementDoc(table, parent, doc);
    else return undefined;
  }
  return doc && (doc.text || doc.constraints || doc.enumValues) ? doc : undefined;
}

function elementDoc(table: FieldDocsTable, container: SchemaType & { name: string }, containerDoc: FieldDoc | undefined): FieldDoc | undefined {
  const doc = own(table.items, container.name);
  if (!doc || doc.text || !containerDoc?.text) return doc;
  return { ...doc, text: containerDoc.text };
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? String(min) : `${min}–${max}`;
  if (max !== undefined) return `≤ ${max}`;
  return `≥ ${min}`;
}

const constraintLabels: Record<FieldConstraints['of'], string> = {
  length: 'Length',
  value: 'Value',
  items: 'Items',
  entries: 'Entries',
};

/** `Length 1–256`, `Value ≥ 0`, `Items ≤ 24`, and the pattern on its own line. */
export function constraintsText(c: FieldConstraints): string {
  const lines: string[] = [];
  if (c.min !== undefined || c.max !== undefined) lines.push(`${constraintLabels[c.of] ?? c.of} ${range(c.min, c.max)}`);
  if (c.pattern) lines.push(`Pattern ${c.pattern}`);
  return lines.join('\n');
}

/** A field's documentation as tooltip text: the description, its values, its constraints. */
export function fieldDocText(doc: FieldDoc): string {
  const parts = [doc.text];
  if (doc.enumValues?.length) parts.push(`Values: ${doc.enumValues.join(', ')}`);
  if (doc.constraints) parts.push(constraintsText(doc.constraints));
  return parts.filter(Boolean).join('\n');
}

/** A tooltip with the field's documentation below it (the tooltip alone when the model has none). */
export function withFieldDoc(tooltip: string, table: FieldDocsTable | undefined, path: readonly PathSegment[]): string {
  const doc = table && fieldDoc(table, path);
  if (!doc) return tooltip;
  return tooltip ? `${tooltip}\n\n${fieldDocText(doc)}` : fieldDocText(doc);
}

/**
 * The field's description cut to its first sentence (at most `max` characters), for places with
 * room for one line, such as the hover card. Undefined when the model has no text for the field.
 */
export function fieldDocSummary(table: FieldDocsTable, path: readonly PathSegment[], max = 160): string | undefined {
  const text = fieldDoc(table, path)?.text.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  // A sentence ends at . ! ? before a space and a capital, not inside `e.g.` or a version number.
  const first = /^.*?[.!?](?=\s+[A-Z]|$)/.exec(text)?.[0] ?? text;
  return first.length <= max ? first : `${Array.from(first).slice(0, max - 1).join('').trimEnd()}…`;
}
