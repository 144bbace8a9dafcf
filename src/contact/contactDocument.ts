// The contact document: DescribeContact's output as plain JSON, as the AWS CLI v2
// prints it (`{"Contact": {...}}`, timestamps as ISO 8601 strings). Everything
// downstream (field tree, panel, explorer, copy) reads this, never SDK objects.

import { childSchema, rootSchema, structureMembers, type SchemaType } from './schema';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ContactDocument {
  Contact: JsonObject;
}


/**
 * Converts DescribeContact SDK output (Date objects, undefined members) into the document
 * the AWS CLI prints: ISO 8601 timestamps, keys in service-model order, undefined dropped.
 * Keys the model does not know are kept, after the known ones.
 */
export function toContactDocument(output: { Contact?: object }): ContactDocument {
  return { Contact: asObject(normalize(output.Contact ?? {}, childSchema(rootSchema, 'Contact'))) };
}

/**
 * Reads a DescribeContact HTTP response body (restJson1: timestamps as epoch seconds), e.g. a
 * sample file, into the same document the SDK path gives, without loading the SDK.
 */
export function fromWireJson(body: string | object): ContactDocument {
  const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
  const contact = parsed !== null && typeof parsed === 'object' ? (parsed as { Contact?: unknown }).Contact : undefined;
  return { Contact: asObject(normalize(contact ?? {}, childSchema(rootSchema, 'Contact'))) };
}

function asObject(value: JsonValue): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function normalize(value: unknown, schema: SchemaType | undefined): JsonValue {
  if (value instanceof Date) return isoFromDate(value);
  if (schema?.type === 'timestamp' && typeof value === 'number') return isoFromEpochSeconds(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) {
    const item = schema?.type === 'list' ? schema.item : undefined;
    return value.filter((v) => v !== undefined).map((v) => normalize(v, item));
  }
  if (typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: JsonObject = {};
    if (schema?.type === 'structure') {
      const members = structureMembers(schema.name);
      for (const [key, memberSchema] of members) {
        if (Object.prototype.hasOwnProperty.call(source, key) && source[key] !== undefined) {
          setOwn(out, key, normalize(source[key], memberSchema));
        }
      }
      for (const key of Object.keys(source)) {
        if (!members.has(key) && source[key] !== undefined) setOwn(out, key, normalize(source[key], undefined));
      }
      return out;
    }
    const valueSchema = schema?.type === 'map' ? schema.value : undefined;
    for (const key of Object.keys(source)) {
      if (source[key] !== undefined) setOwn(out, key, normalize(source[key], valueSchema));
    }
    return out;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above; only undefined, symbols and functions reach here
  return String(value);
}

/** Sets an own property, even one named `__proto__` (a legal map key in a contact's attributes). */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoFromParts(wholeSeconds: number, micros: number): string {
  const d = new Date(wholeSeconds * 1000);
  if (Number.isNaN(d.getTime())) return String(wholeSeconds);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  // Python's isoformat(): microseconds only when non-zero.
  return `${date}T${time}${micros ? `.${pad(micros, 6)}` : ''}+00:00`;
}

/** `2025-03-04T10:20:30+00:00` (or `…30.123000+00:00`), as the AWS CLI prints timestamps in UTC. */
export function isoFromDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return String(date);
  const whole = Math.floor(ms / 1000);
  return isoFromParts(whole, Math.round((ms - whole * 1000) * 1000));
}

/** The CLI's ISO form of a wire timestamp (epoch seconds, possibly fractional). */
export function isoFromEpochSeconds(seconds: number): string {
  let whole = Math.floor(seconds);
  let micros = Math.round((seconds - whole) * 1e6);
  if (micros >= 1e6) {
    whole += 1;
    micros -= 1e6;
  }
  return isoFromParts(whole, micros);
}

/**
 * The document as `aws connect describe-contact` prints it: Python's
 * `json.dumps(indent=4, ensure_ascii=False)` plus a newline. Float members print as
 * Python floats (`4.0`), everything else as JSON.
 */
export function formatCliJson(doc: ContactDocument): string {
  const out: string[] = [];
  writeJson(doc, rootSchema, '', out);
  out.push('\n');
  return out.join('');
}

function writeJson(value: unknown, schema: SchemaType | undefined, indent: string, out: string[]): void {
  if (typeof value === 'number') {
    out.push(schema?.type === 'float' || !Number.isInteger(value) ? pythonFloat(value) : pythonInt(value));
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    const item = schema?.type === 'list' ? schema.item : undefined;
    out.push('[');
    value.forEach((v, i) => {
      out.push(i ? ',\n' : '\n', inner);
      writeJson(v, item, inner, out);
    });
    out.push('\n', indent, ']');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  entries.forEach(([k, v], i) => {
    out.push(i ? ',\n' : '\n', inner, JSON.stringify(k), ': ');
    writeJson(v, childSchema(schema, k), inner, out);
  });
  out.push('\n', indent, '}');
}

function pythonInt(n: number): string {
  return Math.abs(n) >= 1e21 ? BigInt(n).toString() : String(n);
}

/** Python's float repr: shortest round-trip digits, `.0` on integers, exponent outside [1e-4, 1e16). */
export function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let text: string;
  if (exp >= -4 && exp < 16) {
    if (exp < 0) text = `0.${'0'.repeat(-exp - 1)}${digits}`;
    else if (digits.length <= exp + 1) text = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
    else text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    const frac = digits.slice(1);
    text = `${digits[0]}${frac ? `.${frac}` : ''}e${exp < 0 ? '-' : '+'}${pad(Math.abs(exp))}`;
  }
  return negative ? `-${text}` : text;
}
