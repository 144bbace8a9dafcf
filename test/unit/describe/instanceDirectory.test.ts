// Instance aliases outlive the listing, so a recent instance keeps its name when ListInstances fails.
import * as assert from 'node:assert/strict';
import type { InstanceSummary } from '../../../src/aws/types';
import { InstanceDirectory, instanceAliasesKey, type AliasMemento } from '../../../src/describe/instanceDirectory';

class MemoryMemento implements AliasMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const account = { profile: 'local', region: 'us-east-1' };
const instances: InstanceSummary[] = [
  { id: '11111111-1111-4111-8111-111111111111', arn: '', alias: 'acme-support' },
  { id: '22222222-2222-4222-8222-222222222222', arn: '', alias: 'acme-sales' },
];

describe('the instance directory of Describe Contact', () => {
  it('remembers aliases across windows (globalState), and only aliases', async () => {
    const memento = new MemoryMemento();
    let calls = 0;
    const lister = { listInstances: () => (calls++, Promise.resolve(instances)) };
    await new InstanceDirectory(() => lister, memento).list(account);
    assert.deepEqual(memento.get(instanceAliasesKey), { [instances[0].id]: 'acme-support', [instances[1].id]: 'acme-sales' });
    // Another window: nothing listed yet, the alias is known.
    const later = new InstanceDirectory(() => ({ listInstances: () => Promise.reject(new Error('denied')) }), memento);
    assert.equal(later.alias(instances[1].id), 'acme-sales');
    assert.equal(later.cached(account), undefined);
    assert.equal(calls, 1);
  });

  it('answers from a recent listing without asking again, and asks again when it is old', async () => {
    let now = 0;
    let calls = 0;
    const directory = new InstanceDirectory(() => ({ listInstances: () => (calls++, Promise.resolve(instances)) }), new MemoryMemento(), () => now);
    await directory.listing(account);
    await directory.listing(account);
    assert.equal(calls, 1);
    assert.equal(directory.cached({ profile: 'local', region: 'eu-west-2' }), undefined, 'per region');
    now += 10 * 60_000;
    await directory.listing(account);
    assert.equal(calls, 2);
  });

  it('lists at the priority of a person waiting', async () => {
    let priority: unknown;
    const directory = new InstanceDirectory(() => ({ listInstances: (_t, _s, _p, options) => ((priority = options?.priority), Promise.resolve(instances)) }), new MemoryMemento());
    await directory.list(account);
    assert.equal(priority, 'interactive');
  });
});
