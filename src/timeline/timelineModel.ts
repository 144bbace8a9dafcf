// The Timeline view's model: time running from the contact's initiation, a contact lane (its
// phases as bars and its milestones, from DescribeContact alone, so the picture is there without
// logs), and a lane per flow with each block it ran as a mark coloured by kind. "Whole chain"
// mode puts several contacts on one axis, one lane group each. Pure and plain JSON: it crosses
// to the webview as is. The events table is the accessible form of the same data; `summary` is
// the picture in words.
import type { JsonObject, JsonValue } from '../contact/contactDocument';
import { contactPhases, formatDurationMs, ongoing, type PhaseKind } from '../contact/phases';
import type { BlockKind } from './blockTypes';
import { clip, flowResourceId, type FlowLogEvent } from './flowLogEvents';
import { lambdaInvocations, type LambdaOutcome } from './lambdaInvocations';

export interface TimelineTick {
  /** Milliseconds from the axis origin. */
  t: number;
  /** `T+mm:ss` (`T+h:mm:ss` past an hour, `T-mm:ss` before the origin). */
  label: string;
}

export interface TimelineAxis {
  /** The origin (T+00:00): the contact's InitiationTimestamp, the earliest one in chain mode. */
  origin: string;
  originMs: number;
  /** The span to show, in ms from the origin: everything drawn fits in it. */
  startT: number;
  endT: number;
  ticks: TimelineTick[];
}

export interface PhaseBar {
  kind: PhaseKind;
  label: string;
  t0: number;
  t1: number;
  durationMs: number;
  /** Not over yet: the bar ends at `now`. */
  ongoing: boolean;
}

/** A phase that cannot be placed on the axis (hold has a total only; a missing or bad timestamp). */
export interface UnplacedPhase {
  kind: PhaseKind;
  label: string;
  durationMs?: number;
  problem?: string;
}

export interface Milestone {
  /** The DescribeContact field it is read from, e.g. "AgentInfo.ConnectedToAgentTimestamp". */
  field: string;
  label: string;
  timestamp: string;
  t: number;
  /** More about it, e.g. the DisconnectReason. */
  detail?: string;
}

export interface ContactLane {
  type: 'contact';
  id: string;
  label: string;
  bars: PhaseBar[];
  milestones: Milestone[];
  unplaced: UnplacedPhase[];
}

export interface TimelineMark {
  /** The event (FlowLogEvent.id): a click selects its row in the events table. */
  eventId: string;
  t: number;
  kind: BlockKind;
  label: string;
  isError: boolean;
  lambda?: { functionName?: string; outcome: LambdaOutcome; durationMs?: number };
}

export interface FlowLane {
  type: 'flow';
  id: string;
  /** The flow's ARN as logged; absent for the lane of lines without a flow. */
  flowId?: string;
  flowName?: string;
  label: string;
  marks: TimelineMark[];
  errors: number;
}

export type TimelineLane = ContactLane | FlowLane;

export interface LaneGroup {
  contactId: string;
  label: string;
  /** This contact's initiation on the shared axis (0 for a single contact). */
  offsetMs: number;
  /** The contact lane first, then a lane per flow in the order each first ran. */
  lanes: TimelineLane[];
}

export interface TimelineCounts {
  events: number;
  errors: number;
  flows: number;
  lambdaCalls: number;
  lambdaFailures: number;
}

export interface TimelineModel {
  axis: TimelineAxis;
  groups: LaneGroup[];
  counts: TimelineCounts;
  /** The picture in words, for screen readers. */
  summary: string;
}

export interface TimelineOptions {
  /** Epoch ms: where a live contact's open phases end. Without it they are left unplaced. */
  now?: number;
  /** Flow names by flow ID or ARN (DescribeContactFlow, cached) for lines that carry no ContactFlowName. */
  flowNames?: Readonly<Record<string, string>>;
  /** At most this many ticks on the axis (default 10). */
  maxTicks?: number;
}

