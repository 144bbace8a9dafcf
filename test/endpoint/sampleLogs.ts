// Loads the CloudWatch Logs the endpoint serves (data/logGroups.json, written by data/generateSamples.mjs):
// log groups in DescribeLogGroups' shape and their events, the long chat's loop expanded from its template,
// every time shifted by the same amount as the contacts so flow logs stay inside their contacts.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** One stored event: FilteredLogEvent's members (eventId is derived at load). */
export interface LogEvent {
  logStreamName: string;
  /** Epoch milliseconds. */
  timestamp: number;
  ingestionTime: number;
  message: string;
  eventId: string;
}

/** A log group: its DescribeLogGroups entry and its events, ordered as FilterLogEvents returns them. */
export interface LogGroupData {
  /** DescribeLogGroups' LogGroup shape (storedBytes computed from the events). */
  describe: Record<string, unknown> & { logGroupName: string; logGroupArn: string };
  events: LogEvent[];
  /**
   * Generated events (synthetic contacts' flow logs) between two epoch-ms times, both inclusive, in time
   * order: made per query instead of stored. Insights reads these besides `events`.
   */
  eventsBetween?: (startMs: number, endMs: number) => Iterable<LogEvent>;
}

/** Log group name → group, in name order (as DescribeLogGroups lists them). */
export type LogGroups = Map<string, LogGroupData>;

interface StoredEvent {
  logStreamName: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
}

/** Events that repeat with only their time and iteration number changing: {{time}} and {{iteration}} in `messages`. */
interface RepeatedEvents {
  logStreamName: string;
  firstTimestamp: number;
  stepMs: number;
  iterations: number;
  ingestionDelayMs: number;
  messages: string[];
}

interface StoredGroup {
  LogGroup: Record<string, unknown> & { logGroupName: string; logGroupArn: string };
  Events?: StoredEvent[];
  RepeatedEvents?: RepeatedEvents[];
}

function expand(r: RepeatedEvents): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let i = 0; i < r.iterations; i++) {
    r.messages.forEach((template, j) => {
      const timestamp = r.firstTimestamp + (i * r.messages.length + j) * r.stepMs;
      const message = template.replaceAll('{{time}}', new Date(timestamp).toISOString()).replaceAll('{{iteration}}', String(i + 1));
      out.push({ logStreamName: r.logStreamName, timestamp, ingestionTime: timestamp + r.ingestionDelayMs, message });
    });
  }
  return out;
}

/**
 * ISO times with milliseconds inside a message (flow logs' Timestamp, Lambda lines' prefix), also the older
 * shape's form without seconds ("2017-11-09T12:17.898Z", read as second 00), shifted and written back in
 * the form they had.
 */
const isoInMessage = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{3})Z/g;

export function shiftMessageTimes(message: string, shiftMs: number): string {
  if (shiftMs === 0) return message;
  return message.replace(isoInMessage, (match: string, minutes: string, seconds: string | undefined, millis: string) => {
    const t = Date.parse(`${minutes}${seconds ?? ':00'}${millis}Z`);
    if (Number.isNaN(t)) return match;
    const shifted = new Date(t + shiftMs).toISOString();
    return seconds === undefined ? shifted.slice(0, 16) + shifted.slice(19) : shifted;
  });
}

/** Lambda names its streams by the date they started (YYYY/MM/DD/[$LATEST]…): renamed after the shift. */
const datedStream = /^\d{4}\/\d{2}\/\d{2}\/(.*)$/;

/** CloudWatch event IDs are 56 decimal digits; ours come from the group, stream, position and stored message, so a rebase keeps them. */
function eventId(group: string, index: number, e: StoredEvent): string {
  const hex = createHash('sha256').update(`${group}\n${e.logStreamName}\n${index}\n${e.message}`).digest('hex');
  return BigInt(`0x${hex}`).toString().padStart(78, '0').slice(0, 56);
}

function compareEvents(a: LogEvent, b: LogEvent): number {
  return a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

function loadGroup(stored: StoredGroup, shiftMs: number): LogGroupData {
  const name = stored.LogGroup.logGroupName;
  const raw = [...(stored.Events ?? []), ...(stored.RepeatedEvents ?? []).flatMap(expand)];
  const events: LogEvent[] = raw.map((e, i) => ({
    logStreamName: e.logStreamName,
    timestamp: e.timestamp + shiftMs,
    ingestionTime: e.ingestionTime + shiftMs,
    message: shiftMessageTimes(e.message, shiftMs),
    eventId: eventId(name, i, e),
  }));
  events.sort(compareEvents);
  if (shiftMs !== 0) {
    // A dated stream takes the date of its first event.
    const renamed = new Map<string, string>();
    for (const e of events) {
      const m = datedStream.exec(e.logStreamName);
      if (m && !renamed.has(e.logStreamName)) renamed.set(e.logStreamName, `${new Date(e.timestamp).toISOString().slice(0, 10).replace(/-/g, '/')}/${m[1]}`);
    }
    for (const e of events) e.logStreamName = renamed.get(e.logStreamName) ?? e.logStreamName;
  }
  const storedBytes = events.reduce((n, e) => n + Buffer.byteLength(e.message), 0);
  return { describe: { ...stored.LogGroup, storedBytes }, events };
}

/** The log groups of a logGroups.json file (none if it does not exist), times shifted by `shiftMs`. */
export function readLogGroups(file: string, shiftMs = 0): LogGroups {
  const groups: LogGroups = new Map();
  if (!existsSync(file)) return groups;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { LogGroups?: StoredGroup[] };
  if (!Array.isArray(json.LogGroups)) throw new Error(`${file}: expected {"LogGroups": [...]}`);
  const sorted = [...json.LogGroups].sort((a, b) => (a.LogGroup.logGroupName < b.LogGroup.logGroupName ? -1 : 1));
  for (const g of sorted) groups.set(g.LogGroup.logGroupName, loadGroup(g, shiftMs));
  return groups;
}
