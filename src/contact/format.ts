// How leaf values read in the tree: timestamps in the chosen zone, second counts as
// durations, short ARNs, and single-line text that cannot hide or reorder characters.
// Display only: copy actions always use the raw value.

export type TimeZoneChoice = 'local' | 'utc';

const pad = (n: number, width = 2): string => String(Math.trunc(n)).padStart(width, '0');

// Intl is slow per call and a zone has one name per offset (standard/daylight): cache by offset.
// A new formatter on each miss picks up a changed TZ.
const zoneNames = new Map<number, string>();

/** The short name of the local zone at a moment (`CET`, `GMT+1`), else its offset. */
function localZoneName(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const cached = zoneNames.get(offset);
  if (cached) return cached;
  let name: string | undefined;
  try {
    const zoneNameFormat = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    name = zoneNameFormat.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    // No Intl time zone data: fall back to the numeric offset.
  }
  name ||= `UTC${offset < 0 ? '-' : '+'}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
  zoneNames.set(offset, name);
  return name;
}

/**
 * `2025-03-04 10:20:30 UTC` or, in the local zone, `2025-03-04 11:20:30 CET`; milliseconds
 * shown only when non-zero. Text that is not a timestamp is returned unchanged.
 */
export function formatTimestamp(iso: string, timeZone: TimeZoneChoice): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const utc = timeZone === 'utc';
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const mo = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const h = utc ? d.getUTCHours() : d.getHours();
  const mi = utc ? d.getUTCMinutes() : d.getMinutes();
  const s = utc ? d.getUTCSeconds() : d.getSeconds();
  const ms = d.getUTCMilliseconds();
  const time = `${pad(h)}:${pad(mi)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
  return `${pad(y, 4)}-${pad(mo + 1)}-${pad(day)} ${time} ${utc ? 'UTC' : localZoneName(d)}`;
}

/** The UTC form, for tooltips next to a local-time display. */
export function formatUtc(iso: string): string {
  return formatTimestamp(iso, 'utc');
}

function toMillis(t: Date | number | string): number {
  return t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
}

/** `just now`, `45 s ago`, `12 min ago`, `3 h ago`, `5 d ago`, `1 y ago`; `in 3 h` for the future. */
export function formatRelativeAge(iso: string, now: Date | number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = Math.round((toMillis(now) - then) / 1000);
  const abs = Math.abs(diff);
  if (abs < 5) return 'just now';
  const steps: [number, string][] = [
    [365 * 86400, 'y'],
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const [size, unit] = steps.find(([s]) => abs >= s) ?? [1, 's'];
  const amount = Math.floor(abs / size);
  return diff >= 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/** `45s`, `2m 05s`, `1h 02m 03s`, `2d 03h 04m 05s`; negative counts get a leading `-`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.round(Math.abs(seconds));
  const d = Math.floor(rest / 86400);
  rest -= d * 86400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (d) return `${sign}${d}d ${pad(h)}h ${pad(m)}m ${pad(s)}s`;
  if (h) return `${sign}${h}h ${pad(m)}m ${pad(s)}s`;
  if (m) return `${sign}${m}m ${pad(s)}s`;
  return `${sign}${s}s`;
}

/** A count of milliseconds: `250 ms` below a second, else like formatDuration with `.250s`. */
export function formatDurationMillis(millis: number): string {
  if (!Number.isFinite(millis)) return String(millis);
  if (Math.abs(millis) < 1000) return `${Math.round(millis)} ms`;
  const sign = millis < 0 ? '-' : '';
  const abs = Math.round(Math.abs(millis));
  const fraction = abs % 1000;
  const whole = formatDuration((abs - fraction) / 1000);
  return `${sign}${fraction ? whole.replace(/s$/, `.${pad(fraction, 3)}s`) : whole}`;
}

/**
 * Shortens a long ARN to its resource path with IDs cut to 8 characters (the last also keeps
 * its final 4): `arn:aws:connect:us-east-1:123456789012:instance/1111…/contact/abcd…` →
 * `arn:…:instance/11111111…/contact/abcdabcd…9f3e`. Short ARNs are returned unchanged.
 */
export function shortenArn(arn: string, maxLength = 48): string {
  if (arn.length <= maxLength || !arn.startsWith('arn:')) return arn;
  const parts = arn.split(':');
  if (parts.length < 6) return arn;
  const resource = parts.slice(5).join(':');
  const segments = resource.split('/');
  // IDs cut to their head; the last one keeps its tail too, so sibling ARNs stay apart.
  const short = segments
    .map((segment, i) => {
      const chars = Array.from(segment);
      if (chars.length <= 14 || !/\d/.test(segment)) return segment;
      const tail = i === segments.length - 1 ? chars.slice(-4).join('') : '';
      return `${chars.slice(0, 8).join('')}…${tail}`;
    })
    .join('/');
  return `arn:…:${short}`;
}

const lineBreaks: Record<string, string> = { '\n': '⏎', '\r': '␍', '\t': '⇥' };

// C0/C1 controls and DEL; bidi embeddings, overrides, isolates and marks; zero-width and
// line/paragraph separators: anything that would break a single line, hide text or reorder it.
// eslint-disable-next-line no-control-regex
const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
// The fast path: plain text needs no work. Surrogates (emoji too) take the careful path.
// eslint-disable-next-line no-control-regex
const needsWork = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]/;

/**
 * Single-line display text: line breaks and tabs as `⏎` `␍` `⇥`, other controls, bidi and
 * invisible format characters as `<U+202E>`, cut to `maxLength` code points with `…`.
 * Never used for copying: the raw value stays untouched.
 */
export function displayText(value: string, maxLength = 500): string {
  if (value.length <= maxLength && !needsWork.test(value)) return value;
  let text = value;
  if (text.length > maxLength * 2) text = text.slice(0, maxLength * 2);
  text = text.replace(unsafeChars, (c) => lineBreaks[c] ?? `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
  // Lone surrogates would render as replacement boxes; show them as code points too.
  text = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
  const points = Array.from(text);
  const truncated = value.length > maxLength * 2 || points.length > maxLength;
  return truncated ? `${points.slice(0, maxLength).join('')}…` : text;
}
