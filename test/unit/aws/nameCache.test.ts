// The in-memory name cache: one call per name, shared waits, cancellation, expiry, Refresh.
import assert from 'node:assert/strict';
import { NameCache } from '../../../src/aws/nameCache';

/** The fakes answer on a later turn, as a network call would. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('NameCache', () => {
  it('makes one call per name, however many ask at once, and none the second time', async () => {
    const cache = new NameCache();
    let calls = 0;
    const load = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return 'Escalations';
    };
    const names = await Promise.all([cache.get('q1', load), cache.get('q1', load), cache.get('q1', load)]);
    assert.deepEqual(names, ['Escalations', 'Escalations', 'Escalations']);
    assert.equal(await cache.get('q1', load), 'Escalations');
    assert.equal(calls, 1);
    assert.equal(cache.misses, 1);
    assert.equal(cache.peek('q1'), 'Escalations');
    assert.equal(cache.peek('q2'), undefined, 'peek never loads');
  });

  it('does not keep a failure: the next caller asks again', async () => {
    const cache = new NameCache();
    let calls = 0;
    const load = async () => {
      await tick();
      calls += 1;
      if (calls === 1) throw new Error('AccessDenied');
      return 'BasicQueue';
    };
    await assert.rejects(cache.get('q1', load), /AccessDenied/);
    assert.equal(await cache.get('q1', load), 'BasicQueue');
    assert.equal(calls, 2);
  });

  it('expires names after the time to live, and Refresh (clear) forgets them', async () => {
    let now = 0;
    const cache = new NameCache({ ttlMs: 1000, now: () => now });
    let calls = 0;
    const load = async () => { await tick(); return `name ${++calls}`; };
    assert.equal(await cache.get('u1', load), 'name 1');
    now = 999;
    assert.equal(await cache.get('u1', load), 'name 1');
    now = 2001;
    assert.equal(cache.peek('u1'), undefined);
    assert.equal(await cache.get('u1', load), 'name 2');
    cache.clear();
    assert.equal(await cache.get('u1', load), 'name 3');
  });

  it('cancels a load only when every caller waiting for it has gone', async () => {
    const cache = new NameCache();
    let loadSignal: AbortSignal | undefined;
    let finish: (v: string) => void = () => undefined;
    const load = (signal: AbortSignal) => {
      loadSignal = signal;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.get('q1', load, a.signal);
    const second = cache.get('q1', load, b.signal);
    a.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.equal(loadSignal?.aborted, false, 'another panel still waits for the name');
    b.abort();
    await assert.rejects(second, { name: 'AbortError' });
    assert.equal(loadSignal?.aborted, true, 'nobody waits: the call is cancelled');
    finish('late');
    assert.equal(cache.size, 0, 'a cancelled load is not kept');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new NameCache({ maxEntries: 2 });
    await cache.get('a', async () => { await tick(); return 'A'; });
    await cache.get('b', async () => { await tick(); return 'B'; });
    await cache.get('a', async () => { await tick(); return 'A again'; });
    await cache.get('c', async () => { await tick(); return 'C'; });
    assert.equal(cache.peek('a'), 'A');
    assert.equal(cache.peek('b'), undefined);
    assert.equal(cache.peek('c'), 'C');
  });
});

describe('NameCache: failures it keeps', () => {
  it('keeps a failure the caller says is lasting (a deleted queue), and asks again for others', async () => {
    const cache = new NameCache({ keepFailure: (e) => e instanceof Error && e.message === 'NotFound' });
    let calls = 0;
    const gone = async () => {
      await tick();
      calls += 1;
      throw new Error('NotFound');
    };
    await assert.rejects(cache.get('q-deleted', gone), /NotFound/);
    await assert.rejects(cache.get('q-deleted', gone), /NotFound/);
    assert.equal(calls, 1, 'a deleted queue costs one call');
    assert.equal(cache.peek('q-deleted'), undefined, 'and has no name to show');
  });
});
