// Reads the generated DescribeContact shape tables (describeContactSchema.ts) as typed
// schema nodes, and finds the schema of any path in a contact document.
import { enums, lists, maps, structures } from './describeContactSchema';
import type { PathSegment } from './fieldNode';

export type SchemaType =
  | { type: 'structure'; name: string }
  | { type: 'list'; name: string; item: SchemaType }
  | { type: 'map'; name: string; value: SchemaType }
  | { type: 'enum'; name: string; values: readonly string[] }
  | { type: 'string' | 'timestamp' | 'integer' | 'long' | 'float' | 'boolean' }
  /** An integer count of seconds or milliseconds. */
  | { type: 'duration'; unit: 's' | 'ms' }
  /** A string ID that names another contact. */
  | { type: 'contactId' };

const primitives: Record<string, SchemaType> = {
  s: { type: 'string' },
  t: { type: 'timestamp' },
  i: { type: 'integer' },
  l: { type: 'long' },
  f: { type: 'float' },
  b: { type: 'boolean' },
  sec: { type: 'duration', unit: 's' },
  ms: { type: 'duration', unit: 'ms' },
  cid: { type: 'contactId' },
};

const resolved = new Map<string, SchemaType>();
const memberTables = new Map<string, ReadonlyMap<string, SchemaType>>();

/** The schema for a type code of the generated tables. */
export function schemaType(code: string): SchemaType {
  const primitive = primitives[code];
  if (primitive) return primitive;
  let t = resolved.get(code);
  if (t) return t;
  if (structures[code] !== undefined) t = { type: 'structure', name: code };
  else if (enums[code] !== undefined) t = { type: 'enum', name: code, values: enums[code].split(' ') };
  else if (lists[code] !== undefined) {
    const list = { type: 'list', name: code } as { type: 'list'; name: string; item: SchemaType };
    resolved.set(code, list); // recursive shapes resolve to the same object
    list.item = schemaType(lists[code]);
    return list;
  } else if (maps[code] !== undefined) {
    const map = { type: 'map', name: code } as { type: 'map'; name: string; value: SchemaType };
    resolved.set(code, map);
    map.value = schemaType(maps[code]);
    return map;
  } else throw new Error(`Unknown shape ${code}`);
  resolved.set(code, t);
  return t;
}

/** A structure's members, in model order. */
export function structureMembers(name: string): ReadonlyMap<string, SchemaType> {
  let table = memberTables.get(name);
  if (!table) {
    const entries: [string, SchemaType][] = [];
    for (const pair of (structures[name] ?? '').split(' ')) {
      if (!pair) continue;
      const colon = pair.indexOf(':');
      entries.push([pair.slice(0, colon), schemaType(pair.slice(colon + 1))]);
    }
    table = new Map(entries);
    memberTables.set(name, table);
  }
  return table;
}

export const rootSchema: SchemaType = schemaType('DescribeContactResponse');

/** The schema of one child of a value of type `parent`; undefined for fields the model does not know. */
export function childSchema(parent: SchemaType | undefined, segment: PathSegment): SchemaType | undefined {
  if (!parent) return undefined;
  switch (parent.type) {
    case 'structure':
      return typeof segment === 'string' ? structureMembers(parent.name).get(segment) : undefined;
    case 'list':
      return typeof segment === 'number' ? parent.item : undefined;
    case 'map':
      return typeof segment === 'string' ? parent.value : undefined;
    default:
      return undefined;
  }
}

/** The schema at a path from the document root (`['Contact', 'Recordings', 0]`). */
export function schemaAt(path: readonly PathSegment[]): SchemaType | undefined {
  let t: SchemaType | undefined = rootSchema;
  for (const segment of path) {
    t = childSchema(t, segment);
    if (!t) return undefined;
  }
  return t;
}
