// The endpoint over real HTTP on 127.0.0.1, driven by the real @aws-sdk/client-connect.
import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  ConnectClient,
  DescribeContactCommand,
  DescribeInstanceCommand,
  GetContactAttributesCommand,
  ListInstancesCommand,
  SearchContactsCommand,
  type ConnectServiceException,
} from '@aws-sdk/client-connect';
import { localCredentials, localSessionCredentials } from '../../endpoint/localCredentials';
import { loadSampleContact } from '../../endpoint/sampleData';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { signatureMismatchMessage } from '../../endpoint/sigv4';
import { createTestCertificate } from '../../endpoint/tls';

function client(endpoint: RunningEndpoint, credentials = localCredentials, maxAttempts = 1): ConnectClient {
  return new ConnectClient({ endpoint: endpoint.url, region: 'us-east-1', credentials, maxAttempts });
}

async function failure(p: Promise<unknown>): Promise<ConnectServiceException> {
  try {
    await p;
  } catch (err) {
    return err as ConnectServiceException;
  }
  assert.fail('expected the call to fail');
}

/** The SDK turns an epoch-seconds timestamp into a Date; compare in epoch seconds. */
function seconds(d: Date | undefined): number | undefined {
  return d === undefined ? undefined : d.getTime() / 1000;
}

