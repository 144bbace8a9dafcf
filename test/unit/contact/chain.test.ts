import * as assert from 'node:assert/strict';
import { chainNodeOf, directLinks, relationOf, walkChain, type AssociatedContact, type ChainWalkOptions } from '../../../src/contact/chain';
import type { JsonObject } from '../../../src/contact/contactDocument';
import type { ContactChain } from '../../../src/contact/story';
import { sample, sampleFiles } from './samples';

/** A contact the fake DescribeContact returns: `minute` sets its InitiationTimestamp. */
function contact(id: string, minute: number | undefined, fields: JsonObject = {}): JsonObject {
  const c: JsonObject = { Id: id, Channel: 'VOICE', ...fields };
  if (minute !== undefined) c.InitiationTimestamp = new Date(Date.UTC(2025, 2, 4, 10, minute)).toISOString();
  return c;
}

/** DescribeContact over a fixed set of contacts, counting calls. */
function directory(contacts: JsonObject[]): { describe: ChainWalkOptions['describe']; calls: string[] } {
  const byId = new Map(contacts.map((c) => [c.Id as string, c]));
  const calls: string[] = [];
  return {
    calls,
    describe: (id) => {
      calls.push(id);
      const found = byId.get(id);
      return found ? Promise.resolve(found) : Promise.reject(new Error(`ResourceNotFoundException: contact ${id} not found`));
    },
  };
}

const ids = (chain: ContactChain): string[] => chain.nodes.map((n) => n.contactId);
const edges = (chain: ContactChain): string[] => chain.edges.map((e) => `${e.from} -${e.relation}-> ${e.to}`).sort();

/** c1 inbound, then a transfer, a queue transfer, a callback and an external call, each from the one before. */
function linearChain(): JsonObject[] {
  const methods = ['INBOUND', 'TRANSFER', 'QUEUE_TRANSFER', 'CALLBACK', 'EXTERNAL_OUTBOUND'];
  return methods.map((method, i) =>
    contact(`c${i + 1}`, i * 10, { InitiationMethod: method, InitialContactId: 'c1', ...(i ? { PreviousContactId: `c${i}` } : {}) }),
  );
}

