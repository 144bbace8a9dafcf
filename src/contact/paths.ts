// Paths into the contact document as JMESPath expressions, the language of the CLI's
// `--query`, so a copied path works as-is in `aws connect describe-contact --query`.
import type { PathSegment } from './fieldNode';

const plainIdentifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An identifier as JMESPath reads it: bare when it can be, else a quoted (JSON) string. */
export function jmesIdentifier(key: string): string {
  // JSON string escaping is JMESPath's quoted-identifier grammar: `"` and `\` and controls escaped.
  return plainIdentifier.test(key) ? key : JSON.stringify(key);
}

/** `Contact.AgentInfo.HierarchyGroups.Level1.Arn`, `Contact.Recordings[0].Location`, `Contact.Tags."my-key"`. */
export function toJmesPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += (out ? '.' : '') + jmesIdentifier(segment);
  }
  return out || '@';
}

/** The value at a path, or undefined when the document has nothing there. */
export function valueAt(doc: unknown, path: readonly PathSegment[]): unknown {
  let value: unknown = doc;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (Array.isArray(value) !== (typeof segment === 'number')) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}
