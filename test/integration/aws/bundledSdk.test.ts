// The extension ships the SDK as one esbuild chunk (dist/sdk.js). Build that chunk
// the way scripts/build.mjs does and run calls through it: credential providers the
// SDK loads with dynamic imports (SSO) and the retry strategy must survive bundling.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import type { Sdk } from '../../../src/aws/sdkLoader';
import { defaultTransport } from '../../../src/aws/types';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint } from '../../endpoint/server';
import { makeAwsHome, RecordingLogger, type AwsHome } from './awsHome';

describe('ConnectService on the bundled SDK chunk', function () {
  this.timeout(60_000);
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  let home: AwsHome;
  let chunk: string;

  before(async () => {
    home = makeAwsHome();
    const root = findRepoRoot(__dirname);
    // Same options as the sdk target of scripts/build.mjs.
    await build({
      entryPoints: { sdk: join(root, 'src/aws/sdk.ts') },
      outdir: join(home.dir, 'dist'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    chunk = join(home.dir, 'dist', 'sdk.js');
    endpoint = await startEndpoint({ quiet: true });
  });
  after(async () => {
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
    const logger = new RecordingLogger();
    const service = new ConnectService({
      env: home.env,
      transport: () => ({ ...defaultTransport, endpointUrl: endpoint.url }),
      logger,
      retryDelayMs: 20,
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- load the freshly built chunk, as the extension does
      loadSdk: async () => require(chunk) as Sdk,
    });
    const ref = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.chat };
    endpoint.setFaults({ throttle: 1, operation: 'DescribeContact' });
    const { output } = await service.describeContact(ref);
    assert.equal(output.Contact.Id, sampleIds.chat);
    assert.equal(logger.entries[0].attempts, 2);

    const savedHome = process.env.HOME;
    process.env.HOME = home.dir;
    try {
      const error = await service.describeContact({ ...ref, profile: 'sso-dev' }).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ConnectServiceError);
      assert.equal(error.kind, 'SsoTokenExpired');
      assert.equal(error.info.hint, 'Run `aws sso login --profile sso-dev` in a terminal, then retry.');
    } finally {
      process.env.HOME = savedHome;
    }
  });
});
