// Walks a contact (or another output value) against its shape in two independent sources: botocore's JSON
// model (committed extracts in test/fixtures/aws) and the schemas inside @aws-sdk/client-connect.
// Paths use `.Member`, `[]` for list items and `{}` for map values; recursion stops at a shape already on the path.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../../endpoint/paths';

export type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'timestamp';

/** A shape tree reduced to what the walk needs, from either source. */
export type ShapeNode =
  | { type: 'structure'; name: string; members: () => Record<string, ShapeNode> }
  | { type: 'list'; name: string; member: () => ShapeNode }
  | { type: 'map'; name: string; value: () => ShapeNode }
  | { type: 'scalar'; name: string; kind: Kind; enum?: string[] };

interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
  enum?: string[];
}

export function botocoreModel(): { shapes: Record<string, BotocoreShape>; source: string } {
  const file = path.join(findRepoRoot(), 'test', 'fixtures', 'aws', 'describeContactModel.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { shapes: Record<string, BotocoreShape>; source: string };
}

/** The contact story's operations (Describe{Queue,User,UserHierarchyGroup,RoutingProfile,ContactFlow}, List{AssociatedContacts,ContactReferences,ContactEvaluations}), extracted the same way. */
export function storyModel(): { operations: Record<string, { http: { method: string; requestUri: string }; output: { shape: string } }>; shapes: Record<string, BotocoreShape>; source: string } {
  const file = path.join(findRepoRoot(), 'test', 'fixtures', 'aws', 'contactStoryModel.json');
  return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof storyModel>;
}

export function botocoreShape(name: string, shapes = botocoreModel().shapes): ShapeNode {
  const s = shapes[name];
  if (!s) throw new Error(`No shape ${name}`);
  switch (s.type) {
    case 'structure':
      return { type: 'structure', name, members: () => Object.fromEntries(Object.entries(s.members ?? {}).map(([k, m]) => [k, botocoreShape(m.shape, shapes)])) };
    case 'list':
      return { type: 'list', name, member: () => botocoreShape(s.member!.shape, shapes) };
    case 'map':
      return { type: 'map', name, value: () => botocoreShape(s.value!.shape, shapes) };
    case 'string':
      return { type: 'scalar', name, kind: 'string', enum: s.enum };
    case 'integer':
    case 'long':
      return { type: 'scalar', name, kind: 'integer' };
    case 'float':
    case 'double':
      return { type: 'scalar', name, kind: 'number' };
    case 'boolean':
      return { type: 'scalar', name, kind: 'boolean' };
    case 'timestamp':
      return { type: 'scalar', name, kind: 'timestamp' };
    default:
      throw new Error(`Unhandled botocore type ${s.type} (${name})`);
  }
}

// The SDK's schemas: [3|4 struct/union, ns, name, traits, memberNames, memberSchemas], [1 list, ns, name, traits, member],
// [2 map, ns, name, traits, key, value], [0 simple, ns, name, traits, schema]; numbers for simple types, with 64 = list-of and 128 = map-of flags.
type SdkSchema = unknown;

function derefSdk(s: SdkSchema): SdkSchema {
  if (typeof s === 'function') return derefSdk((s as () => unknown)());
  if (Array.isArray(s) && typeof s[0] === 'function') return derefSdk((s[0] as () => unknown)());
  return s;
}

function sdkScalar(code: number, name: string): ShapeNode {
  const base = code & 63;
  const kind: Kind = base === 0 ? 'string' : base === 1 ? 'number' : base === 2 ? 'boolean' : base >= 4 && base <= 7 ? 'timestamp' : 'string';
  return { type: 'scalar', name, kind };
}

export function sdkShape(schema: SdkSchema, fallbackName = '?'): ShapeNode {
  const s = derefSdk(schema);
  if (typeof s === 'number') {
    if (s & 128) return { type: 'map', name: `${fallbackName}{}`, value: () => sdkScalar(s & ~128, fallbackName) };
    if (s & 64) return { type: 'list', name: `${fallbackName}[]`, member: () => sdkScalar(s & ~64, fallbackName) };
    return sdkScalar(s, fallbackName);
  }
  if (!Array.isArray(s)) throw new Error(`Unexpected SDK schema ${String(s)}`);
  const [kind, , name] = s as [number, string, string];
  if (kind === 3 || kind === 4) {
    const names = s[4] as string[];
    const schemas = s[5] as SdkSchema[];
    return { type: 'structure', name, members: () => Object.fromEntries(names.map((m, i) => [m, sdkShape(schemas[i], `${name}.${m}`)])) };
  }
  // A named simple type with traits (e.g. the sensitive Name): [0, ns, name, traits, schema].
  if (kind === 0) return sdkShape(s[4], name);
  if (kind === 1) return { type: 'list', name, member: () => sdkShape(s[4], name) };
  if (kind === 2) return { type: 'map', name, value: () => sdkShape(s[5], name) };
  throw new Error(`Unhandled SDK schema kind ${kind} (${name})`);
}

/** Every path the shape defines, stopping where a shape recurs. */
export function requiredPaths(root: ShapeNode, rootPath: string): Set<string> {
  const out = new Set<string>();
  const walk = (node: ShapeNode, p: string, stack: string[]) => {
    out.add(p);
    if (node.type === 'scalar' || stack.includes(node.name)) return;
    const next = [...stack, node.name];
    if (node.type === 'structure') for (const [k, m] of Object.entries(node.members())) walk(m, `${p}.${k}`, next);
    else if (node.type === 'list') walk(node.member(), `${p}[]`, next);
    else walk(node.value(), `${p}{}`, next);
  };
  walk(root, rootPath, []);
  return out;
}

export interface WalkReport {
  present: Set<string>;
  /** Keys a structure doesn't define. */
  unknown: string[];
  /** Values of the wrong JSON type or outside an enum. */
  invalid: string[];
}

function typeOk(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
    case 'timestamp':
      return typeof v === 'number' && Number.isFinite(v);
  }
}

/** Walk a value along the shape; paths past a recursion cut are walked but use the same notation. */
export function walkValue(root: ShapeNode, value: unknown, rootPath: string): WalkReport {
  const report: WalkReport = { present: new Set(), unknown: [], invalid: [] };
  const walk = (node: ShapeNode, v: unknown, p: string) => {
    report.present.add(p);
    if (node.type === 'scalar') {
      if (!typeOk(node.kind, v)) report.invalid.push(`${p}: expected ${node.kind}, got ${JSON.stringify(v)?.slice(0, 40)}`);
      else if (node.enum && !node.enum.includes(v as string)) report.invalid.push(`${p}: ${JSON.stringify(v)} is not one of ${node.enum.join(', ')}`);
      return;
    }
    if (node.type === 'list') {
      if (!Array.isArray(v)) return void report.invalid.push(`${p}: expected a list`);
      for (const item of v) walk(node.member(), item, `${p}[]`);
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return void report.invalid.push(`${p}: expected an object`);
    if (node.type === 'map') {
      for (const item of Object.values(v)) walk(node.value(), item, `${p}{}`);
      return;
    }
    const members = node.members();
    for (const [k, item] of Object.entries(v)) {
      if (!(k in members)) report.unknown.push(`${p}.${k}`);
      else walk(members[k], item, `${p}.${k}`);
    }
  };
  walk(root, value, rootPath);
  return report;
}
