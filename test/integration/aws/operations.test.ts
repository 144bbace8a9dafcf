// Every ConnectService operation through the real SDK, real fromIni credentials
// and real SigV4 signing, against the local endpoint.
import * as assert from 'node:assert/strict';
import { ConnectServiceError } from '../../../src/aws/errors';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { makeService, useLocalAws } from './awsHome';


describe('ConnectService against the local endpoint: operations', function () {
  this.timeout(20_000);
  const local = useLocalAws();
  const target = { profile: localProfile, region: localRegion };

  it('describes a contact, keeping Dates and dropping $metadata', async () => {
    const { service, logger } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const result = await service.describeContact({ ...target, instanceId: sampleIds.instanceA, contactId: sampleIds.voice });
    const contact = result.output.Contact;
    assert.equal(contact.Id, sampleIds.voice);
    assert.equal(contact.Channel, 'VOICE');
    assert.ok(contact.InitiationTimestamp instanceof Date, 'timestamps stay Dates');
    assert.equal('$metadata' in result.output, false);
    assert.match(result.requestId ?? '', /\S/);
    assert.equal(logger.entries.length, 1);
    const entry = logger.entries[0];
    assert.equal(entry.operation, 'DescribeContact');
    assert.equal(entry.profile, localProfile);
    assert.equal(entry.region, localRegion);
    assert.equal(entry.endpoint, local.endpoint.url);
    assert.equal(entry.httpStatus, 200);
    assert.equal(entry.requestId, result.requestId);
    assert.equal(entry.attempts, 1);
    assert.equal(entry.error, undefined);
    assert.equal(logger.traces.length, 1);
    assert.match(logger.traces[0], new RegExp(`^GET ${local.endpoint.url.replace(/\/$/, '')}/contacts/${sampleIds.instanceA}/${sampleIds.voice} \\(attempt 1\\) → HTTP 200 request-id ${result.requestId} \\d+ bytes in \\d+ ms$`));
  });

  it('describes the maximal contact with every nested section', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const { output } = await service.describeContact({ ...target, instanceId: sampleIds.instanceA, contactId: sampleIds.maximal });
    const c = output.Contact;
    for (const key of ['AgentInfo', 'QueueInfo', 'Attributes', 'SegmentAttributes', 'Recordings']) assert.ok(key in c, `${key} present`);
  });

  it('reports a missing contact as NotFound with the request ID', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const error = await service.describeContact({ ...target, instanceId: sampleIds.instanceA, contactId: sampleIds.missingContact }).then(
      () => assert.fail('expected NotFound'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConnectServiceError);
    assert.equal(error.kind, 'NotFound');
    assert.match(error.message, new RegExp(`^Contact ${sampleIds.missingContact} was not found in instance ${sampleIds.instanceA} \\(us-east-1, profile local\\)\\. Contacts are kept for 24 months; check the instance ID and region\\. \\(Request ID: \\S+\\)$`));
    assert.equal(error.info.httpStatus, 404);
    assert.ok(error.info.requestId);
  });

  it('reports a missing queue as the queue not found, and an unknown instance as the instance, without the contacts\' retention', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const queue = await service.describeResource(target, sampleIds.instanceA, 'queue', sampleIds.missingQueue).then(() => assert.fail('expected NotFound'), (e: unknown) => e);
    assert.ok(queue instanceof ConnectServiceError);
    assert.equal(queue.kind, 'NotFound');
    assert.match(queue.message, new RegExp(`^Queue ${sampleIds.missingQueue} was not found in instance ${sampleIds.instanceA} \\(us-east-1, profile local\\)\\. \\(Request ID: \\S+\\)$`));
    const unknownInstance = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
    const queues = await service.listQueues(target, unknownInstance).then(() => assert.fail('expected NotFound'), (e: unknown) => e);
    assert.ok(queues instanceof ConnectServiceError);
    assert.equal(queues.kind, 'NotFound');
    assert.match(queues.message, new RegExp(`^Instance ${unknownInstance} was not found \\(us-east-1, profile local\\); check the instance ID and region\\. \\(Request ID: \\S+\\)$`));
  });

  it('lists instances, across pages', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const all = await service.listInstances(target);
    assert.deepEqual(all.map((i) => i.alias), [sampleIds.instanceAAlias, sampleIds.instanceBAlias, sampleIds.instanceCAlias]);
    assert.equal(all[0].id, sampleIds.instanceA);
    assert.equal(all[0].status, 'ACTIVE');
    assert.match(all[0].createdTime ?? '', /^\d{4}-\d\d-\d\dT/);
    const first = await service.listInstancesPage(target, undefined, undefined, 2);
    assert.equal(first.instances.length, 2);
    assert.ok(first.nextToken);
    const second = await service.listInstancesPage(target, first.nextToken, undefined, 2);
    assert.deepEqual(second.instances.map((i) => i.id), [sampleIds.instanceC]);
    assert.equal(second.nextToken, undefined);
    const paged = await service.listInstances(target, undefined, 1);
    assert.deepEqual(paged.map((i) => i.id), all.map((i) => i.id));
  });

  it('describes an instance', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const instance = await service.describeInstance(target, sampleIds.instanceB);
    assert.equal(instance.id, sampleIds.instanceB);
    assert.equal(instance.alias, sampleIds.instanceBAlias);
    assert.equal(instance.identityManagementType, 'SAML');
    assert.equal(instance.inboundCallsEnabled, true);
  });

  it('searches contacts and pages through the results', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    // Every sample contact is within the last few days; a search may span at most 8 weeks, as the service's.
    const query = { instanceId: sampleIds.instanceA, start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end: new Date(Date.now() + 86_400_000).toISOString() };
    const whole = await service.searchContacts(target, query);
    assert.ok(whole.contacts.length >= 5, `found ${whole.contacts.length}`);
    assert.equal(whole.totalCount, whole.contacts.length);
    assert.equal(whole.nextToken, undefined);
    const starts = whole.contacts.map((c) => c.initiationTimestamp ?? '');
    assert.deepEqual(starts, [...starts].sort().reverse(), 'newest first');
    const paged: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await service.searchContacts(target, { ...query, maxResults: 2, nextToken });
      paged.push(...page.contacts.map((c) => c.id));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(pages, Math.ceil(whole.contacts.length / 2));
    assert.deepEqual(paged, whole.contacts.map((c) => c.id));
    const chats = await service.searchContacts(target, { ...query, channels: ['CHAT'] });
    assert.ok(chats.contacts.length > 0 && chats.contacts.every((c) => c.channel === 'CHAT'));
  });

  it('rejects an unreadable search window before calling', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    await assert.rejects(service.searchContacts(target, { instanceId: sampleIds.instanceA, start: 'yesterday', end: '2024-01-01T00:00:00Z' }), {
      name: 'ConnectServiceError',
      message: 'The search start time "yesterday" is not a date and time.',
    });
  });

  it('gets contact attributes', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const attrs = await service.getContactAttributes(target, sampleIds.instanceA, sampleIds.voice);
    assert.equal(typeof attrs, 'object');
    assert.ok(Object.values(attrs).every((v) => typeof v === 'string'));
    assert.ok(Object.keys(attrs).length > 0);
  });

  it('rejects a missing region and a malformed one before any request', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const before = local.endpoint.requests.length;
    await assert.rejects(service.listInstances({ profile: localProfile, region: '' }), { name: 'ConnectServiceError', message: 'No region is chosen.' });
    await assert.rejects(service.listInstances({ profile: localProfile, region: 'Virginia' }), { message: '"Virginia" is not a region name; region names look like us-east-1.' });
    assert.equal(local.endpoint.requests.length, before);
  });

  it('reuses one client per profile and region, and rebuilds after invalidate()', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    await service.listInstances(target);
    local.home.addConfig('[profile added-later]\nregion = us-east-1');
    local.home.addCredentials('[added-later]\naws_access_key_id = AKIALOCALCONNECT0001\naws_secret_access_key = localConnectSecretKeyDoNotUseAnywhere0001');
    await assert.rejects(service.listInstances({ profile: 'added-later', region: localRegion }), { message: /^Profile added-later is not in / });
    service.invalidate();
    const instances = await service.listInstances({ profile: 'added-later', region: localRegion });
    assert.equal(instances.length, 3);
  });
});
