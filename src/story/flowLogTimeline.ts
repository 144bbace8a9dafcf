// The story, part 2: what the flows did. Finds the instance's flow-log group, reads the contact's
// lines (FilterLogEvents, every page, through the scheduler's Logs budget), parses them and builds
// the Timeline's picture and table. "Whole chain" mode reads every contact of the chain in one
// filter. A missing log group, a missing permission or an empty window becomes a notice that says
// what to do; the contact lane (DescribeContact alone) is always there.
import type { ConnectErrorKind, RequestPriority } from '../aws/types';
import type { JsonObject, JsonValue } from '../contact/contactDocument';
import type { ContactChain } from '../contact/story';
import { isFilterSafeId } from '../timeline/filterPattern';
import { flowResourceId, parseFlowLogEvents, type FlowLogEvent, type RawLogEvent } from '../timeline/flowLogEvents';
import { flowLogGroup, flowLogLeadMs, flowLogTrailMs, flowLogWindow, retentionCovers } from '../timeline/flowLogWindow';
import { insightsQuery, logGroupConsoleUrl } from '../timeline/insightsQuery';
import { buildChainTimeline, type ChainMember } from '../timeline/timelineModel';
import { toTimelineRow, type TimelineMode, type TimelineNotice, type TimelineRow, type TimelineState } from '../timeline/timelineState';

/** The calls a Timeline needs, bound to one contact's profile, region and instance. */
export interface TimelineSources {
  region: string;
  instanceId: string;
  /** The instance's alias (DescribeInstance, cached): the log group is /aws/connect/<alias>. */
  instanceAlias(signal: AbortSignal): Promise<string | undefined>;
  /** connectContacts.flowLogGroups, normalised. */
  flowLogGroups(): Readonly<Record<string, string>>;
  filterEvents(request: { logGroupName: string; contactIds: string[]; startTime: number; endTime: number; accountId?: string; onPage(pages: number, events: number): void }, signal: AbortSignal): Promise<{ events: RawLogEvent[]; pages: number; truncated: boolean }>;
  /** The log group's retention in days (undefined: kept forever), or `missing` when there is no such group. */
  retention(logGroupName: string, signal: AbortSignal): Promise<number | undefined | 'missing'>;
  /** A flow's name from DescribeContactFlow (cached), for lines that carry none. */
  flowName(flowId: string, signal: AbortSignal): Promise<string | undefined>;
  /** DescribeContact of a chain member (the shared contact cache). */
  describeContact(contactId: string, signal: AbortSignal, priority: RequestPriority): Promise<JsonObject>;
  failure(error: unknown): { kind: ConnectErrorKind; message: string; hint?: string };
  now(): number;
}

export interface TimelineRequest {
  /** ContactDocument.Contact of the panel's contact. */
  contact: JsonObject;
  mode: TimelineMode;
  /** The chain the story walked (whole-chain mode). */
  chain?: ContactChain;
}

/** Contacts drawn in whole-chain mode at most (each may cost a DescribeContact). */
export const maxChainMembers = 12;

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The account in the contact's ARN: an access-denied message names the log group's full ARN with it. */
function accountOf(contact: JsonObject): string | undefined {
  return /^arn:[^:]+:connect:[^:]*:(\d{12}):/.exec(str(contact.Arn) ?? '')?.[1];
}

function timeMs(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'string' && v !== '') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return typeof v === 'number' && Number.isFinite(v) ? v * 1000 : undefined;
}

const days = (ms: number): number => Math.floor(ms / 86_400_000);
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** How each chain member is headed on the picture: its channel, initiation method and place. */
function memberLabel(contact: JsonObject, index: number, count: number, current: boolean): string {
  const channel = str(contact.Channel);
  const method = str(contact.InitiationMethod);
  const words = [channel, method?.toLowerCase().replace(/_/g, ' ')].filter(Boolean).join(' · ');
  return `${index + 1} of ${count}${words ? ` · ${words}` : ''}${current ? ' (this contact)' : ''}`;
}

/**
 * The Timeline for the request, reported whole through `report` as it fills in (the contact lane
 * first, then the events). Never throws for a failed call: the failure becomes a notice.
 */
