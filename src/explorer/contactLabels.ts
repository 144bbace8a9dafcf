// What a contact row says: label, description, icon and tooltip facts. Pure text; the tree
// provider turns it into a TreeItem and an untrusted MarkdownString.
import type { ContactRef, ContactSummary as SearchRow } from '../aws/types';
import { shortId } from '../contact/contactSummary';
import { displayText, formatTimestamp, type TimeZoneChoice } from '../contact/format';
import type { HistoryEntry } from './historyEntries';
import type { ContactFacts } from './explorerNodes';

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name stays as it is; a bare UUID shrinks to its first group. */
function compact(text: string): string {
  return uuidLike.test(text) ? shortId(text) : displayText(text, 60);
}

export function factsFromSearch(row: SearchRow): ContactFacts {
  const facts: ContactFacts = {};
  if (row.channel) facts.channel = row.channel;
  if (row.initiationTimestamp) facts.initiationTimestamp = row.initiationTimestamp;
  if (row.queueId) facts.queue = row.queueId;
  if (row.agentId) facts.agent = row.agentId;
  if (row.initiationMethod) facts.initiationMethod = row.initiationMethod;
  return facts;
}

export function factsFromHistory(entry: HistoryEntry): ContactFacts {
  const facts: ContactFacts = {};
  for (const k of ['channel', 'initiationTimestamp', 'queue', 'agent', 'disconnectReason'] as const) {
    if (entry[k]) facts[k] = entry[k];
  }
  return facts;
}

/** `2026-11-20 09:00 UTC`: the panel's format without seconds, to fit a sidebar. */
export function shortTimestamp(iso: string, timeZone: TimeZoneChoice): string {
  return formatTimestamp(iso, timeZone).replace(/(\d{2}:\d{2}):\d{2}(\.\d+)?/, '$1');
}

/** `2026-11-20 09:00 UTC · 6f1d2c3b`, or the short ID alone when the time is unknown. */
export function contactLabel(contactId: string, facts: ContactFacts, timeZone: TimeZoneChoice): string {
  const id = displayText(shortId(contactId), 16);
  return facts.initiationTimestamp ? `${shortTimestamp(facts.initiationTimestamp, timeZone)} · ${id}` : id;
}

/** Names for the queue and agent IDs in a contact's facts, when known. */
export interface FactNames {
  queue?: string;
  agent?: string;
}

/**
 * Channel, queue, agent and disconnect reason, as far as they are known, by name once the names
 * are in: `VOICE · BasicQueue · jdoe · CUSTOMER_DISCONNECT` (`agent 4e5f6a7b` until then).
 */
export function contactDescription(facts: ContactFacts, names: FactNames = {}): string {
  const parts: string[] = [];
  if (facts.channel) parts.push(displayText(facts.channel, 12));
  if (facts.queue) parts.push(names.queue ? displayText(names.queue, 60) : compact(facts.queue));
  if (facts.agent) parts.push(names.agent ? displayText(names.agent, 60) : `agent ${compact(facts.agent)}`);
  if (facts.disconnectReason) parts.push(displayText(facts.disconnectReason, 40));
  if (parts.length <= 1 && facts.initiationMethod) parts.push(displayText(facts.initiationMethod, 40));
  return parts.join(' · ');
}

/** Codicon ids by channel. */
export function channelIcon(channel: string | undefined): string {
  switch (channel) {
    case 'VOICE':
      return 'call-outgoing';
    case 'CHAT':
      return 'comment-discussion';
    case 'TASK':
      return 'tasklist';
    case 'EMAIL':
      return 'mail';
    default:
      return 'question';
  }
}

export interface TooltipFacts {
  title: string;
  rows: [label: string, value: string][];
}

/** The tooltip's full IDs and facts. Values are shown as text by the provider, never as markup. */
export function contactTooltip(ref: ContactRef, facts: ContactFacts, timeZone: TimeZoneChoice, extra: { pinned?: boolean; lookedUpAt?: string; names?: FactNames } = {}): TooltipFacts {
  const rows: [string, string][] = [
    ['Contact ID', ref.contactId],
    ['Instance ID', ref.instanceId],
    ['Profile', ref.profile],
    ['Region', ref.region],
  ];
  if (facts.initiationTimestamp) rows.push(['Initiated', formatTimestamp(facts.initiationTimestamp, timeZone)]);
  if (facts.initiationMethod) rows.push(['Initiation method', facts.initiationMethod]);
  const named = (name: string | undefined, id: string) => (name ? `${name} (${id})` : id);
  if (facts.queue) rows.push(['Queue', named(extra.names?.queue, facts.queue)]);
  if (facts.agent) rows.push(['Agent', named(extra.names?.agent, facts.agent)]);
  if (facts.disconnectReason) rows.push(['Disconnect reason', facts.disconnectReason]);
  if (extra.lookedUpAt) rows.push(['Looked up', formatTimestamp(extra.lookedUpAt, timeZone)]);
  if (extra.pinned) rows.push(['Pinned', 'yes']);
  const channel = facts.channel ? displayText(facts.channel, 20) : 'Contact';
  return { title: `${channel} contact`, rows: rows.map(([k, v]) => [k, displayText(v, 300)]) };
}
