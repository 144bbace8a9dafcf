// The explorer shows every time in the zone of connectContacts.timeZone, as the panel does: the
// Recent contacts window and the custom range a person types too, not UTC regardless.
import * as assert from 'node:assert/strict';
import { contactLabel } from '../../../src/explorer/contactLabels';
import { describeSearch, describeWindow, emptySearchText, parseCustomRange, rangeInputText } from '../../../src/explorer/searchWindow';

describe('explorer times follow connectContacts.timeZone', () => {
  const savedTz = process.env.TZ;
  before(() => {
    // A zone that is never UTC, with no daylight saving time to make the test depend on the date.
    process.env.TZ = 'Asia/Kolkata';
  });
  after(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  const range = { kind: 'range' as const, start: '2026-11-19T00:00:00.000Z', end: '2026-11-20T06:30:00.000Z' };

  it('the custom range is described in the same zone as the contact rows', () => {
    const row = contactLabel('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', { initiationTimestamp: range.start }, 'local');
    const zone = / \d{2}:\d{2} (.+) · /.exec(row)?.[1];
    assert.ok(zone && zone !== 'UTC', `the row names no local zone: ${row}`);
    assert.equal(describeWindow(range, 'local'), `2026-11-19 05:30 – 2026-11-20 12:00 ${zone}`);
    assert.equal(describeSearch({ window: range, channels: [] }, 'local'), `2026-11-19 05:30 – 2026-11-20 12:00 ${zone} · all channels`);
    assert.equal(emptySearchText({ window: range, channels: [] }, 'local'), `No contacts between 2026-11-19 05:30 and 2026-11-20 12:00 ${zone}`);
    assert.equal(describeWindow(range, 'utc'), '2026-11-19 00:00 – 2026-11-20 06:30 UTC');
  });

  it('a typed range is read in the chosen zone', () => {
    assert.deepEqual(parseCustomRange('2026-11-19 to 2026-11-20', 'local'), { ok: true, start: '2026-11-18T18:30:00.000Z', end: '2026-11-20T18:30:00.000Z' });
    assert.deepEqual(parseCustomRange('2026-11-19T08:00 to 2026-11-19T12:30', 'local'), { ok: true, start: '2026-11-19T02:30:00.000Z', end: '2026-11-19T07:00:00.000Z' });
    assert.deepEqual(parseCustomRange('2026-11-19 to 2026-11-20', 'utc'), { ok: true, start: '2026-11-19T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' });
    // An explicit offset wins over the zone.
    assert.deepEqual(parseCustomRange('2026-11-19T08:00Z to 2026-11-19T09:00Z', 'local'), { ok: true, start: '2026-11-19T08:00:00.000Z', end: '2026-11-19T09:00:00.000Z' });
    assert.equal(parseCustomRange('2026-02-30 to 2026-03-01', 'local').ok, false);
    // The prompt shows a stored range again in the same zone, and reads it back unchanged.
    const again = parseCustomRange(rangeInputText(range, 'local'), 'local');
    assert.deepEqual(again, { ok: true, start: range.start, end: range.end });
  });
});
