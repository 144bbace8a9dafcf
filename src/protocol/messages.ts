// The one typed message protocol between the extension host and the contact panel
// webview, and its validators. Imported by both bundles: types and pure checks only. Every
// message from the webview is checked with `parseWebviewMessage` on the host before use, and
// saved panel state with `parsePanelState` on both sides.

import type { ContactDocument } from '../contact/contactDocument';
import type { PathSegment } from '../contact/fieldNode';
import { isWebUrl, type ContactStory } from '../contact/story';
import { flowArnPattern, type LambdaLogLines, type TimelineMode } from '../timeline/timelineState';
import { isTimelineWire, type TimelineWire } from '../timeline/timelineWire';
export { isWebUrl };

export type TimeZoneChoice = 'local' | 'utc';

/** What the webview may know about where a contact came from. No credentials. */
export interface PanelContactRef {
  instanceId: string;
  contactId: string;
  region: string;
  profile: string;
}

export interface PanelError {
  kind: string;
  message: string;
  hint?: string;
  requestId?: string;
}

/**
 * Saved by the webview with `setState`, which VS Code writes to disk unencrypted: the
 * reference and the view only, never the contact (customers' phone numbers, e-mail
 * addresses, attributes). A restored panel fetches the contact again.
 */
export interface PanelState {
  ref: PanelContactRef;
  timeZone?: TimeZoneChoice;
  /** When the contact last shown was fetched. */
  fetchedAt?: string;
  filter?: string;
  /** Keys of the open rows (JSON of their paths). */
  expanded?: string[];
  /** The view on screen. */
  view?: PanelView;
}

/** The panel's views, switched by tabs. */
export type PanelView = 'overview' | 'timeline' | 'fields';
export const panelViews: readonly PanelView[] = ['overview', 'timeline', 'fields'];
export const isPanelView = (v: unknown): v is PanelView => v === 'overview' || v === 'timeline' || v === 'fields';

// ---- host -> webview ----
export type HostMessage =
  | { type: 'contact'; ref: PanelContactRef; contact: ContactDocument; fetchedAt: string; timeZone: TimeZoneChoice; origin?: ContactOrigin }
  | { type: 'loading'; loading: boolean }
  | { type: 'error'; error: PanelError }
  | { type: 'timeZone'; timeZone: TimeZoneChoice }
  /** A preview panel shows the next lookup instead of a new panel opening; a kept one stays. */
  | { type: 'preview'; preview: boolean }
  /** The story so far (names, attributes, chain, …): the whole of it each time, for the contact shown. */
  | { type: 'story'; contactId: string; story: ContactStory }
  /** The Timeline (flow logs) of the contact shown: the whole of it each time, as it fills in. */
  | { type: 'timeline'; contactId: string; timeline: TimelineWire }
  /** A Lambda function's own log lines about the contact, asked for from one event. */
  | { type: 'lambdaLogs'; contactId: string; logs: LambdaLogLines };

/** Where the shown contact came from: just fetched, the explorer's cache, or the bundled offline sample. */
export type ContactOrigin = 'fetched' | 'cache' | 'sample';

/** The profile name of the offline sample: one no AWS config can have (the SDK allows no parentheses). */
export const sampleProfile = '(sample)';

export type RowAction = 'copyValue' | 'copyPath' | 'copyJson' | 'insert' | 'copyCli';

/** The Timeline's actions on the host: Copy as Logs Insights query, open the log group, export the events. */
export type TimelineAction = 'copyInsightsQuery' | 'openLogGroup' | 'exportEvents';
export const timelineActions: readonly TimelineAction[] = ['copyInsightsQuery', 'openLogGroup', 'exportEvents'];

