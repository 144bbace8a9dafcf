// The Describe* operations that turn the IDs a contact names into names: DescribeQueue, DescribeUser,
// DescribeUserHierarchyGroup, DescribeRoutingProfile and DescribeContactFlow, with the service's paths,
// output members and errors (botocore's connect/2017-08-08 model).
import { checkLength, findInstance, intParam, page, ServiceError, shown, type Handler, type RouteMatch } from './operationSupport';
import type { InstanceResources, WireResource } from './sampleData';

interface ResourceKind {
  operation: string;
  /** The first path segment: GET /{prefix}/{InstanceId}/{ResourceId}. */
  prefix: string;
  list: 'Queues' | 'Users' | 'HierarchyGroups' | 'RoutingProfiles' | 'ContactFlows';
  /** The member of the stored shape that holds its ID. */
  idMember: string;
  /** The output member that wraps the shape. */
  output: string;
  /** The ID's name in validation messages (the URI label, lower camel case as the service reports it). */
  idField: string;
  /** For messages: "Queue not found: …". */
  label: string;
  maxIdLength?: number;
}

const kinds: ResourceKind[] = [
  { operation: 'DescribeQueue', prefix: 'queues', list: 'Queues', idMember: 'QueueId', output: 'Queue', idField: 'queueId', label: 'Queue' },
  { operation: 'DescribeUser', prefix: 'users', list: 'Users', idMember: 'Id', output: 'User', idField: 'userId', label: 'User' },
  { operation: 'DescribeUserHierarchyGroup', prefix: 'user-hierarchy-groups', list: 'HierarchyGroups', idMember: 'Id', output: 'HierarchyGroup', idField: 'hierarchyGroupId', label: 'Hierarchy group' },
  { operation: 'DescribeRoutingProfile', prefix: 'routing-profiles', list: 'RoutingProfiles', idMember: 'RoutingProfileId', output: 'RoutingProfile', idField: 'routingProfileId', label: 'Routing profile' },
  { operation: 'DescribeContactFlow', prefix: 'contact-flows', list: 'ContactFlows', idMember: 'Id', output: 'ContactFlow', idField: 'contactFlowId', label: 'Flow', maxIdLength: 500 },
];

/** The `:$SAVED` alias asks for a flow's saved content, which is the only content a never-published flow has. */
const savedAlias = ':$SAVED';

function findResource(resources: InstanceResources | undefined, kind: ResourceKind, instanceId: string, id: string): WireResource {
  const found = resources?.[kind.list].find((r) => r[kind.idMember] === id);
  if (!found) throw new ServiceError('ResourceNotFoundException', `${kind.label} not found: ${shown(id)} does not exist in instance ${instanceId}`);
  return found;
}

function describe(kind: ResourceKind): Handler {
  return (req, data) => {
    const [, instanceId, requestedId] = req.segments;
    findInstance(data, instanceId);
    checkLength(kind.idField, requestedId, 1, kind.maxIdLength ?? Infinity);
    const resources = data.resources.get(instanceId);
    if (kind.list !== 'ContactFlows') return { [kind.output]: findResource(resources, kind, instanceId, requestedId) };
    const saved = requestedId.endsWith(savedAlias);
    const flow = findResource(resources, kind, instanceId, saved ? requestedId.slice(0, -savedAlias.length) : requestedId);
    if (flow.Status === 'SAVED' && !saved) throw new ServiceError('ContactFlowNotPublishedException', 'The flow has not been published.');
    return { ContactFlow: flow };
  };
}

const handlers = new Map(kinds.map((k) => [k.prefix, { operation: k.operation, handle: describe(k) }]));

/** The queue types ListQueues filters by (botocore's QueueType enum). */
const queueTypes = new Set(['STANDARD', 'AGENT']);

/**
 * ListQueues (GET /queues-summary/{InstanceId}) and ListUsers (GET /users-summary/{InstanceId}):
 * the summaries the search panel picks queues and agents from by name, MaxResults 1–1000, paged.
 */
const listQueues: Handler = (req, data) => {
  const instanceId = req.segments[1];
  findInstance(data, instanceId);
  const wanted = req.query.getAll('queueTypes');
  for (const t of wanted) if (!queueTypes.has(t)) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${shown(t)}' at 'queueTypes' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, AGENT]`);
  const max = intParam(req.query.get('maxResults') ?? undefined, 'maxResults', 1, 1000, 100);
  // The sample queues are standard queues (agent queues are per user, and not stored).
  const queues = wanted.length === 0 || wanted.includes('STANDARD') ? (data.resources.get(instanceId)?.Queues ?? []) : [];
  const summaries = queues.map((q) => ({ Id: q.QueueId, Arn: q.QueueArn, Name: q.Name, QueueType: 'STANDARD', ...(q.LastModifiedTime !== undefined ? { LastModifiedTime: q.LastModifiedTime, LastModifiedRegion: q.LastModifiedRegion } : {}) }));
  const { items, nextToken } = page(summaries, max, req.query.get('nextToken'), JSON.stringify(['queues', instanceId, wanted]));
  return nextToken ? { QueueSummaryList: items, NextToken: nextToken } : { QueueSummaryList: items };
};

const listUsers: Handler = (req, data) => {
  const instanceId = req.segments[1];
  findInstance(data, instanceId);
  const max = intParam(req.query.get('maxResults') ?? undefined, 'maxResults', 1, 1000, 100);
  const users = data.resources.get(instanceId)?.Users ?? [];
  const summaries = users.map((u) => ({ Id: u.Id, Arn: u.Arn, Username: u.Username, ...(u.LastModifiedTime !== undefined ? { LastModifiedTime: u.LastModifiedTime, LastModifiedRegion: u.LastModifiedRegion } : {}) }));
  const { items, nextToken } = page(summaries, max, req.query.get('nextToken'), JSON.stringify(['users', instanceId]));
  return nextToken ? { UserSummaryList: items, NextToken: nextToken } : { UserSummaryList: items };
};

const listHandlers = new Map<string, RouteMatch>([
  ['queues-summary', { operation: 'ListQueues', handle: listQueues }],
  ['users-summary', { operation: 'ListUsers', handle: listUsers }],
]);

export function resourceRoute(method: string, segments: string[]): RouteMatch | undefined {
  if (method !== 'GET') return undefined;
  if (segments.length === 2) return listHandlers.get(segments[0]);
  if (segments.length !== 3) return undefined;
  return handlers.get(segments[0]);
}
