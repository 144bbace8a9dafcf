// The resources behind the sample contacts (data/resources.json): every ID a contact names resolves in its
// own instance through the endpoint's own handlers (except the one documented missing queue), the chain
// ListAssociatedContacts serves matches the contacts' links, and every value fits botocore's model and the
// JS SDK's schemas.
import * as assert from 'node:assert/strict';
import * as connect from '@aws-sdk/client-connect';
import { route, ServiceError } from '../../endpoint/operations';
import { loadEndpointData, type WireContact, type WireResource } from '../../endpoint/sampleData';
import { hostileResources, lowScoreEvaluation, maximalEvaluations, maximalReferences, maximalResources, otherResources, sampleIds } from '../../endpoint/sampleIds';
import { botocoreShape, requiredPaths, sdkShape, storyModel, walkValue, type ShapeNode } from './modelWalk';

const data = loadEndpointData({ rebaseTimes: false });
const model = storyModel();

type Kind = 'queue' | 'user' | 'group' | 'routingProfile' | 'flow';

/** The Describe* path prefix of each kind, and the ARN resource type the service writes for it. */
const kinds: Record<Kind, { prefix: string; arnType: string }> = {
  queue: { prefix: 'queues', arnType: 'queue' },
  user: { prefix: 'users', arnType: 'agent' },
  group: { prefix: 'user-hierarchy-groups', arnType: 'agent-group' },
  routingProfile: { prefix: 'routing-profiles', arnType: 'routing-profile' },
  flow: { prefix: 'contact-flows', arnType: 'contact-flow' },
};
const kindOfArnType = new Map(Object.entries(kinds).map(([k, v]) => [v.arnType, k as Kind]));
const connectArn = /^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/([^/]+)\/([a-z-]+)\/(.+)$/;

