// The exact text each copy action puts on the clipboard or into the editor. Raw values
// are never escaped, trimmed or decorated: a copied string is the string.
import type { FieldKind, PathSegment } from './fieldNode';
import { toJmesPath } from './paths';
import { shellQuote } from '../aws/shellQuote';

/**
 * The raw value: strings unchanged (timestamps are already ISO 8601 in the document),
 * numbers, booleans and null as JSON, containers as 4-space JSON like the CLI prints.
 * `kind` is accepted for callers that have it; the value alone decides the text.
 */
export function copyValueText(value: unknown, _kind?: FieldKind): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, null, 4) ?? '';
}

/** `{"Key": subtree}` as 4-space JSON; a list item (numeric key) is copied as the item itself. */
export function copyJsonText(key: PathSegment, value: unknown): string {
  const v = value === undefined ? null : value;
  return JSON.stringify(typeof key === 'number' ? v : { [key]: v }, null, 4);
}

/** One selected field of a contact (a whole contact is the path ['Contact']). */
export interface SelectedField {
  contactId: string;
  path: readonly PathSegment[];
  value: unknown;
}

/**
 * Copy as JSON over a multi-selection, as 4-space JSON: `{"PATH": value}` for fields of one
 * contact; `{"CONTACT_ID": {"PATH": value}}` when they span contacts, so the same path of two
 * contacts keeps both values.
 */
export function selectedFieldsJson(fields: readonly SelectedField[]): string {
  const byContact = new Map<string, Record<string, unknown>>();
  for (const { contactId, path, value } of fields) {
    let values = byContact.get(contactId);
    if (!values) byContact.set(contactId, (values = {}));
    values[toJmesPath(path)] = value === undefined ? null : value;
  }
  const json = byContact.size === 1 ? [...byContact.values()][0] : Object.fromEntries(byContact);
  return JSON.stringify(json ?? {}, null, 4);
}

/**
 * `path: value` lines for a multi-selection. Single-line strings appear raw; strings with
 * line breaks or other control characters, and containers, as one-line JSON so every field
 * stays on one line.
 */
export function pathValueLines(nodes: readonly { path: readonly PathSegment[]; value: unknown }[]): string {
  return nodes
    .map(({ path, value }) => {
      let text: string;
      // eslint-disable-next-line no-control-regex
      if (typeof value === 'string') text = /[\u0000-\u001f\u007f\u2028\u2029]/.test(value) ? JSON.stringify(value) : value;
      else text = value === undefined ? '' : JSON.stringify(value);
      return `${toJmesPath(path)}: ${text}`;
    })
    .join('\n');
}

function option(name: string, value: string): string {
  // `--opt=-x` keeps a value that starts with `-` from being read as another option.
  return value.startsWith('-') ? `${name}=${shellQuote(value)}` : `${name} ${shellQuote(value)}`;
}

export interface CliCommandRef {
  instanceId: string;
  contactId: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/**
 * `aws connect describe-contact --instance-id … --contact-id … [--profile …] [--region …]
 * [--endpoint-url …] [--query 'PATH']`, safe to paste into a POSIX shell whatever the values
 * hold. `query` is a path (turned into JMESPath) or a JMESPath expression.
 */
export function buildCliCommand(ref: CliCommandRef, query?: readonly PathSegment[] | string): string {
  const parts = ['aws connect describe-contact', option('--instance-id', ref.instanceId), option('--contact-id', ref.contactId)];
  if (ref.profile) parts.push(option('--profile', ref.profile));
  if (ref.region) parts.push(option('--region', ref.region));
  if (ref.endpointUrl) parts.push(option('--endpoint-url', ref.endpointUrl));
  const expression = typeof query === 'string' ? query : query && query.length ? toJmesPath(query) : '';
  if (expression) parts.push(`--query '${expression.replace(/'/g, `'\\''`)}'`);
  return parts.join(' ');
}
