// SearchContacts over synthetic contacts: every criterion the search panel sends (channels, initiation methods,
// queues, agents, agent hierarchy groups, searchable contact attributes with MATCH_ALL / MATCH_ANY), sort,
// paging with TotalCount, and the service's limits (8 weeks per search, 24 months back, MaxResults 1..100,
// 10,000 results, the list bounds) with the service's error type.
import * as assert from 'node:assert/strict';
import { lookBackStart, maxSearchResults, route } from '../../endpoint/operations';
import { loadEndpointData, type WireContact } from '../../endpoint/sampleData';
import { sampleIds } from '../../endpoint/sampleIds';
import { serviceError } from './serviceErrorText';

const nowSec = Math.floor(Date.now() / 1000);
const data = loadEndpointData({ synthetic: 20_000 });
const inA = [...data.contacts.get(sampleIds.instanceA)!.values()];
const week = 7 * 86400;

interface Result {
  Contacts: { Id: string; Channel: string; InitiationMethod: string; InitiationTimestamp: number }[];
  NextToken?: string;
  TotalCount: number;
}

function search(extra: Record<string, unknown>, weeks = 8, endAgo = 0): Result {
  const body = { InstanceId: sampleIds.instanceA, TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: nowSec - endAgo - weeks * week, EndTime: nowSec - endAgo }, ...extra };
  return route('POST', ['search-contacts'])!.handle({ method: 'POST', segments: ['search-contacts'], query: new URLSearchParams(), body }, data) as Result;
}


/** What matches in the last 8 weeks, counted here from the contacts themselves. */
function expected(pred: (c: WireContact) => boolean): number {
  return inA.filter((c) => (c.InitiationTimestamp as number) >= nowSec - 8 * week && pred(c)).length;
}
const attr = (c: WireContact, k: string) => ((c.Attributes ?? {}) as Record<string, string>)[k];
const groupOf = (c: WireContact, level: number) => {
  const arn = (c.AgentInfo as { HierarchyGroups?: Record<string, { Arn: string }> } | undefined)?.HierarchyGroups?.[`Level${level}`]?.Arn;
  return arn?.slice(arn.lastIndexOf('/') + 1);
};

