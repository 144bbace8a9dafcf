// What on a contact deserves a look before anything else: a disconnect Connect flags as a
// potential issue, a disconnect reason that means something failed, poor audio, a recording that
// is gone. Severity: `error` when Connect reports a failure as fact; `warning` when it reports a
// potential issue, an estimate, an outside network's answer or a deletion.
import type { JsonObject, JsonValue } from './contactDocument';
import type { PathSegment } from './fieldNode';
import { displayText } from './format';

export type AttentionKind = 'disconnectIssue' | 'recordingUnavailable' | 'lowQuality' | 'failedDisconnect';

export interface AttentionBadge {
  kind: AttentionKind;
  severity: 'warning' | 'error';
  /** A few words, e.g. "Agent connectivity issue". Plain text. */
  text: string;
  /** A sentence or two: what Connect recorded and what it means. Plain text. */
  detail: string;
  /** The field in the document, e.g. ['Contact','DisconnectDetails','PotentialDisconnectIssue']. */
  path: PathSegment[];
}

/**
 * Below this AudioQualityScore (1–5, an estimated mean opinion score) audio is flagged as poor:
 * on the MOS scale 3 is "fair" and 2 "poor" (ITU-T P.800), so a score under 3 is worse than fair,
 * the point where listeners notice degraded speech.
 */
export const lowAudioQualityScore = 3.0;

type Explained = { text: string; detail: string };

/** DisconnectDetails.PotentialDisconnectIssue values (Connect Administrator Guide, contact records data model: DisconnectDetails). */
const disconnectIssues: Record<string, Explained> = {
  AGENT_CONNECTIVITY_ISSUE: { text: 'Agent connectivity issue', detail: "A network problem between the agent's workstation and Amazon Connect may have dropped the call." },
  AGENT_DEVICE_ISSUE: { text: 'Agent device issue', detail: "The agent's workstation, headset or microphone may have kept the customer from hearing the agent." },
  CUSTOMER_CONNECTIVITY_ISSUE: { text: 'Customer connectivity issue', detail: "A problem with the customer's network connection may have dropped the call." },
  CUSTOMER_DEVICE_ISSUE: { text: 'Customer device issue', detail: "The customer's device, such as its speaker or microphone, may have kept them from hearing the agent." },
};

/**
 * DisconnectReason values that mean the contact failed rather than ended by someone's choice
 * (Connect Administrator Guide, contact records data model: ContactTraceRecord.DisconnectReason,
 * by channel). Errors are Connect's or the instance's failures; warnings are answers from the
 * telephone network or a customer who never connected. Not failures, so no badge:
 * CUSTOMER_DISCONNECT, AGENT_DISCONNECT, THIRD_PARTY_DISCONNECT (the remote side hung up),
 * BARGED, CONTACT_FLOW_DISCONNECT, OTHER, API, IDLE_DISCONNECT, AGENT_COMPLETED, TRANSFERRED,
 * DISCARDED, OUTBUND_PREVIEW_DISCARDED, TELECOM_ORIGINATOR_CANCEL (the caller gave up) and
 * EXPIRED (a configured expiry or lack of capacity: the contact's phases show it).
 */
const failedReasons: Record<string, Explained & { severity: AttentionBadge['severity'] }> = {
  SYSTEM_ERROR: { severity: 'error', text: 'Ended by a system error', detail: 'An error in Amazon Connect ended the chat session abnormally.' },
  AGENT_NETWORK_DISCONNECT: { severity: 'error', text: 'Agent network disconnect', detail: 'The agent was disconnected from the chat by a network issue.' },
  OUTBOUND_DESTINATION_ENDPOINT_ERROR: { severity: 'error', text: 'Destination not allowed', detail: "The instance's configuration does not allow dialing this destination." },
  OUTBOUND_RESOURCE_ERROR: { severity: 'error', text: 'Outbound resource error', detail: 'The instance lacks permission to place outbound calls, or a resource it needs was not found.' },
  OUTBOUND_ATTEMPT_FAILED: { severity: 'error', text: 'Outbound attempt failed', detail: 'An unknown error, an invalid parameter or missing permissions stopped the call attempt.' },
  TELECOM_PROBLEM: { severity: 'warning', text: 'Telecom network problem', detail: 'The destination network could not be reached, though the number is believed valid (a problem in a third-party network).' },
  TELECOM_BUSY: { severity: 'warning', text: 'Number busy', detail: 'The called number returned a busy signal.' },
  TELECOM_NUMBER_INVALID: { severity: 'warning', text: 'Invalid number', detail: 'The number is not in E.164 form, does not exist or is no longer in use.' },
  TELECOM_POTENTIAL_BLOCKING: { severity: 'warning', text: 'Call possibly blocked', detail: 'The networks answered that the number is probably blocked (for example as spam).' },
  TELECOM_UNANSWERED: { severity: 'warning', text: 'Call not delivered', detail: 'The network or the handset confirmed that the call could not be delivered at this time.' },
  TELECOM_TIMEOUT: { severity: 'warning', text: 'No answer in 60 seconds', detail: 'The call rang for 60 seconds without being answered.' },
  CUSTOMER_NEVER_ARRIVED: { severity: 'warning', text: 'Customer never arrived', detail: 'The web or in-app caller did not connect in time, so Amazon Connect ended the contact.' },
  CUSTOMER_CONNECTION_NOT_ESTABLISHED: { severity: 'warning', text: 'Customer never connected', detail: 'The customer started the chat but never established its connection (websocket or streaming).' },
};

