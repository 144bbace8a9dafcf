// The "Recent contacts" query: a time window (last hour, day, week, or a custom range) and an
// optional channel filter, turned into a SearchContacts request and into the words the tree shows.
import type { ContactChannel, SearchContactsQuery } from '../aws/types';
import { formatTimestamp, type TimeZoneChoice } from '../contact/format';
import { earliestSearchable, searchLimits } from '../contact/searchWindows';

export type SearchWindow =
  | { kind: 'last'; hours: number }
  /** ISO 8601 instants. */
  | { kind: 'range'; start: string; end: string };

export interface SearchSettings {
  window: SearchWindow;
  /** Empty: every channel. */
  channels: ContactChannel[];
}

export const defaultSearchSettings: SearchSettings = { window: { kind: 'last', hours: 24 }, channels: [] };

export const allChannels: readonly ContactChannel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

export const channelLabels: Record<ContactChannel, string> = { VOICE: 'Voice', CHAT: 'Chat', TASK: 'Task', EMAIL: 'Email' };

/** The windows the picker offers. */
export const presetWindows: readonly { hours: number; label: string }[] = [
  { hours: 1, label: 'Last hour' },
  { hours: 24, label: 'Last 24 hours' },
  { hours: 24 * 7, label: 'Last 7 days' },
];

/** SearchContacts answers at most 100 per page; 25 keeps a page quick to read. */
export const searchPageSize = 25;

const hourMs = 3600_000;

/** The instants a window covers at `now`. */
export function windowRange(window: SearchWindow, now: Date): { start: string; end: string } {
  if (window.kind === 'range') return { start: window.start, end: window.end };
  return { start: new Date(now.getTime() - window.hours * hourMs).toISOString(), end: now.toISOString() };
}

/**
 * The first page's query. Later pages repeat it with the service's nextToken, so the window is
 * resolved once (a sliding "now" would shift the pages under the token).
 */
export function buildSearchQuery(instanceId: string, settings: SearchSettings, now: Date, pageSize = searchPageSize): SearchContactsQuery {
  const { start, end } = windowRange(settings.window, now);
  const query: SearchContactsQuery = {
    instanceId,
    start,
    end,
    timeRangeType: 'INITIATION_TIMESTAMP',
    sortOrder: 'DESCENDING',
    maxResults: pageSize,
  };
  if (settings.channels.length > 0 && settings.channels.length < allChannels.length) query.channels = [...settings.channels];
  return query;
}

export function nextPageQuery(query: SearchContactsQuery, nextToken: string): SearchContactsQuery {
  return { ...query, nextToken };
}

function hoursText(hours: number): string {
  if (hours === 1) return 'last hour';
  if (hours % 24 === 0) return hours === 24 ? 'last 24 hours' : `last ${hours / 24} days`;
  return `last ${hours} hours`;
}

/** A range end in the chosen zone without seconds: `2026-11-20 09:00 UTC`, `2026-11-20 10:00 CET`. */
function shortTime(iso: string, timeZone: TimeZoneChoice): { time: string; zone: string } {
  const text = formatTimestamp(iso, timeZone);
  const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}):\d{2}(?:\.\d+)? (.+)$/.exec(text);
  return match ? { time: match[1], zone: match[2] } : { time: iso, zone: '' };
}

/**
 * `last 24 hours`, `2026-11-19 00:00 – 2026-11-20 00:00 UTC`: in the zone the rest of the
 * explorer and the panel use (connectContacts.timeZone), the zone named once when both ends share it.
 */
export function describeWindow(window: SearchWindow, timeZone: TimeZoneChoice = 'utc'): string {
  if (window.kind === 'last') return hoursText(window.hours);
  const start = shortTime(window.start, timeZone);
  const end = shortTime(window.end, timeZone);
  const startText = start.zone === end.zone ? start.time : `${start.time} ${start.zone}`;
  return `${startText} – ${end.time} ${end.zone}`.trim();
}

/** A range as the custom range prompt shows it again: `2026-11-19 00:00 to 2026-11-20 00:00`, in the zone it reads. */
export function rangeInputText(window: Extract<SearchWindow, { kind: 'range' }>, timeZone: TimeZoneChoice): string {
  return `${shortTime(window.start, timeZone).time} to ${shortTime(window.end, timeZone).time}`;
}

/** `all channels`, `Voice, Chat`. */
export function describeChannels(channels: readonly ContactChannel[]): string {
  if (channels.length === 0 || channels.length >= allChannels.length) return 'all channels';
  return channels.map((c) => channelLabels[c]).join(', ');
}

/** The group's description: `last 24 hours · all channels`. */
export function describeSearch(settings: SearchSettings, timeZone: TimeZoneChoice = 'utc'): string {
  return `${describeWindow(settings.window, timeZone)} · ${describeChannels(settings.channels)}`;
}

/** What an empty result says: `No contacts in the last 24 hours`, `No Voice or Chat contacts in the last hour`. */
export function emptySearchText(settings: SearchSettings, timeZone: TimeZoneChoice = 'utc'): string {
  const filtered = settings.channels.length > 0 && settings.channels.length < allChannels.length;
  const which = filtered ? `${settings.channels.map((c) => channelLabels[c]).join(' or ')} contacts` : 'contacts';
  const when = settings.window.kind === 'last' ? `in the ${hoursText(settings.window.hours)}` : `between ${describeWindow(settings.window, timeZone).replace(' – ', ' and ')}`;
  return `No ${which} ${when}`;
}