describe('local Connect endpoint over HTTP (JS SDK v3)', () => {
  let endpoint: RunningEndpoint;
  let connect: ConnectClient;

  before(async () => {
    endpoint = await startEndpoint({ rebaseTimes: false, credentials: [{ accessKeyId: 'AKIAEXTRAUSER0000001', secretAccessKey: 'extra-secret' }] });
    connect = client(endpoint);
  });
  after(async () => {
    connect.destroy();
    await endpoint.close();
  });
  afterEach(() => endpoint.clearFaults());

  it('binds 127.0.0.1 on a free port', () => {
    assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(endpoint.port > 0);
  });

  it('describes a sample contact with the values stored in the sample file', async () => {
    const out = await connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.voice }));
    const stored = loadSampleContact(sampleIds.voice);
    assert.equal(out.Contact?.Id, sampleIds.voice);
    assert.equal(out.Contact?.Channel, 'VOICE');
    assert.equal(seconds(out.Contact?.InitiationTimestamp), stored.InitiationTimestamp);
    assert.equal(seconds(out.Contact?.AgentInfo?.ConnectedToAgentTimestamp), (stored.AgentInfo as { ConnectedToAgentTimestamp: number }).ConnectedToAgentTimestamp);
    assert.deepEqual(out.Contact?.Attributes, stored.Attributes);
    assert.equal(out.Contact?.SegmentAttributes?.['connect:CustomerAuthentication']?.ValueMap?.Factors?.ValueList?.[1].ValueString, 'caller-id');
    assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('serves the hostile contact’s strings unchanged', async () => {
    const out = await connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceB, ContactId: sampleIds.hostile }));
    const stored = loadSampleContact(sampleIds.hostile);
    assert.equal(out.Contact?.Name, stored.Name);
    assert.deepEqual(out.Contact?.Attributes, stored.Attributes);
  });

  it('lists instances page by page and describes one', async () => {
    const first = await connect.send(new ListInstancesCommand({ MaxResults: 2 }));
    assert.deepEqual(first.InstanceSummaryList?.map((i) => i.InstanceAlias), ['acme-support', 'acme-sales']);
    const second = await connect.send(new ListInstancesCommand({ MaxResults: 2, NextToken: first.NextToken }));
    assert.deepEqual(second.InstanceSummaryList?.map((i) => i.InstanceAlias), ['acme-lab']);
    const described = await connect.send(new DescribeInstanceCommand({ InstanceId: sampleIds.instanceB }));
    assert.equal(described.Instance?.InstanceAlias, 'acme-sales');
    assert.deepEqual(described.Instance?.Tags, { Environment: 'production', Team: 'sales' });
    assert.ok(described.Instance?.CreatedTime instanceof Date);
  });

  it('searches contacts with a time range, channel filter and paging', async () => {
    const newest = loadSampleContact(sampleIds.task).InitiationTimestamp as number;
    const TimeRange = { Type: 'INITIATION_TIMESTAMP' as const, StartTime: new Date((newest - 4 * 86400) * 1000), EndTime: new Date((newest + 60) * 1000) };
    const page1 = await connect.send(new SearchContactsCommand({ InstanceId: sampleIds.instanceA, TimeRange, SearchCriteria: { Channels: ['VOICE'] }, MaxResults: 2 }));
    assert.equal(page1.Contacts?.length, 2);
    assert.ok(page1.NextToken);
    assert.ok(page1.Contacts?.every((c) => c.Channel === 'VOICE'));
    const page2 = await connect.send(new SearchContactsCommand({ InstanceId: sampleIds.instanceA, TimeRange, SearchCriteria: { Channels: ['VOICE'] }, MaxResults: 2, NextToken: page1.NextToken }));
    assert.equal((page1.Contacts?.length ?? 0) + (page2.Contacts?.length ?? 0) <= (page1.TotalCount ?? 0), true);
    assert.ok(page2.Contacts?.[0].InitiationTimestamp instanceof Date);
  });

  it('returns the contact attributes of the initial contact', async () => {
    const out = await connect.send(new GetContactAttributesCommand({ InstanceId: sampleIds.instanceA, InitialContactId: sampleIds.voice }));
    assert.deepEqual(out.Attributes, loadSampleContact(sampleIds.voice).Attributes);
  });

  it('answers an unknown contact with a 404 ResourceNotFoundException carrying the message and request ID', async () => {
    const err = await failure(connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.missingContact })));
    assert.equal(err.name, 'ResourceNotFoundException');
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.equal(err.message, `Contact not found: ${sampleIds.missingContact} does not exist in instance ${sampleIds.instanceA}`);
    assert.match(err.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('answers an over-long contact ID with InvalidParameterException', async () => {
    const err = await failure(connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: 'x'.repeat(300) })));
    assert.equal(err.name, 'InvalidParameterException');
    assert.equal(err.$metadata.httpStatusCode, 400);
  });

  it('rejects a wrong secret with 403 InvalidSignatureException and an unknown key with UnrecognizedClientException', async () => {
    const wrong = client(endpoint, { ...localCredentials, secretAccessKey: 'not-the-secret' });
    const err = await failure(wrong.send(new ListInstancesCommand({})));
    assert.equal(err.name, 'InvalidSignatureException');
    assert.equal(err.$metadata.httpStatusCode, 403);
    assert.equal(err.message, signatureMismatchMessage);
    const unknown = client(endpoint, { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' });
    const err2 = await failure(unknown.send(new ListInstancesCommand({})));
    assert.equal(err2.name, 'UnrecognizedClientException');
    wrong.destroy();
    unknown.destroy();
  });

  it('accepts session-token credentials and credentials added by options', async () => {
    const session = client(endpoint, localSessionCredentials);
    assert.ok((await session.send(new ListInstancesCommand({}))).InstanceSummaryList?.length);
    const extra = client(endpoint, { accessKeyId: 'AKIAEXTRAUSER0000001', secretAccessKey: 'extra-secret' });
    assert.ok((await extra.send(new ListInstancesCommand({}))).InstanceSummaryList?.length);
    const missingToken = client(endpoint, { accessKeyId: localSessionCredentials.accessKeyId, secretAccessKey: localSessionCredentials.secretAccessKey });
    assert.equal((await failure(missingToken.send(new ListInstancesCommand({})))).name, 'UnrecognizedClientException');
    for (const c of [session, extra, missingToken]) c.destroy();
  });

  describe('fault injection', () => {
    const describeVoice = (c = connect) => c.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.voice }));

    it('throttles the next N requests with 429 ThrottlingException, then answers', async () => {
      endpoint.setFaults({ throttle: 1 });
      const err = await failure(describeVoice());
      assert.equal(err.name, 'ThrottlingException');
      assert.equal(err.$metadata.httpStatusCode, 429);
      assert.equal((await describeVoice()).Contact?.Id, sampleIds.voice);
    });

    it('lets the SDK retry through throttling and 500s when it has attempts left', async () => {
      endpoint.setFaults({ throttle: 1, status500: 1 });
      const retrying = client(endpoint, localCredentials, 3);
      const out = await describeVoice(retrying);
      assert.equal(out.$metadata.attempts, 3);
      retrying.destroy();
    });

    it('answers 500 InternalServiceException always when asked', async () => {
      endpoint.setFaults({ status500: true });
      for (let i = 0; i < 2; i++) assert.equal((await failure(describeVoice())).name, 'InternalServiceException');
    });

    it('limits faults to one operation', async () => {
      endpoint.setFaults({ status500: true, operation: 'DescribeContact' });
      assert.ok((await connect.send(new ListInstancesCommand({}))).InstanceSummaryList);
      assert.equal((await failure(describeVoice())).$metadata.httpStatusCode, 500);
    });

    it('resets the connection', async () => {
      endpoint.setFaults({ reset: 1 });
      const err = await failure(describeVoice());
      assert.match(`${err.name} ${(err as unknown as { code?: string }).code ?? ''} ${err.message}`, /ECONNRESET|socket hang up/);
    });

    it('sends malformed JSON and truncated bodies that the SDK cannot parse', async () => {
      endpoint.setFaults({ malformedJson: 1 });
      const malformed = await failure(describeVoice());
      assert.ok(malformed instanceof Error);
      assert.equal(malformed.$metadata?.httpStatusCode ?? 200, 200);
      endpoint.setFaults({ truncated: 1 });
      const truncated = await failure(describeVoice());
      assert.ok(truncated instanceof Error);
      assert.equal((await describeVoice()).Contact?.Id, sampleIds.voice);
    });

    it('pads DescribeContact to about largeBodyBytes', async () => {
      endpoint.setFaults({ largeBodyBytes: 2_000_000 });
      const out = await describeVoice();
      const size = Buffer.byteLength(JSON.stringify({ Contact: out.Contact }));
      assert.ok(size > 1_900_000 && size < 2_100_000, `${size} bytes`);
      assert.equal(out.Contact?.Attributes?.customerTier, 'gold');
    });

    it('holds a request for hangMs; the client can abort it', async () => {
      endpoint.setFaults({ hangMs: 600_000 });
      const before = endpoint.requests.length;
      const abort = new AbortController();
      const pending = failure(connect.send(new ListInstancesCommand({}), { abortSignal: abort.signal }));
      while (endpoint.requests.length === before) await new Promise((r) => setImmediate(r));
      abort.abort();
      assert.equal((await pending).name, 'AbortError');
    });
  });

  describe('control API', () => {
    async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
      const res = await fetch(`${endpoint.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    }

    it('sets and clears faults without a signature', async () => {
      assert.equal((await control('POST', '/__control/faults', { throttle: 1, operation: 'ListInstances' })).status, 200);
      assert.equal((await failure(connect.send(new ListInstancesCommand({})))).name, 'ThrottlingException');
      await control('POST', '/__control/faults', { status500: true });
      await control('DELETE', '/__control/faults');
      assert.ok((await connect.send(new ListInstancesCommand({}))).InstanceSummaryList);
    });

    it('rejects an unknown fault', async () => {
      const res = await control('POST', '/__control/faults', { explode: true });
      assert.equal(res.status, 400);
      assert.equal(res.json.message, 'Unknown fault "explode"');
    });

    it('logs requests with method, path, operation, status and time, and never a signature or key', async () => {
      await control('DELETE', '/__control/requests');
      assert.equal(endpoint.requests.length, 0);
      await connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.chat }));
      await failure(connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.missingContact })));
      const res = await control('GET', '/__control/requests');
      const log = res.json.requests as Record<string, unknown>[];
      assert.deepEqual(
        log.map((e) => [e.method, e.path, e.operation, e.status]),
        [
          ['GET', `/contacts/${sampleIds.instanceA}/${sampleIds.chat}`, 'DescribeContact', 200],
          ['GET', `/contacts/${sampleIds.instanceA}/${sampleIds.missingContact}`, 'DescribeContact', 404],
        ],
      );
      assert.ok(log.every((e) => !Number.isNaN(Date.parse(e.time as string))));
      const text = JSON.stringify(log);
      for (const secret of ['Signature', 'AWS4-HMAC', localCredentials.accessKeyId, localCredentials.secretAccessKey]) assert.ok(!text.includes(secret), secret);
    });
  });
});

describe('local Connect endpoint: bundled samples are rebased to the start time', () => {
  it('serves the newest sample about an hour before the server started', async () => {
    const started = Date.now();
    const endpoint = await startEndpoint();
    const connect = client(endpoint);
    try {
      const out = await connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.task }));
      const hoursBefore = (started / 1000 - (seconds(out.Contact?.InitiationTimestamp) ?? 0)) / 3600;
      assert.ok(hoursBefore > 0.9 && hoursBefore < 1.1, `${hoursBefore} h`);
    } finally {
      connect.destroy();
      await endpoint.close();
    }
  });
});

describe('local Connect endpoint over HTTPS', () => {
  it('serves TLS with a given certificate; a client trusting it as CA reads a contact, one that does not is refused', async () => {
    const certificate = createTestCertificate();
    const endpoint = await startEndpoint({ tls: { key: certificate.key, cert: certificate.cert } });
    const trusting = new ConnectClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: localCredentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ ca: certificate.cert }) }),
    });
    const untrusting = client(endpoint);
    try {
      assert.match(endpoint.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const out = await trusting.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.email }));
      assert.equal(out.Contact?.Channel, 'EMAIL');
      const err = await failure(untrusting.send(new ListInstancesCommand({})));
      assert.match(`${(err as unknown as { code?: string }).code} ${err.message}`, /SELF_SIGNED|self-signed|certificate/i);
    } finally {
      trusting.destroy();
      untrusting.destroy();
      await endpoint.close();
      certificate.dispose();
    }
  });
});
