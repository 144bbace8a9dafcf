// Amazon Connect flow-log lines (FilterLogEvents messages) as events of a contact's story. Pure,
// and every line is untrusted text: JSON.parse only (nothing is evaluated), every string cut to
// a bound, keys copied as data (a "__proto__" key stays a key), and at most `maxEvents` kept.
//
// Shapes: the current one (ContactId, ContactFlowId, ContactFlowName, ContactFlowModuleType,
// Identifier, Timestamp, Parameters, Results, ExternalResults); the older one with `Events` for
// Parameters and a Timestamp without seconds (2017-11-09T12:17.898Z); and lines that are not a
// JSON object, kept raw at the CloudWatch event's time. Delivery is at least once: an exact
// repeat of a line is dropped. Order: the event's own Timestamp, ties in CloudWatch's order.
import { blockKind, blockLabel, lambdaModuleTypes, maxModuleTypeLength, type BlockKind } from './blockTypes';

export type FlowLogValue = string | number | boolean | null | FlowLogValue[] | FlowLogObject;
export interface FlowLogObject {
  [key: string]: FlowLogValue;
}

/** One FilterLogEvents event, as the service returns it (every field may be missing). */
export interface RawLogEvent {
  eventId?: string;
  /** Milliseconds since the epoch: when the event happened, as its writer said. */
  timestamp?: number;
  message?: string;
  logStreamName?: string;
  ingestionTime?: number;
}

export type FlowLogShape = 'current' | 'legacy' | 'raw';

export interface FlowLogEvent {
  /** The CloudWatch event ID, else `line-<n>`: unique within one parse. */
  id: string;
  /** ISO 8601: the line's own Timestamp, else the CloudWatch event's. */
  timestamp: string;
  /** Milliseconds since the contact's initiation (negative before it). */
  t: number;
  contactId?: string;
  /** ContactFlowId: the flow's ARN, as logged. */
  flowId?: string;
  flowName?: string;
  /** ContactFlowModuleType, as logged. */
  moduleType?: string;
  /** The flow designer's name for the block ("Invoke AWS Lambda function"); unknown types as they come. */
  blockLabel: string;
  kind: BlockKind;
  /** The block: its ID, or the name given to it in the designer. */
  identifier?: string;
  /** Parameters (the older shape's `Events`). */
  parameters?: FlowLogObject;
  results?: string;
  /** What an external resource (a Lambda function) returned. */
  externalResults?: FlowLogObject;
  /** An error result or branch: Results naming an error, timeout or failure, or a Lambda call that returned nothing. */
  isError: boolean;
  /** A line that is not a JSON object, as it came (bounded). */
  raw?: string;
  shape: FlowLogShape;
}

export interface ParsedFlowLog {
  events: FlowLogEvent[];
  /** Exact repeats dropped (at-least-once delivery, or a page fetched twice). */
  duplicates: number;
  /** Lines beyond `maxEvents`, not kept. */
  omitted: number;
}

export interface FlowLogParseOptions {
  /** The contact's InitiationTimestamp (ISO 8601 or epoch ms): `t` counts from it; from the first event when absent. */
  origin?: string | number;
  /** At most this many events are kept (default flowLogLimits.maxEvents). */
  maxEvents?: number;
}

/** Bounds on what one parse keeps. A CloudWatch event is at most 256 KB; Connect's lines are far smaller. */
export const flowLogLimits = {
  /** A longer message is not parsed, only kept raw (cut). */
  maxMessageChars: 256 * 1024,
  /** Each string inside Parameters, Results, ExternalResults. */
  maxStringChars: 4096,
  /** A raw (non-JSON) line. */
  maxRawChars: 8192,
  /** ContactId, ContactFlowId, ContactFlowName, Identifier. */
  maxFieldChars: 1024,
  /** Keys per object and items per array. */
  maxEntries: 200,
  maxDepth: 8,
  /** Characters of strings kept per event, all values together. */
  maxCharsPerEvent: 64 * 1024,
  maxEvents: 20_000,
} as const;

