// The chain of contacts linked to the shown one (transfers, callbacks, related and associated
// contacts), found by walking their links breadth-first. Pure: the caller supplies the calls
// (DescribeContact, ListAssociatedContacts) and the walk bounds how many it makes.
import { isoFromEpochSeconds, type JsonObject, type JsonValue } from './contactDocument';
import { displayText } from './format';
import type { ChainEdge, ChainNode, ChainRelation, ContactChain } from './story';

/** One ListAssociatedContacts entry, timestamps as ISO 8601. */
export interface AssociatedContact {
  contactId: string;
  initialContactId?: string;
  previousContactId?: string;
  /** The summary carries it too: the walk follows it as it would a described contact's. */
  relatedContactId?: string;
  initiationMethod?: string;
  channel?: string;
  initiatedAt?: string;
  disconnectedAt?: string;
}

export interface ChainWalkOptions {
  /** The shown contact (ContactDocument.Contact). */
  start: JsonObject;
  /** DescribeContact of a linked contact (throws on failure). */
  describe(contactId: string): Promise<JsonObject>;
  /**
   * ListAssociatedContacts for the start contact (throws on failure). A failure is not a chain
   * problem (the walk goes on through DescribeContact): record a missing permission here.
   */
  associated?(): Promise<AssociatedContact[]>;
  /** At most this many contacts in the chain, the start included; default 50. */
  maxNodes?: number;
  /** Aborting makes walkChain reject with the signal's reason (an AbortError), promptly, even mid-call. */
  signal?: AbortSignal;
  /** The chain so far, after each step (a fresh object each time). */
  onProgress?(chain: ContactChain): void;
}

type LinkSource = 'previous' | 'next' | 'related' | 'initial';

interface Link {
  from: string;
  to: string;
  source: LinkSource;
  /** The relation when the later contact's InitiationMethod is not known. */
  hint: ChainRelation;
}

// When two contacts are linked more than one way, the most direct link names their edge.
const rank: Record<LinkSource, number> = { previous: 0, next: 0, related: 1, initial: 2 };

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function time(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return isoFromEpochSeconds(value);
  return str(value);
}

/** How a contact came from the one before it, by its own InitiationMethod. */
export function relationOf(initiationMethod: string | undefined): ChainRelation {
  switch (initiationMethod) {
    case 'TRANSFER':
      return 'transfer';
    case 'QUEUE_TRANSFER':
      return 'queueTransfer';
    case 'CALLBACK':
      return 'callback';
    case 'MONITOR':
      return 'monitor';
    case 'EXTERNAL_OUTBOUND':
      return 'external';
    default:
      return 'associated';
  }
}

/** A chain node from a DescribeContact contact. IDs stay raw (they are keys); views set them as text. */
export function chainNodeOf(contact: JsonObject, current: boolean): ChainNode {
  const node: ChainNode = { contactId: str(contact.Id) ?? '', current };
  const fields: [keyof ChainNode, string | undefined][] = [
    ['channel', str(contact.Channel)],
    ['initiationMethod', str(contact.InitiationMethod)],
    ['initiatedAt', time(contact.InitiationTimestamp)],
    ['disconnectedAt', time(contact.DisconnectTimestamp)],
    ['queueId', str(obj(contact.QueueInfo)?.Id)],
    ['agentId', str(obj(contact.AgentInfo)?.Id)],
  ];
  for (const [key, value] of fields) if (value !== undefined) Object.assign(node, { [key]: value });
  return node;
}

/**
 * The IDs a contact links to directly, one entry per ID, the most direct link first:
 * PreviousContactId (from it, relation from this contact's InitiationMethod), NextContacts[*]
 * (to them: NextContactMetadata.QuickConnectContactData.ContactId, 'external' for a phone-number
 * quick connect, else 'transfer'), RelatedContactId ('related'), InitialContactId ('associated').
 */
export function directLinks(contact: JsonObject): { contactId: string; relation: ChainRelation; direction: 'from' | 'to' }[] {
  return linksOf(contact).map(({ contactId, relation, direction }) => ({ contactId, relation, direction }));
}

function linksOf(contact: JsonObject): { contactId: string; relation: ChainRelation; direction: 'from' | 'to'; source: LinkSource }[] {
  const self = str(contact.Id);
  const out: { contactId: string; relation: ChainRelation; direction: 'from' | 'to'; source: LinkSource }[] = [];
  const seen = new Set<string>();
  const add = (contactId: string | undefined, relation: ChainRelation, direction: 'from' | 'to', source: LinkSource): void => {
    if (!contactId || contactId === self || seen.has(contactId)) return;
    seen.add(contactId);
    out.push({ contactId, relation, direction, source });
  };
  add(str(contact.PreviousContactId), relationOf(str(contact.InitiationMethod)), 'from', 'previous');
  for (const entry of Array.isArray(contact.NextContacts) ? contact.NextContacts : []) {
    const data = obj(obj(obj(entry)?.NextContactMetadata)?.QuickConnectContactData);
    add(str(data?.ContactId), data?.QuickConnectType === 'PHONE_NUMBER' ? 'external' : 'transfer', 'to', 'next');
  }
  add(str(contact.RelatedContactId), 'related', 'from', 'related');
  add(str(contact.InitialContactId), 'associated', 'from', 'initial');
  return out;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The contact chain walk was aborted.');
  error.name = 'AbortError';
  return error;
}

