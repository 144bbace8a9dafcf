// The few facts a person looks for first on a contact, for the panel header and titles.
import type { ContactDocument, JsonObject, JsonValue } from './contactDocument';
import { displayText, formatDuration, formatTimestamp, type TimeZoneChoice } from './format';

export interface ContactSummary {
  contactId?: string;
  channel?: string;
  initiationMethod?: string;
  /** Display time in the chosen zone. */
  initiated?: string;
  disconnected?: string;
  /** Initiated → disconnected, e.g. `4m 12s`; absent when the disconnect comes first. */
  duration?: string;
  /** Queue name when the document has one, else its ID. */
  queue?: string;
  /** Agent username when present, else the agent ID. */
  agent?: string;
  disconnectReason?: string;
}

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? displayText(value, 200) : undefined;
}

export function summarizeContact(doc: ContactDocument, opts: { timeZone: TimeZoneChoice }): ContactSummary {
  const c = obj(doc.Contact) ?? {};
  const queue = obj(c.QueueInfo);
  const agent = obj(c.AgentInfo);
  const start = typeof c.InitiationTimestamp === 'string' ? c.InitiationTimestamp : undefined;
  const end = typeof c.DisconnectTimestamp === 'string' ? c.DisconnectTimestamp : undefined;
  const elapsed = start && end ? (Date.parse(end) - Date.parse(start)) / 1000 : NaN;
  const summary: ContactSummary = {
    contactId: str(c.Id),
    channel: str(c.Channel),
    initiationMethod: str(c.InitiationMethod),
    initiated: start && formatTimestamp(start, opts.timeZone),
    disconnected: end && formatTimestamp(end, opts.timeZone),
    // Out-of-order times give no duration (the Overview's phases name the bad timestamp), never a negative one.
    duration: Number.isFinite(elapsed) && elapsed >= 0 ? formatDuration(elapsed) : undefined,
    queue: str(queue?.Name) ?? str(queue?.Id),
    agent: str(agent?.Username) ?? str(agent?.Id),
    disconnectReason: str(c.DisconnectReason),
  };
  for (const k of Object.keys(summary) as (keyof ContactSummary)[]) if (summary[k] === undefined) delete summary[k];
  return summary;
}

/** The first group of a UUID-style ID (`1a2b3c4d`), or the first 8 characters. */
export function shortId(id: string): string {
  const first = id.split('-')[0];
  return first.length >= 4 && first.length <= 12 ? first : Array.from(id).slice(0, 8).join('');
}

/** `VOICE · 1a2b3c4d`; `Contact · 1a2b3c4d` when the channel is missing. */
export function panelTitle(doc: ContactDocument): string {
  const c = obj(doc.Contact) ?? {};
  const channel = typeof c.Channel === 'string' && c.Channel ? displayText(c.Channel, 20) : 'Contact';
  const id = typeof c.Id === 'string' ? c.Id : '';
  return id ? `${channel} · ${displayText(shortId(id), 12)}` : channel;
}
