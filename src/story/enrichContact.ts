// Fills in a contact's story beside its fields: names for its IDs, attributes, the chain of linked
// contacts, evaluations, references and the console link. Every call goes through the sources
// (and so the request scheduler); parts arrive in any order and each is reported as it lands.
// A part that cannot be had becomes one MissingPart naming the IAM action; nothing throws.
import type { ConnectErrorKind, RequestPriority } from '../aws/types';
import { walkChain, type AssociatedContact } from '../contact/chain';
import type { JsonObject, JsonValue } from '../contact/contactDocument';
import {
  emptyStory,
  nameKey,
  type ContactReferenceItem,
  type ContactStory,
  type EvaluationSummary,
  type MissingPart,
  type ResourceName,
} from '../contact/story';

import type { ResourceKind } from './resourceNames';
export type { ResourceKind };

/** The calls a story needs, bound to one contact's profile, region and instance. */
export interface StorySources {
  /** A name (cached per instance). A user's also names its routing profile and hierarchy group. */
  describeResource(kind: ResourceKind, id: string, signal: AbortSignal, priority: RequestPriority): Promise<{ name: ResourceName; routingProfileId?: string; hierarchyGroupId?: string; pathGroups?: ResourceName[] }>;
  /** The instance's alias and access URL (cached). */
  instance(signal: AbortSignal): Promise<{ alias?: string; accessUrl?: string }>;
  /** GetContactAttributes, keyed by the initial contact ID as the service requires. */
  attributes(initialContactId: string, signal: AbortSignal): Promise<Record<string, string>>;
  associated(signal: AbortSignal): Promise<AssociatedContact[]>;
  /** DescribeContact of a linked contact (shared with the explorer's cache). */
  describeContact(contactId: string, signal: AbortSignal, priority: RequestPriority): Promise<JsonObject>;
  references(signal: AbortSignal): Promise<ContactReferenceItem[]>;
  evaluations(signal: AbortSignal): Promise<EvaluationSummary[]>;
  /** Reduces a failure to what the story says about it. */
  failure(error: unknown): { kind: ConnectErrorKind; message: string };
}

export interface EnrichOptions {
  /** Contacts the chain may hold (each linked contact may cost a DescribeContact). */
  maxChainNodes?: number;
  /** Linked contacts described for their queue and agent, beyond those the walk described. */
  maxChainDetails?: number;
  /** Reports are coalesced to at most one per this many ms (the last always goes). */
  reportEveryMs?: number;
}

const idPattern = /^[A-Za-z0-9_-]{1,256}$/;

/** An ID the API could take; hostile or malformed values are never sent. */
export const looksLikeId = (v: unknown): v is string => typeof v === 'string' && idPattern.test(v);

function at(o: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let cur = o;
  for (const k of keys) cur = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? cur[k] : undefined;
  return cur;
}

/** `arn:…:instance/<id>/agent-group/<groupId>` → the group's ID. */
export function hierarchyGroupIdOf(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = /\/agent-group\/([A-Za-z0-9_-]{1,256})$/.exec(arn);
  return m?.[1];
}

/** The contact details page in the Connect console (CONNECT-FACTS: InstanceAccessUrl is the base). */
export function consoleContactUrl(accessUrl: string | undefined, contactId: string): string | undefined {
  if (!accessUrl || !/^https:\/\/[^/\s]+/i.test(accessUrl)) return undefined;
  return `${accessUrl.replace(/\/+$/, '')}/contact-trace-records/details/${encodeURIComponent(contactId)}`;
}

/** What each part is called, and the IAM action its call needs. */
const partOf: Record<string, { part: string; action: string }> = {
  queue: { part: 'Queue name', action: 'connect:DescribeQueue' },
  user: { part: 'Agent name', action: 'connect:DescribeUser' },
  hierarchyGroup: { part: 'Hierarchy group names', action: 'connect:DescribeUserHierarchyGroup' },
  routingProfile: { part: 'Routing profile name', action: 'connect:DescribeRoutingProfile' },
  contactFlow: { part: 'Flow name', action: 'connect:DescribeContactFlow' },
  instance: { part: 'Instance alias and console link', action: 'connect:DescribeInstance' },
  attributes: { part: 'Attributes', action: 'connect:GetContactAttributes' },
  chain: { part: 'Linked contacts', action: 'connect:ListAssociatedContacts' },
  chainContact: { part: 'Linked contact details', action: 'connect:DescribeContact' },
  references: { part: 'References', action: 'connect:ListContactReferences' },
  evaluations: { part: 'Evaluations', action: 'connect:ListContactEvaluations' },
};

