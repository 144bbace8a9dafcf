// The pure rules of the lookup history and the pinned list: one entry per contact
// (profile, region, instance, contact), newest first, capped. Each change is a function of
// the stored list, so the store applies it to what is stored at the time of the write.
// No `vscode` here: the store wraps these in src/history/historyStore.ts.
import type { ContactRef } from '../aws/types';
import { sameContact } from '../contact/contactIdentity';

export type HistoryEntry = ContactRef & {
  /** ISO 8601: when the contact was looked up (or pinned, for the pinned list). */
  lookedUpAt: string;
  channel?: string;
  initiationTimestamp?: string;
  queue?: string;
  agent?: string;
  disconnectReason?: string;
};

export interface HistoryFilter {
  profile?: string;
  region?: string;
  instanceId?: string;
}

const optionalFields = ['channel', 'initiationTimestamp', 'queue', 'agent', 'disconnectReason'] as const;

function time(entry: HistoryEntry): number {
  const t = Date.parse(entry.lookedUpAt);
  return Number.isNaN(t) ? 0 : t;
}

/** Newest first; ties keep their order (stable sort). */
function sortNewestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(b.entry) - time(a.entry) || a.index - b.index)
    .map((x) => x.entry);
}

function cap(entries: HistoryEntry[], maxEntries: number): HistoryEntry[] {
  const max = Math.max(0, Math.floor(maxEntries));
  return entries.length > max ? entries.slice(0, max) : entries;
}

/** Keeps only well-formed entries from whatever is stored (an older version, a hand edit). */
export function parseStoredEntries(stored: unknown): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  const out: HistoryEntry[] = [];
  for (const item of stored) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    const required = ['profile', 'region', 'instanceId', 'contactId', 'lookedUpAt'] as const;
    if (!required.every((k) => typeof r[k] === 'string' && r[k] !== '')) continue;
    const entry: HistoryEntry = {
      profile: r.profile as string,
      region: r.region as string,
      instanceId: r.instanceId as string,
      contactId: r.contactId as string,
      lookedUpAt: r.lookedUpAt as string,
    };
    for (const k of optionalFields) if (typeof r[k] === 'string' && r[k] !== '') entry[k] = r[k];
    out.push(entry);
  }
  return out;
}

/** Only the fields an entry is made of (callers may pass richer objects). */
export function toEntry(entry: HistoryEntry): HistoryEntry {
  return parseStoredEntries([entry])[0] ?? entry;
}

/**
 * Adds (or refreshes) an entry: a contact already in the list moves to the top with the
 * new fields; a field the new lookup lacks keeps its old value.
 */
export function addEntry(stored: readonly HistoryEntry[], entry: HistoryEntry, maxEntries: number): HistoryEntry[] {
  const fresh = toEntry(entry);
  const previous = stored.find((e) => sameContact(e, fresh));
  const merged: HistoryEntry = previous ? { ...previous, ...fresh } : fresh;
  return cap(sortNewestFirst([merged, ...stored.filter((e) => !sameContact(e, fresh))]), maxEntries);
}

export function removeEntry(stored: readonly HistoryEntry[], ref: ContactRef): HistoryEntry[] {
  return stored.filter((e) => !sameContact(e, ref));
}

/** Removes every entry the filter matches (all of them with no filter). */
export function clearEntries(stored: readonly HistoryEntry[], filter?: HistoryFilter): HistoryEntry[] {
  if (!filter || Object.values(filter).every((v) => v === undefined)) return [];
  return stored.filter((e) => !matches(e, filter));
}

export function matches(entry: HistoryEntry, filter?: HistoryFilter): boolean {
  if (!filter) return true;
  return (
    (filter.profile === undefined || entry.profile === filter.profile) &&
    (filter.region === undefined || entry.region === filter.region) &&
    (filter.instanceId === undefined || entry.instanceId === filter.instanceId)
  );
}

export function filterEntries(entries: readonly HistoryEntry[], filter?: HistoryFilter): HistoryEntry[] {
  return sortNewestFirst(entries.filter((e) => matches(e, filter)));
}
