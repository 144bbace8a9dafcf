// CloudWatch Logs Insights as the endpoint serves it (botocore's logs/2014-03-28 model): StartQuery,
// GetQueryResults and StopQuery over the log groups' events, running the query subset of insightsQuery.ts.
//
// A query is evaluated when it starts; its status then advances by polls, deterministically: the first
// GetQueryResults answers `Scheduled`, the second `Running` (no rows yet, as a query that has scanned
// nothing), every later one `Complete` with every row and the statistics. StopQuery before that ends it as
// `Cancelled`; after it, it is refused (the query is not running).
import { createHash, randomUUID } from 'node:crypto';
import { insightsTime, MalformedQueryError, parseInsightsQuery, runInsightsQuery, flattenJson, type QueryOutcome, type Record_ } from './insightsQuery';
import { LogsError } from './logsError';
import { checkLength, intParam } from './operationSupport';
import type { LogEvent, LogGroupData, LogGroups } from './sampleLogs';
import { findGroup, messageJson, type LogsHandler } from './logsOperations';

type Status = 'Scheduled' | 'Running' | 'Complete' | 'Cancelled';

interface RunningQuery {
  polls: number;
  status: Status;
  outcome: QueryOutcome;
  recordsScanned: number;
  bytesScanned: number;
}

/**
 * "You can have up to 100 concurrent CloudWatch Logs insights queries" (StartQuery's documentation in
 * botocore's logs model); one more is LimitExceededException.
 */
export const maxConcurrentQueries = 100;
/** StartQuery's `logGroupNames`/`logGroupIdentifiers`: "You can include up to 50 log groups." (botocore). */
const maxLogGroups = 50;

/** Each endpoint's queries, by its log groups (one LogGroups per endpoint). */
const queriesOf = new WeakMap<LogGroups, Map<string, RunningQuery>>();

function queries(groups: LogGroups): Map<string, RunningQuery> {
  let m = queriesOf.get(groups);
  if (!m) queriesOf.set(groups, (m = new Map<string, RunningQuery>()));
  return m;
}

function invalid(message: string): LogsError {
  return new LogsError('InvalidParameterException', message);
}

function requiredSeconds(body: Record<string, unknown>, field: string): number {
  const v = body[field];
  if (v === undefined || v === null) throw invalid(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new LogsError('SerializationException', `Expected a whole number of seconds for ${field}.`);
  if (v < 0) throw invalid(`1 validation error detected: Value '${v}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to 0`);
  return v;
}

function stringList(body: Record<string, unknown>, field: string): string[] | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new LogsError('SerializationException', `Expected a list of strings for ${field}.`);
  if (v.length > maxLogGroups) throw invalid(`1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${maxLogGroups}`);
  return v;
}

/** @ptr: an opaque pointer to the record (GetLogRecord's logRecordPointer), stable for an event. */
function pointer(group: string, e: LogEvent): string {
  return createHash('sha256').update(`${group}\n${e.eventId}`).digest('base64').slice(0, 43);
}

/** An event as Insights sees it: its JSON keys (dotted) and the system fields. */
export function insightsRecord(groupName: string, e: LogEvent): Record_ {
  const r: Record_ = new Map();
  flattenJson(messageJson(e), r);
  r.set('@timestamp', insightsTime(e.timestamp));
  r.set('@timestampMs', String(e.timestamp));
  r.set('@message', e.message);
  r.set('@logStream', e.logStreamName);
  r.set('@log', `123456789012:${groupName}`);
  r.set('@ptr', pointer(groupName, e));
  return r;
}

/** Where a group's events come from for a query: stored events in the range, or generated ones (eventsBetween). */
function* eventsIn(group: LogGroupData, startMs: number, endMs: number): Iterable<LogEvent> {
  for (const e of group.events) if (e.timestamp >= startMs && e.timestamp <= endMs) yield e;
  if (group.eventsBetween) yield* group.eventsBetween(startMs, endMs);
}

