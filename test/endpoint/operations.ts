// The Amazon Connect operations the local endpoint serves, with the service's paths, fields and errors
// (checked against botocore's connect/2017-08-08 model and @aws-sdk/client-connect's schemas).
import { contactStoryRoute } from './contactStoryOperations';
import {
  bodyText,
  checkLength,
  decodeToken,
  encodeToken,
  findContact,
  findInstance,
  intParam,
  isObject,
  ServiceError,
  shown,
  type Handler,
  type RouteMatch,
} from './operationSupport';
import { resourceRoute } from './resourceOperations';
import type { WireContact } from './sampleData';

export { ServiceError, type OperationRequest, type RouteMatch, type ServiceErrorType } from './operationSupport';

/** Route by method and path shape, as the SDK serialises them. */
export function route(method: string, segments: string[]): RouteMatch | undefined {
  const [a, b, c, d] = segments;
  const n = segments.length;
  if (method === 'GET' && a === 'contacts' && n === 3) return { operation: 'DescribeContact', handle: describeContact };
  if (method === 'GET' && a === 'instance' && n === 1) return { operation: 'ListInstances', handle: listInstances };
  if (method === 'GET' && a === 'instance' && n === 2) return { operation: 'DescribeInstance', handle: describeInstance };
  if (method === 'POST' && a === 'search-contacts' && n === 1) return { operation: 'SearchContacts', handle: searchContacts };
  if (method === 'GET' && a === 'contact' && b === 'attributes' && n === 4 && c !== undefined && d !== undefined) {
    return { operation: 'GetContactAttributes', handle: getContactAttributes };
  }
  return resourceRoute(method, segments) ?? contactStoryRoute(method, segments);
}

const describeContact: Handler = (req, data) => ({ Contact: findContact(data, req.segments[1], req.segments[2]) });

const getContactAttributes: Handler = (req, data) => {
  const contact = findContact(data, req.segments[2], req.segments[3], 'initialContactId');
  return { Attributes: contact.Attributes ?? {} };
};

const describeInstance: Handler = (req, data) => ({ Instance: findInstance(data, req.segments[1]) });

const summaryFields = ['Id', 'Arn', 'IdentityManagementType', 'InstanceAlias', 'CreatedTime', 'ServiceRole', 'InstanceStatus', 'InboundCallsEnabled', 'OutboundCallsEnabled', 'InstanceAccessUrl'];

const listInstances: Handler = (req, data) => {
  const max = intParam(req.query.get('maxResults') ?? undefined, 'maxResults', 1, 10, 10);
  const token = req.query.get('nextToken');
  const offset = token ? decodeToken(token, 'instances') : 0;
  const page = data.instances.slice(offset, offset + max).map((i) => Object.fromEntries(summaryFields.filter((f) => f in i).map((f) => [f, i[f]])));
  const next = offset + max < data.instances.length ? encodeToken(offset + max, 'instances') : undefined;
  return next ? { InstanceSummaryList: page, NextToken: next } : { InstanceSummaryList: page };
};