// ---- webview -> host ----
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rowAction'; action: RowAction; path: PathSegment[] }
  | { type: 'openContact'; contactId: string }
  | { type: 'refresh' }
  | { type: 'openJson' }
  | { type: 'setTimeZone'; timeZone: TimeZoneChoice }
  /** Keep Open, or the person started working in the panel (filter, sections): it stops being the preview. */
  | { type: 'keep' }
  /** The focused row, whenever it changes: keyboard shortcuts and the palette act on it without asking. */
  | { type: 'selection'; path: PathSegment[] | null }
  /** Copy a value the panel shows outside the tree (an ID beside its name, an attribute); `what` names it in the confirmation. */
  | { type: 'copyText'; text: string; what: string }
  /** Open an http(s) link (a URL reference, an evaluation, the console) through VS Code's own confirmation. */
  | { type: 'openExternal'; url: string }
  /** The Timeline was shown (or its mode changed): read the flow logs, unless already read. */
  | { type: 'loadTimeline'; mode: TimelineMode; force?: boolean }
  | { type: 'timelineAction'; action: TimelineAction }
  /** Open a flow of the Timeline in the Connect console's flow designer. */
  | { type: 'openFlow'; flowArn: string }
  /** The Lambda function's own log lines around one invocation. */
  | { type: 'lambdaLogs'; eventId: string };

export const rowActions: readonly RowAction[] = ['copyValue', 'copyPath', 'copyJson', 'insert', 'copyCli'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isTimeZone = (v: unknown): v is TimeZoneChoice => v === 'local' || v === 'utc';

/** An ID as the API takes it (1–256 characters of an ID's alphabet): never an ARN, a URL or text. */
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,256}$/.test(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 256;

/** A key in a path: an attribute's name can be 32,767 characters (AttributeName in Connect's model). */
const maxKeyLength = 32_767;
/** The keys of one path together: room for the longest key twice over. */
const maxPathLength = 64 * 1024;

function isPath(value: unknown): value is PathSegment[] {
  if (!Array.isArray(value) || value.length > 256) return false;
  let length = 0;
  for (const s of value) {
    if (typeof s === 'string' && s.length <= maxKeyLength) length += s.length;
    else if (!(Number.isInteger(s) && (s as number) >= 0)) return false;
  }
  return length <= maxPathLength;
}

/** The contact a panel is for: two IDs, a region and a profile name; nothing else is kept. */
export function parseContactRef(raw: unknown): PanelContactRef | undefined {
  if (!isRecord(raw)) return undefined;
  const { instanceId, contactId, region, profile } = raw;
  return isId(instanceId) && isId(contactId) && isName(region) && isName(profile) ? { instanceId, contactId, region, profile } : undefined;
}

const maxFilterLength = 1024;
/** An attribute value is at most 32 KB; a little room above it. */
const maxCopyText = 64 * 1024;

const maxExpanded = 100_000;
const maxExpandedKeyLength = 65_536;

/**
 * Checks saved panel state (it comes back from disk through the webview: its word, not ours).
 * Without a valid ref there is no state; a malformed view field is dropped (the default view);
 * anything else, such as the contact an older version saved, is left behind.
 */
export function parsePanelState(raw: unknown): PanelState | undefined {
  if (!isRecord(raw)) return undefined;
  const ref = parseContactRef(raw.ref);
  if (!ref) return undefined;
  const state: PanelState = { ref };
  if (isTimeZone(raw.timeZone)) state.timeZone = raw.timeZone;
  if (typeof raw.fetchedAt === 'string' && raw.fetchedAt.length <= 64 && !Number.isNaN(Date.parse(raw.fetchedAt))) state.fetchedAt = raw.fetchedAt;
  if (typeof raw.filter === 'string' && raw.filter.length <= maxFilterLength) state.filter = raw.filter;
  const expanded = raw.expanded;
  if (isPanelView(raw.view)) state.view = raw.view;
  if (Array.isArray(expanded) && expanded.length <= maxExpanded && expanded.every((k) => typeof k === 'string' && k.length <= maxExpandedKeyLength)) {
    state.expanded = [...(expanded as string[])];
  }
  return state;
}

const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * Checks a window message before the panel acts on it. The host is trusted, but other code in the
 * page can post messages too, and a malformed one must not break the panel.
 */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case 'contact': {
      const ok =
        parseContactRef(data.ref) !== undefined &&
        isRecord(data.contact) &&
        isRecord(data.contact.Contact) &&
        isText(data.fetchedAt) &&
        isTimeZone(data.timeZone) &&
        (data.origin === undefined || data.origin === 'fetched' || data.origin === 'cache' || data.origin === 'sample');
      return ok ? (data as HostMessage) : undefined;
    }
    case 'loading':
      return typeof data.loading === 'boolean' ? (data as HostMessage) : undefined;
    case 'error': {
      const e = data.error;
      const ok =
        isRecord(e) &&
        isText(e.kind) &&
        isText(e.message) &&
        (e.hint === undefined || isText(e.hint)) &&
        (e.requestId === undefined || isText(e.requestId));
      return ok ? (data as HostMessage) : undefined;
    }
    case 'timeZone':
      return isTimeZone(data.timeZone) ? (data as HostMessage) : undefined;
    case 'preview':
      return typeof data.preview === 'boolean' ? (data as HostMessage) : undefined;
    case 'story':
      return isId(data.contactId) && isRecord(data.story) && isRecord(data.story.names) && Array.isArray(data.story.missing) && typeof data.story.complete === 'boolean'
        ? (data as HostMessage)
        : undefined;
    case 'timeline':
      return isId(data.contactId) && isTimelineWire(data.timeline) ? (data as HostMessage) : undefined;
    case 'lambdaLogs':
      return isId(data.contactId) && isRecord(data.logs) && isText(data.logs.eventId) && Array.isArray(data.logs.lines) ? (data as HostMessage) : undefined;
    default:
      return undefined;
  }
}

