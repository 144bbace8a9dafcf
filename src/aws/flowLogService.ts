// The CloudWatch Logs calls behind the Timeline: a contact's flow-log lines, a Lambda function's
// own lines about the contact, and a log group's retention. They go through the call path
// ConnectService uses (awsCall.ts: the same clients' settings, credentials and scheduler), with
// the Logs endpoint (connectContacts.logsEndpointUrl, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, …) and a
// budget of their own (`logs|profile|region`): Logs' quota is not Connect's.
import { callerFor, type AwsCaller, type AwsCallResult, type CallContext, type CallPathOptions } from './awsCall';
import { connectError } from './errors';
import type { BudgetState } from './scheduler';
import type { Sdk } from './sdkLoader';
import type { AccountTarget, RequestBudget, RequestPriority } from './types';
import { contactFilterPatterns, isFilterSafeId, termFilterPattern } from '../timeline/filterPattern';
import type { RawLogEvent } from '../timeline/flowLogEvents';
import { isValidLogGroupName, logGroupArn } from '../timeline/flowLogWindow';
import { lambdaFunctionName, lambdaLogGroupName } from '../timeline/lambdaInvocations';

/**
 * CloudWatch Logs' default quota for FilterLogEvents: 5 transactions per second per account and
 * Region, not raised through Service Quotas (docs.aws.amazon.com/AmazonCloudWatch/latest/logs/
 * cloudwatch_limits_cwl.html; repost.aws/knowledge-center/cloudwatch-logs-throttling). The
 * quota names no burst: the bucket holds one second's worth. DescribeLogGroups (10 per second)
 * shares the bucket: it is called once per panel.
 */
export const logsQuotaBudget: RequestBudget = { requestsPerSecond: 5, burst: 5 };

/** Follow at most this many pages: a server that hands out new tokens forever must not keep us. */
export const maxFilterPages = 500;
/** Keep at most this many events per fetch (a chat that loops for hours). */
export const maxFetchedEvents = 50_000;

export type FlowLogServiceOptions = CallPathOptions & {
  /** Logs' rate and burst per profile and region, read on every call; logsQuotaBudget when absent. */
  requestBudget?: () => RequestBudget;
};

export type TimeInput = number | Date | string;

export interface FetchProgress {
  /** Pages read so far (1 after the first). */
  pages: number;
  /** Events read so far. */
  events: number;
  /** This page's events. */
  page: readonly RawLogEvent[];
}

export interface FilterContactEventsOptions {
  logGroupName: string;
  /** One contact, or several (`contactIds`, e.g. a chain): each ID letters, digits, - and _ only. */
  contactId?: string;
  contactIds?: readonly string[];
  startTime: TimeInput;
  endTime: TimeInput;
  signal?: AbortSignal;
  /** 'visible' by default: the Timeline of a panel on screen. */
  priority?: RequestPriority;
  /** After each page: progress for a long fetch. */
  onPage?: (progress: FetchProgress) => void;
  /** The account (from the instance ARN): an access-denied message then names the log group's full ARN. */
  accountId?: string;
  /** At most this many events (default maxFetchedEvents). */
  maxEvents?: number;
}

export interface FilterLambdaEventsOptions {
  /** The function's name or ARN, as the flow log names it. */
  functionName: string;
  contactId: string;
  /** When the flow called it. */
  around: TimeInput;
  /** Lines this far either side of `around` (default 30 s). */
  windowMs?: number;
  signal?: AbortSignal;
  /** 'interactive' by default: a person asked for them. */
  priority?: RequestPriority;
  accountId?: string;
}

export interface FlowLogFetch {
  logGroupName: string;
  startTime: number;
  endTime: number;
  /** In the order CloudWatch returned them (parseFlowLogEvents orders and de-duplicates). */
  events: RawLogEvent[];
  pages: number;
  /** The fetch stopped at maxEvents or maxFilterPages: more lines match. */
  truncated: boolean;
}

export interface LogGroupInfo {
  name: string;
  arn?: string;
  /** Absent: kept forever. */
  retentionInDays?: number;
  /** ISO 8601. */
  createdAt?: string;
  storedBytes?: number;
}

function epochMs(value: TimeInput, label: string, operation: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw connectError('InvalidInput', `The ${label} time "${String(value)}" is not a date and time.`, { operation });
  return Math.round(ms);
}