/** Describe a resource through the endpoint's route and handler; the output member or the ServiceError. */
function describeResource(instanceId: string, kind: Kind, id: string): Record<string, unknown> | ServiceError {
  const segments = [kinds[kind].prefix, instanceId, id];
  const match = route('GET', segments);
  assert.ok(match);
  try {
    const out = match.handle({ method: 'GET', segments, query: new URLSearchParams(), body: undefined }, data) as Record<string, Record<string, unknown>>;
    return Object.values(out)[0];
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
}

interface Named {
  kind: Kind;
  id: string;
  /** Where it was named, for messages. */
  at: string;
}

/** Every queue, user, group, routing profile and flow a value names: by ID field, ID list or ARN, at any depth. */
function namedIn(value: unknown, instanceId: string, at: string, out: Named[] = []): Named[] {
  if (typeof value === 'string') {
    const m = connectArn.exec(value);
    const kind = m && kindOfArnType.get(m[2]);
    if (m && kind) {
      assert.equal(m[1], instanceId, `${at}: an ARN of another instance`);
      out.push({ kind, id: m[3], at });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => namedIn(v, instanceId, `${at}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const add = (kind: Kind, key: string) => {
      const v = o[key];
      for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string') out.push({ kind, id, at: `${at}.${key}` });
    };
    if (at.endsWith('.QueueInfo')) add('queue', 'Id');
    if (at.endsWith('.AgentInfo')) add('user', 'Id');
    add('user', 'AgentIds');
    add('routingProfile', 'RoutingProfileId');
    add('group', 'HierarchyGroupId');
    add('queue', 'DefaultOutboundQueueId');
    add('queue', 'AssociatedQueueIds');
    add('queue', 'AssociatedManualAssignmentQueueIds');
    add('flow', 'OutboundFlowId');
    if (/\.Level(One|Two|Three|Four|Five)$/.test(at)) add('group', 'Id');
    if (o.ContactParticipantRole === 'AGENT') add('user', 'ContactParticipantId');
    for (const [k, v] of Object.entries(o)) namedIn(v, instanceId, `${at}.${k}`, out);
  }
  return out;
}

/** Resolve what `start` names, then what those resources name, until nothing new: every failure by ID. */
function resolveAll(instanceId: string, start: Named[]): { resolved: Map<string, Record<string, unknown>>; failed: Map<string, Named & { error: ServiceError }> } {
  const resolved = new Map<string, Record<string, unknown>>();
  const failed = new Map<string, Named & { error: ServiceError }>();
  const queue = [...start];
  for (let n = queue.shift(); n; n = queue.shift()) {
    const key = `${n.kind} ${n.id}`;
    if (resolved.has(key) || failed.has(key)) continue;
    const r = describeResource(instanceId, n.kind, n.id);
    if (r instanceof ServiceError) {
      failed.set(key, { ...n, error: r });
      continue;
    }
    resolved.set(key, r);
    queue.push(...namedIn(r, instanceId, key));
  }
  return { resolved, failed };
}

const contacts: { instanceId: string; contact: WireContact }[] = [...data.contacts].flatMap(([instanceId, m]) => [...m.values()].map((contact) => ({ instanceId, contact })));

describe('sample resources', () => {
  it('resolve every queue, agent, hierarchy group, routing profile and flow a sample contact names, in its instance — except the one missing queue', () => {
    const unresolved: string[] = [];
    let resolvedCount = 0;
    for (const { instanceId, contact } of contacts) {
      const named = namedIn(contact, instanceId, contact.Id);
      const { resolved, failed } = resolveAll(instanceId, named);
      resolvedCount += resolved.size;
      for (const f of failed.values()) {
        assert.equal(f.error.errorType, 'ResourceNotFoundException');
        unresolved.push(`${contact.Id} ${f.at} → ${f.kind} ${f.id}`);
      }
    }
    assert.deepEqual(unresolved, [`${sampleIds.renewalCallback} ${sampleIds.renewalCallback}.QueueInfo.Id → queue ${sampleIds.missingQueue}`]);
    assert.ok(resolvedCount > 50, `only ${resolvedCount} resources resolved`);
  });

  it('resolve what the evaluations name (evaluators, acknowledging and evaluated agents)', () => {
    for (const [instanceId, r] of data.resources) {
      for (const [contactId, list] of Object.entries(r.Evaluations)) {
        assert.ok(data.contacts.get(instanceId)?.has(contactId), `evaluations of ${contactId}, not a contact of ${instanceId}`);
        const named = namedIn(list, instanceId, `evaluations of ${contactId}`);
        assert.ok(named.some((n) => n.kind === 'user'));
        assert.deepEqual([...resolveAll(instanceId, named).failed.keys()], []);
      }
      for (const contactId of Object.keys(r.References)) assert.ok(data.contacts.get(instanceId)?.has(contactId), `references of ${contactId}`);
    }
  });

  it('name the maximal contact’s queue, agent, routing profile, five groups and flow as sampleIds says', () => {
    const maximal = data.contacts.get(sampleIds.instanceA)!.get(sampleIds.maximal)!;
    const { resolved } = resolveAll(sampleIds.instanceA, namedIn(maximal, sampleIds.instanceA, 'maximal'));
    const name = (kind: Kind, id: string) => resolved.get(`${kind} ${id}`)?.Name;
    assert.equal(name('queue', maximalResources.queue.id), maximalResources.queue.name);
    assert.equal((maximal.QueueInfo as { Id: string }).Id, maximalResources.queue.id);
    const agent = resolved.get(`user ${maximalResources.agent.id}`) as { Username: string; IdentityInfo: { FirstName: string; LastName: string }; RoutingProfileId: string };
    assert.deepEqual([agent.Username, agent.IdentityInfo.FirstName, agent.IdentityInfo.LastName], [maximalResources.agent.username, maximalResources.agent.firstName, maximalResources.agent.lastName]);
    assert.equal(agent.RoutingProfileId, maximalResources.routingProfile.id);
    assert.equal(name('routingProfile', maximalResources.routingProfile.id), maximalResources.routingProfile.name);
    const levels = (maximal.AgentInfo as { HierarchyGroups: Record<string, { Arn: string }> }).HierarchyGroups;
    assert.deepEqual(Object.values(levels).map((l) => l.Arn.split('/').pop()), maximalResources.hierarchyGroups.map((g) => g.id));
    for (const g of maximalResources.hierarchyGroups) assert.equal(name('group', g.id), g.name);
    assert.equal(name('flow', maximalResources.flow.id), maximalResources.flow.name);
  });

  it('give the hostile contact’s own queue and agent IDs hostile names; its Level1 “Arn” names nothing', () => {
    const hostile = data.contacts.get(sampleIds.instanceB)!.get(sampleIds.hostile)!;
    assert.equal((hostile.QueueInfo as { Id: string }).Id, hostileResources.queue.id);
    assert.equal((hostile.AgentInfo as { Id: string }).Id, hostileResources.agent.id);
    assert.equal((describeResource(sampleIds.instanceB, 'queue', hostileResources.queue.id) as WireResource).Name, hostileResources.queue.name);
    const user = describeResource(sampleIds.instanceB, 'user', hostileResources.agent.id) as { Username: string; IdentityInfo: { FirstName: string; LastName: string } };
    assert.deepEqual([user.Username, user.IdentityInfo.FirstName, user.IdentityInfo.LastName], [hostileResources.agent.username, hostileResources.agent.firstName, hostileResources.agent.lastName]);
    for (const s of [hostileResources.queue.name, hostileResources.agent.username]) assert.ok(s.includes('<img src=x onerror=alert(1)>'));
    assert.ok(hostileResources.queue.name.includes('\u202E') && hostileResources.agent.firstName.includes('\u202E'));
    assert.equal((hostile.AgentInfo as { HierarchyGroups: { Level1: { Arn: string } } }).HierarchyGroups.Level1.Arn, 'javascript:alert(1)');
    // Only the hostile contact uses them.
    for (const { instanceId, contact } of contacts) {
      if (contact.Id === sampleIds.hostile) continue;
      const ids = namedIn(contact, instanceId, contact.Id).map((n) => n.id);
      assert.ok(!ids.includes(hostileResources.queue.id) && !ids.includes(hostileResources.agent.id), contact.Id);
    }
  });

  it('hold ARNs of their own instance and ID, one resource per ID', () => {
    for (const [instanceId, r] of data.resources) {
      const lists: [Kind, WireResource[], string, string][] = [
        ['queue', r.Queues, 'QueueId', 'QueueArn'],
        ['user', r.Users, 'Id', 'Arn'],
        ['group', r.HierarchyGroups, 'Id', 'Arn'],
        ['routingProfile', r.RoutingProfiles, 'RoutingProfileId', 'RoutingProfileArn'],
        ['flow', r.ContactFlows, 'Id', 'Arn'],
      ];
      for (const [kind, list, idKey, arnKey] of lists) {
        const ids = list.map((x) => x[idKey] as string);
        assert.equal(new Set(ids).size, ids.length, `${instanceId} ${kind}: duplicate IDs`);
        for (const x of list) assert.equal(x[arnKey], `arn:aws:connect:${sampleIds.region}:${sampleIds.account}:instance/${instanceId}/${kinds[kind].arnType}/${x[idKey] as string}`);
      }
      for (const rp of r.RoutingProfiles) assert.equal(rp.InstanceId, instanceId);
    }
    assert.equal(data.resources.get(sampleIds.instanceA)!.ContactFlows.find((f) => f.Id === otherResources.unpublishedFlow.id)?.Status, 'SAVED');
    assert.equal(data.resources.get(sampleIds.instanceA)!.Users.find((u) => u.Id === otherResources.evaluator.id)?.Username, otherResources.evaluator.username);
  });

  describe('the contact chain', () => {
    it('has the maximal contact’s chain of five linked by PreviousContactId, all with the same initial contact', () => {
      const all = data.contacts.get(sampleIds.instanceA)!;
      const chain = sampleIds.maximalChain.map((id) => all.get(id)!);
      assert.equal(chain.length, 5);
      assert.ok(chain.includes(all.get(sampleIds.maximal)!));
      chain.forEach((c, i) => {
        assert.equal(c.InitialContactId, sampleIds.maximalChain[0]);
        if (i > 0) assert.equal(c.PreviousContactId, sampleIds.maximalChain[i - 1]);
      });
      assert.deepEqual(sampleIds.maximalChain.slice(0, 3), [...sampleIds.transferChain]);
    });

    it('is what ListAssociatedContacts serves for every sample contact: the samples sharing its initial contact, fields as stored', () => {
      for (const { instanceId, contact } of contacts) {
        const segments = ['contact', 'associated', instanceId];
        const out = route('GET', segments)!.handle({ method: 'GET', segments, query: new URLSearchParams({ contactId: contact.Id }), body: undefined }, data) as {
          ContactSummaryList: Record<string, unknown>[];
        };
        const initial = contact.InitialContactId ?? contact.Id;
        const expected = [...data.contacts.get(instanceId)!.values()].filter((c) => (c.InitialContactId ?? c.Id) === initial);
        assert.deepEqual(out.ContactSummaryList.map((e) => e.ContactId).sort(), expected.map((c) => c.Id).sort(), contact.Id);
        for (const e of out.ContactSummaryList) {
          const c = data.contacts.get(instanceId)!.get(e.ContactId as string)!;
          for (const [k, v] of Object.entries(e)) assert.equal(v, k === 'ContactId' ? c.Id : k === 'ContactArn' ? c.Arn : c[k], `${e.ContactId as string}.${k}`);
        }
      }
    });
  });

  describe('against the models', () => {
    const sdk = connect as unknown as Record<string, unknown>;
    const shapes: [string, string, (r: (typeof data.resources extends Map<string, infer R> ? R : never)) => unknown[]][] = [
      ['Queue', 'Queue$', (r) => r.Queues],
      ['User', 'User$', (r) => r.Users],
      ['HierarchyGroup', 'HierarchyGroup$', (r) => r.HierarchyGroups],
      ['RoutingProfile', 'RoutingProfile$', (r) => r.RoutingProfiles],
      ['ContactFlow', 'ContactFlow$', (r) => r.ContactFlows],
      ['EvaluationSummary', 'EvaluationSummary$', (r) => Object.values(r.Evaluations).flat()],
      ['ReferenceSummary', 'ReferenceSummary$', (r) => Object.values(r.References).flat()],
    ];

    function check(botocore: ShapeNode, sdkNode: ShapeNode, value: unknown, at: string): Set<string> {
      const report = walkValue(botocore, value, 'x');
      assert.deepEqual([report.invalid, report.unknown], [[], []], `${at}: against botocore's model`);
      const sdkReport = walkValue(sdkNode, value, 'x');
      assert.deepEqual([sdkReport.invalid, sdkReport.unknown], [[], []], `${at}: against the SDK's schema`);
      return report.present;
    }

    it('fit botocore’s model and the SDK’s schemas: types, enums, only members they define; each reference one union member', () => {
      for (const [instanceId, r] of data.resources) {
        for (const [shape, sdkName, get] of shapes) {
          for (const value of get(r)) check(botocoreShape(shape, model.shapes), sdkShape(sdk[sdkName]), value, `${instanceId} ${shape}`);
        }
        for (const ref of Object.values(r.References).flat()) assert.equal(Object.keys(ref).length, 1, JSON.stringify(ref));
      }
    });

    it('carry every member of their shape in the maximal contact’s resources, evaluations and chain', () => {
      const a = data.resources.get(sampleIds.instanceA)!;
      const everyMember = (shape: string, values: unknown[]) => {
        const node = botocoreShape(shape, model.shapes);
        const present = new Set<string>();
        for (const v of values) for (const p of walkValue(node, v, shape).present) present.add(p);
        assert.deepEqual([...requiredPaths(node, shape)].filter((p) => !present.has(p)), [], shape);
      };
      everyMember('Queue', [a.Queues.find((q) => q.QueueId === maximalResources.queue.id)]);
      everyMember('User', [a.Users.find((u) => u.Id === maximalResources.agent.id)]);
      everyMember('HierarchyGroup', [a.HierarchyGroups.find((g) => g.Id === maximalResources.hierarchyGroups[4].id)]);
      everyMember('RoutingProfile', [a.RoutingProfiles.find((p) => p.RoutingProfileId === maximalResources.routingProfile.id)]);
      everyMember('ContactFlow', [a.ContactFlows.find((f) => f.Id === maximalResources.flow.id)]);
      everyMember('EvaluationSummary', a.Evaluations[sampleIds.maximal]);
      const segments = ['contact', 'associated', sampleIds.instanceA];
      const chain = route('GET', segments)!.handle({ method: 'GET', segments, query: new URLSearchParams({ contactId: sampleIds.maximal }), body: undefined }, data) as { ContactSummaryList: unknown[] };
      everyMember('AssociatedContactSummary', chain.ContactSummaryList);
    });

    it('match what sampleIds exports about evaluations and references', () => {
      const a = data.resources.get(sampleIds.instanceA)!;
      const evaluations = a.Evaluations[sampleIds.maximal] as { EvaluationId: string; EvaluationFormTitle: string; Status: string; Score?: { Percentage: number; NotApplicable?: boolean } }[];
      assert.deepEqual(
        evaluations.map((e) => [e.EvaluationId, e.EvaluationFormTitle, e.Status, e.Score?.Percentage]),
        maximalEvaluations.map((e) => [e.id, e.title, e.status, e.percentage]),
      );
      const low = a.Evaluations[lowScoreEvaluation.contactId][0] as { EvaluationId: string; Score: { Percentage: number; AutomaticFail: boolean } };
      assert.deepEqual([low.EvaluationId, low.Score.Percentage, low.Score.AutomaticFail], [lowScoreEvaluation.id, lowScoreEvaluation.percentage, lowScoreEvaluation.automaticFail]);
      const refs = a.References[sampleIds.maximal];
      assert.equal(refs.length, maximalReferences.count);
      assert.deepEqual(refs[0], { Url: { Name: maximalReferences.url.name, Value: maximalReferences.url.value } });
      assert.deepEqual(
        (refs[1] as { Attachment: { Name: string; Status: string; Arn: string } }).Attachment,
        { ...(refs[1] as { Attachment: object }).Attachment, Name: maximalReferences.attachment.name, Status: maximalReferences.attachment.status, Arn: maximalReferences.attachment.arn },
      );
    });
  });
});
