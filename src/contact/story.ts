// The contact's story beyond DescribeContact: names for its IDs, its attributes, the chain of
// linked contacts, evaluations and references. Plain JSON (it crosses to the webview as is),
// filled in part by part as the enrichment calls return. Never saved: it is contact data.

/** What an ID in the contact names. */
export type NamedKind = 'queue' | 'user' | 'hierarchyGroup' | 'routingProfile' | 'contactFlow' | 'instance';

export interface ResourceName {
  kind: NamedKind;
  id: string;
  arn?: string;
  /** The display name: queue/group/profile/flow name, the user's Username, the instance alias. */
  name: string;
  /** More about it: a user's "First Last", a hierarchy group's path ("Support / EMEA / Tier 1"). */
  detail?: string;
}

/** The key of a name in `ContactStory.names`. */
export const nameKey = (kind: NamedKind, id: string): string => `${kind}:${id}`;

/** An enrichment that could not be had: shown once, inline, with what would fix it. */
export interface MissingPart {
  /** Which part of the story is missing, e.g. "agent name", "evaluations". */
  part: string;
  /** The IAM action the call needs, e.g. "connect:DescribeUser". */
  action: string;
  kind: 'AccessDenied' | 'NotFound' | 'Throttled' | 'Failed';
  /** What a person reads: what is missing, why, and what fixes it. */
  message: string;
}

/** How a contact came from the one before it (InitiationMethod, or the field that links them). */
export type ChainRelation = 'transfer' | 'queueTransfer' | 'callback' | 'related' | 'monitor' | 'external' | 'associated';

export interface ChainNode {
  contactId: string;
  channel?: string;
  initiationMethod?: string;
  initiatedAt?: string;
  disconnectedAt?: string;
  queueId?: string;
  agentId?: string;
  /** The contact the panel shows. */
  current: boolean;
  /** Set when the contact could not be described (the node still shows its ID). */
  problem?: string;
}

export interface ChainEdge {
  from: string;
  to: string;
  relation: ChainRelation;
}

export interface ContactChain {
  nodes: ChainNode[];
  edges: ChainEdge[];
  /** The walk stopped at its bound: more contacts are linked than are shown. */
  truncated: boolean;
}

export interface EvaluationSummary {
  evaluationId: string;
  evaluationArn?: string;
  formTitle: string;
  status: string;
  /** Percentage score, when scored. */
  score?: number;
  automaticFail?: boolean;
  notApplicable?: boolean;
  /** Submitted (or last modified) time, ISO 8601. */
  submittedAt?: string;
  /** The evaluation in the Connect console, when the instance's access URL is known. */
  consoleUrl?: string;
}

export interface ContactReferenceItem {
  name: string;
  /** URL, ATTACHMENT, CONTACT_ANALYSIS, EMAIL_MESSAGE, STRING, NUMBER, DATE, EMAIL, … */
  type: string;
  value?: string;
  status?: string;
  /** An http(s) URL a click may open (through VS Code's own confirmation); nothing else is a link. */
  url?: string;
}

export interface ContactStory {
  names: Record<string, ResourceName>;
  /** GetContactAttributes (keyed by the initial contact ID). */
  attributes?: Record<string, string>;
  chain?: ContactChain;
  evaluations?: EvaluationSummary[];
  references?: ContactReferenceItem[];
  /** The instance's alias and access URL (for "Open in the Connect console"). */
  instance?: { alias?: string; accessUrl?: string };
  /** The contact details page in the Connect console. */
  consoleUrl?: string;
  missing: MissingPart[];
  /** Every enrichment call has returned (or failed). */
  complete: boolean;
}

export const emptyStory = (): ContactStory => ({ names: {}, missing: [], complete: false });

/** An absolute http(s) URL of reasonable length: the only links the panel opens (through the host). */
export function isWebUrl(value: string): boolean {
  if (value.length > 4096) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
