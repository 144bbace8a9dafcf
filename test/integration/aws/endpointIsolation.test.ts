// A request signed for one profile goes only to that profile's endpoint (or the settings'):
// never to the endpoint_url of [default] or of AWS_PROFILE's profile. Each test puts a
// recording server where the wrong endpoint points and checks it saw nothing. With no endpoint
// for the chosen profile the request is for the public Connect host; name lookups are answered
// "not found" here (this machine has no network), and the test reads which host was asked for.
import * as assert from 'node:assert/strict';
import dns from 'node:dns';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import { defaultTransport } from '../../../src/aws/types';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { makeAwsHome, RecordingLogger, type AwsHome } from './awsHome';

interface Recorder {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

async function startRecorder(): Promise<Recorder> {
  const seen: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"Contact":{"Id":"from-the-wrong-endpoint"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('endpoint isolation: signed requests go only to the chosen profile\'s endpoint', function () {
  this.timeout(20_000);
  let recorder: Recorder;
  let home: AwsHome;
  const lookedUp: string[] = [];
  const realLookup = dns.lookup;

  before(async () => {
    recorder = await startRecorder();
    (dns as unknown as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
      lookedUp.push(hostname);
      const callback = rest[rest.length - 1] as (error: NodeJS.ErrnoException) => void;
      const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
      process.nextTick(() => callback(error));
    };
  });
  after(async () => {
    (dns as unknown as { lookup: unknown }).lookup = realLookup;
    await recorder.close();
  });
  beforeEach(() => {
    lookedUp.length = 0;
    recorder.seen.length = 0;
  });
  afterEach(() => home?.remove());

  /** The SDK reads its own settings from process.env, as in the extension host: set it for the call. */
  async function withProcessEnv<T>(env: NodeJS.ProcessEnv, run: () => Promise<T>): Promise<T> {
    const keys = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CONNECT'];
    const saved = keys.map((k) => [k, process.env[k]] as const);
    for (const k of keys) {
      if (env[k] === undefined) delete process.env[k];
      else process.env[k] = env[k];
    }
    try {
      return await run();
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  function lookUp(env: NodeJS.ProcessEnv): Promise<{ error: ConnectServiceError; logger: RecordingLogger }> {
    return withProcessEnv(env, () => lookUpIn());
  }

  async function lookUpIn(): Promise<{ error: ConnectServiceError; logger: RecordingLogger }> {
    const logger = new RecordingLogger();
    const service = new ConnectService({ env: process.env, transport: () => ({ ...defaultTransport, maxAttempts: 1 }), logger });
    const ref = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice };
    const error = await service.describeContact(ref).then(
      () => assert.fail('the lookup reached a server it must not reach'),
      (e: unknown) => e,
    );
    await service.dispose();
    assert.ok(error instanceof ConnectServiceError, String(error));
    return { error, logger };
  }

  function assertWentToPublicHost(error: ConnectServiceError, logger: RecordingLogger): void {
    assert.deepEqual(recorder.seen, [], 'the request went to another profile\'s endpoint');
    assert.ok(lookedUp.includes('connect.us-east-1.amazonaws.com'), `looked up: ${lookedUp.join(', ')}`);
    assert.equal(error.kind, 'DnsFailure');
    assert.match(error.message, /connect\.us-east-1\.amazonaws\.com/);
    // The log names the host the request itself went to.
    assert.equal(logger.entries[0]?.endpoint, 'https://connect.us-east-1.amazonaws.com');
    assert.ok(logger.traces.some((t) => t.includes('GET https://connect.us-east-1.amazonaws.com/contacts/')), logger.traces.join('\n'));
  }

  it('ignores [default]\'s endpoint_url when the chosen profile has none', async () => {
    home = makeAwsHome();
    home.addConfig(`[default]\nregion = us-east-1\nendpoint_url = ${recorder.url}`);
    const { error, logger } = await lookUp(home.env);
    assertWentToPublicHost(error, logger);
  });

  it('ignores the endpoint_url of AWS_PROFILE\'s profile when another profile is chosen', async () => {
    home = makeAwsHome();
    home.addConfig(`[profile other]\nregion = us-east-1\nendpoint_url = ${recorder.url}`);
    const { error, logger } = await lookUp({ ...home.env, AWS_PROFILE: 'other' });
    assertWentToPublicHost(error, logger);
  });

  it('ignores a [services] endpoint that only [default] names', async () => {
    home = makeAwsHome();
    home.addConfig(`[default]\nservices = rec\n[services rec]\nconnect =\n  endpoint_url = ${recorder.url}`);
    const { error, logger } = await lookUp(home.env);
    assertWentToPublicHost(error, logger);
  });

  it('uses the chosen profile\'s own endpoint_url, and names it in the log', async () => {
    home = makeAwsHome();
    home.addConfig(`[profile mine]\nregion = us-east-1\nendpoint_url = ${recorder.url}`);
    home.addCredentials('[mine]\naws_access_key_id = AKIAMINE000000000001\naws_secret_access_key = mineSecretKeyValueForTheRecorderTest0001');
    const logger = new RecordingLogger();
    const result = await withProcessEnv(home.env, async () => {
      const service = new ConnectService({ env: process.env, transport: () => ({ ...defaultTransport, maxAttempts: 1 }), logger });
      const r = await service.describeContact({ profile: 'mine', region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice });
      await service.dispose();
      return r;
    });
    assert.equal(result.output.Contact.Id, 'from-the-wrong-endpoint'); // the recorder's answer: it was asked
    assert.deepEqual(recorder.seen, [`GET /contacts/${sampleIds.instanceA}/${sampleIds.voice}`]);
    assert.equal(logger.entries[0]?.endpoint, recorder.url);
  });
});
