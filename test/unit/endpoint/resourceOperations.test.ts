// DescribeQueue, DescribeUser, DescribeUserHierarchyGroup, DescribeRoutingProfile and DescribeContactFlow over
// real HTTP, read by the real @aws-sdk/client-connect; paths checked against botocore's model.
import * as assert from 'node:assert/strict';
import {
  ConnectClient,
  DescribeContactFlowCommand,
  DescribeQueueCommand,
  DescribeRoutingProfileCommand,
  DescribeUserCommand,
  DescribeUserHierarchyGroupCommand,
  type ConnectServiceException,
} from '@aws-sdk/client-connect';
import { localCredentials } from '../../endpoint/localCredentials';
import { route } from '../../endpoint/operations';
import { hostileResources, maximalResources, otherResources, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { storyModel } from './modelWalk';

async function failure(p: Promise<unknown>): Promise<ConnectServiceException> {
  try {
    await p;
  } catch (err) {
    return err as ConnectServiceException;
  }
  assert.fail('expected the call to fail');
}

describe('Describe* resource operations', () => {
  let endpoint: RunningEndpoint;
  let connect: ConnectClient;
  const InstanceId = sampleIds.instanceA;

  before(async () => {
    endpoint = await startEndpoint();
    connect = new ConnectClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
  });
  after(async () => {
    connect.destroy();
    await endpoint.close();
  });

  it('routes each operation’s path as botocore’s model writes it', () => {
    const model = storyModel();
    for (const operation of ['DescribeQueue', 'DescribeUser', 'DescribeUserHierarchyGroup', 'DescribeRoutingProfile', 'DescribeContactFlow']) {
      const { method, requestUri } = model.operations[operation].http;
      const segments = requestUri.split('/').slice(1).map((s) => s.replace(/^\{.*\}$/, 'x'));
      assert.equal(route(method, segments)?.operation, operation, requestUri);
    }
  });

  it('describes the maximal contact’s queue, with its outbound flow', async () => {
    const out = await connect.send(new DescribeQueueCommand({ InstanceId, QueueId: maximalResources.queue.id }));
    assert.equal(out.Queue?.QueueId, maximalResources.queue.id);
    assert.equal(out.Queue?.Name, maximalResources.queue.name);
    assert.equal(out.Queue?.QueueArn, `arn:aws:connect:us-east-1:${sampleIds.account}:instance/${InstanceId}/queue/${maximalResources.queue.id}`);
    assert.equal(out.Queue?.Status, 'ENABLED');
    assert.equal(out.Queue?.OutboundCallerConfig?.OutboundFlowId, maximalResources.flow.id);
    assert.ok(out.Queue?.LastModifiedTime instanceof Date);
  });

  it('describes the maximal contact’s agent, who leads to a routing profile and hierarchy group', async () => {
    const out = await connect.send(new DescribeUserCommand({ InstanceId, UserId: maximalResources.agent.id }));
    assert.equal(out.User?.Id, maximalResources.agent.id);
    assert.equal(out.User?.Username, maximalResources.agent.username);
    assert.deepEqual([out.User?.IdentityInfo?.FirstName, out.User?.IdentityInfo?.LastName], [maximalResources.agent.firstName, maximalResources.agent.lastName]);
    assert.equal(out.User?.RoutingProfileId, maximalResources.routingProfile.id);
    assert.equal(out.User?.HierarchyGroupId, maximalResources.hierarchyGroups[4].id);
    assert.ok(out.User?.SecurityProfileIds?.length);
  });

  it('describes a level-five hierarchy group with its whole path', async () => {
    const out = await connect.send(new DescribeUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: maximalResources.hierarchyGroups[4].id }));
    assert.equal(out.HierarchyGroup?.Name, maximalResources.hierarchyGroups[4].name);
    assert.equal(out.HierarchyGroup?.LevelId, '5');
    const path = out.HierarchyGroup?.HierarchyPath;
    const levels = [path?.LevelOne, path?.LevelTwo, path?.LevelThree, path?.LevelFour, path?.LevelFive];
    assert.deepEqual(levels.map((l) => ({ id: l?.Id, name: l?.Name })), maximalResources.hierarchyGroups);
    const top = await connect.send(new DescribeUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: maximalResources.hierarchyGroups[0].id }));
    assert.equal(top.HierarchyGroup?.LevelId, '1');
    assert.deepEqual(Object.keys(top.HierarchyGroup?.HierarchyPath ?? {}), ['LevelOne']);
  });

  it('describes a routing profile and a published flow', async () => {
    const rp = await connect.send(new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: maximalResources.routingProfile.id }));
    assert.equal(rp.RoutingProfile?.Name, maximalResources.routingProfile.name);
    assert.equal(rp.RoutingProfile?.InstanceId, InstanceId);
    assert.equal(rp.RoutingProfile?.DefaultOutboundQueueId, maximalResources.queue.id);
    const flow = await connect.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId: maximalResources.flow.id }));
    assert.equal(flow.ContactFlow?.Name, maximalResources.flow.name);
    assert.deepEqual([flow.ContactFlow?.Type, flow.ContactFlow?.State, flow.ContactFlow?.Status], ['OUTBOUND_WHISPER', 'ACTIVE', 'PUBLISHED']);
    assert.equal((JSON.parse(flow.ContactFlow?.Content ?? '{}') as { Version?: string }).Version, '2019-10-30');
  });

  it('answers a flow never published with ContactFlowNotPublishedException, and its :$SAVED alias with the flow', async () => {
    const err = await failure(connect.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId: otherResources.unpublishedFlow.id })));
    assert.equal(err.name, 'ContactFlowNotPublishedException');
    assert.equal(err.$metadata.httpStatusCode, 404);
    const saved = await connect.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId: `${otherResources.unpublishedFlow.id}:$SAVED` }));
    assert.deepEqual([saved.ContactFlow?.Name, saved.ContactFlow?.Status], [otherResources.unpublishedFlow.name, 'SAVED']);
  });

  it('serves the hostile contact’s queue and agent under their hostile IDs, names unchanged', async () => {
    const queue = await connect.send(new DescribeQueueCommand({ InstanceId: sampleIds.instanceB, QueueId: hostileResources.queue.id }));
    assert.equal(queue.Queue?.Name, hostileResources.queue.name);
    assert.ok(queue.Queue?.Name?.includes('<img src=x onerror=alert(1)>') && queue.Queue.Name.includes('\u202E'));
    const user = await connect.send(new DescribeUserCommand({ InstanceId: sampleIds.instanceB, UserId: hostileResources.agent.id }));
    assert.equal(user.User?.Username, hostileResources.agent.username);
    assert.equal(user.User?.IdentityInfo?.FirstName, hostileResources.agent.firstName);
  });

  it('answers the deliberately missing queue and every unknown ID with a 404 ResourceNotFoundException', async () => {
    const err = await failure(connect.send(new DescribeQueueCommand({ InstanceId, QueueId: sampleIds.missingQueue })));
    assert.equal(err.name, 'ResourceNotFoundException');
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.equal(err.message, `Queue not found: ${sampleIds.missingQueue} does not exist in instance ${InstanceId}`);
    const unknown = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
    const calls = [
      connect.send(new DescribeUserCommand({ InstanceId, UserId: unknown })),
      connect.send(new DescribeUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: unknown })),
      connect.send(new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: unknown })),
      connect.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId: unknown })),
      // Instance A's renewals flow asked of instance B, an agent of instance C (which has no resources), an unknown instance.
      connect.send(new DescribeContactFlowCommand({ InstanceId: sampleIds.instanceB, ContactFlowId: maximalResources.flow.id })),
      connect.send(new DescribeUserCommand({ InstanceId: sampleIds.instanceC, UserId: maximalResources.agent.id })),
      connect.send(new DescribeQueueCommand({ InstanceId: '44444444-4444-4444-8444-444444444444', QueueId: maximalResources.queue.id })),
    ];
    for (const err2 of await Promise.all(calls.map(failure))) {
      assert.equal(err2.name, 'ResourceNotFoundException');
      assert.equal(err2.$metadata.httpStatusCode, 404);
    }
  });

  it('answers IDs out of the model’s length bounds with a 400 InvalidParameterException', async () => {
    const longInstance = await failure(connect.send(new DescribeQueueCommand({ InstanceId: 'i'.repeat(101), QueueId: maximalResources.queue.id })));
    assert.equal(longInstance.name, 'InvalidParameterException');
    assert.equal(longInstance.$metadata.httpStatusCode, 400);
    assert.match(longInstance.message, /at 'instanceId' .*less than or equal to 100$/);
    const longFlow = await failure(connect.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId: 'f'.repeat(501) })));
    assert.equal(longFlow.name, 'InvalidParameterException');
    assert.match(longFlow.message, /at 'contactFlowId' .*less than or equal to 500$/);
  });
});
