// The contact's story on the real call path: the real SDK against the local endpoint (its sample
// queues, users, groups, routing profiles, chain, evaluations and references), the in-memory name
// cache and the request scheduler, including under Connect's own rate limit.
import * as assert from 'node:assert/strict';
import { ConnectService } from '../../../src/aws/connectService';
import { defaultTransport, type ContactRef, type RequestBudget, type TransportSettings } from '../../../src/aws/types';
import { toContactDocument, type ContactDocument } from '../../../src/contact/contactDocument';
import { nameKey, type ContactStory } from '../../../src/contact/story';
import { enrichContact } from '../../../src/story/enrichContact';
import { ResourceNames } from '../../../src/story/resourceNames';
import { storySources } from '../../../src/story/storySources';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { maximalEvaluations, maximalReferences, maximalResources, sampleIds } from '../../endpoint/sampleIds';
import { useLocalAws } from './awsHome';

const ref = (contactId: string, instanceId: string = sampleIds.instanceA): ContactRef => ({ profile: localProfile, region: localRegion, instanceId, contactId });

describe('the contact story against the local endpoint', function () {
  this.timeout(60_000);
  const local = useLocalAws();
  const services: ConnectService[] = [];
  afterEach(async () => {
    local.endpoint.clearFaults();
    await Promise.all(services.splice(0).map((s) => s.dispose()));
  });

  function setup(budget?: RequestBudget, endpointUrl = local.endpoint.url) {
    const settings: TransportSettings = { ...defaultTransport, readTimeoutSeconds: 10, connectTimeoutSeconds: 5, endpointUrl };
    const service = new ConnectService({ env: local.home.env, transport: () => settings, retryDelayMs: 20, ...(budget ? { requestBudget: () => budget } : {}) });
    services.push(service);
    const names = new ResourceNames(() => service);
    const docs = new Map<string, ContactDocument>();
    const contact = async (r: ContactRef, signal?: AbortSignal) => {
      const hit = docs.get(r.contactId);
      if (hit) return hit;
      const doc = toContactDocument((await service.describeContact(r, signal, { priority: 'visible' })).output);
      docs.set(r.contactId, doc);
      return doc;
    };
    const story = async (r: ContactRef, signal = new AbortController().signal): Promise<ContactStory> => {
      const doc = await contact(r);
      return enrichContact(doc.Contact, storySources(r, { connect: () => service, names, contact: (cr, s) => contact(cr, s) }), signal, () => undefined);
    };
    return { service, names, story };
  }

  it('names the maximal contact\'s queue, agent, routing profile and all five hierarchy levels', async () => {
    const { story } = setup();
    const s = await story(ref(sampleIds.maximal));
    assert.deepEqual(s.missing, []);
    assert.equal(s.names[nameKey('queue', maximalResources.queue.id)]?.name, maximalResources.queue.name);
    const agent = s.names[nameKey('user', maximalResources.agent.id)];
    assert.equal(agent?.name, maximalResources.agent.username);
    assert.equal(agent?.detail, `${maximalResources.agent.firstName} ${maximalResources.agent.lastName}`);
    assert.equal(s.names[nameKey('routingProfile', maximalResources.routingProfile.id)]?.name, maximalResources.routingProfile.name);
    for (const g of maximalResources.hierarchyGroups) assert.equal(s.names[nameKey('hierarchyGroup', g.id)]?.name, g.name, g.id);
    assert.equal(s.names[nameKey('hierarchyGroup', maximalResources.hierarchyGroups[4].id)]?.detail, maximalResources.hierarchyGroups.map((g) => g.name).join(' / '));
    assert.equal(s.instance?.alias, sampleIds.instanceAAlias);
    assert.equal(s.consoleUrl, `https://acme-support.my.connect.aws/contact-trace-records/details/${sampleIds.maximal}`);
  });

  it('draws the maximal contact\'s chain (five linked, plus its related task), by time, with how each came from the one before', async () => {
    const { story } = setup();
    const s = await story(ref(sampleIds.maximal));
    const [a1, a2, a3, max, callback] = sampleIds.maximalChain;
    assert.deepEqual(s.chain?.nodes.map((n) => n.contactId), [a1, a2, a3, max, callback, sampleIds.task]);
    assert.ok(s.chain?.edges.some((e) => (e.to === sampleIds.task || e.from === sampleIds.task) && e.relation === 'related'), JSON.stringify(s.chain?.edges));
    assert.equal(s.chain?.nodes.find((n) => n.current)?.contactId, sampleIds.maximal);
    assert.equal(s.chain?.truncated, false);
    const edges = new Map(s.chain?.edges.map((e) => [`${e.from}>${e.to}`, e.relation]));
    const [a, b, c, d, e] = sampleIds.maximalChain;
    assert.equal(edges.get(`${a}>${b}`), 'transfer');
    assert.equal(edges.get(`${b}>${c}`), 'queueTransfer');
    assert.equal(edges.get(`${d}>${e}`), 'callback');
    assert.ok(edges.has(`${c}>${d}`), [...edges.keys()].join(', '));
    // Linked contacts are described in the background for their queue and agent, by name.
    const first = s.chain?.nodes[0];
    assert.ok(first?.queueId, 'the first contact\'s queue is known');
    assert.ok(s.names[nameKey('queue', first.queueId)]?.name, 'and named');
  });

  it('follows the RelatedContactId of a contact ListAssociatedContacts lists: the task is in the chain seen from any contact', async () => {
    const { story } = setup();
    // From the second contact the maximal contact (RelatedContactId = task) is known only from the list.
    const s = await story(ref(sampleIds.maximalChain[1]));
    assert.deepEqual(s.chain?.nodes.map((n) => n.contactId), [...sampleIds.maximalChain, sampleIds.task]);
    assert.ok(s.chain?.edges.some((e) => e.from === sampleIds.maximal && e.to === sampleIds.task && e.relation === 'related'), JSON.stringify(s.chain?.edges));
  });

  it('lists the evaluations and references, with only the https URL as a link', async () => {
    const { story } = setup();
    const s = await story(ref(sampleIds.maximal));
    assert.deepEqual(s.evaluations?.map((e) => [e.formTitle, e.status, e.score]), maximalEvaluations.map((e) => [e.title, e.status, e.percentage]));
    assert.ok(s.evaluations?.every((e) => e.consoleUrl === s.consoleUrl));
    assert.equal(s.references?.length, maximalReferences.count);
    const url = s.references?.find((r) => r.type === 'URL');
    assert.equal(url?.url, maximalReferences.url.value);
    assert.ok(s.references?.filter((r) => r.type !== 'URL').every((r) => r.url === undefined));
    assert.equal(s.references?.find((r) => r.name === maximalReferences.rejectedAttachment.name)?.status, 'REJECTED');
  });

  it('reads the attributes by the initial contact ID', async () => {
    const { story } = setup();
    const s = await story(ref(sampleIds.maximal));
    const attributePaths = local.endpoint.requests.filter((r) => r.operation === 'GetContactAttributes').map((r) => r.path);
    assert.ok(attributePaths.some((p) => p.endsWith(`/${sampleIds.voice}`)), attributePaths.join(', '));
    assert.ok(s.attributes && Object.keys(s.attributes).length > 0);
  });

  it('costs a contact whose queue and agent are cached no Describe* call at all', async () => {
    const { story, names } = setup();
    // The first story names the chain's queues and agents too (the voice call's among them).
    await story(ref(sampleIds.maximal));
    const before = names.calls;
    const start = local.endpoint.requests.length;
    const s = await story(ref(sampleIds.voice));
    const ops = local.endpoint.requests.slice(start).map((r) => r.operation);
    assert.deepEqual(ops.filter((op) => /^Describe(Queue|Instance|User)$/.test(op)), [], ops.join(', '));
    assert.ok(names.calls - before <= 2, `only the agent's routing profile and group may be new: ${ops.join(', ')}`);
    assert.equal(s.complete, true);
  });

  it('says a deleted queue no longer exists; the rest of the story is there', async () => {
    const { story } = setup();
    const s = await story(ref(sampleIds.renewalCallback));
    const missing = s.missing.find((m) => m.part === 'Queue name');
    assert.equal(missing?.kind, 'NotFound');
    assert.match(missing?.message ?? '', new RegExp(sampleIds.missingQueue));
    assert.ok(s.chain && s.chain.nodes.length >= 5);
    assert.equal(s.complete, true);
  });

  it('completes the maximal story behind Connect\'s 2 rps / burst 5 limit with nothing throttled away', async () => {
    // The endpoint throttles like the service; the client keeps to the same budget.
    const limited = await (await import('../../endpoint/server')).startEndpoint({ quiet: true, rate: 2, burst: 5 });
    try {
      const { story } = setup({ requestsPerSecond: 2, burst: 5 }, limited.url);
      const s = await story(ref(sampleIds.maximal));
      assert.deepEqual(s.missing, []);
      assert.equal(limited.requests.filter((r) => r.status === 429).length, 0, 'the budget kept every call under the limit');
      assert.equal(s.chain?.nodes.length, 6);
    } finally {
      await limited.close();
    }
  });

  it('recovers from a throttling storm: throttled calls are retried, not shown', async () => {
    // The client believes it may go fast; the endpoint throttles hard. The scheduler slows down.
    const limited = await (await import('../../endpoint/server')).startEndpoint({ quiet: true, rate: 4, burst: 2 });
    try {
      const { story } = setup({ requestsPerSecond: 50, burst: 50 }, limited.url);
      const s = await story(ref(sampleIds.maximal));
      assert.ok(limited.requests.some((r) => r.status === 429), 'the endpoint did throttle');
      assert.deepEqual(s.missing.filter((m) => m.kind === 'Throttled'), [], s.missing.map((m) => m.message).join('\n'));
      assert.equal(s.names[nameKey('queue', maximalResources.queue.id)]?.name, maximalResources.queue.name);
    } finally {
      await limited.close();
    }
  });

  it('cancels the story\'s queued calls when the panel goes away', async () => {
    const { story } = setup({ requestsPerSecond: 1, burst: 1 });
    const controller = new AbortController();
    const running = story(ref(sampleIds.maximal), controller.signal);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    const s = await running;
    const sent = local.endpoint.requests.length;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(local.endpoint.requests.length, sent, 'nothing more went out after the panel closed');
    assert.ok(s.missing.every((m) => m.kind !== 'Failed'), s.missing.map((m) => m.message).join('\n'));
  });
});

