import * as assert from 'node:assert/strict';
import { route } from '../../endpoint/operations';
import { loadEndpointData } from '../../endpoint/sampleData';
import { sampleIds } from '../../endpoint/sampleIds';
import { serviceError } from './serviceErrorText';

const now = Date.UTC(2030, 0, 15, 12, 0, 0);
const data = loadEndpointData({ now });
const nowSec = now / 1000;

interface SearchResult {
  Contacts: { Id: string; Channel: string; InitiationTimestamp: number; AgentInfo?: { Id: string }; QueueInfo?: { Id: string } }[];
  NextToken?: string;
  TotalCount: number;
}

function search(body: Record<string, unknown>): SearchResult {
  const match = route('POST', ['search-contacts']);
  assert.equal(match?.operation, 'SearchContacts');
  return match.handle({ method: 'POST', segments: ['search-contacts'], query: new URLSearchParams(), body }, data) as SearchResult;
}

function lastHours(hours: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    InstanceId: sampleIds.instanceA,
    TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: nowSec - hours * 3600, EndTime: nowSec },
    ...extra,
  };
}


describe('SearchContacts over the samples', () => {
  it('finds several contacts in the last 24 hours, newest first by default', () => {
    const result = search(lastHours(24));
    assert.ok(result.Contacts.length >= 5);
    assert.equal(result.TotalCount, result.Contacts.length);
    const times = result.Contacts.map((c) => c.InitiationTimestamp);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.equal(result.Contacts[0].Id, sampleIds.task);
    for (const c of result.Contacts) assert.ok(c.InitiationTimestamp >= nowSec - 86400 && c.InitiationTimestamp <= nowSec);
  });

  it('filters by channel', () => {
    const chats = search(lastHours(96, { SearchCriteria: { Channels: ['CHAT'] } }));
    assert.deepEqual(chats.Contacts.map((c) => c.Id).sort(), [sampleIds.chat, sampleIds.chatAbandoned].sort());
    const tasksAndEmail = search(lastHours(96, { SearchCriteria: { Channels: ['TASK', 'EMAIL'] } }));
    assert.deepEqual(new Set(tasksAndEmail.Contacts.map((c) => c.Channel)), new Set(['TASK', 'EMAIL']));
  });

  it('filters by agent, queue and initiation method', () => {
    const byAgent = search(lastHours(96, { SearchCriteria: { AgentIds: ['0a1b2c3d-1111-4aaa-8bbb-000000000a01'] } }));
    assert.ok(byAgent.Contacts.length > 0 && byAgent.Contacts.every((c) => c.AgentInfo?.Id === '0a1b2c3d-1111-4aaa-8bbb-000000000a01'));
    const transfers = search(lastHours(96, { SearchCriteria: { InitiationMethods: ['TRANSFER', 'QUEUE_TRANSFER'] } }));
    assert.deepEqual(transfers.Contacts.map((c) => c.Id).sort(), sampleIds.transferChain.slice(1).sort());
  });

  it('sorts ascending and by channel', () => {
    const asc = search(lastHours(96, { Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'ASCENDING' } }));
    const times = asc.Contacts.map((c) => c.InitiationTimestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    const byChannel = search(lastHours(96, { Sort: { FieldName: 'CHANNEL', Order: 'ASCENDING' } })).Contacts.map((c) => c.Channel);
    assert.deepEqual(byChannel, [...byChannel].sort());
  });

  it('pages with MaxResults and NextToken without losing or repeating a contact', () => {
    const all = search(lastHours(96));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = search(lastHours(96, { MaxResults: 3, ...(token ? { NextToken: token } : {}) }));
      assert.ok(page.Contacts.length <= 3);
      assert.equal(page.TotalCount, all.TotalCount);
      seen.push(...page.Contacts.map((c) => c.Id));
      token = page.NextToken;
      pages++;
    } while (token);
    assert.deepEqual(seen, all.Contacts.map((c) => c.Id));
    assert.equal(pages, Math.ceil(all.TotalCount / 3));
  });

  it('returns the trimmed ContactSearchSummary, not the full contact', () => {
    const row = search(lastHours(96, { SearchCriteria: { Channels: ['VOICE'] } })).Contacts.find((c) => c.Id === sampleIds.voice) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(row.AgentInfo as object).sort(), ['ConnectedToAgentTimestamp', 'Id']);
    assert.equal(row.Recordings, undefined);
    assert.equal(row.Attributes, undefined);
    assert.ok(row.QueueInfo && row.Arn && row.InitialContactId);
  });

  it('rejects bad input with the service’s errors', () => {
    assert.match(serviceError(() => search({ ...lastHours(1), NextToken: 'bm90IGEgdG9rZW4=' })), /^400 InvalidParameterException: The nextToken is not valid\./);
    const tokenOfOtherSearch = search(lastHours(96, { MaxResults: 1 })).NextToken;
    assert.match(serviceError(() => search(lastHours(48, { MaxResults: 1, NextToken: tokenOfOtherSearch }))), /InvalidParameterException/);
    assert.match(serviceError(() => search(lastHours(1, { MaxResults: 101 }))), /^400 InvalidParameterException: .*less than or equal to 100/);
    assert.match(serviceError(() => search({ InstanceId: sampleIds.instanceA })), /^400 InvalidParameterException: TimeRange is required/);
    assert.match(serviceError(() => search({ ...lastHours(1), InstanceId: '44444444-4444-4444-8444-444444444444' })), /^404 ResourceNotFoundException/);
    const reversed = { InstanceId: sampleIds.instanceA, TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: nowSec, EndTime: nowSec - 10 } };
    assert.match(serviceError(() => search(reversed)), /StartTime must be before/);
  });
});