function rawEvent(entry: unknown): RawLogEvent | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  const e = entry as Record<string, unknown>;
  const out: RawLogEvent = {};
  if (typeof e.eventId === 'string') out.eventId = e.eventId;
  if (typeof e.timestamp === 'number') out.timestamp = e.timestamp;
  if (typeof e.message === 'string') out.message = e.message;
  if (typeof e.logStreamName === 'string') out.logStreamName = e.logStreamName;
  if (typeof e.ingestionTime === 'number') out.ingestionTime = e.ingestionTime;
  return out;
}

export class FlowLogService {
  private readonly caller: AwsCaller;
  private readonly ownsCaller: boolean;

  constructor(private readonly options: FlowLogServiceOptions) {
    const { caller, owned } = callerFor(options);
    this.caller = caller;
    this.ownsCaller = owned;
  }

  /** Every flow-log line of the contact(s) in the window, all pages: FilterLogEvents with `{ $.ContactId = "<id>" }`. */
  async filterContactEvents(target: AccountTarget, options: FilterContactEventsOptions): Promise<FlowLogFetch> {
    const operation = 'FilterLogEvents';
    const ids = [...(options.contactId !== undefined ? [options.contactId] : []), ...(options.contactIds ?? [])];
    if (ids.length === 0) throw connectError('InvalidInput', 'No contact ID was given to look up flow logs for.', { operation, profile: target.profile });
    const unsafe = ids.find((id) => !isFilterSafeId(id));
    if (unsafe !== undefined) {
      throw connectError('InvalidInput', `"${unsafe.slice(0, 80)}" is not a contact ID: a contact ID is letters, digits, - and _.`, { operation, profile: target.profile });
    }
    const patterns = contactFilterPatterns(ids);
    return this.filterAll(target, options.logGroupName, patterns, {
      startTime: epochMs(options.startTime, 'start', operation),
      endTime: epochMs(options.endTime, 'end', operation),
      signal: options.signal,
      priority: options.priority ?? 'visible',
      onPage: options.onPage,
      accountId: options.accountId,
      maxEvents: options.maxEvents ?? maxFetchedEvents,
    });
  }

  /**
   * The function's own log lines that mention the contact, `windowMs` either side of the call:
   * FilterLogEvents on /aws/lambda/<function name> with the quoted contact ID.
   */
  async filterLambdaEvents(target: AccountTarget, options: FilterLambdaEventsOptions): Promise<FlowLogFetch> {
    const operation = 'FilterLogEvents';
    const name = lambdaFunctionName(options.functionName);
    if (name === undefined) {
      throw connectError('InvalidInput', `"${options.functionName.slice(0, 200)}" is not a Lambda function name or ARN.`, { operation, profile: target.profile });
    }
    if (!isFilterSafeId(options.contactId)) {
      throw connectError('InvalidInput', `"${options.contactId.slice(0, 80)}" is not a contact ID: a contact ID is letters, digits, - and _.`, { operation, profile: target.profile });
    }
    const around = epochMs(options.around, 'call', operation);
    const windowMs = Math.max(0, options.windowMs ?? 30_000);
    return this.filterAll(target, lambdaLogGroupName(name), [termFilterPattern(options.contactId)], {
      startTime: around - windowMs,
      endTime: around + windowMs,
      signal: options.signal,
      priority: options.priority ?? 'interactive',
      accountId: options.accountId,
      maxEvents: maxFetchedEvents,
    });
  }

  /** The log group by its exact name (its retention, for "no events" explanations); undefined when there is none. Priority 'visible' by default. */
  async describeLogGroup(target: AccountTarget, name: string, options: { signal?: AbortSignal; priority?: RequestPriority; accountId?: string } = {}): Promise<LogGroupInfo | undefined> {
    const operation = 'DescribeLogGroups';
    this.checkLogGroupName(target, name, operation);
    // IAM allows DescribeLogGroups on log groups by pattern, not on the one named.
    const ctx: CallContext = { operation, resourceArn: logGroupArn(target.region, options.accountId, '*') };
    const seen = new Set<string>();
    let token: string | undefined;
    // A prefix also matches longer names: page until the exact one (or the end).
    for (let page = 0; page < 20; page++) {
      const { output } = await this.call(ctx, target, (sdk) => new sdk.DescribeLogGroupsCommand({ logGroupNamePrefix: name, ...(token ? { nextToken: token } : {}) }), options.signal, options.priority ?? 'visible');
      const groups = Array.isArray(output.logGroups) ? (output.logGroups as unknown[]) : [];
      for (const g of groups) {
        const group = g !== null && typeof g === 'object' ? (g as Record<string, unknown>) : {};
        if (group.logGroupName !== name) continue;
        const info: LogGroupInfo = { name };
        if (typeof group.arn === 'string') info.arn = group.arn;
        if (typeof group.retentionInDays === 'number' && Number.isFinite(group.retentionInDays)) info.retentionInDays = group.retentionInDays;
        if (typeof group.creationTime === 'number' && Number.isFinite(group.creationTime)) info.createdAt = new Date(group.creationTime).toISOString();
        if (typeof group.storedBytes === 'number' && Number.isFinite(group.storedBytes)) info.storedBytes = group.storedBytes;
        return info;
      }
      token = typeof output.nextToken === 'string' && output.nextToken !== '' ? output.nextToken : undefined;
      if (token === undefined || seen.has(token)) return undefined;
      seen.add(token);
    }
    return undefined;
  }

