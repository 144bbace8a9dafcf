import * as assert from 'node:assert/strict';
import type { DescribeArgs } from '../../src/describe/describeContact';
import { buildExtensionApi } from '../../src/extensionApi';
import type { Features } from '../../src/extension';

function parts(testMode: boolean) {
  const described: DescribeArgs[] = [];
  let loads = 0;
  const features = { services: 'services', panels: 'panels', explorer: 'explorer', shownErrors: [], commands: {} } as unknown as Features;
  return {
    described,
    loads: () => loads,
    parts: {
      testMode,
      describe: (args: DescribeArgs) => {
        described.push(args);
        return Promise.resolve(undefined);
      },
      load: () => {
        loads++;
        return features;
      },
    },
  };
}

describe('the extension API', () => {
  it('gives other extensions describeContact and nothing else outside test mode', () => {
    const { parts: p, loads } = parts(false);
    const api = buildExtensionApi(p);
    assert.deepEqual(Object.keys(api), ['describeContact']);
    assert.equal('testing' in api, false);
    assert.equal(loads(), 0);
  });

  it('adds the test hooks in test mode, loading the features only when one is read', () => {
    const { parts: p, loads } = parts(true);
    const api = buildExtensionApi(p);
    assert.deepEqual(Object.keys(api), ['describeContact', 'testing']);
    assert.equal(loads(), 0);
    assert.equal(api.testing?.panels, 'panels');
    assert.deepEqual(Object.keys(api.testing ?? {}).sort(), ['commands', 'explorer', 'hoverCards', 'panels', 'services', 'shownErrors']);
  });

  it('describeContact passes on the four known arguments only, and rejects a call without a contact ID', async () => {
    const { parts: p, described } = parts(false);
    const api = buildExtensionApi(p);
    await api.describeContact({ instanceId: 'i-1', contactId: 'c-1', region: 'eu-west-2', extra: 'x' } as Parameters<typeof api.describeContact>[0]);
    assert.deepEqual(described, [{ instanceId: 'i-1', contactId: 'c-1', profile: undefined, region: 'eu-west-2' }]);
    await assert.rejects(api.describeContact({ instanceId: 'i-1' } as Parameters<typeof api.describeContact>[0]), TypeError);
    await assert.rejects(api.describeContact(undefined as unknown as Parameters<typeof api.describeContact>[0]), TypeError);
    assert.equal(described.length, 1);
  });
});
