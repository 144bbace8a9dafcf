// What the enrichment calls return, reduced to the story's plain types: a name for an ID, an
// associated contact, an evaluation, a reference. SDK output in, JSON out (no SDK import).
import type { AssociatedContact } from '../contact/chain';
import { isWebUrl, type ContactReferenceItem, type EvaluationSummary, type NamedKind, type ResourceName } from '../contact/story';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj | undefined, k: string): string | undefined => (o && typeof o[k] === 'string' && o[k] !== '' ? o[k] : undefined);
const obj = (o: Obj | undefined, k: string): Obj | undefined => (o && isObj(o[k]) ? o[k] : undefined);

function iso(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v * 1000).toISOString();
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;
}

/** A described resource: its name, and for a user the IDs the story follows next. */
export interface DescribedResource {
  name: ResourceName;
  routingProfileId?: string;
  hierarchyGroupId?: string;
  /** A hierarchy group's path names every level above it too: names had without another call. */
  pathGroups?: ResourceName[];
}

/** The output member and ID/ARN members of each Describe* call, per the service model. */
const resourceShape: Record<Exclude<NamedKind, 'instance'>, { member: string; id: string[]; arn: string[] }> = {
  queue: { member: 'Queue', id: ['QueueId'], arn: ['QueueArn'] },
  user: { member: 'User', id: ['Id'], arn: ['Arn'] },
  hierarchyGroup: { member: 'HierarchyGroup', id: ['Id'], arn: ['Arn'] },
  routingProfile: { member: 'RoutingProfile', id: ['RoutingProfileId'], arn: ['RoutingProfileArn'] },
  contactFlow: { member: 'ContactFlow', id: ['Id'], arn: ['Arn'] },
};

/** Reads a Describe{Queue,User,UserHierarchyGroup,RoutingProfile,ContactFlow} output. */
export function describedResource(kind: Exclude<NamedKind, 'instance'>, requestedId: string, output: Obj): DescribedResource {
  const shape = resourceShape[kind];
  const r = obj(output, shape.member);
  const id = shape.id.map((k) => str(r, k)).find(Boolean) ?? requestedId;
  const arn = shape.arn.map((k) => str(r, k)).find(Boolean);
  if (kind === 'user') {
    const identity = obj(r, 'IdentityInfo');
    const fullName = [str(identity, 'FirstName'), str(identity, 'LastName')].filter(Boolean).join(' ');
    return {
      name: { kind, id, arn, name: str(r, 'Username') ?? id, ...(fullName ? { detail: fullName } : {}) },
      routingProfileId: str(r, 'RoutingProfileId'),
      hierarchyGroupId: str(r, 'HierarchyGroupId'),
    };
  }
  const name = str(r, 'Name') ?? id;
  if (kind === 'hierarchyGroup') {
    const path = obj(r, 'HierarchyPath');
    const levels = ['LevelOne', 'LevelTwo', 'LevelThree', 'LevelFour', 'LevelFive'].map((l) => obj(path, l)).filter((l): l is Obj => l !== undefined);
    const names = levels.map((l) => str(l, 'Name')).filter((n): n is string => n !== undefined);
    const pathGroups: ResourceName[] = [];
    levels.forEach((level, i) => {
      const levelId = str(level, 'Id');
      const levelName = str(level, 'Name');
      if (!levelId || !levelName || levelId === id) return;
      const above = names.slice(0, i + 1);
      pathGroups.push({ kind, id: levelId, arn: str(level, 'Arn'), name: levelName, ...(above.length > 1 ? { detail: above.join(' / ') } : {}) });
    });
    return { name: { kind, id, arn, name, ...(names.length > 1 ? { detail: names.join(' / ') } : {}) }, ...(pathGroups.length ? { pathGroups } : {}) };
  }
  return { name: { kind, id, arn, name } };
}

/** One ListAssociatedContacts entry. */
export function associatedContact(entry: unknown): AssociatedContact | undefined {
  if (!isObj(entry)) return undefined;
  const contactId = str(entry, 'ContactId');
  if (!contactId) return undefined;
  return {
    contactId,
    initialContactId: str(entry, 'InitialContactId'),
    previousContactId: str(entry, 'PreviousContactId'),
    relatedContactId: str(entry, 'RelatedContactId'),
    initiationMethod: str(entry, 'InitiationMethod'),
    channel: str(entry, 'Channel'),
    initiatedAt: iso(entry.InitiationTimestamp),
    disconnectedAt: iso(entry.DisconnectTimestamp),
  };
}

/** One ListContactEvaluations entry (the console link is the story's to add). */
export function evaluationSummary(entry: unknown): EvaluationSummary | undefined {
  if (!isObj(entry)) return undefined;
  const evaluationId = str(entry, 'EvaluationId');
  if (!evaluationId) return undefined;
  const score = obj(entry, 'Score');
  const percentage = score && typeof score.Percentage === 'number' ? score.Percentage : undefined;
  return {
    evaluationId,
    evaluationArn: str(entry, 'EvaluationArn'),
    formTitle: str(entry, 'EvaluationFormTitle') ?? evaluationId,
    status: str(entry, 'Status') ?? 'UNKNOWN',
    ...(percentage !== undefined ? { score: percentage } : {}),
    ...(score?.AutomaticFail === true ? { automaticFail: true } : {}),
    ...(score?.NotApplicable === true ? { notApplicable: true } : {}),
    submittedAt: iso(entry.LastModifiedTime) ?? iso(entry.CreatedTime),
  };
}

/** The union member of a ReferenceSummary → its reference type name. */
const referenceTypes: Record<string, string> = {
  Url: 'URL',
  Attachment: 'ATTACHMENT',
  String: 'STRING',
  Number: 'NUMBER',
  Date: 'DATE',
  Email: 'EMAIL',
  EmailMessage: 'EMAIL_MESSAGE',
  EmailMessageRedacted: 'EMAIL_MESSAGE_REDACTED',
  EmailMessagePlainText: 'EMAIL_MESSAGE_PLAIN_TEXT',
  EmailMessagePlainTextRedacted: 'EMAIL_MESSAGE_PLAIN_TEXT_REDACTED',
};

/** One ReferenceSummary (a union: exactly one member is set). Only an http(s) URL becomes a link. */
export function contactReference(entry: unknown): ContactReferenceItem | undefined {
  if (!isObj(entry)) return undefined;
  const member = Object.keys(entry).find((k) => k !== '$unknown' && isObj(entry[k]));
  if (!member) return undefined;
  const r = entry[member] as Obj;
  const type = referenceTypes[member] ?? member;
  const value = str(r, 'Value');
  const item: ContactReferenceItem = { name: str(r, 'Name') ?? type, type, ...(value !== undefined ? { value } : {}) };
  const status = str(r, 'Status');
  if (status) item.status = status;
  if (type === 'URL' && value && isWebUrl(value)) item.url = value;
  return item;
}


/** What a person reads in ListContactReferences: at most six types per call (the model's limit). */
export const readableReferenceTypes = ['URL', 'ATTACHMENT', 'STRING', 'NUMBER', 'DATE', 'EMAIL'] as const;
