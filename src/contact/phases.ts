// The phases of one contact (scheduled, in flow, waiting in queue, ringing, with the agent, on
// hold, after-contact work), read from the contact's own timestamps. Pure: no clock of its own
// (the caller may pass `now`), so a live contact's open phase has no duration rather than a guess.
import { isoFromEpochSeconds, type JsonObject, type JsonValue } from './contactDocument';
import type { PathSegment } from './fieldNode';
import { formatDuration, formatDurationMillis } from './format';

export type PhaseKind = 'scheduled' | 'flow' | 'queue' | 'ringing' | 'talking' | 'hold' | 'afterContactWork';

export interface ContactPhase {
  kind: PhaseKind;
  /**
   * What a person reads: "Scheduled (waiting to start)" (a task whose flow starts at its
   * ScheduledTimestamp), "In flow before queue" ("In flow" when never queued, "In flow before
   * the agent" or "Dialing" (outbound) when an agent joined without a queue), "Waiting in queue",
   * "Ringing", "With the agent" (", paused 40s" when the agent paused it), "On hold",
   * "After-contact work".
   */
  label: string;
  /** ISO 8601, the field's own value (absent when it is not a time). Present even when out of order: draw only phases with durationMs. */
  start?: string;
  end?: string;
  /** Absent when it cannot be computed; never negative. */
  durationMs?: number;
  /**
   * Why there is no duration, for a person: "ongoing" (the phase has not ended yet: no duration;
   * no end, except a scheduled wait's, which ends when the task is due), "no EnqueueTimestamp", "DisconnectTimestamp is before InitiationTimestamp".
   */
  problem?: string;
  /** The field this phase is read from (for "jump to field"), e.g. ['Contact','QueueInfo','EnqueueTimestamp']. */
  path: PathSegment[];
}

/** A phase whose end is not there yet (the contact is live, or the agent is still in after-contact work). */
export const ongoing = 'ongoing';

const outboundMethods = new Set(['OUTBOUND', 'EXTERNAL_OUTBOUND']);

export interface PhaseOptions {
  /** Epoch ms: tells a task still waiting for its ScheduledTimestamp from one whose flow has started. */
  now?: number;
}

const scheduledLabel = 'Scheduled (waiting to start)';

interface Moment {
  field: string;
  path: PathSegment[];
  iso: string;
  /** NaN when the value is not a time. */
  ms: number;
}

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** A timestamp field: ISO text in a contact document, epoch seconds in a wire body. */
function moment(contact: JsonObject, path: string[]): Moment | undefined {
  let value: JsonValue | undefined = contact;
  for (const key of path) value = obj(value)?.[key];
  const full = ['Contact', ...path];
  const field = path[path.length - 1];
  if (typeof value === 'string' && value !== '') return { field, path: full, iso: value, ms: Date.parse(value) };
  if (typeof value === 'number' && Number.isFinite(value)) return { field, path: full, iso: isoFromEpochSeconds(value), ms: value * 1000 };
  return undefined;
}

/** A phase from two moments; `endField` names the missing end for a person. */
function span(kind: PhaseKind, label: string, start: Moment | undefined, end: Moment | undefined, ctx: { path: PathSegment[]; startField: string; endField: string; open: boolean }): ContactPhase {
  const phase: ContactPhase = { kind, label, path: start?.path ?? ctx.path };
  if (!start) return { ...phase, problem: `no ${ctx.startField}` };
  if (Number.isNaN(start.ms)) return { ...phase, problem: `${start.field} is not a time` };
  phase.start = start.iso;
  if (!end) return { ...phase, problem: ctx.open ? ongoing : `no ${ctx.endField}` };
  if (Number.isNaN(end.ms)) return { ...phase, problem: `${end.field} is not a time` };
  phase.end = end.iso;
  if (end.ms < start.ms) return { ...phase, problem: `${end.field} is before ${start.field}` };
  return { ...phase, durationMs: Math.round(end.ms - start.ms) };
}

/** A count of seconds as a phase duration, or why it is not one. */
function seconds(value: JsonValue | undefined, field: string): { durationMs: number } | { problem: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: `${field} is not a number` };
  if (value < 0) return { problem: `${field} is negative` };
  return { durationMs: Math.round(value * 1000) };
}

/**
 * The phases that apply to a contact, in order. `contact` is ContactDocument.Contact. A chat that
 * never reached an agent has no "With the agent" phase; a phase whose end has not happened yet
 * has `problem: 'ongoing'`; missing or out-of-order timestamps give a `problem`, never a negative
 * duration. Hold is the agent-initiated hold total (duration only, no start or end).
 */