/** One failure → what the panel says, once per part. Cancellation is not a failure. */
export function missingPart(key: string, failure: { kind: ConnectErrorKind; message: string }, what?: string): MissingPart | undefined {
  const { part, action } = partOf[key] ?? { part: key, action: 'the Amazon Connect action' };
  switch (failure.kind) {
    case 'Cancelled':
      return undefined;
    case 'AccessDenied':
      return { part, action, kind: 'AccessDenied', message: `${part}: not shown, because your role may not call ${action}. Add that action to the role's IAM policy to see it.` };
    case 'NotFound':
      return { part, action, kind: 'NotFound', message: `${part}: ${what ?? 'it'} no longer exists in this instance (deleted or renamed since the contact).` };
    case 'Throttling':
      return { part, action, kind: 'Throttled', message: `${part}: Amazon Connect kept throttling the account's requests. Refresh to try again.` };
    default:
      return { part, action, kind: 'Failed', message: `${part}: could not be loaded. ${failure.message}` };
  }
}

/**
 * Fills the story for `contact` (DescribeContact's Contact), reporting the whole story so far
 * with `report` as parts arrive; resolves with the finished story (complete: true).
 */
export async function enrichContact(contact: JsonObject, sources: StorySources, signal: AbortSignal, report: (story: ContactStory) => void, options: EnrichOptions = {}): Promise<ContactStory> {
  const story = emptyStory();
  const contactId = typeof contact.Id === 'string' ? contact.Id : '';
  const missingKeys = new Set<string>();
  let lastReport = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const every = options.reportEveryMs ?? 50;
  const flush = () => {
    timer = undefined;
    lastReport = Date.now();
    if (!signal.aborted) report(structuredClone(story));
  };
  const changed = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, every - (Date.now() - lastReport));
    timer = setTimeout(flush, wait);
  };
  const fail = (key: string, error: unknown, what?: string) => {
    const part = missingPart(key, sources.failure(error), what);
    if (!part || missingKeys.has(part.part)) return;
    missingKeys.add(part.part);
    story.missing.push(part);
    changed();
  };
  const addName = (name: ResourceName) => {
    story.names[nameKey(name.kind, name.id)] = name;
    changed();
  };
  /** `ofChain`: a linked contact's queue or agent; one deleted since just shows its ID (no note). */
  const named = async (kind: ResourceKind, id: unknown, priority: RequestPriority = 'visible', ofChain = false) => {
    if (!looksLikeId(id) || story.names[nameKey(kind, id)]) return undefined;
    try {
      const described = await sources.describeResource(kind, id, signal, priority);
      addName(described.name);
      for (const above of described.pathGroups ?? []) if (!story.names[nameKey(above.kind, above.id)]) addName(above);
      return described;
    } catch (error) {
      if (ofChain && sources.failure(error).kind === 'NotFound') return undefined;
      fail(kind, error, `${kind === 'user' ? 'agent' : kind === 'hierarchyGroup' ? 'group' : kind === 'routingProfile' ? 'routing profile' : kind} ${id}`);
      return undefined;
    }
  };

  const agent = async () => {
    // DescribeContact names the agent's groups by ARN. The deepest group's path names the levels
    // above it, so one DescribeUserHierarchyGroup usually names them all.
    const levels = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'].map((l) => hierarchyGroupIdOf(at(contact, 'AgentInfo', 'HierarchyGroups', l, 'Arn')));
    const deepest = [...levels].reverse().find((g) => g !== undefined);
    const groups = async (groupId: string | undefined) => {
      await named('hierarchyGroup', groupId);
      await Promise.all(levels.map((g) => named('hierarchyGroup', g)));
    };
    const user = async () => {
      const described = await named('user', at(contact, 'AgentInfo', 'Id'));
      // The user names the routing profile (and the group, when the contact names none).
      await Promise.all([named('routingProfile', described?.routingProfileId), deepest === undefined ? groups(described?.hierarchyGroupId) : undefined]);
    };
    await Promise.all([user(), deepest !== undefined ? groups(deepest) : undefined]);
  };

  const instance = async () => {
    try {
      const i = await sources.instance(signal);
      story.instance = { alias: i.alias, accessUrl: i.accessUrl };
      story.consoleUrl = consoleContactUrl(i.accessUrl, contactId);
      changed();
    } catch (error) {
      fail('instance', error);
    }
  };

  const attributes = async () => {
    const initial = at(contact, 'InitialContactId');
    const key = looksLikeId(initial) ? initial : contactId;
    if (!looksLikeId(key)) return;
    try {
      story.attributes = await sources.attributes(key, signal);
      changed();
    } catch (error) {
      fail('attributes', error);
    }
  };

  const listed = async <T>(key: 'references' | 'evaluations', load: () => Promise<T[]>, set: (items: T[]) => void) => {
    try {
      set(await load());
      changed();
    } catch (error) {
      fail(key, error);
    }
  };

  const chain = async () => {
    let associatedFailed = false;
    try {
      story.chain = await walkChain({
        start: contact,
        describe: async (id) => {
          // A link field holding something other than an ID is shown, never sent.
          if (!idPattern.test(id)) throw new Error(`"${id.slice(0, 80)}" is not a contact ID.`);
          try {
            return await sources.describeContact(id, signal, 'visible');
          } catch (error) {
            fail('chainContact', error, `contact ${id}`);
            throw error;
          }
        },
        associated: async () => {
          try {
            return await sources.associated(signal);
          } catch (error) {
            associatedFailed = true;
            fail('chain', error);
            // The chain still follows the contact's own links.
            return [];
          }
        },
        maxNodes: options.maxChainNodes ?? 50,
        signal,
        onProgress: (c) => {
          story.chain = c;
          changed();
        },
      });
      changed();
    } catch (error) {
      if (!signal.aborted && !associatedFailed) fail('chain', error);
      return;
    }
    await chainDetails();
  };

  /** Linked contacts known only from ListAssociatedContacts lack queue and agent: describe a few, then name them. */
  const chainDetails = async () => {
    const nodes = story.chain?.nodes ?? [];
    const bare = nodes.filter((n) => !n.current && !n.problem && n.queueId === undefined && n.agentId === undefined).slice(0, options.maxChainDetails ?? 10);
    await Promise.all(bare.map(async (node) => {
      try {
        const c = await sources.describeContact(node.contactId, signal, 'background');
        const queueId = at(c, 'QueueInfo', 'Id');
        const agentId = at(c, 'AgentInfo', 'Id');
        if (typeof queueId === 'string') node.queueId = queueId;
        if (typeof agentId === 'string') node.agentId = agentId;
        changed();
      } catch (error) {
        fail('chainContact', error, `contact ${node.contactId}`);
      }
    }));
    const ids = (kind: 'queueId' | 'agentId') => [...new Set(nodes.map((n) => n[kind]).filter(looksLikeId))];
    await Promise.all([
      ...ids('queueId').map((id) => named('queue', id, 'background', true)),
      ...ids('agentId').map((id) => named('user', id, 'background', true)),
    ]);
  };

  await Promise.all([
    named('queue', at(contact, 'QueueInfo', 'Id')),
    agent(),
    instance(),
    attributes(),
    listed('references', () => sources.references(signal), (items) => (story.references = items)),
    listed('evaluations', () => sources.evaluations(signal), (items) => {
      story.evaluations = items.map((e) => ({ ...e, ...(story.consoleUrl ? { consoleUrl: story.consoleUrl } : {}) }));
    }),
    chain(),
  ]);
  // The console shows a contact's evaluations on its details page: each evaluation links there.
  if (story.evaluations && story.consoleUrl) for (const e of story.evaluations) e.consoleUrl = story.consoleUrl;
  story.complete = true;
  if (timer !== undefined) clearTimeout(timer);
  flush();
  return story;
}
