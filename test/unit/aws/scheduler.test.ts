// The request scheduler on a fake clock: bucket math, burst, priorities, cancellation while
// queued, slowdown on throttling and recovery after answers. No real time passes.
import * as assert from 'node:assert/strict';
import { ConnectServiceError } from '../../../src/aws/errors';
import { budgetKey, minimumRate, RequestScheduler, SharedPriority, unlimitedBudget, type Grant } from '../../../src/aws/scheduler';
import type { RaisablePriority, RequestBudget, RequestPriority } from '../../../src/aws/types';
import { FakeClock, settle } from './fakeClock';

const key = budgetKey('connect', 'dev', 'us-east-1');
const serviceDefault: RequestBudget = { requestsPerSecond: 2, burst: 5 };

interface Granted {
  label: string;
  at: number;
  grant: Grant;
}

function harness(budget: RequestBudget = serviceDefault) {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler({ clock, arrivalMarginMs: 0, interactiveReserve: 0 });
  const granted: Granted[] = [];
  const failed: { label: string; error: unknown; at: number }[] = [];
  const request = (label: string, priority: RequestPriority | RaisablePriority = 'background', extra: { signal?: AbortSignal; budget?: RequestBudget; key?: string; order?: number } = {}) =>
    scheduler.acquire({ key: extra.key ?? key, budget: extra.budget ?? budget, priority, signal: extra.signal, operation: 'SearchContacts', order: extra.order }).then(
      (grant) => {
        granted.push({ label, at: clock.now(), grant });
        return grant;
      },
      (error: unknown) => {
        failed.push({ label, error, at: clock.now() });
      },
    );
  const labels = () => granted.map((g) => g.label);
  const grantOf = (label: string) => granted.find((g) => g.label === label)!.grant;
  return { clock, scheduler, granted, failed, request, labels, grantOf };
}

