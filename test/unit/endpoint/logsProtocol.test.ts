// CloudWatch Logs' awsJson1.1 on the same endpoint as Connect's restJson1: routing by X-Amz-Target, SigV4 for
// the service `logs`, `__type` errors with HTTP 400, and the pipeline both share (IAM deny list, rate limit,
// faults, request log) applied to Logs operations by their own names.
import * as assert from 'node:assert/strict';
import { ConnectClient, ListInstancesCommand } from '@aws-sdk/client-connect';
import { localCredentials, localSessionCredentials } from '../../endpoint/localCredentials';
import { callLogs } from '../../endpoint/logsClient';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { signatureMismatchMessage, signRequest } from '../../endpoint/sigv4';

const filterVoice = { logGroupName: flowLogIds.logGroup, filterPattern: `{ $.ContactId = "${sampleIds.voice}" }`, limit: 5 };

async function connectOutcome(endpoint: RunningEndpoint): Promise<string> {
  const connect = new ConnectClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
  try {
    await connect.send(new ListInstancesCommand({}));
    return 'ok';
  } catch (err) {
    const e = err as { name: string; $metadata?: { httpStatusCode?: number } };
    return `${e.$metadata?.httpStatusCode} ${e.name}`;
  } finally {
    connect.destroy();
  }
}