export interface ChainMember {
  /** ContactDocument.Contact. */
  contact: JsonObject;
  /** Its flow-log events (t from its own initiation), or none yet. */
  events: readonly FlowLogEvent[];
  /** The group's heading, e.g. "Transfer (2 of 3)"; the contact ID when absent. */
  label?: string;
}

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function timeOf(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `T+mm:ss`, `T+h:mm:ss` from an hour, `T-mm:ss` before the origin (whole seconds, rounded down). */
export function tickLabel(t: number): string {
  const sign = t < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(t) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `T${sign}${h}:${pad2(m)}:${pad2(s)}` : `T${sign}${pad2(m)}:${pad2(s)}`;
}

const second = 1000;
const minute = 60 * second;
const tickSteps = [1, 2, 5, 10, 15, 30].map((n) => n * second)
  .concat([1, 2, 5, 10, 15, 30].map((n) => n * minute))
  .concat([1, 2, 3, 6, 12, 24].map((n) => n * 60 * minute));

/** Ticks on whole steps (1 s … 24 h) over [startT, endT], at most `maxTicks` of them. */
export function axisTicks(startT: number, endT: number, maxTicks = 10): TimelineTick[] {
  const span = Math.max(0, endT - startT);
  const most = Math.max(2, Math.floor(maxTicks));
  const step = tickSteps.find((s) => span / s <= most - 1) ?? Math.ceil(span / (most - 1) / (24 * 60 * minute)) * 24 * 60 * minute;
  const ticks: TimelineTick[] = [];
  for (let t = Math.ceil(startT / step) * step; t <= endT && ticks.length < most + 1; t += step) ticks.push({ t, label: tickLabel(t) });
  return ticks;
}

/** DescribeContact's moments worth marking, in the order they happen on a typical contact. */
const milestoneFields: { path: string[]; label: string }[] = [
  { path: ['InitiationTimestamp'], label: 'Initiated' },
  { path: ['ScheduledTimestamp'], label: 'Scheduled' },
  { path: ['ConnectedToSystemTimestamp'], label: 'Connected to the system' },
  { path: ['QueueInfo', 'EnqueueTimestamp'], label: 'Queued' },
  { path: ['RingStartTimestamp'], label: 'Ringing' },
  { path: ['AgentInfo', 'AcceptedByAgentTimestamp'], label: 'Accepted by the agent' },
  { path: ['AgentInfo', 'ConnectedToAgentTimestamp'], label: 'Connected to the agent' },
  { path: ['ChatMetrics', 'ChatContactMetrics', 'AgentFirstResponseTimestamp'], label: 'Agent first response' },
  { path: ['LastPausedTimestamp'], label: 'Last paused' },
  { path: ['LastResumedTimestamp'], label: 'Last resumed' },
  { path: ['DisconnectTimestamp'], label: 'Disconnected' },
  { path: ['AgentInfo', 'AfterContactWorkStartTimestamp'], label: 'After-contact work started' },
  { path: ['AgentInfo', 'AfterContactWorkEndTimestamp'], label: 'After-contact work ended' },
];

function valueAt(contact: JsonObject, path: string[]): JsonValue | undefined {
  let value: JsonValue | undefined = contact;
  for (const key of path) value = obj(value)?.[key];
  return value;
}

function milestones(contact: JsonObject, originMs: number): Milestone[] {
  const out: Milestone[] = [];
  for (const { path, label } of milestoneFields) {
    const ms = timeOf(valueAt(contact, path));
    if (ms === undefined) continue;
    const m: Milestone = { field: path.join('.'), label, timestamp: new Date(ms).toISOString(), t: ms - originMs };
    const reason = contact.DisconnectReason;
    if (path[0] === 'DisconnectTimestamp' && typeof reason === 'string' && reason !== '') m.detail = clip(reason, 200);
    out.push(m);
  }
  // Stable: the table's order for moments at the same time.
  return out.sort((a, b) => a.t - b.t);
}

function contactLane(contact: JsonObject, contactId: string, originMs: number, now: number | undefined): ContactLane {
  const bars: PhaseBar[] = [];
  const unplaced: UnplacedPhase[] = [];
  for (const phase of contactPhases(contact, { now })) {
    const start = phase.start !== undefined ? Date.parse(phase.start) : NaN;
    const end = phase.durationMs !== undefined && !Number.isNaN(start) ? start + phase.durationMs : phase.problem === ongoing && now !== undefined ? now : NaN;
    if (!Number.isNaN(start) && !Number.isNaN(end) && end >= start) {
      bars.push({ kind: phase.kind, label: phase.label, t0: start - originMs, t1: end - originMs, durationMs: Math.round(end - start), ongoing: phase.durationMs === undefined });
    } else {
      const u: UnplacedPhase = { kind: phase.kind, label: phase.label };
      if (phase.durationMs !== undefined) u.durationMs = phase.durationMs;
      if (phase.problem !== undefined) u.problem = phase.problem;
      unplaced.push(u);
    }
  }
  return { type: 'contact', id: `contact:${contactId}`, label: 'Contact', bars, milestones: milestones(contact, originMs), unplaced };
}

/** A flow without a name: `Flow 1a2b3c4d…` from its ARN (or the text, cut). */
export function shortFlowId(flowId: string): string {
  const id = flowResourceId(flowId);
  return id !== undefined ? `Flow ${id.slice(0, 8)}…` : clip(flowId, 60);
}

function flowLanes(events: readonly FlowLogEvent[], contactId: string, shift: number, flowNames: Readonly<Record<string, string>>): FlowLane[] {
  const calls = new Map(lambdaInvocations(events).map((c) => [c.eventId, c]));
  const lanes = new Map<string, FlowLane>();
  const nameFor = (flowId: string | undefined): string | undefined => {
    if (flowId === undefined) return undefined;
    const id = flowResourceId(flowId);
    const own = (key: string | undefined): string | undefined => (key !== undefined && Object.prototype.hasOwnProperty.call(flowNames, key) ? flowNames[key] : undefined);
    return own(flowId) ?? own(id);
  };
  for (const event of events) {
    const key = event.flowId ?? (event.flowName !== undefined ? `name:${event.flowName}` : 'other');
    let lane = lanes.get(key);
    if (!lane) {
      const flowName = event.flowName ?? nameFor(event.flowId);
      lane = {
        type: 'flow',
        id: `flow:${contactId}:${key}`,
        label: flowName ?? (event.flowId !== undefined ? shortFlowId(event.flowId) : 'Other log lines'),
        marks: [],
        errors: 0,
      };
      if (event.flowId !== undefined) lane.flowId = event.flowId;
      if (flowName !== undefined) lane.flowName = flowName;
      lanes.set(key, lane);
    }
    // A later line of the same flow may carry the name the first one lacked.
    if (lane.flowName === undefined && event.flowName !== undefined) {
      lane.flowName = event.flowName;
      lane.label = event.flowName;
    }
    const mark: TimelineMark = { eventId: event.id, t: event.t + shift, kind: event.kind, label: event.blockLabel, isError: event.isError };
    const call = calls.get(event.id);
    if (call) {
      mark.lambda = { outcome: call.outcome };
      if (call.functionName !== undefined) mark.lambda.functionName = call.functionName;
      if (call.durationMs !== undefined) mark.lambda.durationMs = call.durationMs;
    }
    if (event.isError) lane.errors += 1;
    lane.marks.push(mark);
  }
  return [...lanes.values()];
}

function countsOf(groups: LaneGroup[], eventLists: readonly (readonly FlowLogEvent[])[]): TimelineCounts {
  const calls = eventLists.flatMap((events) => lambdaInvocations(events));
  const flowKeys = groups.flatMap((g) => g.lanes.flatMap((l) => (l.type === 'flow' && (l.flowId ?? l.flowName) !== undefined ? [l.flowId ?? `name:${l.flowName ?? ''}`] : [])));
  return {
    events: eventLists.reduce((n, e) => n + e.length, 0),
    errors: eventLists.reduce((n, e) => n + e.filter((x) => x.isError).length, 0),
    flows: new Set(flowKeys).size,
    lambdaCalls: calls.length,
    lambdaFailures: calls.filter((c) => c.outcome !== 'success').length,
  };
}

function extent(groups: LaneGroup[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const group of groups) {
    for (const lane of group.lanes) {
      const ts = lane.type === 'contact'
        ? [...lane.bars.flatMap((b) => [b.t0, b.t1]), ...lane.milestones.map((m) => m.t)]
        : lane.marks.map((m) => m.t);
      for (const t of ts) {
        if (t < min) min = t;
        if (t > max) max = t;
      }
    }
  }
  return { min, max };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryOf(groups: LaneGroup[], counts: TimelineCounts, axis: TimelineAxis, contacts: JsonObject[]): string {
  const parts: string[] = [];
  if (contacts.length === 1) {
    const c = contacts[0];
    const channel = typeof c.Channel === 'string' && /^[A-Z_]{1,20}$/.test(c.Channel) ? c.Channel.toLowerCase() : '';
    const end = timeOf(c.DisconnectTimestamp);
    const start = timeOf(c.InitiationTimestamp);
    const lasted = end !== undefined && start !== undefined && end >= start ? `, ${formatDurationMs(end - start)} from initiation to disconnect` : end === undefined ? ', not disconnected yet' : '';
    const what = channel ? `${channel[0].toUpperCase()}${channel.slice(1)} contact` : 'Contact';
    parts.push(`${what}${lasted}.`);
    const bars = groups[0]?.lanes.find((l): l is ContactLane => l.type === 'contact')?.bars ?? [];
    if (bars.length) parts.push(`Phases: ${bars.map((b) => `${b.label} ${b.ongoing ? '(ongoing)' : formatDurationMs(b.durationMs)}`).join(', ')}.`);
  } else {
    parts.push(`${plural(contacts.length, 'contact')} of one chain over ${formatDurationMs(axis.endT - Math.min(0, axis.startT))}.`);
  }
  if (counts.events === 0) {
    parts.push('No flow-log events.');
  } else {
    parts.push(`${plural(counts.events, 'flow block')} in ${plural(counts.flows, 'flow')}, ${plural(counts.errors, 'error')}.`);
    if (counts.lambdaCalls) parts.push(`${plural(counts.lambdaCalls, 'Lambda call')}${counts.lambdaFailures ? `, ${counts.lambdaFailures} failed` : ''}.`);
  }
  return parts.join(' ');
}

function groupFor(member: ChainMember, axisOriginMs: number, options: TimelineOptions): LaneGroup {
  const contactId = typeof member.contact.Id === 'string' ? member.contact.Id : '';
  const ownOrigin = timeOf(member.contact.InitiationTimestamp) ?? axisOriginMs;
  const offsetMs = ownOrigin - axisOriginMs;
  const lane = contactLane(member.contact, contactId, axisOriginMs, options.now);
  return {
    contactId,
    label: member.label ?? contactId,
    offsetMs,
    lanes: [lane, ...flowLanes(member.events, contactId, offsetMs, options.flowNames ?? {})],
  };
}

function modelOf(members: ChainMember[], options: TimelineOptions): TimelineModel {
  const origins = members.map((m) => timeOf(m.contact.InitiationTimestamp)).filter((ms): ms is number => ms !== undefined);
  const originMs = origins.length ? Math.min(...origins) : (options.now ?? 0);
  const groups = members.map((m) => groupFor(m, originMs, options));
  const { min, max } = extent(groups);
  const ticks = axisTicks(min, max, options.maxTicks ?? 10);
  const axis: TimelineAxis = { origin: new Date(originMs).toISOString(), originMs, startT: min, endT: max, ticks };
  const counts = countsOf(groups, members.map((m) => m.events));
  return { axis, groups, counts, summary: summaryOf(groups, counts, axis, members.map((m) => m.contact)) };
}

/**
 * One contact's Timeline: its phases and milestones (from DescribeContact), and its flow-log
 * events (t from its initiation) as a lane per flow. `contact` is ContactDocument.Contact.
 */
export function buildTimeline(contact: JsonObject, events: readonly FlowLogEvent[], options: TimelineOptions = {}): TimelineModel {
  return modelOf([{ contact, events }], options);
}

/**
 * "Whole chain" mode: the contacts of a chain on one axis from the earliest initiation, one lane
 * group each, in the order given (the chain's, by initiation). Each member's events keep `t` from
 * its own initiation; marks are shifted onto the shared axis.
 */
export function buildChainTimeline(members: readonly ChainMember[], options: TimelineOptions = {}): TimelineModel {
  return modelOf([...members], options);
}
