// The client cache builds one client per key however many calls race for it, and destroys
// every client it built (current and retired) when the extension goes away.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCache } from '../../../src/aws/clientCache';
import { ProfileCatalog } from '../../../src/aws/profiles';
import { loadSdk, type Sdk } from '../../../src/aws/sdkLoader';
import { defaultTransport } from '../../../src/aws/types';

describe('ClientCache', function () {
  this.timeout(20_000);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let built: number;
  let destroyed: number;
  let sdk: Sdk;

  before(async () => {
    const real = await loadSdk();
    // The real client, counted: how many were built and destroyed.
    class CountedClient extends real.ConnectClient {
      constructor(...args: ConstructorParameters<typeof real.ConnectClient>) {
        super(...args);
        built += 1;
      }
      override destroy(): void {
        destroyed += 1;
        super.destroy();
      }
    }
    sdk = { ...real, ConnectClient: CountedClient };
  });
  beforeEach(() => {
    built = 0;
    destroyed = 0;
    dir = mkdtempSync(join(tmpdir(), 'cce-clients-'));
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'config'), '[profile a]\nregion = us-east-1\n');
    writeFileSync(join(dir, '.aws', 'credentials'), '[a]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = exampleSecretKeyValueNotRealAtAll00000001\n');
    env = { HOME: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cache = (warnings: string[] = []): ClientCache =>
    new ClientCache({ env, profiles: new ProfileCatalog(env), chosenProfile: () => '', loadSdk: () => Promise.resolve(sdk), onTransportWarning: (w) => warnings.push(w) });

  it('builds one client for concurrent first calls', async () => {
    const clients = cache();
    const all = await Promise.all([1, 2, 3, 4].map(() => clients.get('a', 'us-east-1', defaultTransport)));
    assert.equal(built, 1);
    assert.ok(all.every((c) => c === all[0]));
    await clients.dispose();
  });

  it('destroys every client on dispose, including ones retired by a settings change', async () => {
    const clients = cache();
    await clients.get('a', 'us-east-1', defaultTransport);
    clients.invalidate();
    await clients.get('a', 'us-east-1', defaultTransport);
    await clients.get('a', 'eu-west-2', defaultTransport);
    assert.equal(built, 3);
    await new Promise((r) => setImmediate(r)); // the retired client is noted once its promise settles
    await clients.dispose();
    assert.equal(destroyed, 3);
  });

  it('warns once about a plain-http endpoint to another host from the profile', async () => {
    writeFileSync(join(dir, '.aws', 'config'), '[profile a]\nregion = us-east-1\nendpoint_url = http://connect.proxy.example:8080\n');
    const warnings: string[] = [];
    const clients = cache(warnings);
    await clients.get('a', 'us-east-1', defaultTransport);
    await clients.get('a', 'eu-west-2', defaultTransport);
    assert.deepEqual(warnings, ["The endpoint http://connect.proxy.example:8080 (from the profile's endpoint_url) uses plain http:// to another host: signed requests and contact data travel unencrypted."]);
    await clients.dispose();
  });
});
