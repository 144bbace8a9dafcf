import * as assert from 'node:assert/strict';
import { resolveEndpoint, resolveTransport, transportWarnings, validateEndpointUrl } from '../../../src/aws/endpoint';
import { ConnectServiceError } from '../../../src/aws/errors';
import { isValidRegionName, resolveRegion, validateRegionName } from '../../../src/aws/region';
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

describe('region resolution', () => {
  const env = { AWS_REGION: 'ap-southeast-2', AWS_DEFAULT_REGION: 'eu-central-1' };

  it('prefers a pasted ARN, the explicit choice, AWS_REGION, AWS_DEFAULT_REGION, then the profile (as the CLI)', () => {
    assert.deepEqual(resolveRegion({ arnRegion: 'eu-west-2', explicit: 'us-east-1', profileRegion: 'us-west-2', env }), { region: 'eu-west-2', source: 'arn', sourceLabel: 'from the ARN' });
    assert.deepEqual(resolveRegion({ explicit: 'us-east-1', profileRegion: 'us-west-2', env }), { region: 'us-east-1', source: 'explicit', sourceLabel: 'chosen in settings' });
    assert.deepEqual(resolveRegion({ explicit: ' ', profileRegion: 'us-west-2', profileName: 'dev', env }), { region: 'ap-southeast-2', source: 'AWS_REGION', sourceLabel: 'from AWS_REGION' });
    assert.deepEqual(resolveRegion({ profileRegion: 'us-west-2', env: { AWS_DEFAULT_REGION: 'eu-central-1' } }), { region: 'eu-central-1', source: 'AWS_DEFAULT_REGION', sourceLabel: 'from AWS_DEFAULT_REGION' });
    assert.deepEqual(resolveRegion({ profileRegion: 'us-west-2', profileName: 'dev', env: {} }), { region: 'us-west-2', source: 'profile', sourceLabel: 'from profile dev' });
  });

  it('says to pick a region when none is set', () => {
    const e = thrown(() => resolveRegion({ profileName: 'dev', env: {} }));
    assert.equal(e.kind, 'InvalidRegion');
    assert.equal(e.message, 'No region is set for profile dev: not in settings, AWS_REGION, AWS_DEFAULT_REGION or the profile.');
    assert.equal(e.info.hint, "Pick one with Amazon Connect: Select Region (your instance's region, e.g. us-east-1).");
    assert.equal(e.info.profile, 'dev');
  });

  it('rejects a malformed region and says where it came from', () => {
    assert.equal(thrown(() => resolveRegion({ explicit: 'US-EAST-1', env: {} })).message, 'The region chosen in settings is not valid. Region names are lower case: us-east-1.');
    assert.equal(thrown(() => resolveRegion({ profileRegion: 'us-east-1a', profileName: 'p', env: {} })).message, 'The region from profile p is not valid. "us-east-1a" is an availability zone; its region is us-east-1.');
    assert.equal(thrown(() => resolveRegion({ env: { AWS_REGION: 'virginia' } })).message, 'The region from AWS_REGION is not valid. "virginia" is not a region name; region names look like us-east-1 or eu-west-2.');
  });

  it('knows region name shapes across partitions', () => {
    for (const r of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'ap-southeast-5']) assert.ok(isValidRegionName(r), r);
    for (const r of ['us-east', 'useast1', 'us_east_1', 'US-EAST-1', '']) assert.ok(!isValidRegionName(r), r);
    assert.equal(validateRegionName(''), 'Enter a region name, like us-east-1.');
  });
});