function get(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

const timeRangeFields: Record<string, string[]> = {
  INITIATION_TIMESTAMP: ['InitiationTimestamp'],
  SCHEDULED_TIMESTAMP: ['ScheduledTimestamp'],
  CONNECTED_TO_AGENT_TIMESTAMP: ['AgentInfo', 'ConnectedToAgentTimestamp'],
  DISCONNECT_TIMESTAMP: ['DisconnectTimestamp'],
  ENQUEUE_TIMESTAMP: ['QueueInfo', 'EnqueueTimestamp'],
};

const sortFields: Record<string, string[]> = {
  INITIATION_TIMESTAMP: ['InitiationTimestamp'],
  SCHEDULED_TIMESTAMP: ['ScheduledTimestamp'],
  CONNECTED_TO_AGENT_TIMESTAMP: ['AgentInfo', 'ConnectedToAgentTimestamp'],
  DISCONNECT_TIMESTAMP: ['DisconnectTimestamp'],
  INITIATION_METHOD: ['InitiationMethod'],
  CHANNEL: ['Channel'],
  EXPIRY_TIMESTAMP: ['RoutingCriteria', 'Steps'],
};

function timestampParam(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // Clients may send ISO strings when a model says timestampFormat iso8601; Connect's is epoch seconds.
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value) / 1000;
  throw new ServiceError('InvalidParameterException', `${field} is required and must be a timestamp.`);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** A list member as the validation layer checks it: strings, at most `max` (botocore's list shape). */
function stringList(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isStringList(value)) {
    throw new ServiceError('InvalidParameterException', `${field} must be a list of strings.`);
  }
  if (value.length > max) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${shown(JSON.stringify(value))}' at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  }
  return value;
}

// SearchContacts' limits, each from its source:
/**
 * At most 8 weeks per search: "at most 8 weeks per search" (Amazon Connect Administrator Guide,
 * contact-search.html, in /work/shared/CONNECT-FACTS.md). A longer range is split into windows by the client.
 */
export const maxSearchSpanSeconds = 8 * 7 * 86400;
/**
 * Contacts are kept 24 months: "Contact information remains available in Amazon Connect for 24 months from the
 * InitiationTimestamp, and then it is deleted" (botocore connect/2017-08-08, DescribeContact's documentation);
 * the console "looks back 2 years" (contact-search.html). A range starting earlier is refused.
 */
export const searchLookBackMonths = 24;
/**
 * At most 10,000 results per search: "at most 10,000 results" (contact-search.html, CONNECT-FACTS.md). TotalCount
 * still says how many matched; pages stop at the 10,000th (no NextToken beyond it).
 */
export const maxSearchResults = 10_000;
/** botocore's list bounds: AgentResourceIdList and QueueIdList ≤ 100, HierarchyGroupIdList ≤ 10,
 * SearchableContactAttributesCriteriaList ≤ 15, SearchableContactAttributeValueList ≤ 20, key 1..100, value 0..100. */
const listMax = { agentIds: 100, queueIds: 100, hierarchyIds: 10, criteria: 15, values: 20 };
/** MaxResult100 (botocore): 1..100; the service's default is the maximum. */
const maxResultsBounds = [1, 100] as const;

/** The earliest StartTime the service searches: 24 months before `nowSeconds`, by calendar months. */
export function lookBackStart(nowSeconds: number): number {
  const d = new Date(nowSeconds * 1000);
  d.setUTCMonth(d.getUTCMonth() - searchLookBackMonths);
  return Math.floor(d.getTime() / 1000);
}

const hierarchyLevels = ['L1Ids', 'L2Ids', 'L3Ids', 'L4Ids', 'L5Ids'] as const;

/** The hierarchy group IDs on a contact's AgentInfo, by level (from their ARNs). */
function agentGroupId(c: WireContact, level: number): string | undefined {
  const arn = get(c, 'AgentInfo', 'HierarchyGroups', `Level${level}`, 'Arn');
  return typeof arn === 'string' ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
}

interface AttributeCriteria {
  criteria: { key: string; values: string[] }[];
  matchAny: boolean;
}

function attributeCriteria(value: unknown): AttributeCriteria | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || !Array.isArray(value.Criteria)) throw new ServiceError('InvalidParameterException', "1 validation error detected: Value null at 'searchCriteria.searchableContactAttributes.criteria' failed to satisfy constraint: Member must not be null");
  if (value.Criteria.length > listMax.criteria) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value at 'searchCriteria.searchableContactAttributes.criteria' failed to satisfy constraint: Member must have length less than or equal to ${listMax.criteria}`);
  }
  const matchType = bodyText(value.MatchType ?? 'MATCH_ALL');
  if (!['MATCH_ALL', 'MATCH_ANY', 'MATCH_EXACT', 'MATCH_NONE'].includes(matchType)) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${shown(matchType)}' at 'searchCriteria.searchableContactAttributes.matchType' failed to satisfy constraint: Member must satisfy enum value set: [MATCH_ALL, MATCH_ANY, MATCH_EXACT, MATCH_NONE]`);
  }
  if (matchType !== 'MATCH_ALL' && matchType !== 'MATCH_ANY') throw new ServiceError('InvalidParameterException', `MatchType ${matchType} is not supported by this endpoint: MATCH_ALL or MATCH_ANY.`);
  const criteria = value.Criteria.map((c: unknown, i: number) => {
    const at = `searchCriteria.searchableContactAttributes.criteria.${i + 1}`;
    if (!isObject(c) || typeof c.Key !== 'string') throw new ServiceError('InvalidParameterException', `1 validation error detected: Value null at '${at}.key' failed to satisfy constraint: Member must not be null`);
    checkLength(`${at}.key`, c.Key, 1, 100);
    const values = stringList(c.Values, `${at}.values`, listMax.values);
    if (!values) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value null at '${at}.values' failed to satisfy constraint: Member must not be null`);
    for (const v of values) checkLength(`${at}.values.member`, v, 0, 100);
    return { key: c.Key, values };
  });
  return { criteria, matchAny: matchType === 'MATCH_ANY' };
}

function attributesMatch(c: WireContact, a: AttributeCriteria): boolean {
  const attributes = isObject(c.Attributes) ? c.Attributes : {};
  const one = (k: { key: string; values: string[] }) => typeof attributes[k.key] === 'string' && k.values.includes(attributes[k.key] as string);
  return a.matchAny ? a.criteria.some(one) : a.criteria.every(one);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

/** ContactSearchSummary: the trimmed row SearchContacts returns. */
function searchSummary(c: WireContact): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ['Arn', 'Id', 'InitialContactId', 'PreviousContactId', 'InitiationMethod', 'Channel', 'InitiationTimestamp', 'DisconnectTimestamp', 'ScheduledTimestamp', 'Name', 'RoutingCriteria', 'Tags', 'GlobalResiliencyMetadata']) {
    if (c[f] !== undefined) out[f] = c[f];
  }
  const queue = c.QueueInfo as Record<string, unknown> | undefined;
  if (queue) out.QueueInfo = { Id: queue.Id, EnqueueTimestamp: queue.EnqueueTimestamp };
  const agent = c.AgentInfo as Record<string, unknown> | undefined;
  if (agent) out.AgentInfo = { Id: agent.Id, ConnectedToAgentTimestamp: agent.ConnectedToAgentTimestamp };
  if (isObject(c.SegmentAttributes)) {
    const seg: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.SegmentAttributes)) {
      if (!isObject(v)) continue;
      const kept: Record<string, unknown> = {};
      if (v.ValueString !== undefined) kept.ValueString = v.ValueString;
      if (v.ValueMap !== undefined) kept.ValueMap = v.ValueMap;
      if (Object.keys(kept).length > 0) seg[k] = kept;
    }
    out.SegmentAttributes = seg;
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

const searchContacts: Handler = (req, data) => {
  const body = req.body;
  if (!isObject(body)) throw new ServiceError('InvalidParameterException', 'The request body must be a JSON object.');
  if (typeof body.InstanceId !== 'string') throw new ServiceError('InvalidParameterException', 'InstanceId is required.');
  findInstance(data, body.InstanceId);
  const range = body.TimeRange;
  if (!isObject(range)) throw new ServiceError('InvalidParameterException', 'TimeRange is required.');
  const type = bodyText(range.Type ?? '');
  const rangePath = timeRangeFields[type];
  if (!rangePath) throw new ServiceError('InvalidParameterException', `Invalid TimeRange.Type: ${shown(type)}`);
  const start = timestampParam(range.StartTime, 'TimeRange.StartTime');
  const end = timestampParam(range.EndTime, 'TimeRange.EndTime');
  if (start > end) throw new ServiceError('InvalidParameterException', 'TimeRange.StartTime must be before TimeRange.EndTime.');
  if (end - start > maxSearchSpanSeconds) {
    throw new ServiceError('InvalidParameterException', `The time range must not be longer than 8 weeks (${maxSearchSpanSeconds} seconds); it is ${Math.round(end - start)} seconds.`);
  }
  const earliest = lookBackStart(Math.floor(Date.now() / 1000));
  if (start < earliest) {
    throw new ServiceError('InvalidParameterException', `TimeRange.StartTime must not be more than ${searchLookBackMonths} months in the past (earliest ${new Date(earliest * 1000).toISOString()}): contacts are kept for 24 months.`);
  }
  const max = intParam(body.MaxResults, 'maxResults', maxResultsBounds[0], maxResultsBounds[1], maxResultsBounds[1]);

  const criteria = isObject(body.SearchCriteria) ? body.SearchCriteria : {};
  const channels = stringList(criteria.Channels, 'searchCriteria.channels');
  const methods = stringList(criteria.InitiationMethods, 'searchCriteria.initiationMethods');
  const agentIds = stringList(criteria.AgentIds, 'searchCriteria.agentIds', listMax.agentIds);
  const queueIds = stringList(criteria.QueueIds, 'searchCriteria.queueIds', listMax.queueIds);
  const groups = isObject(criteria.AgentHierarchyGroups) ? criteria.AgentHierarchyGroups : {};
  const groupIds = hierarchyLevels.map((level) => stringList(groups[level], `searchCriteria.agentHierarchyGroups.${level.charAt(0).toLowerCase()}${level.slice(1)}`, listMax.hierarchyIds));
  const attributes = attributeCriteria(criteria.SearchableContactAttributes);

  const sort = isObject(body.Sort) ? body.Sort : {};
  const sortField = bodyText(sort.FieldName ?? 'INITIATION_TIMESTAMP');
  const sortPath = sortFields[sortField];
  if (!sortPath) throw new ServiceError('InvalidParameterException', `Invalid Sort.FieldName: ${shown(sortField)}`);
  const order = bodyText(sort.Order ?? 'DESCENDING');
  if (order !== 'ASCENDING' && order !== 'DESCENDING') throw new ServiceError('InvalidParameterException', `Invalid Sort.Order: ${shown(order)}`);

  const matches = [...(data.contacts.get(body.InstanceId)?.values() ?? [])].filter((c) => {
    const t = get(c, ...rangePath);
    if (typeof t !== 'number' || t < start || t > end) return false;
    if (channels && !channels.includes(String(c.Channel))) return false;
    if (methods && !methods.includes(String(c.InitiationMethod))) return false;
    if (agentIds && !agentIds.includes(String(get(c, 'AgentInfo', 'Id')))) return false;
    if (queueIds && !queueIds.includes(String(get(c, 'QueueInfo', 'Id')))) return false;
    for (let level = 1; level <= 5; level++) {
      const ids = groupIds[level - 1];
      if (ids && ids.length > 0 && !ids.includes(agentGroupId(c, level) ?? '')) return false;
    }
    if (attributes && !attributesMatch(c, attributes)) return false;
    return true;
  });
  const key = (c: WireContact): unknown => {
    if (sortField === 'EXPIRY_TIMESTAMP') {
      const steps = get(c, 'RoutingCriteria', 'Steps');
      return Array.isArray(steps) ? get(steps[0], 'Expiry', 'ExpiryTimestamp') : undefined;
    }
    return get(c, ...sortPath);
  };
  matches.sort((a, b) => {
    const byKey = compare(key(a), key(b));
    const ordered = order === 'ASCENDING' ? byKey : -byKey;
    return ordered !== 0 ? ordered : a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
  });

  // The token is tied to the query so a token from another search is rejected like the service does.
  const scope = JSON.stringify([body.InstanceId, type, start, end, channels, methods, agentIds, queueIds, groupIds, attributes, sortField, order]);
  const offset = typeof body.NextToken === 'string' ? decodeToken(body.NextToken, scope) : 0;
  // Pages stop at the 10,000th result; TotalCount still counts every match.
  const reachable = Math.min(matches.length, maxSearchResults);
  const page = matches.slice(offset, Math.min(offset + max, reachable)).map(searchSummary);
  const result: Record<string, unknown> = { Contacts: page, TotalCount: matches.length };
  if (offset + max < reachable) result.NextToken = encodeToken(offset + max, scope);
  return result;
};
