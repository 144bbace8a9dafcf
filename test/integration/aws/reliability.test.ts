// The failures people actually meet, each as a real request through the real SDK:
// throttling, 5xx, timeouts, refused and unresolvable hosts, TLS, broken bodies,
// huge bodies, cancellation, load, bad keys, expired SSO, missing profiles.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import type { ConnectErrorKind, ContactRef } from '../../../src/aws/types';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { closedPort, makeService, useLocalAws } from './awsHome';


const voice: ContactRef = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice };

async function failure(promise: Promise<unknown>): Promise<ConnectServiceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConnectServiceError, `expected a ConnectServiceError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

function assertKind(error: ConnectServiceError, kind: ConnectErrorKind, message: RegExp | string): void {
  assert.equal(error.kind, kind, error.message);
  if (typeof message === 'string') assert.equal(error.message, message);
  else assert.match(error.message, message);
}

function describeCalls(endpoint: RunningEndpoint): number {
  return endpoint.requests.filter((r) => r.operation === 'DescribeContact').length;
}

/** Waits (without a fixed sleep) until the endpoint has seen `count` DescribeContact requests. */
async function untilRequests(endpoint: RunningEndpoint, count: number): Promise<void> {
  while (describeCalls(endpoint) < count) await new Promise((r) => setImmediate(r));
}

describe('ConnectService against the local endpoint: reliability', function () {
  this.timeout(20_000);
  const local = useLocalAws();
  afterEach(() => local.endpoint.clearFaults());

  it('retries a throttled call and succeeds once the throttling stops', async () => {
    const { service, logger } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 3 });
    local.endpoint.setFaults({ throttle: 2, operation: 'DescribeContact' });
    const before = describeCalls(local.endpoint);
    const { output } = await service.describeContact(voice);
    assert.equal(output.Contact.Id, sampleIds.voice);
    assert.equal(describeCalls(local.endpoint) - before, 3);
    assert.equal(logger.entries.at(-1)?.attempts, 3);
    assert.deepEqual(logger.traces.map((t) => /→ HTTP (\d+)/.exec(t)?.[1]), ['429', '429', '200']);
  });

  it('gives up on persistent throttling with the attempt count', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 2 });
    local.endpoint.setFaults({ throttle: 100, operation: 'DescribeContact' });
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'Throttling', /^Amazon Connect is throttling DescribeContact: still throttled after 2 attempts\. \(Request ID: \S+\)$/);
    assert.equal(error.info.httpStatus, 429);
  });

  it('reports a persistent 500 clearly after maxAttempts', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 3 });
    local.endpoint.setFaults({ status500: true, operation: 'DescribeContact' });
    const before = describeCalls(local.endpoint);
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'ServiceError', /^Amazon Connect failed with an internal error \(HTTP 500\) on DescribeContact \(3 attempts\)\. \(Request ID: \S+\)$/);
    assert.equal(error.info.hint, 'This is on the AWS side; retry in a moment.');
    assert.equal(describeCalls(local.endpoint) - before, 3);
  });

  it('times out a hanging response after the read timeout', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, readTimeoutSeconds: 1, maxAttempts: 1 });
    local.endpoint.setFaults({ hangMs: 15_000, operation: 'DescribeContact' });
    const started = Date.now();
    const error = await failure(service.describeContact(voice));
    const elapsed = Date.now() - started;
    assertKind(error, 'Timeout', `127.0.0.1:${local.endpoint.port} did not answer within 1 second.`);
    assert.equal(error.info.hint, 'Retry, or raise connectContacts.readTimeoutSeconds.');
    assert.ok(elapsed < 2_000, `the timeout fired at ${elapsed} ms, long before the server's 15 s answer`);
  });

  it('says nothing is listening on a closed port', async () => {
    const port = await closedPort();
    const { service } = makeService(local.home, { endpointUrl: `http://127.0.0.1:${port}`, maxAttempts: 1 });
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'ConnectionRefused', `Nothing is accepting connections at 127.0.0.1:${port} (connection refused).`);
    assert.equal(error.info.requestId, undefined);
  });

  it('says an unresolvable host could not be found', async () => {
    const { service } = makeService(local.home, { endpointUrl: 'http://nonexistent.invalid', maxAttempts: 1 });
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'DnsFailure', 'The host nonexistent.invalid could not be found (DNS lookup failed).');
  });

  describe('TLS with a self-signed certificate', () => {
    let tlsEndpoint: RunningEndpoint;
    let certPath: string;

    before(async () => {
      const dir = join(local.home.dir, 'tls');
      execFileSync('mkdir', ['-p', dir]);
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ], { stdio: 'ignore' });
      certPath = join(dir, 'cert.pem');
      tlsEndpoint = await startEndpoint({ quiet: true, tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(certPath) } });
    });
    after(() => tlsEndpoint.close());

    it('refuses the untrusted certificate with verification on', async () => {
      const { service } = makeService(local.home, { endpointUrl: tlsEndpoint.url, maxAttempts: 1 });
      const error = await failure(service.describeContact(voice));
      assertKind(error, 'TlsFailure', `The TLS certificate of 127.0.0.1:${tlsEndpoint.port} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).`);
      assert.match(error.info.hint ?? '', /connectContacts\.caBundle \(or AWS_CA_BUNDLE\)/);
    });

    it('succeeds with the certificate as the CA bundle', async () => {
      const { service } = makeService(local.home, { endpointUrl: tlsEndpoint.url, caBundle: certPath });
      const { output } = await service.describeContact(voice);
      assert.equal(output.Contact.Id, sampleIds.voice);
    });

    it('succeeds with AWS_CA_BUNDLE from the environment', async () => {
      const env = { ...local.home.env, AWS_CA_BUNDLE: certPath };
      const { service } = makeService({ ...local.home, env }, { endpointUrl: tlsEndpoint.url });
      const { output } = await service.describeContact(voice);
      assert.equal(output.Contact.Id, sampleIds.voice);
    });

    it('succeeds with verification off', async () => {
      const { service } = makeService(local.home, { endpointUrl: tlsEndpoint.url, verifyTls: false });
      const { output } = await service.describeContact(voice);
      assert.equal(output.Contact.Id, sampleIds.voice);
    });

    it('says so when the CA bundle file is missing', async () => {
      const { service } = makeService(local.home, { endpointUrl: tlsEndpoint.url, caBundle: join(local.home.dir, 'missing.pem') });
      const error = await failure(service.describeContact(voice));
      assertKind(error, 'TlsFailure', `The CA bundle ${join(local.home.dir, 'missing.pem')} (from connectContacts.caBundle) could not be read (ENOENT).`);
    });
  });

  it('reports malformed JSON as an unreadable response', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 1 });
    local.endpoint.setFaults({ malformedJson: true, operation: 'DescribeContact' });
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'MalformedResponse', new RegExp(`^The response from 127\\.0\\.0\\.1:${local.endpoint.port} to DescribeContact could not be read: it is not valid JSON\\. \\(Request ID: \\S+\\)$`));
  });

  it('reports a truncated body as cut off', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 1 });
    local.endpoint.setFaults({ truncated: true, operation: 'DescribeContact' });
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'MalformedResponse', new RegExp(`^The response from 127\\.0\\.0\\.1:${local.endpoint.port} to DescribeContact was cut off before it ended\\. \\(Request ID: \\S+\\)$`));
  });

  it('reports a connection reset without an answer as a network error', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 1 });
    local.endpoint.setFaults({ reset: true, operation: 'DescribeContact' });
    const error = await failure(service.describeContact(voice));
    assertKind(error, 'Network', `The connection to 127.0.0.1:${local.endpoint.port} was lost (ECONNRESET).`);
  });

  it('handles a 20 MB response', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    local.endpoint.setFaults({ largeBodyBytes: 20_000_000, operation: 'DescribeContact' });
    const { output } = await service.describeContact(voice);
    assert.equal(output.Contact.Id, sampleIds.voice);
    assert.ok(JSON.stringify(output).length >= 19_000_000, 'the whole body arrived');
  });

  it('cancels a request in flight through its AbortSignal', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    local.endpoint.setFaults({ hangMs: 10_000, operation: 'DescribeContact' });
    const controller = new AbortController();
    const before = describeCalls(local.endpoint);
    const from = local.endpoint.requests.length;
    const pending = failure(service.describeContact(voice, controller.signal));
    await untilRequests(local.endpoint, before + 1);
    controller.abort();
    const error = await pending;
    assertKind(error, 'Cancelled', 'DescribeContact was cancelled.');
    assert.equal(describeCalls(local.endpoint) - before, 1, 'no retry after a cancel');
    // The connection was closed, not left waiting for the answer.
    while (!local.endpoint.requests.slice(from).some((r) => r.abandoned)) await new Promise((r) => setTimeout(r, 10));
  });

  it('does not send anything when the signal is already aborted', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const before = local.endpoint.requests.length;
    const error = await failure(service.describeContact(voice, AbortSignal.abort()));
    assertKind(error, 'Cancelled', 'DescribeContact was cancelled.');
    assert.equal(local.endpoint.requests.length, before);
  });

  it('serves 50 concurrent lookups on one client', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const ids = [sampleIds.voice, sampleIds.chat, sampleIds.task, sampleIds.email, sampleIds.callback, sampleIds.webrtc, sampleIds.chatAbandoned, sampleIds.maximal, ...sampleIds.transferChain];
    const refs = Array.from({ length: 50 }, (_, i) => ({ ...voice, contactId: ids[i % ids.length] }));
    const results = await Promise.all(refs.map((ref) => service.describeContact(ref)));
    assert.deepEqual(results.map((r) => r.output.Contact.Id), refs.map((r) => r.contactId));
  });

  it('reports a rejected signature (wrong secret key)', async () => {
    local.home.addCredentials('[wrong-secret]\naws_access_key_id = AKIALOCALCONNECT0001\naws_secret_access_key = notTheRightSecretKeyForThisAccessKey00001');
    local.home.addConfig('[profile wrong-secret]\nregion = us-east-1');
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const error = await failure(service.describeContact({ ...voice, profile: 'wrong-secret' }));
    assertKind(error, 'SignatureRejected', /^AWS rejected the request signature for profile wrong-secret: the secret key does not match the access key, or this computer's clock is wrong\.( \(Request ID: \S+\))?$/);
    assert.equal(error.info.profile, 'wrong-secret');
    assert.ok(!JSON.stringify(error.info).includes('notTheRightSecretKey'));
  });

  it('reports an access key the service does not know', async () => {
    local.home.addCredentials('[unknown-key]\naws_access_key_id = AKIAUNKNOWNKEY000001\naws_secret_access_key = whateverSecretValue');
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const error = await failure(service.describeContact({ ...voice, profile: 'unknown-key' }));
    assertKind(error, 'SignatureRejected', /^AWS does not recognise the access key of profile unknown-key\./);
  });

  it('says to run aws sso login when the SSO token cache has expired', async () => {
    local.home.addConfig([
      '[profile sso-dev]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      'region = us-east-1',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
    ].join('\n'));
    const cacheName = `${createHash('sha1').update('corp').digest('hex')}.json`;
    local.home.writeFile(join('.aws', 'sso', 'cache', cacheName), JSON.stringify({
      startUrl: 'https://corp.awsapps.com/start',
      region: 'us-east-1',
      accessToken: 'expiredAccessTokenValue',
      expiresAt: '2020-01-01T00:00:00Z',
    }));
    // The SDK finds the SSO cache under the process's home directory.
    const savedHome = process.env.HOME;
    process.env.HOME = local.home.dir;
    try {
      const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
      const before = local.endpoint.requests.length;
      const error = await failure(service.describeContact({ ...voice, profile: 'sso-dev' }));
      assertKind(error, 'SsoTokenExpired', 'The SSO session for profile sso-dev has expired or was never started.');
      assert.equal(error.info.hint, 'Run `aws sso login --profile sso-dev` in a terminal, then retry.');
      assert.equal(error.info.profile, 'sso-dev');
      assert.equal(local.endpoint.requests.length, before, 'nothing was sent');
    } finally {
      process.env.HOME = savedHome;
    }
  });

  it('says which profile is missing, and which exist', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url });
    const error = await failure(service.describeContact({ ...voice, profile: 'no-such-profile' }));
    assertKind(error, 'UnknownProfile', new RegExp(`^Profile no-such-profile is not in ${local.home.configFile.replace(/[.]/g, '\\.')} or ${local.home.credentialsFile.replace(/[.]/g, '\\.')}\\. Known profiles: .*\\blocal\\b.*\\.$`));
    assert.equal(error.info.hint, 'Pick another profile, or create it with `aws configure --profile no-such-profile` (or `aws configure sso`).');
  });
});

export type { ConnectService };
