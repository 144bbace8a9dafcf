// Binds the Timeline's calls to one contact: CloudWatch Logs (through the shared scheduler, on
// Logs' own budget), the in-memory name cache (instance alias, flow names) and the contact cache.
import { toErrorInfo } from '../aws/errors';
import type { FlowLogService } from '../aws/flowLogService';
import type { ContactRef, RequestPriority } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import { flowResourceId } from '../timeline/flowLogEvents';
import { lambdaInvocations } from '../timeline/lambdaInvocations';
import { rowEvent, type LambdaLogLines, type TimelineRow } from '../timeline/timelineState';
import type { TimelineSources } from './flowLogTimeline';
import type { ResourceNames } from './resourceNames';

export interface TimelineSourceDeps {
  flowLogs(): FlowLogService;
  names: ResourceNames;
  contact(ref: ContactRef, signal: AbortSignal, priority: RequestPriority): Promise<ContactDocument>;
  /** connectContacts.flowLogGroups, read when the Timeline loads. */
  flowLogGroups(): Readonly<Record<string, string>>;
  now?(): number;
}

export function timelineSources(ref: ContactRef, deps: TimelineSourceDeps): TimelineSources {
  return {
    region: ref.region,
    instanceId: ref.instanceId,
    instanceAlias: async (signal) => (await deps.names.instance(ref, signal)).alias,
    flowLogGroups: () => deps.flowLogGroups(),
    filterEvents: (r, signal) =>
      deps.flowLogs().filterContactEvents(ref, {
        logGroupName: r.logGroupName,
        contactIds: r.contactIds,
        startTime: r.startTime,
        endTime: r.endTime,
        accountId: r.accountId,
        signal,
        priority: 'visible',
        onPage: (p) => r.onPage(p.pages, p.events),
      }),
    retention: async (name, signal) => {
      const group = await deps.flowLogs().describeLogGroup(ref, name, { signal });
      return group === undefined ? 'missing' : group.retentionInDays;
    },
    flowName: async (flowId, signal) => {
      const id = flowResourceId(flowId);
      return id === undefined ? undefined : (await deps.names.describe(ref, 'contactFlow', id, { signal, priority: 'visible' })).name.name;
    },
    describeContact: async (contactId, signal, priority) => (await deps.contact({ ...ref, contactId }, signal, priority)).Contact,
    failure: (error) => {
      const info = toErrorInfo(error);
      return { kind: info.kind, message: info.message, ...(info.hint ? { hint: info.hint } : {}) };
    },
    now: () => deps.now?.() ?? Date.now(),
  };
}

/** Lines a Lambda function's own log shows at most (the nearest to the call). */
const maxLambdaLines = 200;

/**
 * The function's own log lines that mention the contact, within 30 s of the call: what a person
 * asks for from a Lambda row. A failure is a notice, never a throw.
 */
export async function lambdaLogLines(ref: ContactRef, row: TimelineRow, flowLogs: FlowLogService, signal: AbortSignal): Promise<LambdaLogLines> {
  const call = lambdaInvocations([rowEvent(row)])[0];
  const functionName = call?.functionName;
  const base: LambdaLogLines = { eventId: row.id, lines: [] };
  if (call?.functionArn === undefined || functionName === undefined) return { ...base, notice: { kind: 'failed', message: 'The flow-log line names no Lambda function.' } };
  const contactId = row.contactId ?? row.groupContactId;
  try {
    const fetch = await flowLogs.filterLambdaEvents(ref, { functionName: call.functionArn, contactId, around: row.timestamp, signal, accountId: accountOf(call.functionArn) });
    const lines = fetch.events
      .filter((e) => typeof e.message === 'string')
      .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
      .slice(0, maxLambdaLines)
      .map((e) => ({ timestamp: new Date(e.timestamp ?? 0).toISOString(), message: (e.message ?? '').slice(0, 8192) }));
    const out: LambdaLogLines = { ...base, functionName, logGroup: fetch.logGroupName, lines };
    if (fetch.truncated || fetch.events.length > maxLambdaLines) out.truncated = true;
    if (lines.length === 0) {
      out.notice = { kind: 'noEvents', message: `No lines of ${fetch.logGroupName} mention contact ${contactId} within 30 seconds of the call.`, hint: 'The function logs the contact ID only if its code does (for example the whole event).' };
    }
    return out;
  } catch (error) {
    if (signal.aborted) throw error;
    const info = toErrorInfo(error);
    return { ...base, functionName, notice: { kind: info.kind === 'AccessDenied' ? 'accessDenied' : info.kind === 'NotFound' ? 'noLogGroup' : 'failed', message: info.message, ...(info.hint ? { hint: info.hint } : {}) } };
  }
}

function accountOf(arn: string): string | undefined {
  return /^arn:[^:]+:lambda:[^:]*:(\d{12}):/.exec(arn)?.[1];
}