describe('RequestScheduler', () => {
  describe('token bucket', () => {
    it('lets the burst through at once, then one request per 1/rate seconds', async () => {
      const h = harness();
      for (let i = 1; i <= 8; i++) void h.request(`b${i}`);
      await settle();
      assert.deepEqual(h.labels(), ['b1', 'b2', 'b3', 'b4', 'b5']);
      await h.clock.advance(499);
      assert.equal(h.granted.length, 5, 'no token before 500 ms at 2/s');
      await h.clock.advance(1);
      assert.deepEqual(h.granted.slice(5).map((g) => [g.label, g.at]), [['b6', 500]]);
      await h.clock.advance(1000);
      assert.deepEqual(h.granted.slice(5).map((g) => [g.label, g.at]), [['b6', 500], ['b7', 1000], ['b8', 1500]]);
      assert.equal(h.grantOf('b8').waitedMs, 1500);
      assert.equal(h.grantOf('b8').queuedAhead, 2);
      assert.equal(h.clock.pendingTimers(), 0, 'no timer once the queue is empty');
    });

    it('refills up to the burst and no further', async () => {
      const h = harness();
      for (let i = 1; i <= 5; i++) void h.request(`first${i}`);
      await settle();
      assert.equal(h.scheduler.snapshot(key)?.tokens, 0);
      await h.clock.advance(1_000);
      assert.equal(h.scheduler.snapshot(key)?.tokens, 2);
      await h.clock.advance(60_000);
      assert.equal(h.scheduler.snapshot(key)?.tokens, 5, 'an idle minute still allows only the burst');
      for (let i = 1; i <= 7; i++) void h.request(`second${i}`);
      await settle();
      assert.equal(h.granted.length, 10);
      assert.deepEqual(h.scheduler.snapshot(key)?.queued, { interactive: 0, visible: 0, background: 2 });
    });

    it('keeps one bucket per service, profile and region', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('a', 'background', { key: budgetKey('connect', 'dev', 'us-east-1') });
      void h.request('b', 'background', { key: budgetKey('connect', 'dev', 'eu-west-2') });
      void h.request('c', 'background', { key: budgetKey('connect', 'prod', 'us-east-1') });
      void h.request('d', 'background', { key: budgetKey('logs', 'dev', 'us-east-1') });
      void h.request('a2', 'background', { key: budgetKey('connect', 'dev', 'us-east-1') });
      await settle();
      assert.deepEqual(h.labels(), ['a', 'b', 'c', 'd']);
      await h.clock.advance(1_000);
      assert.deepEqual(h.labels(), ['a', 'b', 'c', 'd', 'a2']);
      assert.equal(h.scheduler.snapshots().length, 4);
    });

    it('applies a changed budget from the next request on', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('slow');
      await settle();
      void h.request('fast', 'background', { budget: { requestsPerSecond: 10, burst: 1 } });
      await h.clock.advance(99);
      assert.deepEqual(h.labels(), ['slow']);
      await h.clock.advance(1);
      assert.deepEqual(h.granted.map((g) => [g.label, g.at]), [['slow', 0], ['fast', 100]]);
      assert.deepEqual(h.scheduler.snapshot(key)?.configured, { requestsPerSecond: 10, burst: 1 });
    });

    it('passes everything at once with no budget, and never slows down', async () => {
      const h = harness(unlimitedBudget);
      for (let i = 0; i < 100; i++) void h.request(`r${i}`);
      await settle();
      assert.equal(h.granted.length, 100);
      assert.equal(h.grantOf('r99').waitedMs, 0);
      h.grantOf('r0').settle('throttled');
      assert.equal(h.scheduler.snapshot(key)?.requestsPerSecond, Number.POSITIVE_INFINITY);
      assert.equal(h.clock.pendingTimers(), 0);
    });
  });

  describe('priorities', () => {
    it('serves interactive, then visible, then background, first come first served within each', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('first');
      await settle();
      void h.request('b1', 'background');
      void h.request('v1', 'visible');
      void h.request('b2', 'background');
      void h.request('i1', 'interactive');
      void h.request('v2', 'visible');
      void h.request('i2', 'interactive');
      await settle();
      assert.deepEqual(h.scheduler.snapshot(key)?.queued, { interactive: 2, visible: 2, background: 2 });
      await h.clock.advance(6_000);
      assert.deepEqual(h.granted.map((g) => [g.label, g.at]), [
        ['first', 0], ['i1', 1000], ['i2', 2000], ['v1', 3000], ['v2', 4000], ['b1', 5000], ['b2', 6000],
      ]);
    });

    it('lets an interactive lookup jump a long background queue', async () => {
      const h = harness();
      for (let i = 1; i <= 20; i++) void h.request(`search${i}`, 'background');
      await h.clock.advance(100);
      void h.request('lookup', 'interactive');
      await h.clock.advance(400);
      assert.equal(h.granted[5].label, 'lookup', 'the first token after the burst');
      assert.equal(h.granted[5].at, 500);
      assert.equal(h.grantOf('lookup').waitedMs, 400);
      assert.equal(h.grantOf('lookup').queuedAhead, 0);
      await h.clock.advance(10_000);
      assert.equal(h.granted.length, 21);
      assert.deepEqual(h.labels().filter((l) => l.startsWith('search')), Array.from({ length: 20 }, (_, i) => `search${i + 1}`));
    });

    it('moves a queued request up when a more urgent caller joins it, never down', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('first');
      for (let i = 1; i <= 3; i++) void h.request(`label${i}`, 'background');
      // A name the explorer's labels load in the background...
      const shared = new SharedPriority('background');
      void h.request('name', shared);
      void h.request('v1', 'visible');
      await settle();
      assert.deepEqual(h.scheduler.snapshot(key)?.queued, { interactive: 0, visible: 1, background: 4 });
      // ...that a panel on screen asks for too.
      shared.join('visible');
      shared.join('background');
      assert.equal(shared.current, 'visible');
      assert.deepEqual(h.scheduler.snapshot(key)?.queued, { interactive: 0, visible: 2, background: 3 });
      await h.clock.advance(5_000);
      // In its new line by when it was first asked: ahead of the visible request asked after it.
      assert.deepEqual(h.granted.map((g) => [g.label, g.at]), [['first', 0], ['name', 1000], ['v1', 2000], ['label1', 3000], ['label2', 4000], ['label3', 5000]]);
      shared.join('interactive');
      await h.clock.advance(1_000);
      assert.equal(h.granted.length, 6, 'raising a granted request changes nothing');
    });

    it('cancels a raised request from the line it moved to', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('first');
      const shared = new SharedPriority('background');
      const controller = new AbortController();
      void h.request('name', shared, { signal: controller.signal });
      await settle();
      shared.join('interactive');
      controller.abort();
      await settle();
      assert.equal((h.failed[0]?.error as ConnectServiceError).kind, 'Cancelled');
      assert.deepEqual(h.scheduler.snapshot(key)?.queued, { interactive: 0, visible: 0, background: 0 });
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('puts a retry back in its first place in line', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      const first = await h.request('a');
      void h.request('b');
      void h.request('c');
      await settle();
      // 'a' was answered with an error the SDK retries: its second attempt goes before 'b' and 'c'.
      void h.request('a (retry)', 'background', { order: (first as Grant).order });
      await h.clock.advance(3_000);
      assert.deepEqual(h.labels(), ['a', 'a (retry)', 'b', 'c']);
    });
  });

  describe('cancellation', () => {
    it('a request cancelled while queued leaves at once, as Cancelled, without using a token', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('first');
      const controller = new AbortController();
      void h.request('cancelled', 'interactive', { signal: controller.signal });
      void h.request('next', 'background');
      await h.clock.advance(300);
      controller.abort();
      await settle();
      assert.equal(h.failed.length, 1);
      const { error, at } = h.failed[0];
      assert.ok(error instanceof ConnectServiceError);
      assert.equal(error.kind, 'Cancelled');
      assert.equal(error.message, 'SearchContacts was cancelled.');
      assert.equal(at, 300, 'rejected when cancelled, not when a token came');
      assert.deepEqual(h.scheduler.snapshot(key)?.queued, { interactive: 0, visible: 0, background: 1 });
      await h.clock.advance(700);
      assert.deepEqual(h.granted.map((g) => [g.label, g.at]), [['first', 0], ['next', 1000]], 'the token went to the next request');
    });

    it('never queues a request whose signal is already aborted', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('gone', 'interactive', { signal: AbortSignal.abort() });
      await settle();
      assert.equal(h.failed.length, 1);
      assert.equal((h.failed[0].error as ConnectServiceError).kind, 'Cancelled');
      void h.request('next');
      await settle();
      assert.deepEqual(h.granted.map((g) => [g.label, g.at]), [['next', 0]], 'its token is still there');
    });

    it('stops waking up when the last queued request is cancelled', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('first');
      const controller = new AbortController();
      void h.request('cancelled', 'background', { signal: controller.signal });
      await settle();
      assert.equal(h.clock.pendingTimers(), 1);
      controller.abort();
      await settle();
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('cancels every queued request on dispose', async () => {
      const h = harness({ requestsPerSecond: 1, burst: 1 });
      void h.request('first');
      void h.request('queued1');
      void h.request('queued2', 'interactive');
      await settle();
      h.scheduler.dispose();
      await settle();
      assert.deepEqual(h.failed.map((f) => [f.label, (f.error as ConnectServiceError).kind]).sort(), [['queued1', 'Cancelled'], ['queued2', 'Cancelled']]);
      assert.equal(h.clock.pendingTimers(), 0);
    });
  });

  describe('adaptive rate', () => {
    it('halves the rate and owes a token when the service throttles', async () => {
      const h = harness();
      const g = (await h.request('throttled')) as Grant;
      assert.equal(h.scheduler.snapshot(key)?.tokens, 4);
      const after = g.settle('throttled');
      assert.equal(after.requestsPerSecond, 1);
      assert.equal(after.tokens, -1);
      void h.request('retry', 'interactive', { order: g.order });
      await h.clock.advance(1_999);
      assert.equal(h.granted.length, 1, 'the four tokens counted before the 429 are gone, and one more is owed');
      await h.clock.advance(1);
      assert.deepEqual(h.granted.map((x) => [x.label, x.at]), [['throttled', 0], ['retry', 2000]]);
      assert.equal(h.grantOf('retry').waitedMs, 2000);
      assert.equal(h.grantOf('throttled').settle('throttled').requestsPerSecond, 1, 'an outcome counts once');
    });

    it('slows down once per wave: throttles of requests sent before a slowdown do not halve again', async () => {
      const h = harness();
      for (let i = 1; i <= 5; i++) void h.request(`w${i}`);
      await settle();
      h.grantOf('w1').settle('throttled');
      h.grantOf('w2').settle('throttled');
      h.grantOf('w3').settle('throttled');
      assert.equal(h.scheduler.snapshot(key)?.requestsPerSecond, 1);
      h.grantOf('w4').settle('answered');
      assert.equal(h.scheduler.snapshot(key)?.requestsPerSecond, 1, 'an answer to a request sent too fast proves nothing');
      void h.request('after');
      await h.clock.advance(2_000);
      h.grantOf('after').settle('throttled');
      assert.equal(h.scheduler.snapshot(key)?.requestsPerSecond, 0.5, 'still throttled at the slower rate: slower again');
    });

    it('never goes below the floor (or the configured rate, when that is lower)', async () => {
      for (const [budget, floor] of [[serviceDefault, minimumRate], [{ requestsPerSecond: 0.1, burst: 1 }, 0.1]] as const) {
        const h = harness(budget);
        for (let i = 0; i < 8; i++) {
          void h.request(`r${i}`, 'interactive');
          await h.clock.advance(30_000);
          h.grantOf(`r${i}`).settle('throttled');
        }
        assert.equal(h.scheduler.snapshot(key)?.requestsPerSecond, floor);
      }
    });

    it('recovers about a tenth of the configured rate per second of answers, up to the configured rate', async () => {
      const h = harness({ requestsPerSecond: 10, burst: 5 });
      const g = (await h.request('throttled')) as Grant;
      assert.equal(g.settle('throttled').requestsPerSecond, 5);
      void h.request('retry', 'background', { order: g.order });
      await h.clock.advance(400);
      assert.equal(h.grantOf('retry').settle('unanswered').requestsPerSecond, 5, 'a failure without an answer changes nothing');
      // Requests one after another, each answered when granted.
      const points: [number, number][] = [];
      for (let i = 0; h.clock.now() < 8_000; i++) {
        void h.request(`r${i}`);
        while (h.granted.length < i + 3) await h.clock.advance(10);
        points.push([h.clock.now(), h.grantOf(`r${i}`).settle('answered').requestsPerSecond]);
      }
      for (const [at, rate] of points) {
        const expected = Math.min(10, 5 + (at - 400) / 1000);
        assert.ok(Math.abs(rate - expected) < 0.5, `about +1/s each second, not +1/s each answer: ${rate.toFixed(2)}/s at ${at} ms`);
      }
      assert.equal(points.at(-1)![1], 10, 'back to the configured rate');
      assert.ok(points.every(([, rate]) => rate <= 10));
    });

    it('at most doubles the rate per answer, from the floor', async () => {
      const h = harness();
      for (let i = 0; i < 4; i++) {
        void h.request(`t${i}`);
        await h.clock.advance(30_000);
        h.grantOf(`t${i}`).settle('throttled');
      }
      assert.equal(h.scheduler.snapshot(key)?.requestsPerSecond, minimumRate);
      void h.request('answered');
      await h.clock.advance(30_000);
      assert.equal(h.grantOf('answered').settle('answered').requestsPerSecond, 2 * minimumRate, 'not 0.2 + 0.1 × 2 / 0.2 = 1.2');
    });

    it('keeps a slowdown when the setting is raised, and recovers towards the new rate', async () => {
      const h = harness();
      const g = (await h.request('throttled')) as Grant;
      g.settle('throttled');
      void h.request('raised', 'background', { budget: { requestsPerSecond: 10, burst: 5 } });
      await h.clock.advance(2_000);
      const state = h.grantOf('raised').settle('answered');
      assert.equal(state.configured.requestsPerSecond, 10);
      assert.equal(state.requestsPerSecond, 2, '1/s after the 429, plus a tenth of 10/s for its one second');
    });
  });
});

