import * as assert from 'node:assert/strict';
import {
  displayText,
  formatDuration,
  formatDurationMillis,
  formatRelativeAge,
  formatTimestamp,
  formatUtc,
  shortenArn,
} from '../../../src/contact/format';

describe('format', () => {
  it('formats timestamps in UTC with milliseconds only when present', () => {
    assert.equal(formatTimestamp('2025-03-04T10:20:30+00:00', 'utc'), '2025-03-04 10:20:30 UTC');
    assert.equal(formatTimestamp('2025-03-04T10:20:30.123000+00:00', 'utc'), '2025-03-04 10:20:30.123 UTC');
    assert.equal(formatUtc('2025-03-04T12:20:30+02:00'), '2025-03-04 10:20:30 UTC');
    assert.equal(formatTimestamp('not a time', 'utc'), 'not a time');
  });

  it('formats timestamps in the local zone with its name', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      assert.match(formatTimestamp('2025-01-15T17:00:00+00:00', 'local'), /^2025-01-15 12:00:00 (EST|GMT-5)$/);
      assert.match(formatTimestamp('2025-07-15T17:00:00+00:00', 'local'), /^2025-07-15 13:00:00 (EDT|GMT-4)$/);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('formats second counts as durations', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(45), '45s');
    assert.equal(formatDuration(125), '2m 05s');
    assert.equal(formatDuration(3723), '1h 02m 03s');
    assert.equal(formatDuration(90061), '1d 01h 01m 01s');
    assert.equal(formatDuration(-30), '-30s');
    assert.equal(formatDurationMillis(250), '250 ms');
    assert.equal(formatDurationMillis(6375), '6.375s');
    assert.equal(formatDurationMillis(601250), '10m 01.250s');
    assert.equal(formatDurationMillis(41000), '41s');
  });

  it('says how long ago', () => {
    const now = Date.parse('2025-03-04T13:20:30Z');
    assert.equal(formatRelativeAge('2025-03-04T13:20:28+00:00', now), 'just now');
    assert.equal(formatRelativeAge('2025-03-04T13:19:45+00:00', now), '45 s ago');
    assert.equal(formatRelativeAge('2025-03-04T13:08:30+00:00', now), '12 min ago');
    assert.equal(formatRelativeAge('2025-03-04T10:20:30+00:00', new Date(now)), '3 h ago');
    assert.equal(formatRelativeAge('2025-02-27T10:20:30+00:00', now), '5 d ago');
    assert.equal(formatRelativeAge('2023-03-04T10:20:30+00:00', now), '2 y ago');
    assert.equal(formatRelativeAge('2025-03-04T16:20:30+00:00', now), 'in 3 h');
    assert.equal(formatRelativeAge('garbage', now), '');
  });

  it('shortens long ARNs to their resource IDs', () => {
    const arn = 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-4333-8444-555555555555/contact/abcdabcd-1111-4222-8333-444444449f3e';
    assert.equal(shortenArn(arn), 'arn:…:instance/11111111…/contact/abcdabcd…9f3e');
    const evaluation = 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-4333-8444-555555555555/contact-evaluation/e1e1e1e1-1111-4222-8333-444444444444';
    assert.equal(shortenArn(evaluation), 'arn:…:instance/11111111…/contact-evaluation/e1e1e1e1…4444');
    assert.equal(shortenArn('arn:aws:connect:us-east-1:1:instance/x'), 'arn:aws:connect:us-east-1:1:instance/x');
    assert.equal(shortenArn('javascript:alert(1)'.repeat(5)), 'javascript:alert(1)'.repeat(5));
  });

  it('shows control, bidi and invisible characters visibly for display', () => {
    assert.equal(displayText('line1\nline2\tend\r'), 'line1⏎line2⇥end␍');
    assert.equal(displayText('a\u0000b\u001b[31m\u007f'), 'a<U+0000>b<U+001B>[31m<U+007F>');
    assert.equal(displayText('\u202egnp.exe\u200f'), '<U+202E>gnp.exe<U+200F>');
    assert.equal(displayText('x\u2066y\u2069\u2028z\ufeff'), 'x<U+2066>y<U+2069><U+2028>z<U+FEFF>');
    assert.equal(displayText('lone \ud83d end'), 'lone <U+D83D> end');
  });

  it('keeps ordinary text, non-ASCII and emoji (with joiners) as they are', () => {
    for (const s of ['héllo “world”', 'ключ', '中文', '👨‍👩‍👧 family', 'עברית', 'مرحبا']) assert.equal(displayText(s), s);
  });

  it('cuts long text at a code point boundary', () => {
    const long = '🦆'.repeat(40_000);
    const shown = displayText(long, 10);
    assert.equal(shown, `${'🦆'.repeat(10)}…`);
    assert.equal(displayText('a'.repeat(32_768)).length, 501);
  });
});