/** Cut to `max` UTF-16 units, never splitting a surrogate pair, with '…' when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Copies a parsed JSON value within the bounds; keys are defined as data, never assigned. */
function bounded(value: unknown, depth: number, budget: { chars: number }): FlowLogValue {
  if (typeof value === 'string') {
    const room = Math.max(0, Math.min(flowLogLimits.maxStringChars, budget.chars));
    const text = clip(value, room);
    budget.chars -= text.length;
    return text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (depth >= flowLogLimits.maxDepth) return '…';
  if (Array.isArray(value)) {
    const out: FlowLogValue[] = value.slice(0, flowLogLimits.maxEntries).map((v) => bounded(v, depth + 1, budget));
    if (value.length > flowLogLimits.maxEntries) out.push(`… ${value.length - flowLogLimits.maxEntries} more`);
    return out;
  }
  if (typeof value === 'object') {
    const out: FlowLogObject = {};
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, v] of entries.slice(0, flowLogLimits.maxEntries)) {
      const k = clip(key, 256);
      budget.chars -= k.length;
      Object.defineProperty(out, k, { value: bounded(v, depth + 1, budget), enumerable: true, writable: true, configurable: true });
    }
    if (entries.length > flowLogLimits.maxEntries) Object.defineProperty(out, '…', { value: `${entries.length - flowLogLimits.maxEntries} more`, enumerable: true, writable: true, configurable: true });
    return out;
  }
  return null;
}

function asObject(value: FlowLogValue | undefined): FlowLogObject | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  // A scalar or a list where an object belongs: kept, under one key.
  const wrapped: FlowLogObject = {};
  wrapped.value = value;
  return wrapped;
}

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A flow-log Timestamp: ISO 8601, and the older form without seconds (`2017-11-09T12:17.898Z`:
 * `minutePrecision`, the fraction read as milliseconds into the minute). No zone: UTC.
 */
export function parseFlowLogTimestamp(text: string): { ms: number; minutePrecision: boolean } | undefined {
  const m = timestampPattern.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMin = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second, millis) - offsetMin * 60_000;
  return Number.isFinite(ms) ? { ms, minutePrecision: s === undefined } : undefined;
}