describe('the contact story without some permissions', function () {
  this.timeout(60_000);
  const local = useLocalAws({ endpoint: { deny: ['connect:DescribeUser', 'connect:ListContactEvaluations', 'connect:GetContactAttributes'] } });

  it('names each missing IAM action once, inline, and shows the rest', async () => {
    const settings: TransportSettings = { ...defaultTransport, readTimeoutSeconds: 10, connectTimeoutSeconds: 5, endpointUrl: local.endpoint.url };
    const service = new ConnectService({ env: local.home.env, transport: () => settings, retryDelayMs: 20 });
    try {
      const names = new ResourceNames(() => service);
      const r = ref(sampleIds.maximal);
      const doc = toContactDocument((await service.describeContact(r)).output);
      const contact = async (cr: ContactRef, signal?: AbortSignal) => toContactDocument((await service.describeContact(cr, signal)).output);
      const s = await enrichContact(doc.Contact, storySources(r, { connect: () => service, names, contact: (cr, sig) => contact(cr, sig) }), new AbortController().signal, () => undefined);
      const byAction = new Map(s.missing.map((m) => [m.action, m]));
      assert.deepEqual([...byAction.keys()].sort(), ['connect:DescribeUser', 'connect:GetContactAttributes', 'connect:ListContactEvaluations']);
      assert.ok(s.missing.every((m) => m.kind === 'AccessDenied'));
      assert.equal(s.missing.filter((m) => m.action === 'connect:DescribeUser').length, 1, 'the agent and the chain\'s agents: said once');
      assert.match(byAction.get('connect:DescribeUser')?.message ?? '', /Agent name: .*connect:DescribeUser/);
      assert.equal(s.names[nameKey('queue', maximalResources.queue.id)]?.name, maximalResources.queue.name, 'what is allowed is there');
      assert.equal(s.names[nameKey('hierarchyGroup', maximalResources.hierarchyGroups[0].id)]?.name, maximalResources.hierarchyGroups[0].name);
      assert.equal(s.chain?.nodes.length, 6);
      assert.equal(s.attributes, undefined);
      assert.equal(s.complete, true);
    } finally {
      await service.dispose();
    }
  });
});
