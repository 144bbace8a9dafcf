// How a contact started and where it went next, as short sentences for the panel's header.
// Every piece of contact data in them is single-line display text; views set them as text.
import type { JsonObject, JsonValue } from './contactDocument';
import { shortId } from './contactSummary';
import { displayText } from './format';
import { nameKey, type ResourceName } from './story';

/** More next contacts than this read as "…and N more". */
const maxNextLines = 10;

const nouns: Record<string, string> = { VOICE: 'call', CHAT: 'chat', TASK: 'task', EMAIL: 'email' };
const quickConnectKinds: Record<string, string> = { USER: 'agent', QUEUE: 'queue', PHONE_NUMBER: 'phone number', FLOW: 'flow' };

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** `contact 6f1d2c3b`: the short ID the panel titles use. */
const contactRef = (id: string): string => `contact ${displayText(shortId(id), 12)}`;

/**
 * How the contact started and where it went next, e.g. "Transferred from contact 6f1d2c3b into
 * queue Billing", "Transferred to Escalations (queue quick connect) → contact 7a2e3d4c",
 * "Callback of contact ad5b6a7f", "Started by an inbound call", "Related to contact 7a2e3d4c".
 * `names` is ContactStory.names: the queue's name when known.
 */
export function originLines(contact: JsonObject, names: Record<string, ResourceName>): string[] {
  const lines: string[] = [];
  const start = startLine(contact, names);
  if (start) lines.push(start);
  lines.push(...nextLines(contact));
  const related = str(contact.RelatedContactId);
  // A contact the lines above already name needs no line of its own.
  const named = [contact.Id, contact.PreviousContactId, ...nextContactIds(contact)];
  if (related && !named.includes(related)) lines.push(`Related to ${contactRef(related)}`);
  return lines;
}

function startLine(contact: JsonObject, names: Record<string, ResourceName>): string | undefined {
  const method = str(contact.InitiationMethod);
  const noun = lookup(nouns, str(contact.Channel)) ?? 'contact';
  const self = str(contact.Id);
  const previousId = str(contact.PreviousContactId);
  const from = previousId && previousId !== self ? contactRef(previousId) : undefined;
  const queueId = str(obj(contact.QueueInfo)?.Id);
  const queueName = queueId ? str(lookup(names, nameKey('queue', queueId))?.name) : undefined;
  const intoQueue = queueName ? ` into queue ${displayText(queueName, 80)}` : '';
  switch (method) {
    case undefined:
      return from ? `Follows ${from}` : undefined;
    case 'INBOUND':
      return `Started by an inbound ${noun}`;
    case 'OUTBOUND':
      return `Started by an outbound ${noun}`;
    case 'TRANSFER':
      return `${from ? `Transferred from ${from}` : 'Started by a transfer'}${intoQueue}`;
    case 'QUEUE_TRANSFER':
      return `${from ? `Queue transfer from ${from}` : 'Started by a queue transfer'}${intoQueue}`;
    case 'CALLBACK':
      return from ? `Callback of ${from}` : 'Started as a callback';
    case 'API':
      return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} started through the API`;
    case 'WEBRTC_API':
      return `Started by an in-app or web ${noun}`;
    case 'DISCONNECT':
      return from ? `Created by the disconnect flow of ${from}` : 'Created by a disconnect flow';
    case 'MONITOR':
      return from ? `Supervisor monitoring ${from}` : 'Started by a supervisor monitoring a contact';
    case 'EXTERNAL_OUTBOUND':
      return from ? `Call to an external party from ${from}` : 'Started by a call to an external party';
    case 'AGENT_REPLY':
      return from ? `Agent reply to ${from}` : 'Started by an agent reply';
    case 'FLOW':
      return from ? `Sent by a flow of ${from}` : 'Sent by a flow';
    default:
      return `Started by ${displayText(method, 40)}${from ? ` from ${from}` : ''}`;
  }
}

/** Each NextContacts entry's quick connect data. */
function nextContacts(contact: JsonObject): JsonObject[] {
  const entries = Array.isArray(contact.NextContacts) ? contact.NextContacts : [];
  return entries.map((entry) => obj(obj(obj(entry)?.NextContactMetadata)?.QuickConnectContactData)).filter((d): d is JsonObject => d !== undefined);
}

function nextContactIds(contact: JsonObject): string[] {
  return nextContacts(contact)
    .map((data) => str(data.ContactId))
    .filter((id): id is string => id !== undefined);
}

/** NextContacts: the quick connects the agent used, and the contacts they made. */
function nextLines(contact: JsonObject): string[] {
  const lines: string[] = [];
  for (const data of nextContacts(contact)) {
    const name = str(data.QuickConnectName);
    const kind = lookup(quickConnectKinds, str(data.QuickConnectType));
    const quickConnect = kind ? `${kind} quick connect` : 'quick connect';
    const article = /^[aeiou]/.test(quickConnect) ? 'an' : 'a';
    const target = name ? `Transferred to ${displayText(name, 80)} (${quickConnect})` : `Transferred through ${article} ${quickConnect}`;
    const id = str(data.ContactId);
    lines.push(id ? `${target} → ${contactRef(id)}` : target);
  }
  if (lines.length <= maxNextLines) return lines;
  return [...lines.slice(0, maxNextLines), `…and ${lines.length - maxNextLines} more next contacts`];
}