export function contactPhases(contact: JsonObject, options: PhaseOptions = {}): ContactPhase[] {
  const queueInfo = obj(contact.QueueInfo);
  const agentInfo = obj(contact.AgentInfo);
  const init = moment(contact, ['InitiationTimestamp']);
  const enqueue = moment(contact, ['QueueInfo', 'EnqueueTimestamp']);
  const ring = moment(contact, ['RingStartTimestamp']);
  const connected = moment(contact, ['AgentInfo', 'ConnectedToAgentTimestamp']);
  const acwStart = moment(contact, ['AgentInfo', 'AfterContactWorkStartTimestamp']);
  const acwEnd = moment(contact, ['AgentInfo', 'AfterContactWorkEndTimestamp']);
  const disconnect = moment(contact, ['DisconnectTimestamp']);
  // Without a DisconnectTimestamp the contact is still live: missing ends are yet to come.
  const live = !disconnect;
  const queued = enqueue !== undefined || (typeof queueInfo?.Id === 'string' && queueInfo.Id !== '');
  const phases: ContactPhase[] = [];

  // A scheduled task's InitiationTimestamp is when the API request arrived; its flow starts at
  // ScheduledTimestamp (botocore), so the time between is waiting, not time in flow.
  const scheduled = moment(contact, ['ScheduledTimestamp']);
  let flowStart = init;
  let flowStarted = true;
  if (init && scheduled && scheduled.ms > init.ms) {
    const firstRouted = Math.min(...[enqueue, ring, connected].map((m) => m?.ms ?? NaN).filter((ms) => !Number.isNaN(ms)));
    const path = scheduled.path;
    // Queued or answered before the scheduled time: the schedule did not hold the flow back.
    if (!(firstRouted < scheduled.ms)) {
      const routed = Number.isFinite(firstRouted);
      if (!routed && disconnect && disconnect.ms < scheduled.ms) {
        // Stopped before it was due: it only ever waited.
        phases.push({ ...span('scheduled', scheduledLabel, init, disconnect, { path, startField: 'InitiationTimestamp', endField: 'DisconnectTimestamp', open: false }), path });
        flowStarted = false;
      } else if (!routed && !disconnect && !(options.now !== undefined && options.now >= scheduled.ms)) {
        // Not due yet: the wait is the open phase; no flow has run.
        phases.push({ kind: 'scheduled', label: scheduledLabel, start: init.iso, end: scheduled.iso, problem: ongoing, path });
        flowStarted = false;
      } else {
        phases.push({ ...span('scheduled', scheduledLabel, init, scheduled, { path, startField: 'InitiationTimestamp', endField: 'ScheduledTimestamp', open: false }), path });
        flowStart = scheduled;
      }
    }
  }

  if (flowStarted && (init || enqueue || connected || disconnect)) {
    const method = typeof contact.InitiationMethod === 'string' ? contact.InitiationMethod : '';
    const flowEnd = queued ? enqueue : (ring ?? connected ?? disconnect);
    const label = queued ? 'In flow before queue' : connected ? (outboundMethods.has(method) ? 'Dialing' : 'In flow before the agent') : 'In flow';
    const endField = queued ? 'EnqueueTimestamp' : 'DisconnectTimestamp';
    phases.push(span('flow', label, flowStart, flowEnd, { path: ['Contact', 'InitiationTimestamp'], startField: 'InitiationTimestamp', endField, open: live }));
  }

  if (queued) {
    phases.push(span('queue', 'Waiting in queue', enqueue, ring ?? connected ?? disconnect, { path: ['Contact', 'QueueInfo'], startField: 'EnqueueTimestamp', endField: 'ConnectedToAgentTimestamp', open: live }));
  }

  if (ring) {
    phases.push(span('ringing', 'Ringing', ring, connected ?? disconnect, { path: ring.path, startField: 'RingStartTimestamp', endField: 'ConnectedToAgentTimestamp', open: live }));
  }

  if (connected) {
    const pause = agentInfo?.AgentPauseDurationInSeconds;
    const paused = typeof pause === 'number' && Number.isFinite(pause) && pause > 0 ? `, paused ${formatDurationMs(pause * 1000)}` : '';
    phases.push(span('talking', `With the agent${paused}`, connected, acwStart ?? disconnect, { path: connected.path, startField: 'ConnectedToAgentTimestamp', endField: 'DisconnectTimestamp', open: live }));
  }

  const hold = seconds(agentInfo?.AgentInitiatedHoldDuration, 'AgentInitiatedHoldDuration');
  if (hold && !('durationMs' in hold && hold.durationMs === 0)) {
    phases.push({ kind: 'hold', label: 'On hold', ...hold, path: ['Contact', 'AgentInfo', 'AgentInitiatedHoldDuration'] });
  }

  const acw = afterContactWork(agentInfo, acwStart, acwEnd);
  if (acw) phases.push(acw);
  return phases;
}

/** ACW from its timestamps; its own whole-second duration field when they do not give one. */
function afterContactWork(agentInfo: JsonObject | undefined, start: Moment | undefined, end: Moment | undefined): ContactPhase | undefined {
  const field = seconds(agentInfo?.AfterContactWorkDuration, 'AfterContactWorkDuration');
  if (!start && !end && !field) return undefined;
  const label = 'After-contact work';
  const durationPath = ['Contact', 'AgentInfo', 'AfterContactWorkDuration'];
  // ACW outlives the disconnect: a start without an end means the agent is still in it.
  const fromTimes = span('afterContactWork', label, start, end, { path: durationPath, startField: 'AfterContactWorkStartTimestamp', endField: 'AfterContactWorkEndTimestamp', open: true });
  if (fromTimes.durationMs !== undefined || !field) return fromTimes;
  if ('problem' in field) return start || end ? fromTimes : { kind: 'afterContactWork', label, problem: field.problem, path: durationPath };
  // The timestamps fall short (missing or out of order): Connect's own count of the same span.
  const { problem: _problem, ...rest } = fromTimes;
  return { ...rest, durationMs: field.durationMs, path: start ? rest.path : durationPath };
}

/**
 * A phase duration in the panel's style: `250 ms` below a second, `4.625s` below ten seconds
 * (phases this short are worth their milliseconds), then whole seconds: `35s`, `1m 05s`, `1h 02m 03s`.
 */
export function formatDurationMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  return Math.abs(ms) < 10_000 ? formatDurationMillis(Math.round(ms)) : formatDuration(ms / 1000);
}
