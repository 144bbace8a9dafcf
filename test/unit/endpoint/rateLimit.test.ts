// The endpoint's token-bucket rate limit: off unless asked, shared by every operation of an account and
// region, answering like the `throttle` fault (429 ThrottlingException) when the bucket is empty.
import * as assert from 'node:assert/strict';
import { ConnectClient, DescribeContactCommand, DescribeQueueCommand, ListInstancesCommand, type ConnectServiceException } from '@aws-sdk/client-connect';
import { localCredentials } from '../../endpoint/localCredentials';
import { RateLimiter, TokenBucket, validateRateLimit } from '../../endpoint/rateLimit';
import { maximalResources, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    const e = err as ConnectServiceException;
    return `${e.$metadata?.httpStatusCode} ${e.name}`;
  }
}

describe('rate limit', () => {
  describe('token bucket (fake clock)', () => {
    it('lets a burst through, then one request per 1/rate seconds', () => {
      let now = 0;
      const bucket = new TokenBucket({ rate: 2, burst: 5 }, () => now);
      assert.deepEqual(Array.from({ length: 6 }, () => bucket.take()), [true, true, true, true, true, false]);
      now = 499;
      assert.equal(bucket.take(), false);
      now = 500;
      assert.deepEqual([bucket.take(), bucket.take()], [true, false]);
      now = 60_000;
      assert.equal(Array.from({ length: 7 }, () => bucket.take()).filter(Boolean).length, 5, 'refills to the burst, no more');
    });

    it('keeps one bucket per key', () => {
      const limiter = new RateLimiter({ rate: 1, burst: 1 }, () => 0);
      assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('b')], [true, false, true]);
    });

    it('rejects a rate or burst the bucket cannot use', () => {
      assert.throws(() => validateRateLimit({ rate: 0, burst: 5 }), /rate must be a positive number/);
      assert.throws(() => validateRateLimit({ rate: 2, burst: 0.5 }), /burst must be a whole number/);
    });
  });

  describe('over HTTP (2 per second, burst 5)', () => {
    let endpoint: RunningEndpoint;
    const client = (region = 'us-east-1') => new ConnectClient({ endpoint: endpoint.url, region, credentials: localCredentials, maxAttempts: 1 });

    beforeEach(async () => {
      endpoint = await startEndpoint({ rate: 2, burst: 5 });
    });
    afterEach(async () => {
      await endpoint.close();
    });

    it('passes the first 5 immediate requests across operations, throttles the 6th with 429, and passes one more after 500 ms', async () => {
      const connect = client();
      try {
        const calls = [
          () => connect.send(new ListInstancesCommand({})),
          () => connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.voice })),
          () => connect.send(new DescribeQueueCommand({ InstanceId: sampleIds.instanceA, QueueId: maximalResources.queue.id })),
        ];
        const first: string[] = [];
        for (let i = 0; i < 6; i++) first.push(await outcome(calls[i % calls.length]()));
        assert.deepEqual(first, ['ok', 'ok', 'ok', 'ok', 'ok', '429 ThrottlingException']);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(await outcome(calls[0]()), 'ok');
        // (That exactly one token came back is the fake-clock test's to show; here real time could add a little.)
        assert.deepEqual(endpoint.requests.map((r) => r.status), [200, 200, 200, 200, 200, 429, 200]);
      } finally {
        connect.destroy();
      }
    });

    it('sends the ThrottlingException body and header the throttle fault sends', async () => {
      const connect = client();
      try {
        for (let i = 0; i < 5; i++) await connect.send(new ListInstancesCommand({}));
        const err = await connect.send(new ListInstancesCommand({})).then(
          () => assert.fail('expected throttling'),
          (e: ConnectServiceException) => e,
        );
        assert.equal(err.name, 'ThrottlingException');
        assert.equal(err.message, 'Rate exceeded');
        assert.equal(err.$metadata.httpStatusCode, 429);
      } finally {
        connect.destroy();
      }
    });

    it('keeps another region’s bucket apart, and does not spend tokens on the control API', async () => {
      const east = client('us-east-1');
      const west = client('us-west-2');
      try {
        for (let i = 0; i < 5; i++) assert.equal(await outcome(east.send(new ListInstancesCommand({}))), 'ok');
        assert.equal(await outcome(east.send(new ListInstancesCommand({}))), '429 ThrottlingException');
        assert.equal(await outcome(west.send(new ListInstancesCommand({}))), 'ok');
        assert.equal((await fetch(`${endpoint.url}/__control/requests`)).status, 200);
      } finally {
        east.destroy();
        west.destroy();
      }
    });
  });

  it('is off unless asked: 20 immediate requests all pass', async () => {
    const endpoint = await startEndpoint();
    const connect = new ConnectClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => outcome(connect.send(new ListInstancesCommand({})))));
      assert.ok(results.every((r) => r === 'ok'), results.join(', '));
    } finally {
      connect.destroy();
      await endpoint.close();
    }
  });

  it('refuses a burst without a rate', async () => {
    await assert.rejects(startEndpoint({ burst: 5 }), /burst needs a rate/);
  });
});