export async function loadTimeline(request: TimelineRequest, sources: TimelineSources, signal: AbortSignal, report: (state: TimelineState) => void): Promise<TimelineState> {
  const contactId = str(request.contact.Id) ?? '';
  const started = sources.now();
  const notices: TimelineNotice[] = [];

  // The members: the contact alone, or the chain's contacts by initiation.
  let members: { contact: JsonObject; current: boolean }[] = [{ contact: request.contact, current: true }];
  if (request.mode === 'chain') members = await chainMembers(request, sources, signal, notices);
  const modelOf = (events: Map<string, FlowLogEvent[]>): ReturnType<typeof buildChainTimeline> =>
    buildChainTimeline(
      members.map((m, i): ChainMember => ({
        contact: m.contact,
        events: events.get(str(m.contact.Id) ?? '') ?? [],
        ...(request.mode === 'chain' ? { label: memberLabel(m.contact, i, members.length, m.current) } : {}),
      })),
      { now: sources.now(), flowNames },
    );
  const flowNames: Record<string, string> = {};
  const state: TimelineState = { contactId, mode: request.mode, loading: true, model: modelOf(new Map()), rows: [], notices, pages: 0, duplicates: 0 };
  const send = () => report({ ...state, notices: [...state.notices] });

  const group = flowLogGroup({ instanceId: sources.instanceId, alias: await aliasOf(sources, signal) }, sources.flowLogGroups());
  if (!group) {
    notices.push({
      kind: 'unknownLogGroup',
      message: 'The instance\'s alias is not known, so its flow-log group (/aws/connect/<alias>) cannot be named.',
      hint: 'Allow connect:DescribeInstance, or name the log group for this instance in the setting connectContacts.flowLogGroups.',
    });
    return finish();
  }
  state.logGroup = { name: group.name, source: group.source };
  const consoleUrl = logGroupConsoleUrl(sources.region, group.name);
  if (consoleUrl) state.logGroup.consoleUrl = consoleUrl;
  if (isFilterSafeId(contactId)) state.insightsQuery = insightsQuery(contactId);

  // One window over every member: 2 minutes before the first initiation to 5 after the last disconnect.
  const windows = members.map((m) => flowLogWindow(m.contact, sources.now())).filter((w) => w !== undefined);
  const ids = members.map((m) => str(m.contact.Id)).filter((id): id is string => id !== undefined && isFilterSafeId(id));
  if (windows.length === 0 || ids.length === 0) {
    notices.push({ kind: 'failed', message: 'The contact has no initiation time, so there is no window to read its flow logs in.' });
    return finish();
  }
  const startTime = Math.min(...windows.map((w) => w.startTime));
  const endTime = Math.max(...windows.map((w) => w.endTime));
  notices.push({ kind: 'loading', message: `Reading flow logs from ${group.name}…` });
  send();

  let raw: { events: RawLogEvent[]; pages: number; truncated: boolean };
  try {
    raw = await sources.filterEvents({
      logGroupName: group.name,
      contactIds: ids,
      startTime,
      endTime,
      accountId: accountOf(request.contact),
      onPage: (pages, events) => {
        state.pages = pages;
        notices[notices.length - 1] = { kind: 'loading', message: `Reading flow logs from ${group.name}: ${plural(events, 'line')} so far (${plural(pages, 'page')}).` };
        send();
      },
    }, signal);
  } catch (error) {
    dropLoading();
    if (signal.aborted) throw error;
    const f = sources.failure(error);
    notices.push(f.kind === 'NotFound'
      ? { kind: 'noLogGroup', message: f.message, hint: f.hint ?? 'Turn on flow logs for the instance.' }
      : f.kind === 'AccessDenied'
        ? { kind: 'accessDenied', message: f.message, ...(f.hint ? { hint: f.hint } : {}) }
        : { kind: 'failed', message: f.message, ...(f.hint ? { hint: f.hint } : {}) });
    return finish();
  }
  dropLoading();
  state.pages = raw.pages;

  // Each member's lines, timed from its own initiation.
  const byContact = new Map<string, RawLogEvent[]>();
  for (const e of raw.events) {
    const id = /"ContactId"\s*:\s*"([A-Za-z0-9_-]{1,256})"/.exec(e.message ?? '')?.[1] ?? contactId;
    const list = byContact.get(id) ?? [];
    list.push(e);
    byContact.set(id, list);
  }
  const parsed = new Map<string, FlowLogEvent[]>();
  for (const m of members) {
    const id = str(m.contact.Id) ?? '';
    const result = parseFlowLogEvents(byContact.get(id) ?? [], { origin: str(m.contact.InitiationTimestamp) });
    state.duplicates += result.duplicates;
    parsed.set(id, result.events);
  }
  await nameFlows(parsed, sources, signal, flowNames);
  state.model = modelOf(parsed);
  state.rows = rowsOf(state.model.groups.map((g) => ({ contactId: g.contactId, offsetMs: g.offsetMs, events: parsed.get(g.contactId) ?? [] })));
  if (raw.truncated) {
    notices.push({ kind: 'truncated', message: `Only the first ${plural(raw.events.length, 'line')} are shown: the contact logged more.`, hint: 'Copy the Logs Insights query to read them all in CloudWatch.' });
  }
  if (state.rows.length === 0) notices.push(await noEventsNotice(request.contact, group.name, sources, signal));
  return finish();

  function dropLoading(): void {
    const at = notices.findIndex((n) => n.kind === 'loading');
    if (at >= 0) notices.splice(at, 1);
  }

  function finish(): TimelineState {
    state.loading = false;
    state.fetchMs = Math.max(0, sources.now() - started);
    send();
    return state;
  }
}

