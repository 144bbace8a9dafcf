import * as assert from 'node:assert/strict';
import { ExplorerState, instancesKey, type KeyValueStore } from '../../../src/explorer/explorerState';

/** An in-memory globalState. */
class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

describe('explorer state', () => {
  it('adds profile/region pairs once and removes them', async () => {
    const state = new ExplorerState(new MemoryStore());
    assert.equal(await state.addAccount({ profile: 'prod', region: 'eu-west-2' }), true);
    assert.equal(await state.addAccount({ profile: 'prod', region: 'eu-west-2' }), false);
    await state.addAccount({ profile: 'dev', region: 'us-east-1' });
    await state.removeAccount({ profile: 'prod', region: 'eu-west-2' });
    assert.deepEqual(state.addedAccounts(), [{ profile: 'dev', region: 'us-east-1' }]);
  });

  it('keeps hand-added instances per profile and region', async () => {
    const state = new ExplorerState(new MemoryStore());
    await state.addInstance({ profile: 'dev', region: 'us-east-1' }, { instanceId: 'i-1', arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-1' });
    await state.addInstance({ profile: 'dev', region: 'eu-west-2' }, { instanceId: 'i-2' });
    assert.deepEqual(state.manualInstances({ profile: 'dev', region: 'us-east-1' }), [{ instanceId: 'i-1', arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-1' }]);
    await state.removeInstance({ profile: 'dev', region: 'us-east-1' }, 'i-1');
    assert.deepEqual(state.manualInstances({ profile: 'dev', region: 'us-east-1' }), []);
    assert.deepEqual(state.manualInstances({ profile: 'dev', region: 'eu-west-2' }), [{ instanceId: 'i-2' }]);
  });

  it('falls back to the last 24 hours on all channels, and ignores malformed stored values', async () => {
    const store = new MemoryStore();
    const state = new ExplorerState(store);
    assert.deepEqual(state.searchSettings(), { window: { kind: 'last', hours: 24 }, channels: [] });
    await state.setSearchSettings({ window: { kind: 'last', hours: 1 }, channels: ['VOICE'] });
    assert.deepEqual(state.searchSettings(), { window: { kind: 'last', hours: 1 }, channels: ['VOICE'] });
    store.data.set(instancesKey, [{ profile: 'dev' }, 'junk']);
    assert.deepEqual(state.manualInstances({ profile: 'dev', region: 'us-east-1' }), []);
  });
});
