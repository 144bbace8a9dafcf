// Builds FieldNodes from a contact document: the whole tree at once for the panel, or one
// level at a time for the explorer. Every field is shown, including ones the model does
// not know yet. Iterative, so deep nesting cannot overflow the stack.
import type { ContactDocument } from './contactDocument';
import type { FieldKind, FieldNode, PathSegment } from './fieldNode';
import {
  displayText,
  formatDuration,
  formatDurationMillis,
  formatRelativeAge,
  formatTimestamp,
  formatUtc,
  shortenArn,
  type TimeZoneChoice,
} from './format';
import { childSchema, schemaAt, type SchemaType } from './schema';

export interface FieldTreeOptions {
  timeZone: TimeZoneChoice;
  /** For relative ages in tooltips; defaults to the current time. */
  now?: Date | number;
  /** The contact's own ID: a field naming it (InitialContactId of a first contact) is no link. Taken from the document when it is at hand. */
  selfId?: string;
}

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const unknownSecondsKey = /(Seconds|DurationInSeconds)$/;

/** `empty`, `1 item`, `3 items`. */
export function itemCount(n: number): string {
  return n === 0 ? 'empty' : n === 1 ? '1 item' : `${n} items`;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function leafKind(value: unknown, schema: SchemaType | undefined, key: PathSegment): FieldKind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (schema?.type === 'duration') return 'duration';
    if (!schema && typeof key === 'string' && unknownSecondsKey.test(key)) return 'duration';
    return 'number';
  }
  if (typeof value !== 'string') return 'string';
  switch (schema?.type) {
    case 'timestamp':
      return Number.isNaN(Date.parse(value)) ? 'string' : 'timestamp';
    case 'enum':
      return 'enum';
    case 'contactId':
      return 'contactId';
  }
  if (value.startsWith('arn:')) return 'arn';
  // A field newer than the model: recognise timestamps by their form.
  if (!schema && isoTimestamp.test(value) && !Number.isNaN(Date.parse(value))) return 'timestamp';
  return 'string';
}

function leafDisplay(kind: FieldKind, value: unknown, schema: SchemaType | undefined, timeZone: TimeZoneChoice): string {
  switch (kind) {
    case 'null':
      return 'null';
    case 'boolean':
    case 'number':
      return String(value);
    case 'duration':
      return schema?.type === 'duration' && schema.unit === 'ms' ? formatDurationMillis(value as number) : formatDuration(value as number);
    case 'timestamp':
      return formatTimestamp(value as string, timeZone);
    case 'arn':
      return displayText(shortenArn(value as string));
    default:
      return value === '' ? '""' : displayText(String(value));
  }
}

function makeNode(value: unknown, schema: SchemaType | undefined, path: PathSegment[], timeZone: TimeZoneChoice, selfId?: string): FieldNode {
  const last = path.length ? path[path.length - 1] : '';
  const key = typeof last === 'number' ? `[${last}]` : displayText(last, 200);
  if (isContainer(value)) {
    const kind: FieldKind = Array.isArray(value) ? 'list' : schema?.type === 'map' ? 'map' : 'structure';
    const count = Array.isArray(value) ? value.length : Object.keys(value).length;
    return { path, key, kind, value, display: itemCount(count) };
  }
  let kind = leafKind(value, schema, last);
  if (kind === 'contactId' && value === selfId) kind = 'string';
  return { path, key, kind, value: value === undefined ? null : value, display: leafDisplay(kind, value, schema, timeZone) };
}

function childEntries(value: object): [PathSegment, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  return Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
}

/** The whole tree, children built eagerly. The root is the document (`path: []`, key ''), its one child `Contact`. */
export function buildFieldTree(doc: ContactDocument, opts: FieldTreeOptions): FieldNode {
  const selfId = opts.selfId ?? ownId(doc);
  const root = makeNode(doc, schemaAt([]), [], opts.timeZone);
  const stack: { node: FieldNode; schema: SchemaType | undefined }[] = [{ node: root, schema: schemaAt([]) }];
  while (stack.length) {
    const { node, schema } = stack.pop()!;
    const children: FieldNode[] = [];
    for (const [segment, value] of childEntries(node.value as object)) {
      const s = childSchema(schema, segment);
      const child = makeNode(value, s, [...node.path, segment], opts.timeZone, selfId);
      children.push(child);
      if (isContainer(value)) stack.push({ node: child, schema: s });
    }
    node.children = children;
  }
  return root;
}

/**
 * One level of children, for lazy trees: container children come without `children`
 * (their kind says they can be expanded). Pass a node, or any `{ path, value }`.
 */
export function fieldChildren(parent: Pick<FieldNode, 'path' | 'value'>, opts: FieldTreeOptions): FieldNode[] {
  if (!isContainer(parent.value)) return [];
  const schema = schemaAt(parent.path);
  return childEntries(parent.value).map(([segment, value]) =>
    makeNode(value, childSchema(schema, segment), [...parent.path, segment], opts.timeZone, opts.selfId),
  );
}

/** The node at a path (without children), or undefined when the document has nothing there. */
export function fieldNodeAt(doc: ContactDocument, path: readonly PathSegment[], opts: FieldTreeOptions): FieldNode | undefined {
  let value: unknown = doc;
  for (const segment of path) {
    if (!isContainer(value)) return undefined;
    if (Array.isArray(value) !== (typeof segment === 'number')) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return makeNode(value, schemaAt(path), [...path], opts.timeZone, opts.selfId ?? ownId(doc));
}

function ownId(doc: ContactDocument): string | undefined {
  const id = (doc.Contact as Record<string, unknown> | undefined)?.Id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * A hover text for a node: the full value, with the UTC time and age for timestamps and the
 * raw count for durations. Sanitised like displays; never used for copying.
 */
export function fieldTooltip(node: FieldNode, opts: FieldTreeOptions): string {
  switch (node.kind) {
    case 'timestamp': {
      const iso = node.value as string;
      const age = formatRelativeAge(iso, opts.now ?? Date.now());
      return `${formatUtc(iso)}${age ? ` · ${age}` : ''}\n${iso}`;
    }
    case 'duration': {
      const unit = schemaAt(node.path);
      return `${String(node.value)} ${unit?.type === 'duration' && unit.unit === 'ms' ? 'milliseconds' : 'seconds'}`;
    }
    case 'structure':
    case 'list':
    case 'map':
      return node.display;
    default:
      return displayText(typeof node.value === 'string' ? node.value : JSON.stringify(node.value), 2000);
  }
}
