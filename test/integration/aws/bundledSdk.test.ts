// The extension ships the AWS SDK as one esbuild file (dist/sdk.js, from the build stage of the
// test command) and `require`s it on the first call. Run calls through that very file: credential
// providers the SDK loads lazily (SSO), its `import('node:http')` and the retry strategy must
// survive bundling, and errors must come out as the extension's own ConnectServiceError.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/connectServiceError';
import type { Sdk } from '../../../src/aws/sdkLoader';
import { defaultTransport } from '../../../src/aws/types';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint } from '../../endpoint/server';
import { makeAwsHome, RecordingLogger, type AwsHome } from './awsHome';

describe('ConnectService with the shipped SDK file dist/sdk.js', function () {
  this.timeout(60_000);
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  let home: AwsHome;
  const shipped = join(findRepoRoot(__dirname), 'dist', 'sdk.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file the extension requires
  const loadShipped = (): Promise<Sdk> => new Promise((resolve) => resolve(require(shipped) as Sdk));

  before(async () => {
    assert.ok(existsSync(shipped), `${shipped} is missing: run \`node scripts/build.mjs\` first (the test command does)`);
    home = makeAwsHome();
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
    const service = new ConnectService({ env: home.env, transport: () => ({ ...defaultTransport, endpointUrl: endpoint.url }), logger, retryDelayMs: 20, loadSdk: loadShipped });
    const ref = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.chat };
    endpoint.setFaults({ throttle: 1, operation: 'DescribeContact' });
    const { output } = await service.describeContact(ref);
    assert.equal(output.Contact.Id, sampleIds.chat);
    assert.equal(logger.entries[0].attempts, 2);

    const savedHome = process.env.HOME;
    process.env.HOME = home.dir;
    try {
      const error = await service.describeContact({ ...ref, profile: 'sso-dev' }).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ConnectServiceError, String(error));
      assert.equal(error.kind, 'SsoTokenExpired');
      assert.equal(error.info.hint, 'Run `aws sso login --profile sso-dev` in a terminal, then retry.');
    } finally {
      process.env.HOME = savedHome;
      await service.dispose();
    }
  });

  it('holds the SDK only: the call path is in the extension bundle, once', async () => {
    const sdk = await loadShipped();
    assert.equal(typeof sdk.ConnectClient, 'function');
    assert.equal(typeof sdk.fromIni, 'function');
    assert.equal('ConnectService' in sdk, false);
    assert.equal('toErrorInfo' in sdk, false);
  });
});
