// Deterministic synthetic contacts for the render benchmark: the bundled voice sample
// (a real DescribeContact shape), padded with Attributes, SegmentAttributes and Tags
// entries until the contact has exactly N leaf fields. Same N, same document, every run.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromWireJson, type ContactDocument, type JsonObject } from '../src/contact/contactDocument';
import { sampleIds } from '../test/endpoint/sampleIds';

/** A leaf is anything that is not an object or a list (what the tree shows as a value). */
export function countLeaves(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  let n = 0;
  for (const child of Object.values(value)) n += countLeaves(child);
  return n;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['customer', 'account', 'intent', 'queue', 'language', 'segment', 'campaign', 'order', 'ticket', 'region', 'product', 'channel', 'priority', 'survey', 'callback', 'journey'];
const values = ['gold', 'silver', 'CardDeclined', 'en-US', 'es-MX', 'Billing', 'Escalated', 'PIN', 'true', 'false', 'RETAIL', 'ENTERPRISE', 'follow-up', 'voicemail'];

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)];
}

function value(i: number, rnd: () => number): string {
  switch (i % 5) {
    case 0:
      return pick(values, rnd);
    case 1:
      return `+1555${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
    case 2:
      return String(Math.floor(rnd() * 100000));
    case 3:
      return `${pick(words, rnd)} ${pick(values, rnd)} ${pick(words, rnd)} note ${i}: the caller asked about ${pick(words, rnd)} and ${pick(values, rnd)}`;
    default:
      return `${Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0')}-${i.toString(16).padStart(4, '0')}`;
  }
}

export function loadVoiceSample(repoRoot: string): ContactDocument {
  const file = path.join(repoRoot, 'test', 'endpoint', 'data', 'contacts', sampleIds.instanceA, `${sampleIds.voice}.json`);
  return fromWireJson(readFileSync(file, 'utf8'));
}

/** The voice sample padded to `leaves` leaf fields (throws when the sample alone has more). */
export function syntheticContact(base: ContactDocument, leaves: number, seed = 42): ContactDocument {
  const doc = JSON.parse(JSON.stringify(base)) as ContactDocument;
  const have = countLeaves(doc.Contact);
  if (have > leaves) throw new Error(`the base contact already has ${have} leaf fields, more than ${leaves}`);
  const extra = leaves - have;
  const rnd = mulberry32(seed + leaves);
  const contact = doc.Contact;
  const attributes = (contact.Attributes as JsonObject | undefined) ?? {};
  const segments = (contact.SegmentAttributes as JsonObject | undefined) ?? {};
  const tags = (contact.Tags as JsonObject | undefined) ?? {};
  const nSegments = Math.floor(extra * 0.25);
  const nTags = Math.floor(extra * 0.15);
  const nAttributes = extra - nSegments - nTags;
  for (let i = 0; i < nAttributes; i++) attributes[`${pick(words, rnd)}${String(i).padStart(5, '0')}`] = value(i, rnd);
  for (let i = 0; i < nSegments; i++) segments[`connect:Custom${pick(words, rnd)}${i}`] = { ValueString: value(i + 7, rnd) };
  for (let i = 0; i < nTags; i++) tags[`team-${pick(words, rnd)}-${i}`] = value(i + 3, rnd);
  contact.Attributes = attributes;
  contact.SegmentAttributes = segments;
  contact.Tags = tags;
  const got = countLeaves(doc.Contact);
  if (got !== leaves) throw new Error(`synthetic contact has ${got} leaf fields, wanted ${leaves}`);
  return doc;
}
