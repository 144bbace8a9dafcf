// Where and when to look for a contact's flow logs: the instance's log group (/aws/connect/<alias>,
// or the one set for the instance in connectContacts.flowLogGroups) and the time window around
// the contact. Pure: the clock is a parameter.
import type { JsonObject, JsonValue } from '../contact/contactDocument';

/** Flow logs are read from this long before InitiationTimestamp (lines are stamped when written, clocks differ)… */
export const flowLogLeadMs = 2 * 60_000;
/** …to this long after DisconnectTimestamp (a disconnect flow runs after it). */
export const flowLogTrailMs = 5 * 60_000;

export interface FlowLogWindow {
  /** Epoch milliseconds, FilterLogEvents' startTime and endTime. */
  startTime: number;
  endTime: number;
  /** The contact has not disconnected: the window ends now. */
  live: boolean;
}

function moment(value: JsonValue | undefined): number | undefined {
  // ISO text in a contact document, epoch seconds in a wire body (as src/contact/phases.ts reads them).
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}

/**
 * From 2 minutes before the contact's InitiationTimestamp to 5 minutes after its
 * DisconnectTimestamp, or to `now` while it is live. `contact` is ContactDocument.Contact.
 * Undefined without an InitiationTimestamp.
 */
export function flowLogWindow(contact: JsonObject, now: number): FlowLogWindow | undefined {
  const initiation = moment(contact.InitiationTimestamp);
  if (initiation === undefined) return undefined;
  const disconnect = moment(contact.DisconnectTimestamp);
  const startTime = initiation - flowLogLeadMs;
  const endTime = disconnect !== undefined ? disconnect + flowLogTrailMs : now;
  return { startTime, endTime: Math.max(startTime, endTime), live: disconnect === undefined };
}

/**
 * Whether the log group still holds lines from the contact's start: false when its retention
 * (DescribeLogGroups' retentionInDays; absent = kept forever) is shorter than the contact's age.
 */
export function retentionCovers(retentionInDays: number | undefined, initiationMs: number, now: number): boolean {
  if (retentionInDays === undefined || !Number.isFinite(retentionInDays) || retentionInDays <= 0) return true;
  return now - initiationMs <= retentionInDays * 86_400_000;
}

/** Where Amazon Connect writes an instance's flow logs: `/aws/connect/<instance alias>`. */
export const connectLogGroupPrefix = '/aws/connect/';

/** CloudWatch Logs' rule for a log group name (the LogGroupName shape). */
const logGroupNamePattern = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export function isValidLogGroupName(name: string): boolean {
  return logGroupNamePattern.test(name);
}

export interface FlowLogGroup {
  name: string;
  /** 'setting': connectContacts.flowLogGroups names it for this instance; 'alias': Connect's own name. */
  source: 'setting' | 'alias';
}

/** An instance ID, or the ID in an instance ARN (the setting's keys may be either). */
function instanceKey(key: string): string {
  const m = /^arn:[^:]+:connect:[^:]*:\d*:instance\/([^/]+)$/.exec(key.trim());
  return (m ? m[1] : key.trim()).toLowerCase();
}

/**
 * connectContacts.flowLogGroups as read from settings: instance ID (or ARN) → log group name.
 * Entries that are not a string naming a valid log group are left out.
 */
export function normalizeFlowLogGroups(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, name] of Object.entries(value as Record<string, unknown>)) {
    if (typeof name !== 'string' || !isValidLogGroupName(name.trim()) || key.trim() === '') continue;
    Object.defineProperty(out, instanceKey(key), { value: name.trim(), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The instance's flow-log group: the override for its ID, else `/aws/connect/<alias>`.
 * Undefined when neither is known (the alias comes from DescribeInstance or ListInstances).
 */
export function flowLogGroup(instance: { instanceId: string; alias?: string }, overrides: Readonly<Record<string, string>> = {}): FlowLogGroup | undefined {
  const key = instanceKey(instance.instanceId);
  const override = Object.prototype.hasOwnProperty.call(overrides, key) ? overrides[key] : undefined;
  if (override !== undefined && isValidLogGroupName(override)) return { name: override, source: 'setting' };
  const name = instance.alias ? `${connectLogGroupPrefix}${instance.alias}` : undefined;
  return name !== undefined && isValidLogGroupName(name) ? { name, source: 'alias' } : undefined;
}

/** The partition of a region, as ARNs and console hosts name it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/**
 * A log group's ARN as IAM policies name it for FilterLogEvents (with the trailing `:*`); `*` for
 * the account when it is not known.
 */
export function logGroupArn(region: string, accountId: string | undefined, logGroupName: string): string {
  const account = accountId !== undefined && /^\d{12}$/.test(accountId) ? accountId : '*';
  return `arn:${partitionOf(region)}:logs:${region}:${account}:log-group:${logGroupName}:*`;
}
