// CloudWatch Logs Insights: StartQuery over the flow-log group(s) and a time range, GetQueryResults
// polled with backoff until the query ends, StopQuery when the person cancels. Through the shared
// call path (awsCall.ts) with service 'logs': the same clients, credentials, endpoint settings and
// scheduler as FlowLogService, and the Logs budget `logs|profile|region`.
//
// Quotas, as the stored documentation gives them (the StartQuery API reference,
// docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html and boto3's
// logs start_query page; the query-history page, AmazonCloudWatch/latest/logs/CloudWatchLogs-Insights-Query-History.html):
// - concurrent Logs Insights queries per account: 30 in the StartQuery reference (older copies say
//   20, the query-history page 100), dashboards' queries included: this runs one at a time;
// - a query runs at most 60 minutes (older copies: 15), then ends as Timeout;
// - at most 50 log groups per query (logGroupNames).
// StartQuery, GetQueryResults and StopQuery have transactions-per-second quotas of their own
// (Service Quotas, service code `logs`), but no page found gives a figure to cite, so they draw
// from the Logs budget FlowLogService uses: 5 per second, FilterLogEvents' documented quota
// (repost.aws/knowledge-center/cloudwatch-logs-throttling). The
// poll backs off from 250 ms to 2 s: one query asks at most 4 times a second, then every 2 s.
import { callerFor, type AwsCaller, type AwsCallResult, type CallContext, type CallPathOptions } from './awsCall';
import { connectError } from './errors';
import { logsQuotaBudget } from './flowLogService';
import type { Sdk } from './sdkLoader';
import type { AccountTarget, RequestBudget, RequestPriority } from './types';
import { isValidLogGroupName, logGroupArn } from '../timeline/flowLogWindow';

/** StartQuery takes at most this many log groups. */
export const maxQueryLogGroups = 50;
/** A query runs at most 60 minutes on the service; polling gives up a little later (and stops it). */
export const defaultMaxWaitMs = 61 * 60_000;
/** The waits between GetQueryResults calls: 250 ms doubling to 2 s. */
export const defaultPollDelaysMs: readonly number[] = [250, 500, 1000, 2000];

export type InsightsStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

const endedStatuses: ReadonlySet<string> = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout']);

export interface InsightsStatistics {
  recordsMatched?: number;
  recordsScanned?: number;
  bytesScanned?: number;
}

export interface InsightsProgress {
  queryId: string;
  status: InsightsStatus;
  statistics: InsightsStatistics;
  /** Rows so far (GetQueryResults returns partial results while Running). */
  rows: number;
  /** Those rows: every GetQueryResults returns all the rows found so far, so a table can fill while the query runs. */
  results: InsightsResultRow[];
}

/** One result row as the service returns it: `[{ field, value }, …]`. */
export type InsightsResultRow = { field?: string; value?: string }[];

export interface InsightsQueryResult {
  queryId: string;
  status: 'Complete';
  results: InsightsResultRow[];
  statistics: InsightsStatistics;
  /** GetQueryResults calls made. */
  polls: number;
}

export interface RunQueryOptions {
  logGroupNames: readonly string[];
  queryString: string;
  /** Epoch seconds, StartQuery's own unit. */
  startTime: number;
  endTime: number;
  /** StartQuery's limit (rows); the query's own `limit` when absent. */
  limit?: number;
  /** Cancelling stops the query on the service (StopQuery), then rejects with kind Cancelled. */
  signal?: AbortSignal;
  onProgress?: (progress: InsightsProgress) => void;
  /** The account (from the instance ARN): an access-denied message then names the log group's ARN. */
  accountId?: string;
  /** 'interactive' by default: a person is waiting for the answer. */
  priority?: RequestPriority;
}

