// The per-contact list operations of the contact story: ListAssociatedContacts (the contacts that share
// an initial contact), ListContactReferences and ListContactEvaluations, with the service's paths, query
// members, paging and errors (botocore's connect/2017-08-08 model).
import { findContact, intParam, page, requiredQuery, ServiceError, type Handler, type RouteMatch } from './operationSupport';
import type { WireContact } from './sampleData';

/** The service documents no page size for ListContactEvaluations; a small one makes clients follow NextToken. */
export const evaluationsPageSize = 2;

/** ListAssociatedContacts's page size when maxResults is absent (the model's maximum). */
const associatedDefaultMax = 100;

const associatedFields = ['InitiationTimestamp', 'DisconnectTimestamp', 'InitialContactId', 'PreviousContactId', 'RelatedContactId', 'InitiationMethod', 'Channel'];

function associatedSummary(c: WireContact): Record<string, unknown> {
  const out: Record<string, unknown> = { ContactId: c.Id, ContactArn: c.Arn };
  for (const f of associatedFields) if (c[f] !== undefined) out[f] = c[f];
  return out;
}

/** Hops from `c` back to the initial contact along PreviousContactId (a broken or circular link stops it). */
function depth(c: WireContact, byId: Map<string, WireContact>): number {
  let n = 0;
  const seen = new Set<string>([c.Id]);
  for (let prev = c.PreviousContactId; typeof prev === 'string' && !seen.has(prev); n++) {
    seen.add(prev);
    prev = byId.get(prev)?.PreviousContactId;
  }
  return n;
}

const initialOf = (c: WireContact): string => (typeof c.InitialContactId === 'string' ? c.InitialContactId : c.Id);

/**
 * Every contact of the instance with the same initial contact as the one asked about (itself included), in
 * link order: the initial contact first, then each by its distance along PreviousContactId, then by time.
 */
const listAssociatedContacts: Handler = (req, data) => {
  const instanceId = req.segments[2];
  const max = intParam(req.query.get('maxResults') ?? undefined, 'maxResults', 1, 100, associatedDefaultMax);
  const contact = findContact(data, instanceId, requiredQuery(req.query, 'contactId'));
  const all = data.contacts.get(instanceId) ?? new Map<string, WireContact>();
  const root = initialOf(contact);
  const tree = [...all.values()].filter((c) => initialOf(c) === root);
  const key = new Map(tree.map((c) => [c.Id, [depth(c, all), Number(c.InitiationTimestamp ?? 0)] as const]));
  tree.sort((x, y) => {
    const [dx, tx] = key.get(x.Id)!;
    const [dy, ty] = key.get(y.Id)!;
    return dx - dy || tx - ty || (x.Id < y.Id ? -1 : x.Id > y.Id ? 1 : 0);
  });
  const { items, nextToken } = page(tree, max, req.query.get('nextToken'), JSON.stringify(['associated', instanceId, root]));
  const out: Record<string, unknown> = { ContactSummaryList: items.map(associatedSummary) };
  if (nextToken) out.NextToken = nextToken;
  return out;
};

/** ReferenceType → the ReferenceSummary union member that carries it (CONTACT_ANALYSIS: none in the samples). */
const referenceMembers: Record<string, string | undefined> = {
  URL: 'Url',
  ATTACHMENT: 'Attachment',
  CONTACT_ANALYSIS: undefined,
  NUMBER: 'Number',
  STRING: 'String',
  DATE: 'Date',
  EMAIL: 'Email',
  EMAIL_MESSAGE: 'EmailMessage',
  EMAIL_MESSAGE_PLAIN_TEXT: 'EmailMessagePlainText',
  EMAIL_MESSAGE_PLAIN_TEXT_REDACTED: 'EmailMessagePlainTextRedacted',
  EMAIL_MESSAGE_REDACTED: 'EmailMessageRedacted',
};

function referenceTypes(query: URLSearchParams): string[] {
  const types = query.getAll('referenceTypes');
  if (types.length === 0) requiredQuery(query, 'referenceTypes');
  const listed = `[${types.join(', ')}]`;
  if (types.length > 6) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${listed}' at 'referenceTypes' failed to satisfy constraint: Member must have length less than or equal to 6`);
  }
  if (!types.every((t) => t in referenceMembers)) {
    throw new ServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value '${listed}' at 'referenceTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${Object.keys(referenceMembers).join(', ')}]]`,
    );
  }
  return types;
}

/** The contact's references of the asked types, each a union with one member. Never paged: the service's NextToken is always null. */
const listContactReferences: Handler = (req, data) => {
  const [, , instanceId, contactId] = req.segments;
  const members = new Set(referenceTypes(req.query).map((t) => referenceMembers[t]));
  findContact(data, instanceId, contactId);
  if (req.query.get('nextToken')) throw new ServiceError('InvalidParameterException', 'The nextToken is not valid.');
  const all = data.resources.get(instanceId)?.References[contactId] ?? [];
  return { ReferenceSummaryList: all.filter((r) => Object.keys(r).some((k) => members.has(k))) };
};

const listContactEvaluations: Handler = (req, data) => {
  const instanceId = req.segments[1];
  const contactId = requiredQuery(req.query, 'contactId');
  findContact(data, instanceId, contactId);
  const all = data.resources.get(instanceId)?.Evaluations[contactId] ?? [];
  const { items, nextToken } = page(all, evaluationsPageSize, req.query.get('nextToken'), JSON.stringify(['evaluations', instanceId, contactId]));
  return nextToken ? { EvaluationSummaryList: items, NextToken: nextToken } : { EvaluationSummaryList: items };
};

export function contactStoryRoute(method: string, segments: string[]): RouteMatch | undefined {
  if (method !== 'GET') return undefined;
  const [a, b] = segments;
  const n = segments.length;
  if (a === 'contact' && b === 'associated' && n === 3) return { operation: 'ListAssociatedContacts', handle: listAssociatedContacts };
  if (a === 'contact' && b === 'references' && n === 4) return { operation: 'ListContactReferences', handle: listContactReferences };
  if (a === 'contact-evaluations' && n === 2) return { operation: 'ListContactEvaluations', handle: listContactEvaluations };
  return undefined;
}
