// The Logs service and the shared call path load no SDK module until the first call, like the
// rest of the AWS layer (lazySdk.test.ts); the first loadSdk() brings the Logs client with it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('lazy SDK loading: CloudWatch Logs', () => {
  it('importing the Logs service and the timeline model loads no SDK module; the first loadSdk() brings the Logs client', function () {
    this.timeout(20_000);
    const srcDir = join(__dirname, '..', '..', '..', 'src');
    const script = `
      const iniReader = /@smithy[\\/](core[\\/]dist-cjs[\\/]submodules[\\/](config|client|transport|schema)|types)[\\/]/;
      const sdkLoaded = () => Object.keys(require.cache).filter((k) => /node_modules[\\/](@aws-sdk|@smithy)[\\/]/.test(k) && !iniReader.test(k)).length;
      for (const m of ['aws/flowLogService', 'aws/awsCall', 'timeline/flowLogEvents', 'timeline/timelineModel', 'timeline/insightsQuery']) require(${JSON.stringify(srcDir)} + '/' + m);
      const before = sdkLoaded();
      require(${JSON.stringify(srcDir)} + '/aws/sdkLoader').loadSdk().then((sdk) => {
        console.log(JSON.stringify({ before, after: sdkLoaded() > 0, logs: [sdk.CloudWatchLogsClient, sdk.FilterLogEventsCommand, sdk.DescribeLogGroupsCommand].every((c) => typeof c === 'function') }));
      });
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()) as Record<string, unknown>;
    assert.deepEqual(out, { before: 0, after: true, logs: true });
  });
});