describe('RequestScheduler: arrival margin', () => {
  it('keeps 150 ms of tokens in hand, so the request after a burst cannot reach the service before its refill', async () => {
    const { FakeClock } = await import('./fakeClock');
    const { RequestScheduler, tokenCap } = await import('../../../src/aws/scheduler');
    assert.equal(tokenCap({ requestsPerSecond: 2, burst: 5 }), 4.7);
    assert.equal(tokenCap({ requestsPerSecond: 2, burst: 1 }), 1, 'a burst of one stays one');
    const clock = new FakeClock();
    const scheduler = new RequestScheduler({ clock, interactiveReserve: 0 });
    const budget = { requestsPerSecond: 2, burst: 5 };
    const granted: number[] = [];
    const waits = Array.from({ length: 6 }, () => scheduler.acquire({ key: 'k', budget, priority: 'background', operation: 'DescribeQueue' }).then(() => granted.push(clock.now())));
    await clock.advance(1000);
    await Promise.all(waits);
    assert.deepEqual(granted.map((t) => Math.round(t)), [0, 0, 0, 0, 150, 650], 'four at once, then the margin, then 1/rate');
    scheduler.dispose();
  });
});

describe('RequestScheduler: tokens kept for the person', () => {
  it('leaves two tokens to interactive requests: a lookup (instance list, then contact) after a panel drained the budget goes at once', async () => {
    const { FakeClock } = await import('./fakeClock');
    const { RequestScheduler } = await import('../../../src/aws/scheduler');
    const clock = new FakeClock();
    const scheduler = new RequestScheduler({ clock, arrivalMarginMs: 0 });
    const budget = { requestsPerSecond: 2, burst: 5 };
    const at: Record<string, number> = {};
    const ask = (label: string, priority: 'interactive' | 'visible') =>
      scheduler.acquire({ key: 'k', budget, priority, operation: label }).then(() => (at[label] = clock.now()));
    const enrichment = Array.from({ length: 8 }, (_, i) => ask(`visible${i}`, 'visible'));
    await clock.advance(0);
    assert.deepEqual(Object.keys(at).sort(), ['visible0', 'visible1', 'visible2'], 'the enrichment takes all but two tokens');
    const listing = ask('listInstances', 'interactive');
    const lookup = ask('lookup', 'interactive');
    await clock.advance(0);
    assert.equal(at.listInstances, 0, 'the instance list did not wait');
    assert.equal(at.lookup, 0, 'nor the lookup after it');
    await clock.advance(5000);
    await Promise.all([listing, lookup, ...enrichment]);
    assert.equal(Object.keys(at).length, 10, 'and the enrichment still all went');
    scheduler.dispose();
  });
});
