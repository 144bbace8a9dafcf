// The Describe* operations that turn the IDs a contact names into names: DescribeQueue, DescribeUser,
// DescribeUserHierarchyGroup, DescribeRoutingProfile and DescribeContactFlow, with the service's paths,
// output members and errors (botocore's connect/2017-08-08 model).
import { checkLength, findInstance, ServiceError, shown, type Handler, type RouteMatch } from './operationSupport';
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

export function resourceRoute(method: string, segments: string[]): RouteMatch | undefined {
  if (method !== 'GET' || segments.length !== 3) return undefined;
  return handlers.get(segments[0]);
}
