// The story beside the fields: which calls it makes, what it reports as parts land, and what a
// person reads when a part cannot be had (the IAM action named once, nothing thrown).
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/contact/contactDocument';
import { nameKey, type ContactStory, type ResourceName } from '../../../src/contact/story';
import { consoleContactUrl, enrichContact, hierarchyGroupIdOf, type StorySources } from '../../../src/story/enrichContact';
import type { ConnectErrorKind, RequestPriority } from '../../../src/aws/types';

/** The fakes answer on a later turn, as a network call would. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

class Failure extends Error {
  constructor(readonly kind: ConnectErrorKind, message: string) {
    super(message);
  }
}

const instance = '11111111-1111-4111-8111-111111111111';
const groupArn = (id: string) => `arn:aws:connect:us-east-1:123456789012:instance/${instance}/agent-group/${id}`;

function contact(overrides: JsonObject = {}): JsonObject {
  return {
    Id: 'c-3',
    InitialContactId: 'c-1',
    PreviousContactId: 'c-2',
    InitiationMethod: 'TRANSFER',
    Channel: 'VOICE',
    InitiationTimestamp: '2026-11-20T09:00:00.000Z',
    QueueInfo: { Id: 'q-1' },
    AgentInfo: { Id: 'u-1', HierarchyGroups: { Level1: { Arn: groupArn('g-1') }, Level2: { Arn: groupArn('g-2') } } },
    ...overrides,
  };
}

interface Recorded {
  calls: string[];
  priorities: Record<string, RequestPriority>;
}

function sources(overrides: Partial<StorySources> = {}, recorded: Recorded = { calls: [], priorities: {} }): StorySources {
  const linked: Record<string, JsonObject> = {
    'c-1': { Id: 'c-1', InitiationMethod: 'INBOUND', Channel: 'VOICE', InitiationTimestamp: '2026-11-20T08:50:00.000Z', QueueInfo: { Id: 'q-2' } },
    'c-2': { Id: 'c-2', InitialContactId: 'c-1', PreviousContactId: 'c-1', InitiationMethod: 'TRANSFER', Channel: 'VOICE', InitiationTimestamp: '2026-11-20T08:55:00.000Z', AgentInfo: { Id: 'u-2' } },
  };
  const names: Record<string, string> = { 'q-1': 'Escalations', 'q-2': 'BasicQueue', 'u-1': 'jdoe', 'u-2': 'asmith', 'g-1': 'Support', 'g-2': 'EMEA', 'rp-1': 'Tier 2 voice' };
  return {
    describeResource: async (kind, id, _signal, priority) => {
      await tick();
      recorded.calls.push(`${kind}:${id}`);
      recorded.priorities[`${kind}:${id}`] = priority;
      const name = names[id];
      if (!name) throw new Failure('NotFound', `${id} not found`);
      const resource: ResourceName = { kind, id, name, ...(kind === 'user' ? { detail: 'Jane Doe' } : {}) };
      return kind === 'user' ? { name: resource, routingProfileId: 'rp-1', hierarchyGroupId: 'g-2' } : { name: resource };
    },
    instance: async () => {
      await tick();
      recorded.calls.push('instance');
      return { alias: 'acme-support', accessUrl: 'https://acme-support.my.connect.aws' };
    },
    attributes: async (initialContactId) => {
      await tick();
      recorded.calls.push(`attributes:${initialContactId}`);
      return { b: '2', a: '1' };
    },
    associated: async () => {
      await tick();
      recorded.calls.push('associated');
      return [];
    },
    describeContact: async (id, _signal, priority) => {
      await tick();
      recorded.calls.push(`contact:${id}`);
      recorded.priorities[`contact:${id}`] = priority;
      const c = linked[id];
      if (!c) throw new Failure('NotFound', `contact ${id} not found`);
      return c;
    },
    references: async () => { await tick(); return [{ name: 'Ticket', type: 'URL', value: 'https://tickets.example.com/42', url: 'https://tickets.example.com/42' }]; },
    evaluations: async () => { await tick(); return [{ evaluationId: 'e-1', formTitle: 'Quality', status: 'SUBMITTED', score: 92 }]; },
    failure: (error) => (error instanceof Failure ? { kind: error.kind, message: error.message } : { kind: 'Unknown', message: String(error) }),
    ...overrides,
  };
}

describe('enrichContact: the contact story', () => {
  it('names the queue, agent, groups (from their ARNs) and the routing profile the user names', async () => {
    const recorded: Recorded = { calls: [], priorities: {} };
    const story = await enrichContact(contact(), sources({}, recorded), new AbortController().signal, () => undefined);
    assert.equal(story.complete, true);
    assert.equal(story.names[nameKey('queue', 'q-1')]?.name, 'Escalations');
    assert.equal(story.names[nameKey('user', 'u-1')]?.name, 'jdoe');
    assert.equal(story.names[nameKey('user', 'u-1')]?.detail, 'Jane Doe');
    assert.equal(story.names[nameKey('hierarchyGroup', 'g-1')]?.name, 'Support');
    assert.equal(story.names[nameKey('hierarchyGroup', 'g-2')]?.name, 'EMEA');
    assert.equal(story.names[nameKey('routingProfile', 'rp-1')]?.name, 'Tier 2 voice');
    assert.equal(recorded.priorities['queue:q-1'], 'visible', 'the panel on screen comes before background work');
    assert.deepEqual(story.missing, []);
  });

  it('names every level of the agent\'s hierarchy with one call when the deepest group\'s path names them', async () => {
    const recorded: Recorded = { calls: [], priorities: {} };
    const base = sources({}, recorded);
    const withPath = sources({
      describeResource: async (kind, id, signal, priority) => {
        const described = await base.describeResource(kind, id, signal, priority);
        return kind === 'hierarchyGroup' && id === 'g-2'
          ? { ...described, name: { ...described.name, detail: 'Support / EMEA' }, pathGroups: [{ kind, id: 'g-1', name: 'Support' }] }
          : described;
      },
    });
    const story = await enrichContact(contact(), withPath, new AbortController().signal, () => undefined);
    assert.deepEqual(recorded.calls.filter((c) => c.startsWith('hierarchyGroup:')), ['hierarchyGroup:g-2']);
    assert.equal(story.names[nameKey('hierarchyGroup', 'g-1')]?.name, 'Support');
    assert.equal(story.names[nameKey('hierarchyGroup', 'g-2')]?.detail, 'Support / EMEA');
  });

  it('reads attributes by the initial contact ID, as the service requires', async () => {
    const recorded: Recorded = { calls: [], priorities: {} };
    const story = await enrichContact(contact(), sources({}, recorded), new AbortController().signal, () => undefined);
    assert.ok(recorded.calls.includes('attributes:c-1'), recorded.calls.join(', '));
    assert.deepEqual(story.attributes, { b: '2', a: '1' });
  });

  it('links to the contact in the Connect console, and each evaluation there', async () => {
    const story = await enrichContact(contact(), sources(), new AbortController().signal, () => undefined);
    assert.equal(story.consoleUrl, 'https://acme-support.my.connect.aws/contact-trace-records/details/c-3');
    assert.equal(story.instance?.alias, 'acme-support');
    assert.equal(story.evaluations?.[0]?.consoleUrl, story.consoleUrl);
    assert.equal(story.references?.[0]?.url, 'https://tickets.example.com/42');
    assert.equal(consoleContactUrl('https://old.awsapps.com/connect/', 'x'), 'https://old.awsapps.com/connect/contact-trace-records/details/x');
    assert.equal(consoleContactUrl('javascript:alert(1)', 'x'), undefined, 'only an https access URL becomes a link');
  });

  it('walks the chain and names the linked contacts\' queues and agents in the background', async () => {
    const recorded: Recorded = { calls: [], priorities: {} };
    const story = await enrichContact(contact(), sources({}, recorded), new AbortController().signal, () => undefined);
    const ids = story.chain?.nodes.map((n) => n.contactId);
    assert.deepEqual(ids, ['c-1', 'c-2', 'c-3'], 'left to right by time');
    assert.equal(story.chain?.nodes.find((n) => n.current)?.contactId, 'c-3');
    assert.equal(story.names[nameKey('queue', 'q-2')]?.name, 'BasicQueue');
    assert.equal(story.names[nameKey('user', 'u-2')]?.name, 'asmith');
    assert.equal(recorded.priorities['queue:q-2'], 'background');
  });

  it('reports the story as parts land, ending with the complete one', async () => {
    const reports: ContactStory[] = [];
    const base = sources();
    const slowInstance = sources({ instance: async (signal) => {
      await new Promise((r) => setTimeout(r, 30));
      return base.instance(signal);
    } });
    await enrichContact(contact(), slowInstance, new AbortController().signal, (s) => reports.push(s), { reportEveryMs: 0 });
    assert.ok(reports.length >= 2, `${reports.length} reports`);
    assert.equal(reports.at(-1)?.complete, true);
    assert.ok(reports.slice(0, -1).every((r) => !r.complete));
    assert.equal(reports[0]?.names[nameKey('queue', 'q-1')]?.name, 'Escalations', 'names show before the slow part returns');
    assert.equal(reports[0]?.consoleUrl, undefined);
  });

  it('says once, inline, which IAM action is missing; the rest of the story still comes', async () => {
    const denied = (action: string) => async () => {
      await tick();
      throw new Failure('AccessDenied', `User is not authorized to perform: ${action}`);
    };
    const story = await enrichContact(
      contact(),
      sources({
        describeResource: async (kind) => {
          await tick();
          if (kind === 'user') throw new Failure('AccessDenied', 'not authorized');
          if (kind === 'hierarchyGroup') throw new Failure('AccessDenied', 'not authorized');
          return { name: { kind, id: 'q-1', name: 'Escalations' } };
        },
        evaluations: denied('connect:ListContactEvaluations'),
        associated: denied('connect:ListAssociatedContacts'),
      }),
      new AbortController().signal,
      () => undefined,
    );
    const byPart = Object.fromEntries(story.missing.map((m) => [m.part, m]));
    assert.equal(byPart['Agent name']?.action, 'connect:DescribeUser');
    assert.match(byPart['Agent name']?.message ?? '', /connect:DescribeUser/);
    assert.equal(byPart['Hierarchy group names']?.action, 'connect:DescribeUserHierarchyGroup');
    assert.equal(story.missing.filter((m) => m.part === 'Hierarchy group names').length, 1, 'two groups denied: said once');
    assert.equal(byPart['Evaluations']?.action, 'connect:ListContactEvaluations');
    assert.equal(byPart['Linked contacts']?.action, 'connect:ListAssociatedContacts');
    assert.equal(story.names[nameKey('queue', 'q-1')]?.name, 'Escalations', 'what was allowed is there');
    assert.ok(story.chain && story.chain.nodes.length === 3, 'the chain still follows the contact\'s own links');
    assert.equal(story.complete, true);
  });

  it('says a deleted queue no longer exists, rather than failing', async () => {
    const story = await enrichContact(contact({ QueueInfo: { Id: 'q-deleted' } }), sources(), new AbortController().signal, () => undefined);
    const missing = story.missing.find((m) => m.part === 'Queue name');
    assert.equal(missing?.kind, 'NotFound');
    assert.match(missing?.message ?? '', /queue q-deleted no longer exists/);
  });

  it('never sends hostile or malformed IDs to the service', async () => {
    const recorded: Recorded = { calls: [], priorities: {} };
    const hostile = contact({
      QueueInfo: { Id: '<script>alert("xss")</script>' },
      AgentInfo: { Id: "{{constructor.constructor('alert(1)')()}}", HierarchyGroups: { Level1: { Arn: 'javascript:alert(1)' } } },
      InitialContactId: '../../etc/passwd',
    });
    const story = await enrichContact(hostile, sources({}, recorded), new AbortController().signal, () => undefined);
    assert.deepEqual(recorded.calls.filter((c) => /[<{}/:(]|javascript/.test(c.replace(/^\w+:/, ''))), [], recorded.calls.join(', '));
    assert.ok(recorded.calls.includes('attributes:c-3'), 'attributes fall back to the contact\'s own ID');
    assert.equal(story.complete, true);
    assert.equal(hierarchyGroupIdOf('javascript:alert(1)'), undefined);
  });

  it('stops reporting once cancelled (the panel closed or shows another contact)', async () => {
    const controller = new AbortController();
    const reports: ContactStory[] = [];
    const slow = sources({
      instance: () => new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(new Failure('Cancelled', 'cancelled')))),
    });
    const done = enrichContact(contact(), slow, controller.signal, (s) => reports.push(s), { reportEveryMs: 0 });
    await new Promise((r) => setTimeout(r, 20));
    const before = reports.length;
    controller.abort();
    const story = await done;
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(reports.length, before, 'nothing is reported after cancellation');
    assert.ok(!story.missing.some((m) => /Instance/.test(m.part)), 'a cancellation is not a missing part');
  });

  it('keeps a 32 KB attribute value and hostile attribute keys as they are', async () => {
    const big = 'x'.repeat(32 * 1024);
    const story = await enrichContact(contact(), sources({ attributes: async () => { await tick(); return ({ '<img src=x onerror=alert(1)>': big, '\u202eevil': 'y' }); }}), new AbortController().signal, () => undefined);
    assert.equal(story.attributes?.['<img src=x onerror=alert(1)>']?.length, 32 * 1024);
    assert.equal(story.attributes?.['\u202eevil'], 'y');
  });
});
