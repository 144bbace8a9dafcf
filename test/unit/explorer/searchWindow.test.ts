import * as assert from 'node:assert/strict';
import {
  buildSearchQuery,
  customRangeMessage,
  describeSearch,
  emptySearchText,
  isSearchSettings,
  nextPageQuery,
  parseCustomRange,
  searchPageSize,
} from '../../../src/explorer/searchWindow';

const now = new Date('2026-11-20T12:00:00.000Z');

describe('recent contacts query', () => {
  it('searches the last 24 hours by initiation time, newest first, one page at a time', () => {
    const q = buildSearchQuery('inst-a', { window: { kind: 'last', hours: 24 }, channels: [] }, now);
    assert.deepEqual(q, {
      instanceId: 'inst-a',
      start: '2026-11-19T12:00:00.000Z',
      end: '2026-11-20T12:00:00.000Z',
      timeRangeType: 'INITIATION_TIMESTAMP',
      sortOrder: 'DESCENDING',
      maxResults: searchPageSize,
    });
  });

  it('covers one hour and seven days', () => {
    assert.equal(buildSearchQuery('i', { window: { kind: 'last', hours: 1 }, channels: [] }, now).start, '2026-11-20T11:00:00.000Z');
    assert.equal(buildSearchQuery('i', { window: { kind: 'last', hours: 168 }, channels: [] }, now).start, '2026-11-13T12:00:00.000Z');
  });

  it('uses a custom range as given', () => {
    const q = buildSearchQuery('i', { window: { kind: 'range', start: '2026-11-01T00:00:00.000Z', end: '2026-11-02T00:00:00.000Z' }, channels: [] }, now);
    assert.equal(q.start, '2026-11-01T00:00:00.000Z');
    assert.equal(q.end, '2026-11-02T00:00:00.000Z');
  });

  it('filters channels only when some, not all, are chosen', () => {
    assert.deepEqual(buildSearchQuery('i', { window: { kind: 'last', hours: 1 }, channels: ['VOICE', 'CHAT'] }, now).channels, ['VOICE', 'CHAT']);
    assert.equal(buildSearchQuery('i', { window: { kind: 'last', hours: 1 }, channels: ['VOICE', 'CHAT', 'TASK', 'EMAIL'] }, now).channels, undefined);
  });

  it('asks for the next page with the same window and the token', () => {
    const q = buildSearchQuery('i', { window: { kind: 'last', hours: 24 }, channels: [] }, now);
    const next = nextPageQuery(q, 'token-2');
    assert.equal(next.nextToken, 'token-2');
    assert.equal(next.start, q.start);
    assert.equal(next.end, q.end);
  });

  it('says what it searches and what an empty result means', () => {
    assert.equal(describeSearch({ window: { kind: 'last', hours: 24 }, channels: [] }), 'last 24 hours · all channels');
    assert.equal(describeSearch({ window: { kind: 'last', hours: 168 }, channels: ['EMAIL'] }), 'last 7 days · Email');
    assert.equal(emptySearchText({ window: { kind: 'last', hours: 24 }, channels: [] }), 'No contacts in the last 24 hours');
    assert.equal(emptySearchText({ window: { kind: 'last', hours: 1 }, channels: ['VOICE', 'CHAT'] }), 'No Voice or Chat contacts in the last hour');
    assert.equal(
      emptySearchText({ window: { kind: 'range', start: '2026-11-01T00:00:00.000Z', end: '2026-11-02T06:30:00.000Z' }, channels: [] }),
      'No contacts between 2026-11-01 00:00 and 2026-11-02 06:30 UTC',
    );
  });

  it('parses a custom range typed as dates or date-times (UTC), a bare end date meaning the end of that day', () => {
    assert.deepEqual(parseCustomRange('2026-11-19 to 2026-11-20'), { ok: true, start: '2026-11-19T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' });
    assert.deepEqual(parseCustomRange('2026-11-19T08:00 .. 2026-11-19T12:30'), { ok: true, start: '2026-11-19T08:00:00.000Z', end: '2026-11-19T12:30:00.000Z' });
    assert.deepEqual(parseCustomRange('2026-11-19T08:00+01:00 to 2026-11-19 12:00'), { ok: true, start: '2026-11-19T07:00:00.000Z', end: '2026-11-19T12:00:00.000Z' });
  });

  it('rejects a range it cannot read, with what to type instead', () => {
    const one = parseCustomRange('2026-11-19');
    assert.equal(one.ok, false);
    assert.match(!one.ok ? one.message : '', /start and an end/);
    const bad = parseCustomRange('yesterday to today');
    assert.match(!bad.ok ? bad.message : '', /"yesterday" is not a date/);
    const backwards = parseCustomRange('2026-11-20 to 2026-11-19T00:00');
    assert.match(!backwards.ok ? backwards.message : '', /end must be after the start/);
  });

  it('refuses, as it is typed, a custom range SearchContacts would refuse, naming the limit', () => {
    assert.equal(
      customRangeMessage('2026-01-01 to 2026-06-01', 'utc', now),
      'This range spans 21.7 weeks; SearchContacts covers at most 8 weeks at once. Shorten it, or use Amazon Connect: Search Contacts, which splits a longer range.',
    );
    assert.equal(customRangeMessage('2023-01-01 to 2023-01-02', 'utc', now), 'Contacts are searchable for 2 years: start at 2024-11-21 12:00 UTC or later.');
    assert.equal(customRangeMessage('2024-11-20 to 2024-11-22', 'utc', now), 'Contacts are searchable for 2 years: start at 2024-11-21 12:00 UTC or later.');
    // At the limits: exactly 8 weeks, and the earliest start the message suggests.
    assert.equal(customRangeMessage('2026-09-01 to 2026-10-26', 'utc', now), undefined);
    assert.equal(customRangeMessage('2024-11-21T12:00 to 2024-11-22', 'utc', now), undefined);
    assert.equal(customRangeMessage('  ', 'utc', now), undefined);
    assert.equal(parseCustomRange('2026-01-01 to 2026-06-01', 'utc', now).ok, false);
  });

  it('accepts only well-formed stored settings', () => {
    assert.equal(isSearchSettings({ window: { kind: 'last', hours: 24 }, channels: ['VOICE'] }), true);
    assert.equal(isSearchSettings({ window: { kind: 'last', hours: -1 }, channels: [] }), false);
    assert.equal(isSearchSettings({ window: { kind: 'last', hours: 24 }, channels: ['FAX'] }), false);
    assert.equal(isSearchSettings(undefined), false);
  });
});
