// Find Contacts in Flow Logs without any UI: the instance's flow-log group, one Logs Insights
// query over a time range, and the rows read as contacts. The command (findInFlowLogs.ts) asks
// for the inputs and shows the rows; the search panel's table can call `searchFlowLogs` as it is.
import type { InsightsProgress, InsightsService } from '../aws/insightsService';
import { connectError } from '../aws/errors';
import type { AccountTarget } from '../aws/types';
import { flowLogGroup } from '../timeline/flowLogWindow';
import {
  contactsOfRows,
  insightsTemplateQuery,
  parseInsightsResults,
  type InsightsContact,
  type InsightsRow,
  type InsightsTemplateId,
  type InsightsTemplateInputs,
} from '../timeline/insightsTemplates';

export type InstanceTarget = AccountTarget & { instanceId: string };

export interface FlowLogSearchRequest {
  instance: InstanceTarget;
  /** The query to run; the template's query for `inputs` when absent. */
  query?: string;
  template?: InsightsTemplateId;
  inputs?: InsightsTemplateInputs;
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: InsightsProgress) => void;
  /** Hears the log group's name just before StartQuery goes out. */
  onLogGroup?: (logGroup: string) => void;
}

export interface FlowLogSearchDeps {
  insights(): InsightsService;
  /** The instance's alias and ARN (DescribeInstance, cached); may fail (no connect:DescribeInstance). */
  instanceDetails(instance: InstanceTarget, signal?: AbortSignal): Promise<{ alias?: string; arn?: string }>;
  /** connectContacts.flowLogGroups. */
  flowLogGroups(): Readonly<Record<string, string>>;
}

export interface FlowLogSearchResult {
  instance: InstanceTarget;
  logGroup: string;
  query: string;
  startMs: number;
  endMs: number;
  /** Every matching line, newest first. */
  rows: InsightsRow[];
  /** One per contact, newest first. */
  contacts: InsightsContact[];
  recordsScanned?: number;
  recordsMatched?: number;
}

function accountOf(arn: string | undefined): string | undefined {
  return arn ? /^arn:[^:]+:connect:[^:]*:(\d{12}):/.exec(arn)?.[1] : undefined;
}

/** The query for a request: its own, else its template's (RangeError for a missing input). */
export function requestQuery(request: Pick<FlowLogSearchRequest, 'query' | 'template' | 'inputs'>): string {
  if (request.query !== undefined && request.query.trim() !== '') return request.query;
  return insightsTemplateQuery(request.template ?? 'errors', request.inputs ?? {});
}

/** Runs the query over the instance's flow-log group and returns the rows, read. Errors are ConnectServiceErrors. */
export async function searchFlowLogs(request: FlowLogSearchRequest, deps: FlowLogSearchDeps): Promise<FlowLogSearchResult> {
  const { instance } = request;
  let query: string;
  try {
    query = requestQuery(request);
  } catch (error) {
    throw connectError('InvalidInput', `The template cannot be filled in: ${(error as Error).message}`, { operation: 'StartQuery', profile: instance.profile });
  }
  let details: { alias?: string; arn?: string } = {};
  try {
    details = await deps.instanceDetails(instance, request.signal);
  } catch {
    // The setting may still name the log group.
  }
  const group = flowLogGroup({ instanceId: instance.instanceId, alias: details.alias }, deps.flowLogGroups());
  if (!group) {
    throw connectError('InvalidInput', `The instance's alias is not known, so its flow-log group (/aws/connect/<alias>) cannot be named.`, {
      operation: 'StartQuery',
      profile: instance.profile,
      hint: 'Allow connect:DescribeInstance, or name the log group for this instance in the setting connectContacts.flowLogGroups.',
    });
  }
  request.onLogGroup?.(group.name);
  const out = await deps.insights().runQuery(instance, {
    logGroupNames: [group.name],
    queryString: query,
    startTime: Math.floor(request.startMs / 1000),
    endTime: Math.ceil(request.endMs / 1000),
    signal: request.signal,
    onProgress: request.onProgress,
    accountId: accountOf(details.arn),
  });
  const rows = parseInsightsResults(out.results);
  return {
    instance,
    logGroup: group.name,
    query,
    startMs: request.startMs,
    endMs: request.endMs,
    rows,
    contacts: contactsOfRows(rows),
    ...(out.statistics.recordsScanned !== undefined ? { recordsScanned: out.statistics.recordsScanned } : {}),
    ...(out.statistics.recordsMatched !== undefined ? { recordsMatched: out.statistics.recordsMatched } : {}),
  };
}

/** The presets of the time range, newest-ending first. */
export const timeRangePresets = [
  { id: 'hour', label: 'Last hour', ms: 3_600_000 },
  { id: 'day', label: 'Last 24 hours', ms: 86_400_000 },
  { id: 'week', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: 'month', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

/**
 * A typed range `START/END` (or `START to END`) of ISO 8601 dates and times; a date alone is
 * midnight UTC. `{ startMs, endMs }`, or a reason.
 */
export function parseTimeRange(text: string): { startMs: number; endMs: number } | { problem: string } {
  const parts = text.trim().split(/\s*(?:\/|\s+to\s+|\s+–\s+)\s*/);
  if (parts.length !== 2 || parts.some((p) => p === '')) return { problem: 'Two ISO dates and times, e.g. 2024-05-01T00:00Z/2024-05-15T12:00Z.' };
  const [startMs, endMs] = parts.map((p) => Date.parse(p));
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return { problem: 'Each end must be an ISO date and time, e.g. 2024-05-01T00:00Z.' };
  if (startMs >= endMs) return { problem: 'The range must start before it ends.' };
  return { startMs, endMs };
}

/** A time given to the command: ISO text, a Date, or epoch milliseconds. */
export function timeArg(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}
