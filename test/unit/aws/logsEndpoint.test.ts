// Where CloudWatch Logs requests go: the same rules as for Connect (regionEndpoint.test.ts), with
// Logs' own setting, environment variable and profile entry. A request signed for one profile
// goes only to that profile's endpoint.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCache } from '../../../src/aws/clientCache';
import { resolveServiceEndpoint, resolveTransport, transportWarnings } from '../../../src/aws/endpoint';
import { ConnectServiceError } from '../../../src/aws/errors';
import { loadProfiles, ProfileCatalog } from '../../../src/aws/profiles';
import { loadSdk } from '../../../src/aws/sdkLoader';
import { defaultTransport } from '../../../src/aws/types';

function thrown(fn: () => unknown): ConnectServiceError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConnectServiceError, String(error));
    return error;
  }
  assert.fail('expected a ConnectServiceError');
}

describe('CloudWatch Logs endpoint', () => {
  const env = { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://logs-env.example:2', AWS_ENDPOINT_URL_CONNECT: 'http://connect-env.example:9', AWS_ENDPOINT_URL: 'http://generic-env.example:3' };

  it('takes the logs setting, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL, then the profile\'s', () => {
    assert.deepEqual(resolveServiceEndpoint('logs', 'https://logs-setting.example', 'http://profile.example:1', env), { url: 'https://logs-setting.example', source: 'setting' });
    assert.deepEqual(resolveServiceEndpoint('logs', ' ', 'http://profile.example:1', env), { url: 'http://logs-env.example:2', source: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS' });
    assert.deepEqual(resolveServiceEndpoint('logs', undefined, 'http://profile.example:1', { AWS_ENDPOINT_URL: 'http://generic-env.example:3' }), { url: 'http://generic-env.example:3', source: 'AWS_ENDPOINT_URL' });
    assert.deepEqual(resolveServiceEndpoint('logs', undefined, 'http://profile.example:1', { AWS_ENDPOINT_URL_CONNECT: 'http://connect-env.example:9' }), { url: 'http://profile.example:1', source: 'profile' });
    assert.equal(resolveServiceEndpoint('logs', undefined, undefined, {}), undefined);
  });

  it('never takes the Connect setting or variable for Logs, nor the Logs ones for Connect', () => {
    const settings = { ...defaultTransport, endpointUrl: 'https://connect-setting.example', logsEndpointUrl: 'https://logs-setting.example' };
    assert.equal(resolveTransport(settings, undefined, env, 'logs').endpoint?.url, 'https://logs-setting.example');
    assert.equal(resolveTransport(settings, undefined, env, 'connect').endpoint?.url, 'https://connect-setting.example');
    assert.equal(resolveTransport({ ...defaultTransport, endpointUrl: 'https://connect-setting.example' }, undefined, {}, 'logs').endpoint, undefined);
    assert.equal(resolveTransport(defaultTransport, undefined, { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://logs-env.example:2' }, 'connect').endpoint, undefined);
  });

  it('ignores env and profile endpoints when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (the setting still applies)', () => {
    const ignoring = { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' };
    assert.equal(resolveServiceEndpoint('logs', undefined, 'http://profile.example:1', ignoring), undefined);
    assert.equal(resolveServiceEndpoint('logs', 'https://s.example', 'http://profile.example:1', ignoring)?.source, 'setting');
  });

  it('names the logs setting when its URL is malformed, and warns about it by name', () => {
    const e = thrown(() => resolveServiceEndpoint('logs', 'logs.us-east-1.amazonaws.com', undefined, {}));
    assert.equal(e.kind, 'InvalidInput');
    assert.match(e.message, /^The endpoint URL in connectContacts\.logsEndpointUrl is not valid\./);
    assert.equal(e.info.hint, 'Fix or clear connectContacts.logsEndpointUrl.');
    assert.deepEqual(transportWarnings(resolveTransport({ ...defaultTransport, logsEndpointUrl: 'http://logs.proxy.corp:8080' }, undefined, {}, 'logs')), [
      'The endpoint http://logs.proxy.corp:8080 (from connectContacts.logsEndpointUrl) uses plain http:// to another host: signed requests and contact data travel unencrypted.',
    ]);
  });
});

describe('CloudWatch Logs endpoint from the chosen profile', function () {
  this.timeout(20_000);
  let dir: string;
  let envFiles: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cce-logs-endpoint-'));
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'config'), [
      '[default]', 'region = us-east-1', 'endpoint_url = http://127.0.0.1:1111', '',
      '[profile svc]', 'region = us-east-1', 'services = local', 'endpoint_url = http://127.0.0.1:2222', '',
      '[services local]', 'connect =', '  endpoint_url = http://127.0.0.1:3333', 'cloudwatch_logs =', '  endpoint_url = http://127.0.0.1:4444', '',
      '[profile onlyconnect]', 'region = us-east-1', 'services = connectonly', '',
      '[services connectonly]', 'connect =', '  endpoint_url = http://127.0.0.1:5555', '',
      '[profile plain]', 'region = us-east-1', '',
    ].join('\n'));
    writeFileSync(join(dir, '.aws', 'credentials'), ['svc', 'onlyconnect', 'plain', 'default'].map((p, i) => `[${p}]\naws_access_key_id = AKIAEXAMPLE00000000${i}\naws_secret_access_key = exampleSecretKeyValueNotRealAtAll0000000${i}\n`).join('\n'));
    envFiles = { HOME: dir, AWS_PROFILE: 'default' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads cloudwatch_logs in the profile\'s [services] section, else its endpoint_url', async () => {
    const listing = await loadProfiles(envFiles);
    const by = (name: string) => listing.profiles.find((p) => p.name === name);
    assert.equal(by('svc')?.logsEndpointUrl, 'http://127.0.0.1:4444');
    assert.equal(by('svc')?.endpointUrl, 'http://127.0.0.1:3333');
    assert.equal(by('onlyconnect')?.logsEndpointUrl, undefined);
    assert.equal(by('default')?.logsEndpointUrl, 'http://127.0.0.1:1111');
    assert.equal('logsEndpointUrl' in by('plain')!, false);
  });

  it('builds each client for its own profile\'s endpoint only, never AWS_PROFILE\'s', async () => {
    const sdk = await loadSdk();
    const cache = new ClientCache({ env: envFiles, profiles: new ProfileCatalog(envFiles), chosenProfile: () => 'plain', loadSdk: () => Promise.resolve(sdk) });
    try {
      const plainLogs = await cache.get('plain', 'us-east-1', defaultTransport, 'logs');
      // No endpoint of its own: the public one, though AWS_PROFILE's [default] names another.
      assert.equal(plainLogs.endpoint, 'https://logs.us-east-1.amazonaws.com');
      assert.equal(plainLogs.service, 'logs');
      assert.ok(plainLogs.client instanceof sdk.CloudWatchLogsClient);
      const resolved = await plainLogs.client.config.endpoint?.();
      assert.equal(resolved, undefined, 'the SDK looks up no configured endpoint itself');
      const svcLogs = await cache.get('svc', 'us-east-1', defaultTransport, 'logs');
      const svcConnect = await cache.get('svc', 'us-east-1', defaultTransport);
      assert.equal(svcLogs.endpoint, 'http://127.0.0.1:4444');
      assert.equal(svcConnect.endpoint, 'http://127.0.0.1:3333');
      assert.ok(svcConnect.client instanceof sdk.ConnectClient);
      assert.ok(!Object.is(svcLogs.client, svcConnect.client));
    } finally {
      await cache.dispose();
    }
  });

  it('resolves a profile\'s credentials once for its Connect and Logs clients', async () => {
    const sdk = await loadSdk();
    let resolutions = 0;
    const counted: typeof sdk = { ...sdk, fromIni: (...args: Parameters<typeof sdk.fromIni>) => {
      const provider = sdk.fromIni(...args);
      return (props?: Parameters<typeof provider>[0]) => {
        resolutions += 1;
        return provider(props);
      };
    } };
    const cache = new ClientCache({ env: envFiles, profiles: new ProfileCatalog(envFiles), chosenProfile: () => 'svc', loadSdk: () => Promise.resolve(counted) });
    try {
      const logs = await cache.get('svc', 'us-east-1', defaultTransport, 'logs');
      const connect = await cache.get('svc', 'us-east-1', defaultTransport);
      const a = await logs.client.config.credentials();
      const b = await connect.client.config.credentials();
      assert.equal(a.accessKeyId, 'AKIAEXAMPLE000000000');
      assert.equal(b.accessKeyId, a.accessKeyId);
      assert.equal(resolutions, 1);
      assert.ok(logs.knownSecrets.has(a.secretAccessKey) && connect.knownSecrets.has(a.secretAccessKey));
      cache.invalidate();
      const again = await cache.get('svc', 'us-east-1', defaultTransport, 'logs');
      await again.client.config.credentials();
      assert.equal(resolutions, 2, 'files changed: resolved afresh');
    } finally {
      await cache.dispose();
    }
  });
});
