// Loads the sample contacts (DescribeContact wire bodies) that the local endpoint serves,
// plus this suite's own small fixtures, and walks documents leaf by leaf.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromWireJson, type ContactDocument } from '../../../src/contact/contactDocument';
import type { PathSegment } from '../../../src/contact/fieldNode';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export interface SampleFile {
  instanceId: string;
  contactId: string;
  file: string;
  body: string;
}

export const contactsDir = path.join(repoRoot(), 'test', 'endpoint', 'data', 'contacts');
export const fixturesDir = path.join(repoRoot(), 'test', 'unit', 'contact', 'fixtures');

export function sampleFiles(): SampleFile[] {
  const out: SampleFile[] = [];
  for (const instanceId of readdirSync(contactsDir).sort()) {
    for (const name of readdirSync(path.join(contactsDir, instanceId)).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(contactsDir, instanceId, name);
      out.push({ instanceId, contactId: name.replace(/\.json$/, ''), file, body: readFileSync(file, 'utf8') });
    }
  }
  return out;
}

export const maximalId = 'd08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10';
export const hostileId = '25d3e2f1-061f-4e24-9a3b-0c1d2e3f4a15';

export function sample(contactId: string): ContactDocument {
  const found = sampleFiles().find((s) => s.contactId === contactId);
  if (!found) throw new Error(`no sample ${contactId}`);
  return fromWireJson(found.body);
}

export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

/** Every leaf (scalar, empty list or empty object) of a JSON value with its path. Iterative. */
export function leaves(root: unknown): { path: PathSegment[]; value: unknown }[] {
  const out: { path: PathSegment[]; value: unknown }[] = [];
  const stack: { path: PathSegment[]; value: unknown }[] = [{ path: [], value: root }];
  while (stack.length) {
    const { path: p, value } = stack.pop()!;
    if (value !== null && typeof value === 'object') {
      const entries: [PathSegment, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
      if (entries.length === 0) out.push({ path: p, value });
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ path: [...p, entries[i][0]], value: entries[i][1] });
    } else out.push({ path: p, value });
  }
  return out;
}

/** A value nested `depth` levels deep in SegmentAttributes ValueMaps. */
export function deepValueMap(depth: number, leaf: string): Record<string, unknown> {
  let value: Record<string, unknown> = { ValueString: leaf };
  for (let i = depth; i >= 1; i--) value = { ValueMap: { [`level${i}`]: value } };
  return value;
}
