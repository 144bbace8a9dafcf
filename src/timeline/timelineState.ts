// What the panel's Timeline view shows, as one plain-JSON value the host sends whole each time:
// the picture's model, the events table's rows, where the lines came from, and what stopped them
// (no log group, no permission, no events) with what to do about it. In memory only: contact data.
import type { FlowLogEvent, FlowLogObject } from './flowLogEvents';
import type { TimelineModel } from './timelineModel';

export type TimelineMode = 'contact' | 'chain';

/** Why the picture has no flow-log events (or fewer than it could), and what a person can do. */
export interface TimelineNotice {
  kind: 'loading' | 'noLogGroup' | 'unknownLogGroup' | 'accessDenied' | 'noEvents' | 'truncated' | 'failed' | 'sample';
  message: string;
  /** What to do about it. */
  hint?: string;
}

/**
 * One row of the events table: a flow-log event on the picture's axis. Its Parameters and
 * ExternalResults travel as JSON text: cloning 5,000 rows of nested objects into the webview took
 * twice as long as the same rows with text, and the table shows them as text anyway.
 */
export type TimelineRow = Omit<FlowLogEvent, 'parameters' | 'externalResults' | 't'> & {
  /** The contact whose line it is (its lane group in whole-chain mode). */
  groupContactId: string;
  /** Milliseconds from the axis origin (the contact's initiation; the chain's first in chain mode). */
  axisT: number;
  /** Parameters (the older shape's `Events`), as JSON. */
  parametersJson?: string;
  /** What an external resource (a Lambda function) returned, as JSON. */
  externalResultsJson?: string;
};

/** The row of an event, `offsetMs` after the axis origin; its contactId only where it differs from its group's. */
export function toTimelineRow(event: FlowLogEvent, groupContactId: string, offsetMs: number): TimelineRow {
  const { parameters, externalResults, t, ...rest } = event;
  const row: TimelineRow = { ...rest, groupContactId, axisT: t + offsetMs };
  if (row.contactId === groupContactId) delete row.contactId;
  if (parameters !== undefined) row.parametersJson = JSON.stringify(parameters);
  if (externalResults !== undefined) row.externalResultsJson = JSON.stringify(externalResults);
  return row;
}

function parsed(text: string | undefined): FlowLogObject | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as FlowLogObject) : undefined;
  } catch {
    return undefined;
  }
}

export const rowParameters = (row: TimelineRow): FlowLogObject | undefined => parsed(row.parametersJson);
export const rowExternalResults = (row: TimelineRow): FlowLogObject | undefined => parsed(row.externalResultsJson);

/** The event a row was made from (its time on the axis), for the pure models that read events. */
export function rowEvent(row: TimelineRow): FlowLogEvent {
  const { parametersJson, externalResultsJson, axisT, groupContactId, ...rest } = row;
  const event: FlowLogEvent = { ...rest, t: axisT, contactId: row.contactId ?? groupContactId };
  const parameters = parsed(parametersJson);
  const externalResults = parsed(externalResultsJson);
  if (parameters !== undefined) event.parameters = parameters;
  if (externalResults !== undefined) event.externalResults = externalResults;
  return event;
}

export interface TimelineState {
  /** The panel's contact: a state for another contact is dropped. */
  contactId: string;
  mode: TimelineMode;
  /** Still fetching (the picture already shows the contact lane). */
  loading: boolean;
  model: TimelineModel;
  rows: TimelineRow[];
  /** The log group read, and where its name came from. */
  logGroup?: { name: string; source: 'setting' | 'alias'; consoleUrl?: string };
  /** The Logs Insights query for the contact (Copy as Logs Insights query). */
  insightsQuery?: string;
  notices: TimelineNotice[];
  /** FilterLogEvents pages read, and how long the whole fetch took. */
  pages: number;
  fetchMs?: number;
  /** Exact repeats dropped (at-least-once delivery). */
  duplicates: number;
}

/** A Lambda function's own log lines about the contact, asked for from one event's row. */
export interface LambdaLogLines {
  eventId: string;
  functionName?: string;
  logGroup?: string;
  lines: { timestamp: string; message: string }[];
  /** Why there are none, or what went wrong. */
  notice?: TimelineNotice;
  truncated?: boolean;
}

/** A flow's ARN as flow logs name it (`…:instance/<id>/contact-flow/<id>`): the only flow the panel opens. */
export const flowArnPattern = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[A-Za-z0-9_-]{1,128}\/contact-flow\/[A-Za-z0-9_-]{1,128}$/;

/**
 * The flow in the Connect console's flow designer. The console opens a flow at
 * `<access URL>/contact-flows/edit?id=<flow ARN>` (its own links use this route; AWS documents
 * no URL for it), so this is undefined unless both parts are well formed.
 */
export function flowDesignerUrl(accessUrl: string | undefined, flowArn: string): string | undefined {
  if (!accessUrl || !/^https:\/\/[^/\s?#]+/i.test(accessUrl) || !flowArnPattern.test(flowArn)) return undefined;
  return `${accessUrl.replace(/\/+$/, '')}/contact-flows/edit?id=${encodeURIComponent(flowArn)}`;
}

/** The events as exported (Export as JSON): every field a line carried, without the table's own bookkeeping. */
export function exportedEvents(rows: readonly TimelineRow[]): Record<string, unknown>[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = { timestamp: r.timestamp, contactId: r.contactId ?? r.groupContactId };
    const copy = (key: keyof TimelineRow, as: string = key) => {
      if (r[key] !== undefined) out[as] = r[key];
    };
    copy('flowId', 'contactFlowId');
    copy('flowName', 'contactFlowName');
    copy('moduleType', 'contactFlowModuleType');
    out.block = r.blockLabel;
    copy('identifier');
    const parameters = rowParameters(r);
    if (parameters !== undefined) out.parameters = parameters;
    copy('results');
    const returned = rowExternalResults(r);
    if (returned !== undefined) out.externalResults = returned;
    if (r.isError) out.isError = true;
    copy('raw');
    return out;
  });
}