export type InsightsServiceOptions = CallPathOptions & {
  /** Logs' rate and burst per profile and region, read on every call; logsQuotaBudget when absent. */
  requestBudget?: () => RequestBudget;
  /** Waits between polls; the last repeats. */
  pollDelaysMs?: readonly number[];
  maxWaitMs?: number;
  /** Tests pass a fake. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  clock?: () => number;
};

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function statisticsOf(value: unknown): InsightsStatistics {
  const s = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const out: InsightsStatistics = {};
  const matched = num(s.recordsMatched);
  const scanned = num(s.recordsScanned);
  const bytes = num(s.bytesScanned);
  if (matched !== undefined) out.recordsMatched = matched;
  if (scanned !== undefined) out.recordsScanned = scanned;
  if (bytes !== undefined) out.bytesScanned = bytes;
  return out;
}

function statusOf(value: unknown): InsightsStatus {
  return typeof value === 'string' && ['Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout'].includes(value) ? (value as InsightsStatus) : 'Unknown';
}

export class InsightsService {
  private readonly caller: AwsCaller;
  private readonly ownsCaller: boolean;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: InsightsServiceOptions) {
    const { caller, owned } = callerFor(options);
    this.caller = caller;
    this.ownsCaller = owned;
    this.sleep = options.sleep ?? abortableSleep;
    this.now = options.clock ?? Date.now;
  }

  /** Runs the query to its end: the rows when Complete; a ConnectServiceError otherwise (Cancelled after StopQuery). */
  async runQuery(target: AccountTarget, options: RunQueryOptions): Promise<InsightsQueryResult> {
    const operation = 'StartQuery';
    const groups = [...new Set(options.logGroupNames)];
    const problem = (message: string, hint?: string) => connectError('InvalidInput', message, { operation, profile: target.profile, hint });
    if (groups.length === 0) throw problem('No log group was given to query.');
    if (groups.length > maxQueryLogGroups) throw problem(`A Logs Insights query reads at most ${maxQueryLogGroups} log groups; ${groups.length} were given.`);
    const bad = groups.find((g) => !isValidLogGroupName(g));
    if (bad !== undefined) throw problem(`"${bad.slice(0, 200)}" is not a log group name: up to 512 letters, digits and . - _ / #.`, 'Check connectContacts.flowLogGroups.');
    if (options.queryString.trim() === '') throw problem('The query is empty.');
    if (!Number.isFinite(options.startTime) || !Number.isFinite(options.endTime) || options.startTime < 0) throw problem('The time range is not a pair of dates and times.');
    if (options.startTime > options.endTime) {
      throw problem(`The time range starts (${new Date(options.startTime * 1000).toISOString()}) after it ends (${new Date(options.endTime * 1000).toISOString()}).`);
    }
    const priority = options.priority ?? 'interactive';
    const logGroup = groups.join(', ');
    const ctx = (op: string): CallContext => ({ operation: op, logGroup, resourceArn: logGroupArn(target.region, options.accountId, groups.length === 1 ? groups[0] : '*') });
    const started = await this.call(ctx(operation), target, (sdk) => new sdk.StartQueryCommand({
      ...(groups.length === 1 ? { logGroupName: groups[0] } : { logGroupNames: groups }),
      queryString: options.queryString,
      startTime: Math.floor(options.startTime),
      endTime: Math.ceil(options.endTime),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    }), options.signal, priority);
    const queryId = typeof started.output.queryId === 'string' ? started.output.queryId : '';
    if (queryId === '') throw connectError('MalformedResponse', 'CloudWatch Logs started the query but gave no query ID.', { operation, profile: target.profile });

    const delays = this.options.pollDelaysMs?.length ? this.options.pollDelaysMs : defaultPollDelaysMs;
    const deadline = this.now() + (this.options.maxWaitMs ?? defaultMaxWaitMs);
    let polls = 0;
    try {
      for (;;) {
        await this.sleep(delays[Math.min(polls, delays.length - 1)], options.signal);
        if (options.signal?.aborted) throw connectError('Cancelled', 'The Logs Insights query was cancelled.', { operation: 'GetQueryResults', profile: target.profile });
        const { output } = await this.call(ctx('GetQueryResults'), target, (sdk) => new sdk.GetQueryResultsCommand({ queryId }), options.signal, priority);
        polls += 1;
        const status = statusOf(output.status);
        const results = Array.isArray(output.results) ? (output.results as InsightsResultRow[]) : [];
        const statistics = statisticsOf(output.statistics);
        options.onProgress?.({ queryId, status, statistics, rows: results.length, results });
        if (status === 'Complete') return { queryId, status, results, statistics, polls };
        if (endedStatuses.has(status)) throw this.ended(status, target);
        if (this.now() > deadline) {
          await this.stop(target, queryId, ctx('StopQuery'));
          throw connectError('Timeout', `The Logs Insights query did not finish within ${Math.round((this.options.maxWaitMs ?? defaultMaxWaitMs) / 60_000)} minutes and was stopped.`, {
            operation: 'GetQueryResults', profile: target.profile, hint: 'Query a shorter time range.',
          });
        }
      }
    } catch (error) {
      // Our own cancel (during a wait or a call): the query still runs on the service until stopped.
      if (options.signal?.aborted) {
        await this.stop(target, queryId, ctx('StopQuery'));
        throw connectError('Cancelled', 'The Logs Insights query was cancelled and stopped.', { operation: 'StopQuery', profile: target.profile });
      }
      throw error;
    }
  }

  /** The Logs budgets beside the others on the shared scheduler. */
  requestBudgets() {
    return this.caller.budgets();
  }

  dispose(): Promise<void> {
    return this.ownsCaller ? this.caller.dispose() : Promise.resolve();
  }

  private ended(status: InsightsStatus, target: AccountTarget) {
    const operation = 'GetQueryResults';
    switch (status) {
      case 'Timeout':
        return connectError('Timeout', 'The Logs Insights query ran out of time on the service (a query runs at most 60 minutes).', { operation, profile: target.profile, hint: 'Query a shorter time range.' });
      case 'Cancelled':
        return connectError('Cancelled', 'The Logs Insights query was stopped on the service (StopQuery, or from the CloudWatch console).', { operation, profile: target.profile });
      default:
        return connectError('ServiceError', `The Logs Insights query ended as ${status}.`, { operation, profile: target.profile, hint: 'Run it again; if it fails again, try it in the CloudWatch console\'s Logs Insights.' });
    }
  }

  /** StopQuery, whatever the cancelled signal says; a query that already ended is no failure. */
  private async stop(target: AccountTarget, queryId: string, ctx: CallContext): Promise<void> {
    try {
      await this.call(ctx, target, (sdk) => new sdk.StopQueryCommand({ queryId }), undefined, 'interactive');
    } catch {
      // Already Complete or stopped: nothing is left running.
    }
  }

  private call(ctx: CallContext, target: AccountTarget, makeCommand: (sdk: Sdk) => unknown, signal: AbortSignal | undefined, priority: RequestPriority): Promise<AwsCallResult> {
    const budget = this.options.requestBudget?.() ?? logsQuotaBudget;
    return this.caller.call({ service: 'logs', ctx, target, makeCommand, signal, priority, budget });
  }
}
