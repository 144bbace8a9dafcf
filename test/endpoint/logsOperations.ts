// The CloudWatch Logs operations the endpoint serves, FilterLogEvents and DescribeLogGroups, with the
// members, bounds and paging of botocore's logs/2014-03-28 model.
import { createHash } from 'node:crypto';
import { compileFilterPattern, FilterPatternError } from './filterPattern';
import { LogsError } from './logsError';
import { checkLength, decodeToken, encodeToken, intParam, isObject, shown } from './operationSupport';
import type { LogEvent, LogGroupData, LogGroups } from './sampleLogs';

export type LogsHandler = (body: Record<string, unknown>, groups: LogGroups) => unknown;

/**
 * Events FilterLogEvents examines per call. Like the service, a call may stop before `limit` (its page
 * partly full, even empty) and still return a nextToken: a client must follow tokens, not count events.
 */
export const filterScanBudget = 2000;

const logGroupNamePattern = /^[.\-_/#A-Za-z0-9]+$/;
const logGroupIdentifierPattern = /^[\w#+=/:,.@-]*$/;
const logStreamNamePattern = /^[^:*]*$/;

/** What a token is tied to, short: a digest of the query. */
function queryScope(query: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 22);
}

function invalid(message: string): LogsError {
  return new LogsError('InvalidParameterException', message);
}

function validationError(field: string, value: string, constraint: string): LogsError {
  return invalid(`1 validation error detected: Value '${shown(value)}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

function optionalString(body: Record<string, unknown>, field: string, min: number, max: number, pattern?: { re: RegExp; source: string }): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new LogsError('SerializationException', `Expected a string for ${field}.`);
  // The validation layer's messages, as the Connect side writes them (operationSupport's checkLength).
  checkLength(field, value, min, max);
  if (pattern && !pattern.re.test(value)) throw validationError(field, value, `Member must satisfy regular expression pattern: ${pattern.source}`);
  return value;
}

function optionalTime(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new LogsError('SerializationException', `Expected a whole number of milliseconds for ${field}.`);
  if (value < 0) throw validationError(field, String(value), 'Member must have value greater than or equal to 0');
  return value;
}

const groupName = { re: logGroupNamePattern, source: '[\\.\\-_/#A-Za-z0-9]+' };
const groupIdentifier = { re: logGroupIdentifierPattern, source: '[\\w#+=/:,.@-]*' };
const streamName = { re: logStreamNamePattern, source: '[^:*]*' };

/** A group by name or by ARN (`arn:aws:logs:<region>:<account>:log-group:<name>`, without `:*`). */
export function findGroup(groups: LogGroups, nameOrArn: string): LogGroupData {
  const byArn = /^arn:aws:logs:[^:]+:\d{12}:log-group:(.+)$/.exec(nameOrArn);
  const group = byArn ? [...groups.values()].find((g) => g.describe.logGroupArn === nameOrArn) : groups.get(nameOrArn);
  if (!group) throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
  return group;
}

/** The first index whose event is at or after `t` (events are ordered by timestamp). */
function firstAtOrAfter(events: LogEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].timestamp < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each event's message parsed once, on first need (JSON patterns read it; term patterns don't). */
const parsedMessages = new WeakMap<LogEvent, unknown>();

export function messageJson(event: LogEvent): unknown {
  if (!parsedMessages.has(event)) {
    let json: unknown;
    try {
      json = JSON.parse(event.message);
    } catch {
      json = undefined;
    }
    parsedMessages.set(event, isObject(json) ? json : undefined);
  }
  return parsedMessages.get(event);
}

const filterLogEvents: LogsHandler = (body, groups) => {
  const name = optionalString(body, 'logGroupName', 1, 512, groupName);
  const identifier = optionalString(body, 'logGroupIdentifier', 1, 2048, groupIdentifier);
  if (name !== undefined && identifier !== undefined) throw invalid('LogGroup name and LogGroup identifier are mutually exclusive parameters.');
  if (name === undefined && identifier === undefined) throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
  const streams = body.logStreamNames;
  if (streams !== undefined && streams !== null) {
    if (!Array.isArray(streams) || !streams.every((s) => typeof s === 'string')) throw new LogsError('SerializationException', 'Expected a list of strings for logStreamNames.');
    if (streams.length < 1 || streams.length > 100) throw validationError('logStreamNames', JSON.stringify(streams), `Member must have length ${streams.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`);
    for (const s of streams) {
      checkLength('logStreamNames.member', s, 1, 512);
      if (!logStreamNamePattern.test(s)) throw validationError('logStreamNames.member', s, `Member must satisfy regular expression pattern: ${streamName.source}`);
    }
  }
  const prefix = optionalString(body, 'logStreamNamePrefix', 1, 512, streamName);
  if (streams && prefix !== undefined) throw invalid('Cannot specify both logStreamNames and logStreamNamePrefix.');
  const start = optionalTime(body, 'startTime') ?? 0;
  const end = optionalTime(body, 'endTime') ?? Number.MAX_SAFE_INTEGER;
  const pattern = optionalString(body, 'filterPattern', 0, 1024);
  const limit = intParam(body.limit, 'limit', 1, 10000, 10000);
  const token = optionalString(body, 'nextToken', 1, Number.MAX_SAFE_INTEGER);

  const group = findGroup(groups, (identifier ?? name)!);
  let matches;
  try {
    matches = compileFilterPattern(pattern);
  } catch (err) {
    if (err instanceof FilterPatternError) throw invalid(err.message);
    throw err;
  }
  const wanted = streams ? new Set(streams) : undefined;
  // Tokens carry where the scan stopped and the query they belong to: another query's token is refused.
  const scope = queryScope([group.describe.logGroupName, streams ?? null, prefix ?? null, start, end, pattern ?? '']);
  const events = group.events;
  let i = token === undefined ? firstAtOrAfter(events, start) : decodeToken(token, scope);
  const page: LogEvent[] = [];
  let scanned = 0;
  for (; i < events.length && events[i].timestamp <= end && page.length < limit && scanned < filterScanBudget; i++, scanned++) {
    const e = events[i];
    if (e.timestamp < start) continue;
    if (wanted && !wanted.has(e.logStreamName)) continue;
    if (prefix !== undefined && !e.logStreamName.startsWith(prefix)) continue;
    if (matches({ message: e.message, json: () => messageJson(e) })) page.push(e);
  }
  const more = i < events.length && events[i].timestamp <= end;
  const result: Record<string, unknown> = {
    events: page.map((e) => ({ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: e.eventId })),
    // Deprecated since 2020: the service answers an empty list.
    searchedLogStreams: [],
  };
  if (more) result.nextToken = encodeToken(i, scope);
  return result;
};

const logGroupClasses = ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'];

const describeLogGroups: LogsHandler = (body, groups) => {
  const prefix = optionalString(body, 'logGroupNamePrefix', 1, 512, groupName);
  const namePattern = optionalString(body, 'logGroupNamePattern', 0, 512, { re: /^[.\-_/#A-Za-z0-9]*$/, source: '[\\.\\-_/#A-Za-z0-9]*' });
  if (prefix !== undefined && namePattern !== undefined) throw invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  const identifiers = body.logGroupIdentifiers;
  if (identifiers !== undefined && identifiers !== null) {
    if (!Array.isArray(identifiers) || !identifiers.every((s) => typeof s === 'string')) throw new LogsError('SerializationException', 'Expected a list of strings for logGroupIdentifiers.');
    if (identifiers.length < 1 || identifiers.length > 50) throw validationError('logGroupIdentifiers', JSON.stringify(identifiers), `Member must have length ${identifiers.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 50'}`);
  }
  const logGroupClass = optionalString(body, 'logGroupClass', 1, 32);
  if (logGroupClass !== undefined && !logGroupClasses.includes(logGroupClass)) {
    throw validationError('logGroupClass', logGroupClass, `Member must satisfy enum value set: [${logGroupClasses.join(', ')}]`);
  }
  const limit = intParam(body.limit, 'limit', 1, 50, 50);
  const token = optionalString(body, 'nextToken', 1, Number.MAX_SAFE_INTEGER);

  const lowerPattern = namePattern?.toLowerCase();
  const ids = identifiers as string[] | undefined;
  const listed = [...groups.values()]
    .map((g) => g.describe)
    .filter((d) => prefix === undefined || d.logGroupName.startsWith(prefix))
    .filter((d) => lowerPattern === undefined || d.logGroupName.toLowerCase().includes(lowerPattern))
    .filter((d) => ids === undefined || ids.includes(d.logGroupName) || ids.includes(d.logGroupArn))
    .filter((d) => logGroupClass === undefined || d.logGroupClass === logGroupClass);
  const scope = queryScope(['DescribeLogGroups', prefix ?? null, namePattern ?? null, ids ?? null, logGroupClass ?? null]);
  const offset = token === undefined ? 0 : decodeToken(token, scope);
  const result: Record<string, unknown> = { logGroups: listed.slice(offset, offset + limit) };
  if (offset + limit < listed.length) result.nextToken = encodeToken(offset + limit, scope);
  return result;
};

export const logsOperations: Record<string, LogsHandler> = {
  FilterLogEvents: filterLogEvents,
  DescribeLogGroups: describeLogGroups,
};
