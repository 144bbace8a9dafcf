// searchPages over an in-memory SearchContacts with the service's rules (inclusive range, sort,
// pages, TotalCount of every match, rows stop at 10,000): the total a person reads against the
// contacts actually listed, across windows that share an instant and a window that is halved.
import * as assert from 'node:assert/strict';
import type { SearchContactsPage, SearchContactsQuery } from '../../../src/aws/types';
import { defaultCriteria, searchLimits, type ContactSearchCriteria, type SortOrder } from '../../../src/contact/searchWindows';
import { searchPages, type SearchPage } from '../../../src/search/searchRun';

const now = Date.parse('2026-11-30T00:00:00Z');
const day = 86400_000;

function inMemorySearch(instants: number[]) {
  const contacts = instants.map((t, i) => ({ id: `c${i}`, initiationTimestamp: new Date(t).toISOString(), t }));
  const calls: SearchContactsQuery[] = [];
  const search = (q: SearchContactsQuery): Promise<SearchContactsPage> => {
    calls.push(q);
    const start = Date.parse(q.start);
    const end = Date.parse(q.end);
    const matches = contacts.filter((c) => c.t >= start && c.t <= end).sort((a, b) => (q.sortOrder === 'ASCENDING' ? 1 : -1) * (a.t - b.t) || (a.id < b.id ? -1 : 1));
    const from = q.nextToken ? Number(q.nextToken) : 0;
    const to = Math.min(from + (q.maxResults ?? 100), matches.length, searchLimits.resultsPerSearch);
    return Promise.resolve({
      contacts: matches.slice(from, to).map(({ id, initiationTimestamp }) => ({ id, initiationTimestamp })),
      totalCount: matches.length,
      ...(to < Math.min(matches.length, searchLimits.resultsPerSearch) ? { nextToken: String(to) } : {}),
    });
  };
  return { search, calls };
}

/** 70 days: two windows (8 weeks, then 2 weeks) sharing the instant 14 days before now. */
function criteriaFor(sortOrder: SortOrder): ContactSearchCriteria {
  return { ...defaultCriteria(), range: { kind: 'absolute', start: new Date(now - 70 * day).toISOString(), end: new Date(now).toISOString() }, sortOrder };
}

async function readAll(instants: number[], sortOrder: SortOrder, countFirst: boolean) {
  const { search, calls } = inMemorySearch(instants);
  const pages: SearchPage[] = [];
  for await (const page of searchPages(search, 'i', criteriaFor(sortOrder), now, undefined, { countFirst })) pages.push(page);
  const ids = pages.flatMap((p) => p.contacts.map((c) => c.id));
  return { pages, ids, calls };
}

const edge = now - 14 * day;
/** 300 contacts over the 70 days, 3 of them on the shared instant. */
const spread = [...Array.from({ length: 297 }, (_, i) => now - 70 * day + 1000 + i * 20_000_000), edge, edge, edge];

describe('searchPages: the total against the contacts listed', () => {
  for (const order of ['ASCENDING', 'DESCENDING'] as const) {
    it(`says the true total from the first page when counting first, contacts on the shared instant once (${order})`, async () => {
      const { pages, ids } = await readAll(spread, order, true);
      assert.equal(new Set(ids).size, 300);
      assert.equal(ids.length, 300);
      for (const p of pages) assert.deepEqual([p.total, p.totalComplete], [300, true]);
    });
  }

  it('reads no page twice when counting first: each window\'s first page is kept, not fetched again', async () => {
    const counted = await readAll(spread, 'DESCENDING', true);
    const plain = await readAll(spread, 'DESCENDING', false);
    assert.equal(counted.calls.length, plain.calls.length);
    assert.deepEqual(counted.ids, plain.ids);
  });

  it('without counting first, says the windows counted so far and that more may come (the panel)', async () => {
    const { pages } = await readAll(spread, 'DESCENDING', false);
    assert.equal(pages[0].totalComplete, false);
    assert.ok(pages[0].total < 300, `first total ${pages[0].total}`);
    assert.equal(pages.at(-1)?.totalComplete, true);
  });

  it('comes to the true total when more contacts share the instant than a page shows, never saying fewer', async () => {
    const crowded = [...spread.slice(0, 297), ...Array.from({ length: 150 }, () => edge)];
    const { pages, ids } = await readAll(crowded, 'ASCENDING', true);
    assert.equal(new Set(ids).size, 447);
    for (const p of pages) assert.ok(p.total >= 447, `said ${p.total}`);
    assert.equal(pages.at(-1)?.total, 447);
  });

  it('keeps the total of a window past 10,000 results that it halves, its midpoint counted once', async () => {
    // 10,050 contacts in the last 2 weeks (one of them on the halving's midpoint), 10 before.
    const busy = Array.from({ length: 10_050 }, (_, i) => edge + 1000 + i * 100_000);
    const mid = edge + Math.floor((now - edge) / 2);
    busy[0] = mid;
    const older = Array.from({ length: 10 }, (_, i) => now - 60 * day + i * day);
    const { pages, ids } = await readAll([...busy, ...older], 'DESCENDING', true);
    assert.equal(new Set(ids).size, 10_060);
    assert.equal(ids.length, 10_060);
    for (const p of pages) assert.equal(p.total, 10_060);
  });
});