describe('endpoint and transport', () => {
  const profile = { endpointUrl: 'http://profile.example:1' };
  const env = { AWS_ENDPOINT_URL_CONNECT: 'http://connect-env.example:2', AWS_ENDPOINT_URL: 'http://generic-env.example:3' };

  it('takes the setting, then AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL, the profile', () => {
    assert.deepEqual(resolveEndpoint('https://setting.example', profile, env), { url: 'https://setting.example', source: 'setting' });
    assert.deepEqual(resolveEndpoint('', profile, env), { url: 'http://connect-env.example:2', source: 'AWS_ENDPOINT_URL_CONNECT' });
    assert.deepEqual(resolveEndpoint(undefined, profile, { AWS_ENDPOINT_URL: 'http://generic-env.example:3' }), { url: 'http://generic-env.example:3', source: 'AWS_ENDPOINT_URL' });
    assert.deepEqual(resolveEndpoint(undefined, profile, {}), { url: 'http://profile.example:1', source: 'profile' });
    assert.equal(resolveEndpoint(undefined, undefined, {}), undefined);
  });

  it('ignores env and profile endpoints when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true', () => {
    assert.equal(resolveEndpoint(undefined, profile, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }), undefined);
  });

  it('rejects a malformed endpoint URL, naming where it is set', () => {
    const e = thrown(() => resolveEndpoint('connect.us-east-1.amazonaws.com', undefined, {}));
    assert.equal(e.kind, 'InvalidInput');
    assert.equal(e.message, 'The endpoint URL in connectContacts.endpointUrl is not valid. "connect.us-east-1.amazonaws.com" is not a URL; an endpoint URL looks like https://connect.us-east-1.amazonaws.com or http://127.0.0.1:4566.');
    assert.equal(thrown(() => resolveEndpoint(undefined, { endpointUrl: 'ftp://x' }, {})).message, "The endpoint URL in the profile's endpoint_url is not valid. The endpoint URL must start with https:// or http://, not ftp://.");
    assert.equal(validateEndpointUrl(''), undefined);
  });

  it('resolves timeouts, CA bundle precedence, TLS verification and attempts', () => {
    const t = resolveTransport({ ...defaultTransport, connectTimeoutSeconds: 2.5, readTimeoutSeconds: 0, maxAttempts: 5 }, { name: 'p', kind: 'static', source: ['config'], caBundle: '/p.pem' }, { AWS_CA_BUNDLE: '/env.pem' });
    assert.equal(t.connectionTimeoutMs, 2500);
    assert.equal(t.readTimeoutMs, 0);
    assert.equal(t.maxAttempts, 5);
    assert.equal(t.rejectUnauthorized, true);
    assert.deepEqual(t.caBundle, { path: '/env.pem', source: 'AWS_CA_BUNDLE' });
    assert.deepEqual(resolveTransport({ ...defaultTransport, caBundle: '/s.pem' }, undefined, { AWS_CA_BUNDLE: '/env.pem' }).caBundle, { path: '/s.pem', source: 'setting' });
    assert.deepEqual(resolveTransport(defaultTransport, { name: 'p', kind: 'static', source: ['config'], caBundle: '/p.pem' }, {}).caBundle, { path: '/p.pem', source: 'profile' });
    assert.equal(resolveTransport({ ...defaultTransport, maxAttempts: 0 }, undefined, {}).maxAttempts, 1);
  });

  it('warns when TLS verification is off or an endpoint from any source is plain http to another host', () => {
    const warnings = (settings: typeof defaultTransport, profileEndpoint?: string, env: NodeJS.ProcessEnv = {}) =>
      transportWarnings(resolveTransport(settings, profileEndpoint ? { name: 'p', kind: 'static', source: ['config'], endpointUrl: profileEndpoint } : undefined, env));
    assert.deepEqual(warnings(defaultTransport), []);
    assert.deepEqual(warnings({ ...defaultTransport, endpointUrl: 'http://127.0.0.1:4566' }), []);
    assert.deepEqual(warnings(defaultTransport, 'http://localhost:4566'), []);
    assert.deepEqual(warnings(defaultTransport, 'https://connect.internal.corp'), []);
    assert.deepEqual(warnings({ ...defaultTransport, verifyTls: false, endpointUrl: 'http://proxy.corp:8080' }), [
      'TLS certificate verification is off (connectContacts.verifyTls): anyone between you and the endpoint can read and change AWS traffic. Turn it back on outside a test endpoint.',
      'The endpoint http://proxy.corp:8080 (from connectContacts.endpointUrl) uses plain http:// to another host: signed requests and contact data travel unencrypted.',
    ]);
    assert.deepEqual(warnings(defaultTransport, 'http://user:pa55@10.1.2.3:9000'), [
      "The endpoint http://[redacted]@10.1.2.3:9000 (from the profile's endpoint_url) uses plain http:// to another host: signed requests and contact data travel unencrypted.",
    ]);
    assert.deepEqual(warnings(defaultTransport, undefined, { AWS_ENDPOINT_URL: 'http://connect.example' }), [
      'The endpoint http://connect.example (from AWS_ENDPOINT_URL) uses plain http:// to another host: signed requests and contact data travel unencrypted.',
    ]);
  });
});