async function aliasOf(sources: TimelineSources, signal: AbortSignal): Promise<string | undefined> {
  // An override needs no alias (and no DescribeInstance permission).
  try {
    return await sources.instanceAlias(signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

async function chainMembers(request: TimelineRequest, sources: TimelineSources, signal: AbortSignal, notices: TimelineNotice[]): Promise<{ contact: JsonObject; current: boolean }[]> {
  const currentId = str(request.contact.Id);
  const nodes = request.chain?.nodes ?? [];
  if (nodes.length <= 1) {
    notices.push({ kind: 'noEvents', message: request.chain ? 'This contact has no linked contacts: the chain is this contact alone.' : 'The chain is not known yet (or could not be read): showing this contact alone.' });
    return [{ contact: request.contact, current: true }];
  }
  const shown = nodes.slice(0, maxChainMembers);
  if (nodes.length > shown.length || request.chain?.truncated) notices.push({ kind: 'truncated', message: `The first ${shown.length} contacts of the chain are shown.` });
  const members = await Promise.all(shown.map(async (node) => {
    if (node.contactId === currentId) return { contact: request.contact, current: true };
    try {
      return { contact: await sources.describeContact(node.contactId, signal, 'visible'), current: false };
    } catch (error) {
      if (signal.aborted) throw error;
      notices.push({ kind: 'failed', message: `Contact ${node.contactId} of the chain could not be read: ${sources.failure(error).message}` });
      return undefined;
    }
  }));
  return members
    .filter((m): m is { contact: JsonObject; current: boolean } => m !== undefined)
    .sort((a, b) => (timeMs(a.contact.InitiationTimestamp) ?? 0) - (timeMs(b.contact.InitiationTimestamp) ?? 0));
}

/** Flow names for lanes whose lines carry none (the older shape): DescribeContactFlow, cached. */
async function nameFlows(parsed: Map<string, FlowLogEvent[]>, sources: TimelineSources, signal: AbortSignal, out: Record<string, string>): Promise<void> {
  const unnamed = new Set<string>();
  const named = new Set<string>();
  for (const events of parsed.values()) {
    for (const e of events) {
      if (e.flowId === undefined) continue;
      if (e.flowName !== undefined) named.add(e.flowId);
      else unnamed.add(e.flowId);
    }
  }
  await Promise.all([...unnamed].filter((id) => !named.has(id) && flowResourceId(id) !== undefined).slice(0, 20).map(async (flowId) => {
    try {
      const name = await sources.flowName(flowId, signal);
      if (name !== undefined) Object.defineProperty(out, flowId, { value: name, enumerable: true, writable: true, configurable: true });
    } catch (error) {
      if (signal.aborted) throw error;
      // The lane keeps the flow's short ID.
    }
  }));
}

/** The table's rows: every member's events on the shared axis, in time order. */
function rowsOf(groups: { contactId: string; offsetMs: number; events: FlowLogEvent[] }[]): TimelineRow[] {
  const rows = groups.flatMap((g) => g.events.map((e) => toTimelineRow(e, g.contactId, g.offsetMs)));
  return groups.length > 1 ? rows.sort((a, b) => a.axisT - b.axisT) : rows;
}

/** Why a window held no lines: the log group's retention, a live contact, or flows that log nothing. */
async function noEventsNotice(contact: JsonObject, logGroupName: string, sources: TimelineSources, signal: AbortSignal): Promise<TimelineNotice> {
  const initiation = timeMs(contact.InitiationTimestamp) ?? sources.now();
  let retention: number | undefined | 'missing';
  try {
    retention = await sources.retention(logGroupName, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    retention = undefined;
  }
  if (retention === 'missing') {
    return { kind: 'noLogGroup', message: `The log group ${logGroupName} does not exist.`, hint: 'Turn on "Enable flow logs" under the instance\'s Flows settings in the Amazon Connect console, and add a Set logging behavior block to the flow.' };
  }
  const age = sources.now() - initiation;
  if (retention !== undefined && !retentionCovers(retention, initiation, sources.now())) {
    return {
      kind: 'noEvents',
      message: `No flow-log lines: ${logGroupName} keeps lines for ${plural(retention, 'day')}, and this contact is ${plural(days(age), 'day')} old.`,
      hint: 'Its lines have expired. A longer retention on the log group keeps future contacts\' lines.',
    };
  }
  const live = timeMs(contact.DisconnectTimestamp) === undefined;
  return {
    kind: 'noEvents',
    message: live
      ? `No flow-log lines yet in ${logGroupName} for this live contact.`
      : `No flow-log lines in ${logGroupName} from ${new Date(initiation - flowLogLeadMs).toISOString()} to ${new Date((timeMs(contact.DisconnectTimestamp) ?? initiation) + flowLogTrailMs).toISOString()}.`,
    hint: 'A flow writes lines only after a Set logging behavior block turns logging on: add one (enabled) at the start of the contact\'s flows.',
  };
}