  /** The Logs budgets (`logs|…`) beside the others on the shared scheduler. */
  requestBudgets(): BudgetState[] {
    return this.caller.budgets();
  }

  /** Drop cached clients and profiles: the AWS files or the settings changed. */
  invalidate(): void {
    this.caller.invalidate();
  }

  /** Destroys its clients when it owns its call path; a shared one is its owner's to dispose. */
  dispose(): Promise<void> {
    return this.ownsCaller ? this.caller.dispose() : Promise.resolve();
  }

  private checkLogGroupName(target: AccountTarget, name: string, operation: string): void {
    if (!isValidLogGroupName(name)) {
      throw connectError('InvalidInput', `"${name.slice(0, 200)}" is not a log group name: up to 512 letters, digits and . - _ / #.`, {
        hint: 'Check connectContacts.flowLogGroups.',
        operation,
        profile: target.profile,
      });
    }
  }

  /** FilterLogEvents for each pattern, every page (a repeated token ends it), until the end or a bound. */
  private async filterAll(
    target: AccountTarget,
    logGroupName: string,
    patterns: readonly string[],
    o: { startTime: number; endTime: number; signal?: AbortSignal; priority: RequestPriority; onPage?: (p: FetchProgress) => void; accountId?: string; maxEvents: number },
  ): Promise<FlowLogFetch> {
    const operation = 'FilterLogEvents';
    this.checkLogGroupName(target, logGroupName, operation);
    if (o.startTime > o.endTime) {
      throw connectError('InvalidInput', `The flow-log window starts (${new Date(o.startTime).toISOString()}) after it ends (${new Date(o.endTime).toISOString()}).`, { operation, profile: target.profile });
    }
    const ctx: CallContext = { operation, logGroup: logGroupName, resourceArn: logGroupArn(target.region, o.accountId, logGroupName) };
    const events: RawLogEvent[] = [];
    let pages = 0;
    let truncated = false;
    for (const filterPattern of patterns) {
      const seen = new Set<string>();
      let token: string | undefined;
      do {
        if (pages >= maxFilterPages || events.length >= o.maxEvents) {
          truncated = true;
          break;
        }
        const nextToken = token;
        const { output } = await this.call(ctx, target, (sdk) => new sdk.FilterLogEventsCommand({
          logGroupName,
          startTime: o.startTime,
          endTime: o.endTime,
          filterPattern,
          ...(nextToken ? { nextToken } : {}),
        }), o.signal, o.priority);
        pages += 1;
        const page = (Array.isArray(output.events) ? (output.events as unknown[]) : []).map(rawEvent).filter((e): e is RawLogEvent => e !== undefined);
        const room = o.maxEvents - events.length;
        if (page.length > room) truncated = true;
        events.push(...page.slice(0, room));
        o.onPage?.({ pages, events: events.length, page });
        // An empty page may still carry a token (the service says so): follow it.
        token = typeof output.nextToken === 'string' && output.nextToken !== '' ? output.nextToken : undefined;
        if (token !== undefined && seen.has(token)) break;
        if (token !== undefined) seen.add(token);
      } while (token !== undefined);
      if (truncated) break;
    }
    return { logGroupName, startTime: o.startTime, endTime: o.endTime, events, pages, truncated };
  }

  private call(ctx: CallContext, target: AccountTarget, makeCommand: (sdk: Sdk) => unknown, signal: AbortSignal | undefined, priority: RequestPriority): Promise<AwsCallResult> {
    const budget = this.options.requestBudget?.() ?? logsQuotaBudget;
    return this.caller.call({ service: 'logs', ctx, target, makeCommand, signal, priority, budget });
  }
}
