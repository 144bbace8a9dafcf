import * as assert from 'node:assert/strict';
import {
  addEntry,
  clearEntries,
  filterEntries,
  parseStoredEntries,
  removeEntry,
  type HistoryEntry,
} from '../../../src/explorer/historyEntries';

const base = { profile: 'dev', region: 'us-east-1', instanceId: 'inst-a' };

function entry(contactId: string, minute: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { ...base, contactId, lookedUpAt: new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString(), ...extra };
}

const ids = (entries: HistoryEntry[]): string[] => entries.map((e) => e.contactId);

describe('history entries', () => {
  it('puts a new lookup first', () => {
    const list = addEntry([entry('c1', 1)], entry('c2', 2), 200);
    assert.deepEqual(ids(list), ['c2', 'c1']);
  });

  it('moves a repeated lookup to the top with its new fields, keeping fields the new lookup lacks', () => {
    const stored = [entry('c2', 2), entry('c1', 1, { queue: 'Old queue', agent: 'agent-1' })];
    const list = addEntry(stored, entry('c1', 3, { queue: 'BasicQueue' }), 200);
    assert.deepEqual(ids(list), ['c1', 'c2']);
    assert.equal(list[0].queue, 'BasicQueue');
    assert.equal(list[0].agent, 'agent-1');
    assert.equal(list.length, 2);
  });

  it('treats the same contact ID in another instance, region or profile as another entry', () => {
    let list = addEntry([], entry('c1', 1), 200);
    list = addEntry(list, { ...entry('c1', 2), instanceId: 'inst-b' }, 200);
    list = addEntry(list, { ...entry('c1', 3), region: 'eu-west-2' }, 200);
    list = addEntry(list, { ...entry('c1', 4), profile: 'prod' }, 200);
    assert.equal(list.length, 4);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < 5; i++) list = addEntry(list, entry(`c${i}`, i), 3);
    assert.deepEqual(ids(list), ['c4', 'c3', 'c2']);
    assert.deepEqual(addEntry(list, entry('c9', 9), 0), []);
  });

  it('removes one contact and clears by instance or everything', () => {
    const list = [entry('c2', 2), entry('c1', 1), { ...entry('c3', 3), instanceId: 'inst-b' }];
    assert.deepEqual(ids(removeEntry(list, { ...base, contactId: 'c1' })), ['c2', 'c3']);
    assert.deepEqual(ids(clearEntries(list, { instanceId: 'inst-a' })), ['c3']);
    assert.deepEqual(clearEntries(list), []);
  });

  it('filters by profile, region and instance, newest first', () => {
    const list = [entry('c1', 1), { ...entry('c3', 3), instanceId: 'inst-b' }, entry('c2', 2)];
    assert.deepEqual(ids(filterEntries(list, { profile: 'dev', region: 'us-east-1', instanceId: 'inst-a' })), ['c2', 'c1']);
    assert.deepEqual(ids(filterEntries(list, { region: 'eu-west-2' })), []);
  });

  it('ignores malformed stored data and keeps only known fields', () => {
    const parsed = parseStoredEntries([
      entry('good', 1, { channel: 'VOICE' }),
      { profile: 'dev', region: 'us-east-1', instanceId: 'i' },
      'junk',
      null,
      { ...entry('extra', 2), secret: 'x', queue: 42 },
    ]);
    assert.deepEqual(ids(parsed), ['good', 'extra']);
    assert.equal(parsed[0].channel, 'VOICE');
    assert.equal((parsed[1] as unknown as Record<string, unknown>).secret, undefined);
    assert.equal(parsed[1].queue, undefined);
    assert.deepEqual(parseStoredEntries(undefined), []);
    assert.deepEqual(parseStoredEntries({ not: 'a list' }), []);
  });
});
