// Activation must not pay for the SDK: the modules the host imports up front load no
// @aws-sdk or @smithy code until the first call, except the SDK's own shared-ini reader
// (@smithy/core/config) that src/aws/profiles.ts lists profiles with.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('lazy SDK loading', () => {
  it('importing the AWS layer loads no SDK module; the first loadSdk() does', function () {
    this.timeout(20_000);
    const awsDir = join(__dirname, '..', '..', '..', 'src', 'aws');
    const script = `
      // The shared-ini reader's modules (unbundled here; about 9 KB once bundled) are allowed.
      const iniReader = /@smithy[\\/](core[\\/]dist-cjs[\\/]submodules[\\/](config|client|transport|schema)|types)[\\/]/;
      const sdkLoaded = () => Object.keys(require.cache).filter((k) => /node_modules[\\/](@aws-sdk|@smithy)[\\/]/.test(k) && !iniReader.test(k)).length;
      for (const m of ['connectService', 'clientCache', 'profiles', 'ids', 'region', 'endpoint', 'errors', 'transport', 'sdkLoader']) require(${JSON.stringify(awsDir)} + '/' + m);
      const before = sdkLoaded();
      const loader = require(${JSON.stringify(awsDir)} + '/sdkLoader');
      const flagBefore = loader.isSdkLoaded();
      loader.loadSdk().then((sdk) => {
        console.log(JSON.stringify({ before, flagBefore, after: sdkLoaded() > 0, hasClient: typeof sdk.ConnectClient === 'function', flagAfter: loader.isSdkLoaded() }));
      });
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()) as Record<string, unknown>;
    assert.deepEqual(out, { before: 0, flagBefore: false, after: true, hasClient: true, flagAfter: true });
  });
});
