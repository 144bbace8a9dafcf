// searchPages over an in-memory SearchContacts with the service's rules (inclusive range, sort,
// pages, TotalCount of every match, rows stop at 10,000): the total a person reads against the
// contacts actually listed, across windows that share an instant and a window that is halved.
import * as assert from 'node:assert/strict';
import { budgetKey, RequestScheduler } from '../../../src/aws/scheduler';
import type { RequestPriority, SearchContactsPage, SearchContactsQuery } from '../../../src/aws/types';
import { defaultCriteria, searchLimits, type ContactSearchCriteria, type SortOrder } from '../../../src/contact/searchWindows';
import { searchPages, watchedSearchPages, type PrioritisedSearchPageFn, type SearchPage } from '../../../src/search/searchRun';
import { FakeClock } from '../aws/fakeClock';

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

describe('watchedSearchPages: a long search and a contact panel opened meanwhile', () => {
  it('gives the panel its details within seconds while the search reads its hundred pages', async () => {
    // The production scheduler (arrival margin, interactive reserve) at Connect's default budget,
    // on a fake clock; each SearchContacts answer takes 300 ms. 10,900 contacts: 110 pages.
    const clock = new FakeClock();
    const scheduler = new RequestScheduler({ clock });
    const budget = { requestsPerSecond: 2, burst: 5 };
    const key = budgetKey('connect', 'dev', 'us-east-1');
    const { search } = inMemorySearch(Array.from({ length: 10_900 }, (_, i) => now - 70 * day + 1000 + i * 500_000));
    const asked: RequestPriority[] = [];
    const paced: PrioritisedSearchPageFn = async (query, signal, priority) => {
      asked.push(priority);
      const grant = await scheduler.acquire({ key, budget, priority, signal, operation: 'SearchContacts' });
      await new Promise<void>((resolve) => clock.later(resolve, 300));
      grant.settle('answered');
      return search(query);
    };
    let rows = 0;
    let firstRowsAt: number | undefined;
    let searchDoneAt: number | undefined;
    const run = (async () => {
      for await (const page of watchedSearchPages(paced, 'i', criteriaFor('DESCENDING'), now)) {
        rows += page.contacts.length;
        if (rows > 0) firstRowsAt ??= clock.now();
      }
      searchDoneAt = clock.now();
    })();

    await clock.advance(5_000);
    // The person opens a contact from the results: its panel asks names, attributes and the chain.
    const details: Record<string, number> = {};
    for (const operation of ['DescribeQueue', 'DescribeUser', 'GetContactAttributes', 'ListAssociatedContacts']) {
      void scheduler.acquire({ key, budget, priority: 'visible', operation }).then((grant) => {
        details[operation] = clock.now();
        grant.settle('answered');
      });
    }
    await clock.advance(120_000);
    await run;

    assert.equal(Object.keys(details).length, 4);
    const late = Object.entries(details).filter(([, at]) => at > 8_000).map(([op, at]) => `${op} at ${(at / 1000).toFixed(1)} s`);
    assert.deepEqual(late, [], 'the panel asked at 5 s: its details are granted within 3 s');
    assert.equal(firstRowsAt, 300, 'the first page the person waits for goes at once');
    assert.equal(asked[0], 'interactive');
    assert.ok(asked.slice(1).every((p) => p === 'visible'), `later pages at ${[...new Set(asked.slice(1))].join(', ')}`);
    assert.equal(rows, 10_900, 'the search still reads every contact');
    // Taking turns costs the search only the panel's four calls (2 s at 2/s).
    assert.ok(searchDoneAt! < (asked.length / 2 + 3) * 1000, `the search ended at ${searchDoneAt} ms`);
  });
});
