// The Amazon Connect operations the local endpoint serves, with the service's paths, fields and errors
// (checked against botocore's connect/2017-08-08 model and @aws-sdk/client-connect's schemas).
import { contactStoryRoute } from './contactStoryOperations';
import {
  bodyText,
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

function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!isStringList(value)) {
    throw new ServiceError('InvalidParameterException', `${field} must be a list of strings.`);
  }
  return value;
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
  const max = intParam(body.MaxResults, 'maxResults', 1, 100, 100);

  const criteria = isObject(body.SearchCriteria) ? body.SearchCriteria : {};
  const channels = stringList(criteria.Channels, 'SearchCriteria.Channels');
  const methods = stringList(criteria.InitiationMethods, 'SearchCriteria.InitiationMethods');
  const agentIds = stringList(criteria.AgentIds, 'SearchCriteria.AgentIds');
  const queueIds = stringList(criteria.QueueIds, 'SearchCriteria.QueueIds');

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
  const scope = JSON.stringify([body.InstanceId, type, start, end, channels, methods, agentIds, queueIds, sortField, order]);
  const offset = typeof body.NextToken === 'string' ? decodeToken(body.NextToken, scope) : 0;
  const page = matches.slice(offset, offset + max).map(searchSummary);
  const result: Record<string, unknown> = { Contacts: page, TotalCount: matches.length };
  if (offset + max < matches.length) result.NextToken = encodeToken(offset + max, scope);
  return result;
};