function originMs(origin: string | number | undefined): number | undefined {
  if (typeof origin === 'number') return Number.isFinite(origin) ? origin : undefined;
  if (typeof origin === 'string' && origin !== '') {
    const parsed = parseFlowLogTimestamp(origin)?.ms ?? Date.parse(origin);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

const errorResult = /error|time ?out|timed out|fail/i;

/** Whether a block's Results name an error branch: an error, a timeout, a failure. */
export function isErrorResult(results: string | undefined): boolean {
  return results !== undefined && errorResult.test(results);
}

/** The flow's own ID from its ARN (`…/contact-flow/<id>`), for DescribeContactFlow; undefined when not an ARN of a flow. */
export function flowResourceId(flowId: string | undefined): string | undefined {
  const m = flowId === undefined ? null : /:instance\/[^/]+\/contact-flow\/([A-Za-z0-9_-]{1,256})$/.exec(flowId);
  return m?.[1];
}

function field(record: Record<string, unknown>, key: string): string | undefined {
  const v = record[key];
  return typeof v === 'string' && v !== '' ? clip(v, flowLogLimits.maxFieldChars) : undefined;
}

interface Draft {
  event: FlowLogEvent;
  ms: number;
  order: number;
}

function isoOf(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** One line: its event, and the time to order it by. */
function parseLine(raw: RawLogEvent, id: string, fallbackMs: number): { event: Omit<FlowLogEvent, 't'>; ms: number } {
  const cloudMs = typeof raw.timestamp === 'number' && Number.isFinite(raw.timestamp) ? raw.timestamp : undefined;
  const message = typeof raw.message === 'string' ? raw.message : raw.message === undefined ? '' : String(raw.message);
  let parsed: unknown;
  const trimmed = message.trimStart();
  if (trimmed.startsWith('{') && message.length <= flowLogLimits.maxMessageChars) {
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const ms = cloudMs ?? fallbackMs;
    return {
      ms,
      event: { id, timestamp: isoOf(ms), blockLabel: 'Log line', kind: 'other', isError: false, raw: clip(message, flowLogLimits.maxRawChars), shape: 'raw' },
    };
  }
  const record = parsed as Record<string, unknown>;
  const own = typeof record.Timestamp === 'string' ? parseFlowLogTimestamp(record.Timestamp) : undefined;
  let ms = own?.ms ?? cloudMs ?? fallbackMs;
  // A time without seconds: CloudWatch's own time, when it falls in that minute, is the precise one.
  if (own?.minutePrecision) {
    const minuteStart = own.ms - (own.ms % 60_000);
    if (cloudMs !== undefined && cloudMs >= minuteStart && cloudMs < minuteStart + 60_000) ms = cloudMs;
  }
  const budget = { chars: flowLogLimits.maxCharsPerEvent };
  const legacy = own?.minutePrecision === true || (record.Events !== undefined && record.Parameters === undefined);
  const paramsSource = record.Parameters !== undefined ? record.Parameters : record.Events;
  const parameters = paramsSource === undefined ? undefined : asObject(bounded(paramsSource, 0, budget));
  const externalResults = record.ExternalResults === undefined ? undefined : asObject(bounded(record.ExternalResults, 0, budget));
  const rawResults = record.Results;
  const results = rawResults === undefined || rawResults === null
    ? undefined
    : typeof rawResults === 'string'
      ? clip(rawResults, flowLogLimits.maxStringChars)
      : clip(JSON.stringify(bounded(rawResults, 0, budget)), flowLogLimits.maxStringChars);
  const rawType = typeof record.ContactFlowModuleType === 'string' && record.ContactFlowModuleType !== '' ? record.ContactFlowModuleType : undefined;
  const moduleType = rawType === undefined ? undefined : clip(rawType, maxModuleTypeLength);
  const lambdaFailed = rawType !== undefined && lambdaModuleTypes.has(rawType) && results !== undefined && results !== '' && externalResults === undefined;
  const event: Omit<FlowLogEvent, 't'> = {
    id,
    timestamp: isoOf(ms),
    blockLabel: blockLabel(rawType),
    kind: blockKind(rawType),
    isError: isErrorResult(results) || lambdaFailed,
    shape: legacy ? 'legacy' : 'current',
  };
  const optional: Partial<FlowLogEvent> = {
    contactId: field(record, 'ContactId'),
    flowId: field(record, 'ContactFlowId'),
    flowName: field(record, 'ContactFlowName'),
    moduleType,
    identifier: field(record, 'Identifier'),
    parameters,
    results,
    externalResults,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(event, { [key]: value });
  return { event, ms };
}

/**
 * The flow-log events of FilterLogEvents pages, parsed, without exact repeats, in the order they
 * happened. Never throws: a line that cannot be read is kept raw.
 */
export function parseFlowLogEvents(rawEvents: readonly RawLogEvent[], options: FlowLogParseOptions = {}): ParsedFlowLog {
  const maxEvents = Math.max(0, Math.floor(options.maxEvents ?? flowLogLimits.maxEvents));
  const seenMessages = new Set<string>();
  const seenIds = new Set<string>();
  const drafts: Draft[] = [];
  let duplicates = 0;
  let omitted = 0;
  let lastMs = originMs(options.origin) ?? 0;
  for (const [index, raw] of rawEvents.entries()) {
    if (raw === null || typeof raw !== 'object') continue;
    const message = typeof raw.message === 'string' ? raw.message : '';
    const eventId = typeof raw.eventId === 'string' && raw.eventId !== '' ? clip(raw.eventId, 256) : undefined;
    // A line that carries its own time is a repeat when its text is; a bare line also needs the same time.
    const messageKey = message.trimStart().startsWith('{') ? message : `${String(raw.timestamp)}\u0000${message}`;
    if ((eventId !== undefined && seenIds.has(eventId)) || seenMessages.has(messageKey)) {
      duplicates += 1;
      continue;
    }
    if (eventId !== undefined) seenIds.add(eventId);
    seenMessages.add(messageKey);
    if (drafts.length >= maxEvents) {
      omitted += 1;
      continue;
    }
    const { event, ms } = parseLine(raw, eventId ?? `line-${index}`, lastMs);
    lastMs = ms;
    drafts.push({ event: { ...event, t: 0 }, ms, order: index });
  }
  drafts.sort((a, b) => a.ms - b.ms || a.order - b.order);
  const origin = originMs(options.origin) ?? drafts[0]?.ms ?? 0;
  const events = drafts.map(({ event, ms }) => ({ ...event, t: ms - origin }));
  return { events, duplicates, omitted };
}