/** What the custom range prompt says its times are read in. */
export function rangeZoneWords(timeZone: TimeZoneChoice): string {
  return timeZone === 'utc' ? 'UTC' : 'local time';
}

/**
 * Parses what a person types for a custom range: two dates or date-times separated by
 * ` to `, `..`, `–` or `/`, read in the chosen zone (UTC, or local time) unless they carry an
 * offset. A date alone as the end means the end of that day. Given `now`, a range SearchContacts
 * would refuse (too long, or older than the look-back) is rejected with the limit it passes.
 */
export function parseCustomRange(text: string, timeZone: TimeZoneChoice = 'utc', now?: Date): { ok: true; start: string; end: string } | { ok: false; message: string } {
  const parsed = parseRangeText(text, timeZone);
  if (!parsed.ok || !now) return parsed;
  const problem = rangeLimitProblem(parsed.start, parsed.end, now, timeZone);
  return problem ? { ok: false, message: problem } : parsed;
}

/** The custom range prompt's live message: nothing while empty or acceptable at `now`. */
export function customRangeMessage(text: string, timeZone: TimeZoneChoice, now: Date): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseCustomRange(text, timeZone, now);
  return parsed.ok ? undefined : parsed.message;
}

const weekMs = 7 * 24 * hourMs;
const yearMs = 365 * 24 * hourMs;

/**
 * What SearchContacts would refuse in a range (searchLimits: 8 weeks per search, 2 years back).
 * Refused as it is typed rather than cut to fit: Recent contacts is one search read page by page,
 * so a cut range would show "no contacts" for the part left out, with nothing to say why.
 */
function rangeLimitProblem(start: string, end: string, now: Date, timeZone: TimeZoneChoice): string | undefined {
  const weeks = searchLimits.windowMs / weekMs;
  const span = Date.parse(end) - Date.parse(start);
  if (span > searchLimits.windowMs) {
    const spanWeeks = Math.round((span / weekMs) * 10) / 10;
    return `This range spans ${spanWeeks} weeks; SearchContacts covers at most ${weeks} weeks at once. Shorten it, or use Amazon Connect: Search Contacts, which splits a longer range.`;
  }
  // The search panel's look-back rule, so both accept the same earliest start.
  const earliest = earliestSearchable(now.getTime());
  if (Date.parse(start) < earliest) {
    const years = Math.round(searchLimits.lookBackMs / yearMs);
    // Shown to the next whole minute, so the start it suggests is itself accepted.
    const { time, zone } = shortTime(new Date(Math.ceil(earliest / 60_000) * 60_000).toISOString(), timeZone);
    return `Contacts are searchable for ${years} years: start at ${time} ${zone} or later.`;
  }
  return undefined;
}

function parseRangeText(text: string, timeZone: TimeZoneChoice): { ok: true; start: string; end: string } | { ok: false; message: string } {
  const parts = text.trim().split(/\s+to\s+|\s*\.\.\s*|\s+[–—-]\s+|\s*\/\s*(?=\d{4}-)/i).filter((p) => p !== '');
  if (parts.length !== 2) return { ok: false, message: `Enter a start and an end, e.g. 2026-11-19 to 2026-11-20 or 2026-11-19T08:00 to 2026-11-19T12:00 (${rangeZoneWords(timeZone)}).` };
  const start = parseInstant(parts[0], false, timeZone);
  const end = parseInstant(parts[1], true, timeZone);
  if (start === undefined) return { ok: false, message: `"${parts[0]}" is not a date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM.` };
  if (end === undefined) return { ok: false, message: `"${parts[1]}" is not a date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM.` };
  if (Date.parse(end) <= Date.parse(start)) return { ok: false, message: 'The end must be after the start.' };
  return { ok: true, start, end };
}

function parseInstant(text: string, endOfDay: boolean, timeZone: TimeZoneChoice): string | undefined {
  const t = text.trim().replace(' ', 'T');
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number);
    // The day's midnight in the zone (local midnight is not always 24 hours after the last one).
    const ms = timeZone === 'utc' ? Date.UTC(y, m - 1, d + (endOfDay ? 1 : 0)) : new Date(y, m - 1, d + (endOfDay ? 1 : 0)).getTime();
    const check = timeZone === 'utc' ? new Date(Date.UTC(y, m - 1, d)) : new Date(y, m - 1, d);
    const sameDay = timeZone === 'utc' ? check.getUTCDate() === d && check.getUTCMonth() === m - 1 : check.getDate() === d && check.getMonth() === m - 1;
    return Number.isNaN(ms) || !sameDay ? undefined : new Date(ms).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t)) return undefined;
  // Without an offset, JavaScript reads a date-time as local time: add Z for UTC.
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(t) || timeZone === 'local' ? t : `${t}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function isSearchSettings(value: unknown): value is SearchSettings {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { window?: unknown; channels?: unknown };
  const w = v.window as { kind?: unknown; hours?: unknown; start?: unknown; end?: unknown } | undefined;
  const windowOk =
    typeof w === 'object' && w !== null &&
    ((w.kind === 'last' && typeof w.hours === 'number' && w.hours > 0) ||
      (w.kind === 'range' && typeof w.start === 'string' && typeof w.end === 'string'));
  return windowOk && Array.isArray(v.channels) && v.channels.every((c) => allChannels.includes(c as ContactChannel));
}
