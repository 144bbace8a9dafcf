// The extension ships the call path and the SDK as one esbuild chunk (dist/sdk.js, from the
// build stage of the test command) and loads it through src/lazyChunk.ts with a V8 code
// cache. Run calls through that very file, loaded that way: credential providers the SDK
// loads lazily (SSO), its `import('node:http')` (which vm.Script cannot run) and the retry
// strategy must survive bundling, and a session that starts from the cache must work too.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isConnectServiceError } from '../../../src/aws/connectServiceError';
import type { ServiceModule } from '../../../src/aws/serviceLoader';
import { defaultTransport } from '../../../src/aws/types';
import { configureChunks, loadChunk, saveCodeCaches, type ChunkLoad } from '../../../src/lazyChunk';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint } from '../../endpoint/server';
import { makeAwsHome, RecordingLogger, type AwsHome } from './awsHome';

describe('ConnectService from the shipped chunk dist/sdk.js', function () {
  this.timeout(60_000);
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  let home: AwsHome;
  /** The first session: compiled with no code cache (it writes one on save). */
  let first: ServiceModule;
  const loads: ChunkLoad[] = [];
  const shipped = join(findRepoRoot(__dirname), 'dist', 'sdk.js');

  /** The shipped chunk as a new session sees it: the same bytes, loaded afresh. */
  function session(name: string): ServiceModule {
    const folder = join(home.dir, name);
    mkdirSync(folder);
    copyFileSync(shipped, join(folder, 'sdk.js'));
    return loadChunk(join(folder, 'sdk.js')) as ServiceModule;
  }

  before(async () => {
    assert.ok(existsSync(shipped), `${shipped} is missing: run \`node scripts/build.mjs\` first (the test command does)`);
    home = makeAwsHome();
    configureChunks({ codeCacheFolder: join(home.dir, 'code-cache'), onLoad: (l) => loads.push(l) });
    endpoint = await startEndpoint({ quiet: true });
    first = session('first');
  });
  after(async () => {
    configureChunks({});
    await endpoint?.close();
    home.remove();
  });

  it('describes a contact after a throttled attempt, and maps an expired SSO session', async () => {
    home.addConfig('[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1');
    home.writeFile(join('.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`), JSON.stringify({
      startUrl: 'https://corp.awsapps.com/start',
      region: 'us-east-1',
      accessToken: 'expiredAccessTokenValue',
      expiresAt: '2020-01-01T00:00:00Z',
    }));
    const { ConnectService } = first;
    const logger = new RecordingLogger();
    const service = new ConnectService({ env: home.env, transport: () => ({ ...defaultTransport, endpointUrl: endpoint.url }), logger, retryDelayMs: 20 });
    const ref = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.chat };
    endpoint.setFaults({ throttle: 1, operation: 'DescribeContact' });
    const { output } = await service.describeContact(ref);
    assert.equal(output.Contact.Id, sampleIds.chat);
    assert.equal(logger.entries[0].attempts, 2);

    const savedHome = process.env.HOME;
    process.env.HOME = home.dir;
    try {
      const error = await service.describeContact({ ...ref, profile: 'sso-dev' }).then(() => undefined, (e: unknown) => e);
      // By shape: the chunk has its own copy of the error class.
      assert.ok(isConnectServiceError(error));
      assert.equal(error.kind, 'SsoTokenExpired');
      assert.equal(error.info.hint, 'Run `aws sso login --profile sso-dev` in a terminal, then retry.');
    } finally {
      process.env.HOME = savedHome;
      service.dispose();
    }
  });

  it('the next session compiles the chunk from the code cache the first one wrote, and works the same', async () => {
    saveCodeCaches();
    assert.deepEqual(readdirSync(join(home.dir, 'code-cache')).map((f) => f.replace(/-[0-9a-f]+\./, '-….')), ['sdk-….v8cache']);
    const { ConnectService } = session('second');
    assert.deepEqual(loads.map((l) => l.codeCache), ['missing', 'used']);
    const service = new ConnectService({ env: home.env, transport: () => ({ ...defaultTransport, endpointUrl: endpoint.url }) });
    try {
      const { output } = await service.describeContact({ profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice });
      assert.equal(output.Contact.Id, sampleIds.voice);
      assert.equal(output.Contact.Channel, 'VOICE');
    } finally {
      service.dispose();
    }
  });
});
