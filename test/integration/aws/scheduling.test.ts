// The request scheduler on the real call path: the real SDK against the local endpoint, behind
// Connect's rate limit (rateLimitedProxy.ts). Background work keeps to the budget without a
// Throttling error reaching anyone, and what a person waits for goes first.
import * as assert from 'node:assert/strict';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import { tokenCap } from '../../../src/aws/scheduler';
import { defaultTransport, type AccountTarget, type ContactRef, type RequestBudget, type TransportSettings } from '../../../src/aws/types';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { RecordingLogger, useLocalAws } from './awsHome';
import { startRateLimitedProxy, type RateLimitedProxy } from './rateLimitedProxy';

const target: AccountTarget = { profile: localProfile, region: localRegion };
const voice: ContactRef = { ...target, instanceId: sampleIds.instanceA, contactId: sampleIds.voice };
// The endpoint's sample contacts are within the last few days; a search may span at most 8 weeks, as the service's.
const search = { instanceId: sampleIds.instanceA, start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end: new Date(Date.now() + 86_400_000).toISOString(), maxResults: 5 };

describe('ConnectService request scheduling against the local endpoint', function () {
  this.timeout(30_000);
  const local = useLocalAws();
  let proxy: RateLimitedProxy | undefined;
  const services: ConnectService[] = [];
  afterEach(async () => {
    local.endpoint.clearFaults();
    await proxy?.close();
    proxy = undefined;
    await Promise.all(services.splice(0).map((s) => s.dispose()));
  });

  function paced(endpointUrl: string, budget: RequestBudget, transport: Partial<TransportSettings> = {}): { service: ConnectService; logger: RecordingLogger } {
    const logger = new RecordingLogger();
    const settings: TransportSettings = { ...defaultTransport, readTimeoutSeconds: 10, connectTimeoutSeconds: 5, endpointUrl, ...transport };
    // The SDK's own backoff is made short: the spacing of retries seen here is the budget's.
    const service = new ConnectService({ env: local.home.env, transport: () => settings, requestBudget: () => budget, logger, retryDelayMs: 20 });
    services.push(service);
    return { service, logger };
  }

  /** 20 background searches, then (once they are queued) one interactive lookup; every outcome and the finishing order. */
  async function searchesAndALookup(service: ConnectService) {
    const finished: string[] = [];
    const track = <T>(label: string, p: Promise<T>) => p.then((v) => (finished.push(label), v));
    const searches = Array.from({ length: 20 }, (_, i) => track(`search${i}`, service.searchContacts(target, search)));
    while ((service.requestBudgets()[0]?.queued.background ?? 0) < 10) await new Promise((r) => setImmediate(r));
    const lookup = track('lookup', service.describeContact(voice));
    const outcomes = await Promise.allSettled([lookup, ...searches]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason instanceof ConnectServiceError ? `${o.reason.kind}: ${o.reason.message}` : String(o.reason)] : []));
    return { finished, failures, lookup: await lookup.catch(() => undefined) };
  }

  it('keeps 20 background searches and an interactive lookup within the limit: all succeed, the lookup first', async () => {
    // Connect's shape (burst 5, then a steady rate) at 5/s rather than 2/s, to keep the test short.
    const limit = { requestsPerSecond: 5, burst: 5 };
    proxy = await startRateLimitedProxy(local.endpoint.url, limit);
    const { service, logger } = paced(proxy.url, limit);

    const { finished, failures, lookup } = await searchesAndALookup(service);

    assert.deepEqual(failures, [], 'nothing failed, throttling least of all');
    assert.equal(lookup?.output.Contact.Id, sampleIds.voice);
    assert.ok(finished.indexOf('lookup') <= 5, `the lookup finished right after the burst, before ${20 - finished.indexOf('lookup')} of 20 searches: ${finished.join(' ')}`);
    const sent = proxy.requests.filter((r) => r.status !== 429);
    assert.equal(sent.length, 21);
    // Background work leaves the person a token: the lookup goes within the first burst (tokenCap:
    // the burst less the tokens kept in hand for arrival jitter), before the searches queued ahead.
    const burst = Math.floor(tokenCap(limit));
    const at = sent.findIndex((r) => /^\/contacts\//.test(r.path));
    assert.ok(at >= 0 && at < burst, `the lookup went out within the first ${burst} requests, not after the queued searches (it was #${at + 1})`);
    // 16 requests after the burst at 5/s: paced over at least 3 seconds, not sent at once.
    assert.ok(sent[20].at - sent[0].at >= 2_900, `paced: ${Math.round(sent[20].at - sent[0].at)} ms from first to last`);
    // The searches that waited say so in the trace; the lookup, with its token kept for it, did not wait.
    assert.ok(logger.traces.some((t) => /^SearchContacts waited \d+ ms for the us-east-1 budget \(profile local, background, \d+ ahead; 5\/s\)$/.test(t)), logger.traces.join('\n'));
    assert.ok(!logger.traces.some((t) => t.startsWith('DescribeContact waited')), logger.traces.filter((t) => t.includes('budget')).join('\n'));
  });

  it('slows down when the account allows less than the settings say, and still nothing fails', async () => {
    // Another tool spends half the account's budget: 10/s is configured, 5/s is what is left.
    proxy = await startRateLimitedProxy(local.endpoint.url, { requestsPerSecond: 5, burst: 5 });
    const { service, logger } = paced(proxy.url, { requestsPerSecond: 10, burst: 10 });

    const { finished, failures } = await searchesAndALookup(service);

    assert.deepEqual(failures, [], 'every throttled attempt was retried through the slowed budget');
    assert.ok(proxy.throttled() > 0, 'the limit was hit');
    assert.ok(logger.traces.some((t) => /^SearchContacts was throttled: the us-east-1 budget \(profile local\) slows to 5\/s$/.test(t)), logger.traces.join('\n'));
    assert.ok(finished.indexOf('lookup') <= 10, `the lookup finished before most searches: ${finished.join(' ')}`);
    assert.ok(logger.entries.every((e) => e.error === undefined), 'no call logged an error');
  });

  it('retries a throttled interactive lookup through the slowed budget, up to maxAttempts', async () => {
    const { service, logger } = paced(local.endpoint.url, { requestsPerSecond: 10, burst: 5 }, { maxAttempts: 3 });
    local.endpoint.setFaults({ throttle: 2, operation: 'DescribeContact' });
    const from = local.endpoint.requests.length;

    const { output } = await service.describeContact(voice);

    assert.equal(output.Contact.Id, sampleIds.voice);
    assert.equal(logger.entries.at(-1)?.attempts, 3);
    const waits = logger.traces.flatMap((t) => {
      const m = /^DescribeContact waited (\d+) ms for the us-east-1 budget \(profile local, interactive, attempt (\d), 0 ahead; ([\d.]+)\/s of 10\/s after throttling\)$/.exec(t);
      return m ? [{ ms: Number(m[1]), attempt: Number(m[2]), rate: Number(m[3]) }] : [];
    });
    assert.deepEqual(waits.map((w) => [w.attempt, w.rate]), [[2, 5], [3, 2.5]], logger.traces.join('\n'));
    // Each 429 halved the rate and left the bucket owing a token: two tokens' time between
    // attempts, 400 ms at 5/s then 800 ms at 2.5/s (the SDK's own backoff here is 20 ms).
    const arrivals = local.endpoint.requests.slice(from).map((r) => Date.parse(r.time));
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
    assert.ok(gaps[0] >= 395 && gaps[1] >= 795, `gaps between attempts: ${gaps.join(', ')} ms`);
    assert.deepEqual(logger.traces.map((t) => /→ HTTP (\d+)/.exec(t)?.[1]).filter(Boolean), ['429', '429', '200']);
    assert.equal(service.requestBudgets()[0].requestsPerSecond.toFixed(2), '2.90', 'the answer recovered 0.1 × 10/s ÷ 2.5/s');
  });

  it('sends by priority: the lookup, then the panel\'s enrichment, then background work, whatever the call order', async () => {
    const { service } = paced(local.endpoint.url, { requestsPerSecond: 10, burst: 1 });
    await service.searchContacts(target, search); // spends the one token
    const from = local.endpoint.requests.length;
    const other = { ...voice, contactId: sampleIds.chat };
    await Promise.all([
      service.describeContact(other, undefined, { priority: 'background' }),
      service.listInstances(target),
      service.describeInstance(target, sampleIds.instanceA),
      service.getContactAttributes(target, sampleIds.instanceA, sampleIds.voice),
      service.describeContact(voice),
    ]);
    assert.deepEqual(local.endpoint.requests.slice(from).map((r) => r.operation === 'DescribeContact' ? `DescribeContact ${r.path.split('/').at(-1)}` : r.operation), [
      `DescribeContact ${sampleIds.voice}`,
      'DescribeInstance',
      'GetContactAttributes',
      `DescribeContact ${sampleIds.chat}`,
      'ListInstances',
    ]);
  });

  it('cancels a lookup while it waits for the budget: it leaves at once and never reaches the endpoint', async () => {
    const { service } = paced(local.endpoint.url, { requestsPerSecond: 0.2, burst: 1 });
    await service.searchContacts(target, search); // the next token is 5 s away
    const from = local.endpoint.requests.length;
    const controller = new AbortController();
    const pending = service.describeContact(voice, controller.signal).then(() => assert.fail('the lookup should be cancelled'), (e: unknown) => e);
    while ((service.requestBudgets()[0]?.queued.interactive ?? 0) < 1) await new Promise((r) => setImmediate(r));
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    assert.ok(error instanceof ConnectServiceError);
    assert.equal(error.kind, 'Cancelled');
    assert.equal(error.message, 'DescribeContact was cancelled.');
    assert.equal(error.info.profile, localProfile);
    assert.ok(Date.now() - abortedAt < 500, 'rejected when cancelled, not when a token came');
    assert.deepEqual(service.requestBudgets()[0].queued, { interactive: 0, visible: 0, background: 0 });
    assert.equal(local.endpoint.requests.length, from, 'nothing was sent');
  });
});