describe('SearchContacts criteria and limits', () => {
  it('counts every criterion the panel sends, as the contacts say', () => {
    const sample = inA.find((c) => attr(c, 'synthetic') === 'true' && c.Channel === 'VOICE' && c.InitiationMethod === 'INBOUND' && c.AgentInfo && (c.InitiationTimestamp as number) > nowSec - 8 * week)!;
    const queue = (sample.QueueInfo as { Id: string }).Id;
    const agent = (sample.AgentInfo as { Id: string }).Id;
    const l1 = groupOf(sample, 1)!;
    const cases: [Record<string, unknown>, (c: WireContact) => boolean][] = [
      [{ Channels: ['CHAT', 'TASK'] }, (c) => c.Channel === 'CHAT' || c.Channel === 'TASK'],
      [{ InitiationMethods: ['CALLBACK'] }, (c) => c.InitiationMethod === 'CALLBACK'],
      [{ QueueIds: [queue] }, (c) => (c.QueueInfo as { Id: string } | undefined)?.Id === queue],
      [{ AgentIds: [agent] }, (c) => (c.AgentInfo as { Id: string } | undefined)?.Id === agent],
      [{ AgentHierarchyGroups: { L1Ids: [l1] } }, (c) => groupOf(c, 1) === l1],
      [{ SearchableContactAttributes: { Criteria: [{ Key: 'intent', Values: ['CardDecline'] }] } }, (c) => attr(c, 'intent') === 'CardDecline'],
      [
        { SearchableContactAttributes: { Criteria: [{ Key: 'intent', Values: ['CardDecline', 'Billing'] }, { Key: 'customerTier', Values: ['gold'] }], MatchType: 'MATCH_ALL' } },
        (c) => ['CardDecline', 'Billing'].includes(attr(c, 'intent')) && attr(c, 'customerTier') === 'gold',
      ],
      [
        { SearchableContactAttributes: { Criteria: [{ Key: 'intent', Values: ['CardDecline'] }, { Key: 'customerTier', Values: ['gold'] }], MatchType: 'MATCH_ANY' } },
        (c) => attr(c, 'intent') === 'CardDecline' || attr(c, 'customerTier') === 'gold',
      ],
      [{ Channels: ['VOICE'], InitiationMethods: ['INBOUND'], QueueIds: [queue] }, (c) => c.Channel === 'VOICE' && c.InitiationMethod === 'INBOUND' && (c.QueueInfo as { Id: string } | undefined)?.Id === queue],
    ];
    for (const [criteria, pred] of cases) {
      const n = expected(pred);
      assert.ok(n > 0, JSON.stringify(criteria));
      assert.equal(search({ SearchCriteria: criteria, MaxResults: 1 }).TotalCount, n, JSON.stringify(criteria));
    }
  });

  it('pages with NextToken to TotalCount, sorted as asked, each contact once', () => {
    const seen: Result['Contacts'] = [];
    let token: string | undefined;
    let total = 0;
    do {
      const page = search({ Sort: { FieldName: 'CHANNEL', Order: 'ASCENDING' }, MaxResults: 100, ...(token ? { NextToken: token } : {}) });
      seen.push(...page.Contacts);
      total = page.TotalCount;
      token = page.NextToken;
    } while (token);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen.map((c) => c.Id)).size, total);
    const channels = seen.map((c) => c.Channel);
    assert.deepEqual(channels, [...channels].sort());
    const byTime = search({ Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'DESCENDING' }, MaxResults: 100 }).Contacts.map((c) => c.InitiationTimestamp);
    assert.deepEqual(byTime, [...byTime].sort((a, b) => b - a));
  });

  it('stops pages at 10,000 results while TotalCount counts all', () => {
    // 12,000 contacts in the last week: more than one search may return (100,000 over two years is ~5,700 per 8 weeks).
    const big = loadEndpointData();
    const a = big.contacts.get(sampleIds.instanceA)!;
    for (let i = 0; i < 12_000; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      a.set(id, { Id: id, Arn: `arn:aws:connect:us-east-1:${sampleIds.account}:instance/${sampleIds.instanceA}/contact/${id}`, Channel: 'VOICE', InitiationMethod: 'INBOUND', InitiationTimestamp: nowSec - 3600 - i * 30 });
    }
    const body = { InstanceId: sampleIds.instanceA, TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: nowSec - 8 * week, EndTime: nowSec }, MaxResults: 100 };
    const handle = (b: Record<string, unknown>) => route('POST', ['search-contacts'])!.handle({ method: 'POST', segments: ['search-contacts'], query: new URLSearchParams(), body: b }, big) as Result;
    let page = handle(body);
    assert.ok(page.TotalCount > maxSearchResults, String(page.TotalCount));
    let seen = page.Contacts.length;
    while (page.NextToken) {
      page = handle({ ...body, NextToken: page.NextToken });
      seen += page.Contacts.length;
    }
    assert.equal(seen, maxSearchResults);
  });

  it('refuses what the service refuses, with its error type', () => {
    assert.match(serviceError(() => search({}, 8.1)), /^400 InvalidParameterException: The time range must not be longer than 8 weeks/);
    assert.equal(serviceError(() => search({}, 8)), 'no error');
    const earliest = lookBackStart(nowSec);
    assert.ok(earliest < nowSec - 729 * 86400 && earliest > nowSec - 732 * 86400);
    assert.match(serviceError(() => search({}, 4, nowSec - earliest)), /^400 InvalidParameterException: TimeRange.StartTime must not be more than 24 months in the past/);
    assert.match(serviceError(() => search({ MaxResults: 0 })), /400 InvalidParameterException: 1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1/);
    assert.match(serviceError(() => search({ MaxResults: 101 })), /Member must have value less than or equal to 100/);
    assert.match(serviceError(() => search({ SearchCriteria: { QueueIds: Array.from({ length: 101 }, (_, i) => `q${i}`) } })), /at 'searchCriteria.queueIds' failed to satisfy constraint: Member must have length less than or equal to 100/);
    assert.match(serviceError(() => search({ SearchCriteria: { AgentHierarchyGroups: { L2Ids: Array.from({ length: 11 }, (_, i) => `g${i}`) } } })), /'searchCriteria.agentHierarchyGroups.l2Ids' .* less than or equal to 10/);
    const criteria = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Values: ['v'] }));
    assert.match(serviceError(() => search({ SearchCriteria: { SearchableContactAttributes: { Criteria: criteria(16) } } })), /criteria' failed to satisfy constraint: Member must have length less than or equal to 15/);
    assert.match(serviceError(() => search({ SearchCriteria: { SearchableContactAttributes: { Criteria: [{ Key: 'intent', Values: Array(21).fill('x') }] } } })), /criteria.1.values' .* less than or equal to 20/);
    assert.match(serviceError(() => search({ SearchCriteria: { SearchableContactAttributes: { Criteria: [{ Key: '', Values: [] }] } } })), /criteria.1.key' failed to satisfy constraint: Member must have length greater than or equal to 1/);
    assert.match(serviceError(() => search({ SearchCriteria: { SearchableContactAttributes: { Criteria: [], MatchType: 'SOME' } } })), /enum value set: \[MATCH_ALL, MATCH_ANY, MATCH_EXACT, MATCH_NONE\]/);
    assert.match(serviceError(() => search({ NextToken: 'bm9wZQ==' })), /The nextToken is not valid/);
  });
});