/** Validates a message from the webview; anything malformed becomes undefined and is dropped (a selection: none). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  const m = raw;
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'openJson':
    case 'keep':
      return { type: m.type };
    case 'rowAction':
      return rowActions.includes(m.action as RowAction) && isPath(m.path)
        ? { type: 'rowAction', action: m.action as RowAction, path: m.path }
        : undefined;
    case 'openContact':
      return isId(m.contactId) ? { type: 'openContact', contactId: m.contactId } : undefined;
    case 'setTimeZone':
      return isTimeZone(m.timeZone) ? { type: 'setTimeZone', timeZone: m.timeZone } : undefined;
    case 'selection':
      // A focused row whose path is refused is no selection: dropped, the row focused before would
      // stay the host's selection, and a keybinding would act on that.
      return { type: 'selection', path: isPath(m.path) ? m.path : null };
    case 'copyText':
      return typeof m.text === 'string' && m.text.length <= maxCopyText && typeof m.what === 'string' && m.what.length <= 128
        ? { type: 'copyText', text: m.text, what: m.what }
        : undefined;
    case 'openExternal':
      return typeof m.url === 'string' && isWebUrl(m.url) ? { type: 'openExternal', url: m.url } : undefined;
    case 'loadTimeline':
      return m.mode === 'contact' || m.mode === 'chain' ? { type: 'loadTimeline', mode: m.mode, ...(m.force === true ? { force: true } : {}) } : undefined;
    case 'timelineAction':
      return timelineActions.includes(m.action as TimelineAction) ? { type: 'timelineAction', action: m.action as TimelineAction } : undefined;
    case 'openFlow':
      return typeof m.flowArn === 'string' && flowArnPattern.test(m.flowArn) ? { type: 'openFlow', flowArn: m.flowArn } : undefined;
    case 'lambdaLogs':
      return typeof m.eventId === 'string' && m.eventId.length > 0 && m.eventId.length <= 256 ? { type: 'lambdaLogs', eventId: m.eventId } : undefined;
    default:
      return undefined;
  }
}