describe('CloudWatch Logs protocol (awsJson1.1) on the local endpoint', () => {
  let endpoint: RunningEndpoint;

  before(async () => {
    endpoint = await startEndpoint();
  });
  after(async () => {
    await endpoint.close();
  });
  afterEach(() => {
    endpoint.clearFaults();
    endpoint.setDeny([]);
  });

  it('routes POST / by X-Amz-Target and answers in application/x-amz-json-1.1 with a request ID', async () => {
    endpoint.requests.length = 0;
    const r = await callLogs(endpoint.url, 'FilterLogEvents', filterVoice);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.match(r.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(Array.isArray(r.body.events));
    const d = await callLogs(endpoint.url, 'DescribeLogGroups', {});
    assert.equal(d.status, 200);
    assert.deepEqual(
      endpoint.requests.map((e) => [e.method, e.path, e.operation, e.status]),
      [
        ['POST', '/', 'FilterLogEvents', 200],
        ['POST', '/', 'DescribeLogGroups', 200],
      ],
    );
  });

  it('still serves Connect’s restJson1 on the same port', async () => {
    assert.equal(await connectOutcome(endpoint), 'ok');
  });

  it('answers an operation it does not serve, or another target prefix, with 400 UnknownOperationException', async () => {
    for (const target of ['Logs_20140328.PutLogEvents', 'DynamoDB_20120810.ListTables']) {
      const r = await callLogs(endpoint.url, 'x', {}, { target });
      assert.deepEqual([r.status, r.errorType], [400, 'UnknownOperationException'], target);
    }
    assert.equal(endpoint.requests.at(-1)?.operation, 'Unknown');
  });

  it('wants Content-Type application/x-amz-json-1.1 and a JSON object body', async () => {
    const wrongType = await callLogs(endpoint.url, 'DescribeLogGroups', {}, { contentType: 'application/json' });
    assert.deepEqual([wrongType.status, wrongType.errorType], [400, 'SerializationException']);
    const notJson = await callLogs(endpoint.url, 'DescribeLogGroups', {}, { rawBody: '{"limit": ' });
    assert.deepEqual([notJson.status, notJson.errorType], [400, 'SerializationException']);
    const list = await callLogs(endpoint.url, 'DescribeLogGroups', {}, { rawBody: '[]' });
    assert.deepEqual([list.status, list.errorType], [400, 'SerializationException']);
    const empty = await callLogs(endpoint.url, 'DescribeLogGroups', {}, { rawBody: '' });
    assert.equal(empty.status, 200, 'no body is no parameters');
  });

  describe('SigV4 for the service logs', () => {
    it('refuses a Logs request signed for connect, and a Connect request signed for logs', async () => {
      const r = await callLogs(endpoint.url, 'FilterLogEvents', filterVoice, { service: 'connect' });
      assert.deepEqual([r.status, r.errorType, r.body.message], [400, 'InvalidSignatureException', "Credential should be scoped to correct service: 'logs'. "]);
      const connectAsLogs = await fetch(`${endpoint.url}/instance`, { headers: signedFor(endpoint.url, 'GET', '/instance', {}, '') });
      assert.equal(connectAsLogs.status, 403);
      assert.match(connectAsLogs.headers.get('x-amzn-errortype') ?? '', /^InvalidSignatureException:/);
    });

    it('answers a wrong secret, an unknown key and no signature as awsJson does: 400 with __type and message', async () => {
      const wrong = await callLogs(endpoint.url, 'FilterLogEvents', filterVoice, { credentials: { ...localCredentials, secretAccessKey: 'nope' } });
      assert.deepEqual([wrong.status, wrong.errorType, wrong.body.message], [400, 'InvalidSignatureException', signatureMismatchMessage]);
      const unknown = await callLogs(endpoint.url, 'FilterLogEvents', filterVoice, { credentials: { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' } });
      assert.deepEqual([unknown.status, unknown.errorType], [400, 'UnrecognizedClientException']);
      const unsigned = await fetch(`${endpoint.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.DescribeLogGroups' }, body: '{}' });
      assert.equal(unsigned.status, 400);
      assert.deepEqual(await unsigned.json(), { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    });

    it('accepts any region and the session-token profile', async () => {
      assert.equal((await callLogs(endpoint.url, 'DescribeLogGroups', {}, { region: 'eu-west-2' })).status, 200);
      assert.equal((await callLogs(endpoint.url, 'DescribeLogGroups', {}, { credentials: localSessionCredentials })).status, 200);
      const noToken = await callLogs(endpoint.url, 'DescribeLogGroups', {}, { credentials: { ...localSessionCredentials, sessionToken: undefined } });
      assert.equal(noToken.errorType, 'UnrecognizedClientException');
    });
  });

  it('writes service errors as awsJson: 400, {"__type", "message"}, no X-Amzn-ErrorType header', async () => {
    const r = await callLogs(endpoint.url, 'FilterLogEvents', { logGroupName: flowLogIds.missingLogGroup.logGroupName });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    assert.equal(r.headers.get('x-amzn-errortype'), null);
    const invalid = await callLogs(endpoint.url, 'FilterLogEvents', { ...filterVoice, limit: 0 });
    assert.deepEqual(invalid.body, {
      __type: 'InvalidParameterException',
      message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  describe('IAM deny list', () => {
    it('denies logs:FilterLogEvents as IAM does, naming the log group, and leaves the rest allowed', async () => {
      endpoint.setDeny(['logs:FilterLogEvents']);
      const r = await callLogs(endpoint.url, 'FilterLogEvents', filterVoice);
      assert.deepEqual([r.status, r.errorType], [400, 'AccessDeniedException']);
      assert.equal(
        r.body.message,
        `User: arn:aws:iam::${sampleIds.account}:user/local is not authorized to perform: logs:FilterLogEvents on resource: arn:aws:logs:us-east-1:${sampleIds.account}:log-group:${flowLogIds.logGroup}:log-stream: because no identity-based policy allows the logs:FilterLogEvents action`,
      );
      assert.equal((await callLogs(endpoint.url, 'DescribeLogGroups', {})).status, 200);
      assert.equal(await connectOutcome(endpoint), 'ok');
    });

    it('denies DescribeLogGroups on the account’s log groups; connect:ListInstances is a different action', async () => {
      endpoint.setDeny(['logs:DescribeLogGroups', 'connect:ListInstances']);
      const r = await callLogs(endpoint.url, 'DescribeLogGroups', {}, { region: 'eu-west-1' });
      assert.match(String(r.body.message), /perform: logs:DescribeLogGroups on resource: arn:aws:logs:eu-west-1:123456789012:log-group::log-stream: because/);
      assert.equal(await connectOutcome(endpoint), '403 AccessDeniedException');
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', filterVoice)).status, 200);
    });

    it('takes logs: actions on the control API and from the options', async () => {
      const post = (actions: unknown) => fetch(`${endpoint.url}/__control/deny`, { method: 'POST', body: JSON.stringify({ actions }) });
      assert.equal((await post(['logs:FilterLogEvents', 'connect:DescribeUser'])).status, 200);
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', filterVoice)).errorType, 'AccessDeniedException');
      assert.equal((await post(['ec2:DescribeInstances'])).status, 400);
      const denied = await startEndpoint({ deny: ['logs:FilterLogEvents'] });
      try {
        assert.equal((await callLogs(denied.url, 'FilterLogEvents', filterVoice)).errorType, 'AccessDeniedException');
      } finally {
        await denied.close();
      }
    });
  });

  describe('faults', () => {
    it('throttle FilterLogEvents by operation name: 400 ThrottlingException, then answer', async () => {
      endpoint.setFaults({ throttle: 1, operation: 'FilterLogEvents' });
      assert.equal((await callLogs(endpoint.url, 'DescribeLogGroups', {})).status, 200);
      const r = await callLogs(endpoint.url, 'FilterLogEvents', filterVoice);
      assert.deepEqual([r.status, r.body], [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }]);
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', filterVoice)).status, 200);
    });

    it('fail with 500 ServiceUnavailableException, and send malformed JSON as the Logs content type', async () => {
      endpoint.setFaults({ status500: 1 });
      const r = await callLogs(endpoint.url, 'DescribeLogGroups', {});
      assert.deepEqual([r.status, r.errorType], [500, 'ServiceUnavailableException']);
      endpoint.setFaults({ malformedJson: 1 });
      const headers = signedFor(endpoint.url, 'POST', '/', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.DescribeLogGroups' }, '{}');
      const res = await fetch(`${endpoint.url}/`, { method: 'POST', headers, body: '{}' });
      assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
      assert.match(await res.text(), /\{"unterminated$/);
    });
  });
});

describe('CloudWatch Logs rate limit', () => {
  it('gives Logs its own bucket per account and region, apart from Connect’s, answering 400 ThrottlingException', async () => {
    // A token every 100 s: nothing refills during the test, however slow the machine.
    const endpoint = await startEndpoint({ rate: 0.01, burst: 2 });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await callLogs(endpoint.url, 'DescribeLogGroups', {});
        outcomes.push(r.status === 200 ? 'ok' : `${r.status} ${r.errorType}`);
      }
      assert.deepEqual(outcomes, ['ok', 'ok', '400 ThrottlingException']);
      // Connect's bucket is untouched, and another region's Logs bucket is full.
      assert.equal(await connectOutcome(endpoint), 'ok');
      assert.equal((await callLogs(endpoint.url, 'DescribeLogGroups', {}, { region: 'us-west-2' })).status, 200);
      assert.equal(await connectOutcome(endpoint), 'ok');
      assert.equal(await connectOutcome(endpoint), '429 ThrottlingException');
    } finally {
      await endpoint.close();
    }
  });
});

/** Headers signed for the service `logs`, for a request sent with fetch directly. */
function signedFor(endpointUrl: string, method: string, path: string, headers: Record<string, string>, body: string): Record<string, string> {
  const host = new URL(endpointUrl).host;
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const signed = signRequest({ method, url: path, headers: { host, ...headers }, body: Buffer.from(body) }, localCredentials, 'us-east-1', amzDate, 'logs');
  delete signed.host;
  return signed;
}