const startQuery: LogsHandler = (body, groups) => {
  const name = body.logGroupName;
  const names = stringList(body, 'logGroupNames');
  const identifiers = stringList(body, 'logGroupIdentifiers');
  const given = [name, names, identifiers].filter((v) => v !== undefined && v !== null).length;
  if (given !== 1) throw invalid('Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.');
  if (name !== undefined && name !== null && typeof name !== 'string') throw new LogsError('SerializationException', 'Expected a string for logGroupName.');
  const start = requiredSeconds(body, 'startTime');
  const end = requiredSeconds(body, 'endTime');
  if (end < start) throw invalid('End time should not be before the start time.');
  const queryString = body.queryString;
  if (queryString === undefined || queryString === null) throw invalid("1 validation error detected: Value null at 'queryString' failed to satisfy constraint: Member must not be null");
  if (typeof queryString !== 'string') throw new LogsError('SerializationException', 'Expected a string for queryString.');
  checkLength('queryString', queryString, 0, 10000);
  // StartQuery's limit: "The default is 10,000. The maximum value is 100,000." (botocore's EventsLimitStartQuery).
  const limit = intParam(body.limit, 'limit', 1, 100000, 10000);
  const ids = typeof name === 'string' ? [name] : (names ?? identifiers)!;
  for (const id of ids) checkLength(typeof name === 'string' ? 'logGroupName' : names ? 'logGroupNames.member' : 'logGroupIdentifiers.member', id, 1, names || name ? 512 : 2048);
  const targets = ids.map((id) => findGroup(groups, id));
  let parsed;
  try {
    parsed = parseInsightsQuery(queryString);
  } catch (err) {
    if (err instanceof MalformedQueryError) throw new LogsError('MalformedQueryException', err.message);
    throw err;
  }
  const all = queries(groups);
  const active = [...all.values()].filter((q) => q.status === 'Scheduled' || q.status === 'Running').length;
  if (active >= maxConcurrentQueries) throw new LogsError('LimitExceededException', `Account maximum query concurrency limit of [${maxConcurrentQueries}] reached.`);

  // Both ends inclusive, in seconds: the end second's events count too.
  const startMs = start * 1000;
  const endMs = end * 1000 + 999;
  let recordsScanned = 0;
  let bytesScanned = 0;
  function* records(): Iterable<Record_> {
    for (const g of targets) {
      for (const e of eventsIn(g, startMs, endMs)) {
        recordsScanned++;
        bytesScanned += Buffer.byteLength(e.message);
        yield insightsRecord(g.describe.logGroupName, e);
      }
    }
  }
  const outcome = runInsightsQuery(parsed, records(), limit);
  const queryId = randomUUID();
  all.set(queryId, { polls: 0, status: 'Scheduled', outcome, recordsScanned, bytesScanned });
  return { queryId };
};

function findQuery(body: Record<string, unknown>, groups: LogGroups): RunningQuery {
  const id = body.queryId;
  if (id === undefined || id === null) throw invalid("1 validation error detected: Value null at 'queryId' failed to satisfy constraint: Member must not be null");
  if (typeof id !== 'string') throw new LogsError('SerializationException', 'Expected a string for queryId.');
  checkLength('queryId', id, 1, 256);
  const q = queries(groups).get(id);
  if (!q) throw new LogsError('ResourceNotFoundException', `Query does not exist: ${id}`);
  return q;
}

const getQueryResults: LogsHandler = (body, groups) => {
  const q = findQuery(body, groups);
  if (q.status === 'Scheduled' || q.status === 'Running') {
    q.polls++;
    q.status = q.polls === 1 ? 'Scheduled' : q.polls === 2 ? 'Running' : 'Complete';
  }
  const done = q.status === 'Complete';
  return {
    results: done ? q.outcome.rows : [],
    statistics: done ? { recordsMatched: q.outcome.recordsMatched, recordsScanned: q.recordsScanned, bytesScanned: q.bytesScanned } : { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
    status: q.status,
  };
};

const stopQuery: LogsHandler = (body, groups) => {
  const q = findQuery(body, groups);
  if (q.status !== 'Scheduled' && q.status !== 'Running') throw invalid(`Query is not running: its status is ${q.status}.`);
  q.status = 'Cancelled';
  return { success: true };
};

export const insightsOperations: Record<string, LogsHandler> = {
  StartQuery: startQuery,
  GetQueryResults: getQueryResults,
  StopQuery: stopQuery,
};