describe('ListInstances paging', () => {
  const list = (query: string) => {
    const match = route('GET', ['instance']);
    return match?.handle({ method: 'GET', segments: ['instance'], query: new URLSearchParams(query), body: undefined }, data) as {
      InstanceSummaryList: { Id: string; InstanceAlias: string; Tags?: unknown }[];
      NextToken?: string;
    };
  };

  it('returns every instance across pages of maxResults', () => {
    const first = list('maxResults=2');
    assert.deepEqual(first.InstanceSummaryList.map((i) => i.InstanceAlias), ['acme-support', 'acme-sales']);
    assert.ok(first.NextToken);
    const second = list(`maxResults=2&nextToken=${encodeURIComponent(first.NextToken)}`);
    assert.deepEqual(second.InstanceSummaryList.map((i) => i.InstanceAlias), ['acme-lab']);
    assert.equal(second.NextToken, undefined);
    assert.equal(first.InstanceSummaryList[0].Tags, undefined, 'summaries carry no tags');
  });

  it('rejects maxResults above 10 like the service', () => {
    assert.match(serviceError(() => list('maxResults=11')), /^400 InvalidParameterException: .*less than or equal to 10$/);
  });
});

describe('DescribeContact validation', () => {
  const describe1 = (instanceId: string, contactId: string) =>
    route('GET', ['contacts', instanceId, contactId])?.handle({ method: 'GET', segments: ['contacts', instanceId, contactId], query: new URLSearchParams(), body: undefined }, data);

  it('answers an unknown contact with ResourceNotFoundException naming it', () => {
    assert.equal(
      serviceError(() => describe1(sampleIds.instanceA, sampleIds.missingContact)),
      `404 ResourceNotFoundException: Contact not found: ${sampleIds.missingContact} does not exist in instance ${sampleIds.instanceA}`,
    );
  });

  it('answers over-long IDs with InvalidParameterException validation messages', () => {
    assert.match(serviceError(() => describe1(sampleIds.instanceA, 'c'.repeat(257))), /^400 InvalidParameterException: 1 validation error detected: .* at 'contactId' .*less than or equal to 256$/);
    assert.match(serviceError(() => describe1('i'.repeat(101), sampleIds.voice)), /^400 InvalidParameterException: .* at 'instanceId' .*less than or equal to 100$/);
  });

  it('finds a contact only in its own instance', () => {
    assert.match(serviceError(() => describe1(sampleIds.instanceB, sampleIds.voice)), /^404 ResourceNotFoundException/);
  });
});
