import * as assert from 'node:assert/strict';
import { defaultCriteria, halveWindow, parseCriteria, progressText, resolveRange, searchLimits, splitRange, validateCriteria } from '../../../src/contact/searchWindows';

const day = 24 * 3600_000;
const now = Date.parse('2026-11-30T00:00:00Z');

describe('search windows', () => {
  it('splits a year into consecutive windows of at most 8 weeks, newest first when descending', () => {
    const start = now - 365 * day;
    const windows = splitRange(start, now, 'DESCENDING');
    assert.equal(windows.length, 7);
    assert.equal(windows[0].end, now);
    assert.equal(windows.at(-1)?.start, start);
    for (let i = 0; i < windows.length; i++) {
      assert.ok(windows[i].end - windows[i].start <= searchLimits.windowMs);
      if (i > 0) assert.equal(windows[i].end, windows[i - 1].start, 'no gap and no overlap between windows');
    }
    assert.deepEqual(splitRange(start, now, 'ASCENDING'), [...windows].reverse());
  });

  it('keeps a short range as one window', () => {
    assert.deepEqual(splitRange(now - day, now, 'ASCENDING'), [{ start: now - day, end: now }]);
  });

  it('halves a window in the sort order, down to a minute', () => {
    assert.deepEqual(halveWindow({ start: 0, end: 120_000 }, 'DESCENDING'), [{ start: 60_000, end: 120_000 }, { start: 0, end: 60_000 }]);
    assert.equal(halveWindow({ start: 0, end: 60_000 }, 'ASCENDING'), undefined);
  });

  it('moves a start older than the 2-year look-back to a day inside it (the service counts from each request), and says so', () => {
    const r = resolveRange({ kind: 'absolute', start: '2020-01-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }, now);
    assert.ok(!('field' in r));
    assert.equal(r.start, now - searchLimits.lookBackMs + 24 * 3600_000);
    assert.match(r.note ?? '', /searchable for 2 years/);
  });

  it('puts each invalid criterion beside its field', () => {
    const c = { ...defaultCriteria(), range: { kind: 'absolute' as const, start: '2026-11-02', end: '2026-11-01' }, attributes: [{ key: 'Tier', values: [] }], queueIds: Array.from({ length: 101 }, (_, i) => `q${i}`) };
    assert.deepEqual(validateCriteria(c, now).map((m) => m.field), ['range', 'queues', 'attributes']);
    assert.equal(validateCriteria(c, now)[0].message, 'The end must be after the start.');
    assert.deepEqual(validateCriteria(defaultCriteria(), now), []);
  });

  it('refuses an attribute key or value longer than SearchContacts takes, beside the attributes, without repeating the value', () => {
    const long = 'customer jane.doe@example.com, phone +1 206 555 0142, ' + 'x'.repeat(60);
    const c = { ...defaultCriteria(), attributes: [{ key: 'CustomerEmail', values: ['ok', long] }, { key: 'K'.repeat(101), values: ['v'] }] };
    assert.deepEqual(validateCriteria(c, now), [
      { field: 'attributes', message: `A value of "CustomerEmail" is ${long.length} characters long: values are at most 100.` },
      { field: 'attributes', message: 'An attribute key is 101 characters long: keys are at most 100.' },
    ]);
    // The limits themselves pass, and an empty value is one the service takes (min 0).
    const edge = { ...defaultCriteria(), attributes: [{ key: 'K'.repeat(100), values: ['v'.repeat(100), ''] }] };
    assert.deepEqual(validateCriteria(edge, now), []);
  });

  it('reads the count as a person does', () => {
    assert.equal(progressText(1240, 8512, true), '1,240 of 8,512');
    assert.equal(progressText(1240, 8512, false), '1,240 of 8,512+');
  });

  it('accepts only well-formed criteria from the webview', () => {
    assert.deepEqual(parseCriteria(defaultCriteria()), defaultCriteria());
    assert.equal(parseCriteria({ ...defaultCriteria(), channels: ['FAX'] }), undefined);
    assert.equal(parseCriteria({ ...defaultCriteria(), range: { kind: 'preset', preset: '5y' } }), undefined);
  });

  it('passes a pasted attribute value of any sane length on, for validateCriteria to say what is wrong', () => {
    const pasted = 'x'.repeat(600);
    const criteria = parseCriteria({ ...defaultCriteria(), attributes: [{ key: 'Notes', values: [pasted] }] });
    assert.ok(criteria, 'a 600-character value was refused as malformed: the search would do nothing and say nothing');
    assert.deepEqual(validateCriteria(criteria, Date.now()), [{ field: 'attributes', message: 'A value of "Notes" is 600 characters long: values are at most 100.' }]);
    assert.equal(parseCriteria({ ...defaultCriteria(), attributes: [{ key: 'Notes', values: ['x'.repeat(40_000)] }] }), undefined);
  });
});