/** The promise, or the abort, whichever comes first. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The associated-list entry as the contact fields chainNodeOf and linksOf read. */
function contactOfAssociated(entry: AssociatedContact): JsonObject {
  const contact: JsonObject = { Id: entry.contactId };
  const fields: [string, string | undefined][] = [
    ['InitialContactId', entry.initialContactId],
    ['PreviousContactId', entry.previousContactId],
    ['RelatedContactId', entry.relatedContactId],
    ['InitiationMethod', entry.initiationMethod],
    ['Channel', entry.channel],
    ['InitiationTimestamp', entry.initiatedAt],
    ['DisconnectTimestamp', entry.disconnectedAt],
  ];
  for (const [key, value] of fields) if (typeof value === 'string' && value !== '') contact[key] = value;
  return contact;
}

/**
 * Walks the contacts linked to `start`, breadth-first: PreviousContactId, InitialContactId,
 * RelatedContactId, NextContacts and the associated list. Each contact is visited once (cycles
 * end there), described only when its links are needed and the associated list did not give it;
 * at most `maxNodes` contacts (`truncated` when more were linked). A failed describe leaves a node
 * with `problem` and the walk goes on. Edges run from the earlier contact to the later, one per
 * pair; nodes are sorted by initiatedAt, unknown last.
 * Rejects with the signal's reason (an AbortError) as soon as `signal` aborts.
 */
export async function walkChain(options: ChainWalkOptions): Promise<ContactChain> {
  const { start, signal } = options;
  const maxNodes = Math.max(1, Math.floor(options.maxNodes ?? 50));
  if (signal?.aborted) throw abortError(signal);
  const startId = str(start.Id) ?? '';
  const nodes = new Map<string, ChainNode>(); // in discovery order
  const links = new Map<string, Link>(); // by unordered pair
  const settled = new Set<string>(); // contacts whose own fields and links are known
  const pending: string[] = [];
  let truncated = false;

  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

  const addLink = (link: Link): void => {
    const key = pairKey(link.from, link.to);
    const existing = links.get(key);
    if (!existing || rank[link.source] < rank[existing.source]) links.set(key, link);
  };

  /** Records what a known contact links to; unknown contacts become nodes to describe. */
  const settle = (id: string, contact: JsonObject): void => {
    settled.add(id);
    const all = linksOf(contact);
    const hasPrevious = all.some((l) => l.source === 'previous');
    for (const link of all) {
      if (!nodes.has(link.contactId)) {
        if (nodes.size >= maxNodes) {
          truncated = true;
          continue;
        }
        nodes.set(link.contactId, { contactId: link.contactId, current: false });
        pending.push(link.contactId);
      }
      // The initial contact is an ancestor, not a parent: an edge only when nothing nearer is known.
      if (link.source === 'initial' && hasPrevious) continue;
      const [from, to] = link.direction === 'from' ? [link.contactId, id] : [id, link.contactId];
      addLink({ from, to, source: link.source, hint: link.relation });
    }
  };

  const snapshot = (): ContactChain => chainOf(nodes, links, truncated);
  const progress = (): void => options.onProgress?.(snapshot());

  nodes.set(startId, { ...chainNodeOf(start, true), contactId: startId });
  settle(startId, start);

  if (options.associated) {
    let entries: AssociatedContact[] = [];
    try {
      entries = await unlessAborted(options.associated(), signal);
    } catch {
      if (signal?.aborted) throw abortError(signal);
      // Without the list the walk still finds the chain through DescribeContact.
    }
    for (const entry of Array.isArray(entries) ? entries : []) {
      const id = typeof entry?.contactId === 'string' ? entry.contactId : '';
      if (!id || settled.has(id)) continue;
      if (!nodes.has(id)) {
        if (nodes.size >= maxNodes) {
          truncated = true;
          continue;
        }
      }
      const contact = contactOfAssociated(entry);
      nodes.set(id, { ...chainNodeOf(contact, false), contactId: id });
      settle(id, contact);
    }
  }
  progress();

  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    if (settled.has(next)) continue;
    if (signal?.aborted) throw abortError(signal);
    try {
      const contact = await unlessAborted(options.describe(next), signal);
      nodes.set(next, { ...chainNodeOf(obj(contact) ?? {}, false), contactId: next });
      settle(next, obj(contact) ?? {});
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      settled.add(next);
      const message = error instanceof Error ? error.message : String(error);
      nodes.set(next, { contactId: next, current: false, problem: displayText(message || 'DescribeContact failed.', 300) });
    }
    progress();
  }
  return snapshot();
}

const timeOf = (node: ChainNode | undefined): number => (node?.initiatedAt ? Date.parse(node.initiatedAt) : NaN);

function chainOf(nodes: Map<string, ChainNode>, links: Map<string, Link>, truncated: boolean): ContactChain {
  const order = [...nodes.values()];
  const sorted = order
    .map((node, index) => ({ node, index, at: timeOf(node) }))
    .sort((a, b) => {
      const aKnown = !Number.isNaN(a.at);
      const bKnown = !Number.isNaN(b.at);
      if (aKnown !== bKnown) return aKnown ? -1 : 1;
      return (aKnown && a.at !== b.at ? a.at - b.at : 0) || a.index - b.index;
    })
    .map(({ node }) => ({ ...node }));
  const edges: ChainEdge[] = [];
  for (const link of links.values()) {
    let { from, to } = link;
    // RelatedContactId does not say which came first: the times do, when known.
    if (link.source === 'related' && timeOf(nodes.get(to)) < timeOf(nodes.get(from))) [from, to] = [to, from];
    const laterMethod = link.source === 'previous' || link.source === 'next' ? nodes.get(to)?.initiationMethod : undefined;
    const relation = laterMethod !== undefined ? relationOf(laterMethod) : link.hint;
    edges.push({ from, to, relation });
  }
  return { nodes: sorted, edges, truncated };
}