/** PotentialQualityIssues values, as words. */
const qualityIssues: Record<string, string> = {
  HighPacketLoss: 'high packet loss',
  HighRoundTripTime: 'high round-trip time',
  HighJitterBuffer: 'high jitter buffer',
};

/** A table entry: own keys only, so a value like `constructor` finds nothing. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `AGENT_NETWORK_DISCONNECT` → `Agent network disconnect`; anything else as safe single-line text. */
function readable(code: string, maxLength = 80): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(code) || code.length > maxLength) return displayText(code, maxLength);
  const words = code.toLowerCase().replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The badges for a contact (ContactDocument.Contact): errors first, then in field order. */
export function attentionBadges(contact: JsonObject): AttentionBadge[] {
  const badges = [...disconnectBadges(contact), ...qualityBadges(contact), ...recordingBadges(contact)];
  return [...badges.filter((b) => b.severity === 'error'), ...badges.filter((b) => b.severity === 'warning')];
}

function disconnectBadges(contact: JsonObject): AttentionBadge[] {
  const badges: AttentionBadge[] = [];
  const issue = text(obj(contact.DisconnectDetails)?.PotentialDisconnectIssue);
  if (issue) {
    // The field is set only when Connect detects a potential issue: any value deserves a look.
    const known = lookup(disconnectIssues, issue);
    badges.push({
      kind: 'disconnectIssue',
      severity: 'warning',
      text: known?.text ?? `Possible disconnect issue: ${readable(issue)}`,
      detail: known?.detail ?? `Amazon Connect flagged a potential disconnect issue: ${displayText(issue, 200)}.`,
      path: ['Contact', 'DisconnectDetails', 'PotentialDisconnectIssue'],
    });
  }
  const reason = text(contact.DisconnectReason);
  const failed = reason === undefined ? undefined : lookup(failedReasons, reason);
  if (reason && failed) {
    badges.push({
      kind: 'failedDisconnect',
      severity: failed.severity,
      text: failed.text,
      detail: `${failed.detail} (DisconnectReason ${reason})`,
      path: ['Contact', 'DisconnectReason'],
    });
  }
  return badges;
}

function qualityBadges(contact: JsonObject): AttentionBadge[] {
  const badges: AttentionBadge[] = [];
  const metrics = obj(contact.QualityMetrics);
  const who = { Agent: 'how the agent sounded to the customer', Customer: 'how the customer sounded to the agent' };
  for (const participant of ['Agent', 'Customer'] as const) {
    const audio = obj(obj(metrics?.[participant])?.Audio);
    if (!audio) continue;
    const score = typeof audio.QualityScore === 'number' && Number.isFinite(audio.QualityScore) ? audio.QualityScore : undefined;
    const rawIssues = Array.isArray(audio.PotentialQualityIssues) ? audio.PotentialQualityIssues : [];
    const issues = [...new Set(rawIssues.filter((i): i is string => typeof i === 'string' && i !== ''))].slice(0, 10);
    const low = score !== undefined && score < lowAudioQualityScore;
    if (!low && issues.length === 0) continue;
    const base = ['Contact', 'QualityMetrics', participant, 'Audio'];
    const shown = score === undefined ? '' : String(Math.round(score * 100) / 100);
    const causes = issues.map((i) => lookup(qualityIssues, i) ?? displayText(i, 60)).join(', ');
    const detail = [
      low ? `Estimated ${participant.toLowerCase()} audio quality ${shown} on the 1–5 scale (below ${lowAudioQualityScore.toFixed(1)}: worse than fair), ${who[participant]}.` : `${participant} audio: ${who[participant]}${shown ? `, estimated quality ${shown} of 5` : ''}.`,
      causes ? `Possible causes: ${causes}.` : '',
    ];
    badges.push({
      kind: 'lowQuality',
      severity: 'warning',
      text: low ? `Poor ${participant.toLowerCase()} audio (${shown} of 5)` : `${participant} audio issues`,
      detail: detail.filter(Boolean).join(' '),
      path: [...base, low ? 'QualityScore' : 'PotentialQualityIssues'],
    });
  }
  return badges;
}

function recordingBadges(contact: JsonObject): AttentionBadge[] {
  const recordings = Array.isArray(contact.Recordings) ? contact.Recordings : [];
  const badges: AttentionBadge[] = [];
  recordings.forEach((value, index) => {
    const recording = obj(value);
    const status = text(recording?.Status)?.toUpperCase();
    if (!recording || (status !== 'DELETED' && status !== 'FAILED')) return;
    const which = recordings.length > 1 ? `Recording ${index + 1} of ${recordings.length}` : 'The recording';
    const about = [recording.MediaStreamType, recording.ParticipantType]
      .map((v) => text(v))
      .filter((v): v is string => v !== undefined)
      .map((v) => readable(v, 40).toLowerCase());
    const described = about.length ? `${which} (${about.join(', ')})` : which;
    const reason = text(recording.DeletionReason);
    const deleted = status === 'DELETED';
    badges.push({
      kind: 'recordingUnavailable',
      severity: deleted ? 'warning' : 'error',
      text: deleted ? 'Recording deleted' : 'Recording failed',
      detail: `${described} ${deleted ? 'was deleted' : 'failed'}${reason ? `. Reason given: ${displayText(reason, 300)}` : ''}.`,
      path: ['Contact', 'Recordings', index, 'Status'],
    });
  });
  return badges;
}