describe('contact chain', () => {
  it('names relations by the later contact’s initiation method', () => {
    assert.equal(relationOf('TRANSFER'), 'transfer');
    assert.equal(relationOf('QUEUE_TRANSFER'), 'queueTransfer');
    assert.equal(relationOf('CALLBACK'), 'callback');
    assert.equal(relationOf('MONITOR'), 'monitor');
    assert.equal(relationOf('EXTERNAL_OUTBOUND'), 'external');
    for (const other of ['INBOUND', 'OUTBOUND', 'API', 'DISCONNECT', 'AGENT_REPLY', 'FLOW', 'WEBRTC_API', 'transfer', undefined]) assert.equal(relationOf(other), 'associated');
  });

  it('makes a node from a described contact', () => {
    assert.deepEqual(chainNodeOf(sample('d08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10').Contact, true), {
      contactId: 'd08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10',
      current: true,
      channel: 'VOICE',
      initiationMethod: 'OUTBOUND',
      initiatedAt: '2026-11-20T07:18:36+00:00',
      disconnectedAt: '2026-11-20T07:28:56.500000+00:00',
      queueId: 'b0b1b2b3-4444-4ccc-8ddd-000000000b04',
      agentId: '0a1b2c3d-4444-4aaa-8bbb-000000000a04',
    });
    assert.deepEqual(chainNodeOf({}, false), { contactId: '', current: false });
  });

  it('lists direct links once each, the most direct first', () => {
    assert.deepEqual(directLinks(sample('d08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10').Contact), [
      { contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a03', relation: 'associated', direction: 'from' },
      { contactId: '7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04', relation: 'transfer', direction: 'to' },
      { contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', relation: 'associated', direction: 'from' },
    ]);
    assert.deepEqual(directLinks(sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02').Contact), [{ contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', relation: 'transfer', direction: 'from' }]);
    assert.deepEqual(directLinks(sample('7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04').Contact), [{ contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', relation: 'related', direction: 'from' }]);
    // Its own ID as initial contact, and junk, are no links.
    assert.deepEqual(directLinks({ Id: 'a', InitialContactId: 'a', PreviousContactId: '', NextContacts: [null, { NextContactMetadata: {} }, 'x'] }), []);
    const phone = directLinks({ Id: 'a', NextContacts: [{ Type: 'QUICK_CONNECT', NextContactMetadata: { QuickConnectContactData: { ContactId: 'b', QuickConnectType: 'PHONE_NUMBER' } } }] });
    assert.deepEqual(phone, [{ contactId: 'b', relation: 'external', direction: 'to' }]);
  });

  it('walks a linear chain of five from its last contact, describing each once', async () => {
    const all = linearChain();
    const { describe, calls } = directory(all);
    const progress: ContactChain[] = [];
    const chain = await walkChain({ start: all[4], describe, onProgress: (c) => progress.push(c) });
    assert.deepEqual(ids(chain), ['c1', 'c2', 'c3', 'c4', 'c5']);
    assert.deepEqual(edges(chain), ['c1 -transfer-> c2', 'c2 -queueTransfer-> c3', 'c3 -callback-> c4', 'c4 -external-> c5']);
    assert.equal(chain.truncated, false);
    assert.deepEqual([...calls].sort(), ['c1', 'c2', 'c3', 'c4']);
    assert.deepEqual(
      chain.nodes.map((n) => n.current),
      [false, false, false, false, true],
    );
    assert.ok(progress.length >= 2);
    assert.deepEqual(progress.at(-1), chain);
    assert.equal(progress[0].nodes.length, 3, 'the start and its direct links first');
  });

  it('walks forward through NextContacts from the first contact', async () => {
    const a = contact('a', 0, { InitiationMethod: 'INBOUND', NextContacts: [{ Type: 'QUICK_CONNECT', NextContactMetadata: { QuickConnectContactData: { ContactId: 'b', QuickConnectType: 'QUEUE' } } }] });
    const b = contact('b', 5, { InitiationMethod: 'TRANSFER', PreviousContactId: 'a', InitialContactId: 'a' });
    const { describe } = directory([a, b]);
    const chain = await walkChain({ start: a, describe });
    assert.deepEqual(ids(chain), ['a', 'b']);
    assert.deepEqual(edges(chain), ['a -transfer-> b'], 'NextContacts and PreviousContactId make one edge');
  });

  it('walks a cycle once', async () => {
    const a = contact('a', 1, { PreviousContactId: 'c', InitiationMethod: 'TRANSFER' });
    const b = contact('b', 2, { PreviousContactId: 'a', InitiationMethod: 'TRANSFER' });
    const c = contact('c', 3, { PreviousContactId: 'b', InitiationMethod: 'TRANSFER', RelatedContactId: 'a' });
    const { describe, calls } = directory([a, b, c]);
    const chain = await walkChain({ start: a, describe });
    assert.deepEqual(ids(chain), ['a', 'b', 'c']);
    assert.deepEqual(edges(chain), ['a -transfer-> b', 'b -transfer-> c', 'c -transfer-> a']);
    assert.deepEqual([...calls].sort(), ['b', 'c']);
  });

  it('bounds a chain of 200 links, fast', async () => {
    const all = Array.from({ length: 200 }, (_, i) =>
      contact(`n${i}`, i, {
        InitiationMethod: 'TRANSFER',
        InitialContactId: 'n0',
        ...(i ? { PreviousContactId: `n${i - 1}` } : {}),
        ...(i < 199 ? { NextContacts: [{ NextContactMetadata: { QuickConnectContactData: { ContactId: `n${i + 1}` } } }] } : {}),
      }),
    );
    const { describe, calls } = directory(all);
    const started = Date.now();
    const chain = await walkChain({ start: all[100], describe });
    assert.ok(Date.now() - started < 1000);
    assert.equal(chain.nodes.length, 50);
    assert.equal(chain.truncated, true);
    assert.ok(calls.length <= 49);
    assert.equal(new Set(calls).size, calls.length, 'each contact described once');
    assert.equal(new Set(ids(chain)).size, 50);
    const inChain = new Set(ids(chain));
    for (const e of chain.edges) assert.ok(inChain.has(e.from) && inChain.has(e.to));
    assert.ok(ids(chain).includes('n100'));

    const small = await walkChain({ start: all[100], describe, maxNodes: 3 });
    assert.deepEqual(ids(small), ['n99', 'n100', 'n101']);
    assert.equal(small.truncated, true);
    const alone = await walkChain({ start: all[100], describe, maxNodes: 1 });
    assert.deepEqual(ids(alone), ['n100']);
    assert.deepEqual(alone.edges, []);
    assert.equal(alone.truncated, true);
  });

  it('keeps going past a contact it cannot describe', async () => {
    const all = linearChain().filter((c) => c.Id !== 'c3');
    const { describe } = directory(all);
    const chain = await walkChain({ start: all[3], describe }); // c5
    const broken = chain.nodes.find((n) => n.contactId === 'c3');
    assert.deepEqual(broken, { contactId: 'c3', current: false, problem: 'ResourceNotFoundException: contact c3 not found' });
    assert.deepEqual(ids(chain), ['c1', 'c4', 'c5', 'c3'], 'unknown times last');
    assert.deepEqual(edges(chain), ['c3 -callback-> c4', 'c4 -external-> c5']);
    // c2 is reached only through c3; c1 through c5's InitialContactId.
    assert.ok(!ids(chain).includes('c2'));

    const odd = await walkChain({ start: contact('x', 0, { PreviousContactId: 'y' }), describe: () => Promise.reject(new Error('')) });
    assert.equal(odd.nodes.find((n) => n.contactId === 'y')?.problem, 'DescribeContact failed.');
  });

  it('stops promptly when aborted, even in the middle of a call', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = walkChain({
      start: contact('a', 0, { PreviousContactId: 'b' }),
      describe: () => {
        calls++;
        controller.abort();
        return new Promise<JsonObject>(() => undefined); // never settles
      },
      signal: controller.signal,
    });
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
    assert.equal(calls, 1);

    const already = new AbortController();
    already.abort();
    let described = false;
    await assert.rejects(
      walkChain({ start: contact('a', 0, { PreviousContactId: 'b' }), describe: () => ((described = true), Promise.resolve({})), signal: already.signal }),
      { name: 'AbortError' },
    );
    assert.equal(described, false);

    const during = new AbortController();
    await assert.rejects(
      walkChain({
        start: contact('a', 0),
        describe: () => Promise.resolve({}),
        associated: () => {
          during.abort();
          return new Promise<AssociatedContact[]>(() => undefined);
        },
        signal: during.signal,
      }),
      { name: 'AbortError' },
    );
  });

  it('adds associated contacts as they are, without describing them', async () => {
    const start = contact('a', 0, { InitiationMethod: 'INBOUND', InitialContactId: 'a' });
    const associated: AssociatedContact[] = [
      { contactId: 'a', initialContactId: 'a', initiationMethod: 'INBOUND', channel: 'VOICE', initiatedAt: '2025-03-04T10:00:00.000Z' },
      { contactId: 'b', initialContactId: 'a', previousContactId: 'a', initiationMethod: 'TRANSFER', channel: 'VOICE', initiatedAt: '2025-03-04T10:05:00.000Z', disconnectedAt: '2025-03-04T10:09:00.000Z' },
      { contactId: 'c', initialContactId: 'a', previousContactId: 'b', initiationMethod: 'MONITOR', channel: 'VOICE', initiatedAt: '2025-03-04T10:06:00.000Z' },
      { contactId: 'd', initialContactId: 'a', initiationMethod: 'API', channel: 'TASK', initiatedAt: '2025-03-04T10:07:00.000Z' },
    ];
    const { describe, calls } = directory([]);
    const chain = await walkChain({ start, describe, associated: () => Promise.resolve(associated) });
    assert.deepEqual(calls, []);
    assert.deepEqual(ids(chain), ['a', 'b', 'c', 'd']);
    assert.deepEqual(edges(chain), ['a -associated-> d', 'a -transfer-> b', 'b -monitor-> c']);
    assert.deepEqual(chain.nodes[1], { contactId: 'b', current: false, channel: 'VOICE', initiationMethod: 'TRANSFER', initiatedAt: '2025-03-04T10:05:00.000Z', disconnectedAt: '2025-03-04T10:09:00.000Z' });
  });

  it('describes a contact the associated list only names', async () => {
    const start = contact('a', 0);
    const { describe, calls } = directory([contact('p', -5, { InitiationMethod: 'INBOUND' })]);
    const chain = await walkChain({ start, describe, associated: () => Promise.resolve([{ contactId: 'b', previousContactId: 'p', initiationMethod: 'TRANSFER' }]) });
    assert.deepEqual(calls, ['p']);
    assert.deepEqual(ids(chain), ['p', 'a', 'b']);
    assert.deepEqual(edges(chain), ['p -transfer-> b']);
  });

  it('goes on without the associated list when it fails', async () => {
    const all = linearChain();
    const { describe } = directory(all);
    const chain = await walkChain({ start: all[1], describe, associated: () => Promise.reject(new Error('AccessDeniedException')) });
    assert.deepEqual(ids(chain), ['c1', 'c2']);
    assert.deepEqual(edges(chain), ['c1 -transfer-> c2']);
  });

  it('follows a listed contact’s RelatedContactId: the same chain with the associated list as without', async () => {
    const next = { Type: 'QUICK_CONNECT', NextContactMetadata: { QuickConnectContactData: { ContactId: 'b', QuickConnectType: 'QUEUE' } } };
    const a = contact('a', 0, { InitiationMethod: 'INBOUND', InitialContactId: 'a', NextContacts: [next] });
    const b = contact('b', 5, { InitiationMethod: 'TRANSFER', InitialContactId: 'a', PreviousContactId: 'a', RelatedContactId: 'c' });
    const c = contact('c', 11, { InitiationMethod: 'API', Channel: 'TASK' });
    const listed: AssociatedContact[] = [
      { contactId: 'a', initialContactId: 'a', initiationMethod: 'INBOUND', channel: 'VOICE', initiatedAt: a.InitiationTimestamp as string },
      { contactId: 'b', initialContactId: 'a', previousContactId: 'a', relatedContactId: 'c', initiationMethod: 'TRANSFER', channel: 'VOICE', initiatedAt: b.InitiationTimestamp as string },
    ];
    const without = await walkChain({ start: a, describe: directory([a, b, c]).describe });
    const withList = await walkChain({ start: a, describe: directory([a, b, c]).describe, associated: () => Promise.resolve(listed) });
    for (const chain of [without, withList]) {
      assert.deepEqual(ids(chain), ['a', 'b', 'c']);
      assert.deepEqual(edges(chain), ['a -transfer-> b', 'b -related-> c']);
    }
  });

  it('has no duplicate nodes or edges when links repeat', async () => {
    const next = (id: string): JsonObject => ({ Type: 'QUICK_CONNECT', NextContactMetadata: { QuickConnectContactData: { ContactId: id, QuickConnectType: 'USER' } } });
    const start = contact('a', 0, { InitialContactId: 'a', RelatedContactId: 'b', NextContacts: [next('b'), next('b'), next('a')] });
    const b = contact('b', 1, { InitiationMethod: 'TRANSFER', PreviousContactId: 'a', InitialContactId: 'a', RelatedContactId: 'a' });
    const { describe, calls } = directory([start, b]);
    const dupes: AssociatedContact[] = [
      { contactId: 'b', previousContactId: 'a' },
      { contactId: 'b', previousContactId: 'a' },
      { contactId: 'a' },
      { contactId: '' },
    ];
    const chain = await walkChain({ start, describe, associated: () => Promise.resolve(dupes) });
    assert.deepEqual(ids(chain), ['a', 'b']);
    assert.deepEqual(edges(chain), ['a -transfer-> b']);
    assert.deepEqual(calls, []);
  });

  it('orients related contacts by time, and sorts unknown times last', async () => {
    const later = contact('later', 30, { RelatedContactId: 'earlier' });
    const earlier = contact('earlier', 10);
    const timeless: JsonObject = { Id: 'timeless', Channel: 'TASK' };
    const { describe } = directory([earlier, timeless]);
    const chain = await walkChain({ start: later, describe });
    assert.deepEqual(edges(chain), ['earlier -related-> later']);
    const backwards = await walkChain({ start: contact('x', 10, { RelatedContactId: 'y', NextContacts: [] }), describe: () => Promise.resolve(contact('y', 20)) });
    assert.deepEqual(edges(backwards), ['x -related-> y']);
    const unknown = await walkChain({ start: contact('s', 5, { RelatedContactId: 'timeless' }), describe });
    assert.deepEqual(ids(unknown), ['s', 'timeless']);
    assert.deepEqual(edges(unknown), ['timeless -related-> s']);
  });

  it('walks the sample contacts the local endpoint serves', async () => {
    const byId = new Map(sampleFiles().map((f) => [f.contactId, f]));
    const describe = (id: string): Promise<JsonObject> => (byId.has(id) ? Promise.resolve(sample(id).Contact) : Promise.reject(new Error('not found')));
    const chain = await walkChain({ start: sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02').Contact, describe });
    assert.ok(ids(chain).includes('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01'));
    assert.ok(edges(chain).includes('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01 -transfer-> 6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02'));
    assert.equal(chain.nodes.filter((n) => n.current).length, 1);
    const times = chain.nodes.map((n) => (n.initiatedAt ? Date.parse(n.initiatedAt) : Infinity));
    assert.deepEqual([...times].sort((x, y) => x - y), times);
  });

  it('carries hostile and huge IDs and messages as plain, bounded text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const huge = 'f'.repeat(32 * 1024);
    const chain = await walkChain({
      start: contact(hostile, 0, { PreviousContactId: huge, RelatedContactId: `${hostile}2` }),
      describe: (id) => (id === huge ? Promise.reject(new Error(`${hostile}\n${huge}`)) : Promise.resolve(contact(id, 1, { Channel: hostile }))),
    });
    assert.deepEqual(new Set(ids(chain)), new Set([hostile, huge, `${hostile}2`]));
    const failed = chain.nodes.find((n) => n.contactId === huge);
    const problem = failed?.problem ?? '';
    assert.ok(problem.startsWith(`${hostile}⏎fff`));
    assert.ok(problem.length <= 301);
    assert.equal(chain.nodes.find((n) => n.contactId === `${hostile}2`)?.channel, hostile);
  });
});
