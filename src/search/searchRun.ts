// One search as a person sees it: the criteria's whole range, page by page, across as many
// SearchContacts windows as the service's limits need (src/contact/searchWindows.ts). No vscode:
// the panel and the export both read it, and the tests drive it against the local endpoint.
import type { ContactSummary, RequestPriority, SearchContactsPage, SearchContactsQuery } from '../aws/types';
import { halveWindow, resolveRange, searchLimits, splitRange, type ContactSearchCriteria, type SearchWindow, type TimestampType } from '../contact/searchWindows';

export type SearchPageFn = (query: SearchContactsQuery, signal?: AbortSignal) => Promise<SearchContactsPage>;
/** One page, asked at the priority the search's progress calls for. */
export type PrioritisedSearchPageFn = (query: SearchContactsQuery, signal: AbortSignal | undefined, priority: RequestPriority) => Promise<SearchContactsPage>;

export interface SearchPage {
  contacts: ContactSummary[];
  /** Contacts the windows counted so far (TotalCount of each window searched), or all of them (countFirst). */
  total: number;
  /** Every window has been counted: `total` is the search's total. */
  totalComplete: boolean;
  /** Said once, with the first page: the range was moved to the look-back. */
  note?: string;
}

/** The query of one window's page. */
export function windowQuery(instanceId: string, c: ContactSearchCriteria, w: SearchWindow, pageSize: number, nextToken?: string): SearchContactsQuery {
  return {
    instanceId,
    start: new Date(w.start).toISOString(),
    end: new Date(w.end).toISOString(),
    timeRangeType: c.timestamp,
    sortOrder: c.sortOrder,
    maxResults: pageSize,
    ...(c.channels.length ? { channels: [...c.channels] } : {}),
    ...(c.initiationMethods.length ? { initiationMethods: [...c.initiationMethods] } : {}),
    ...(c.queueIds.length ? { queueIds: [...c.queueIds] } : {}),
    ...(c.agentIds.length ? { agentIds: [...c.agentIds] } : {}),
    ...(c.attributes.length ? { attributes: { criteria: c.attributes.map((a) => ({ key: a.key, values: [...a.values] })), matchType: c.matchType } } : {}),
    ...(nextToken ? { nextToken } : {}),
  };
}

export interface SearchPagesOptions {
  pageSize?: number;
  /**
   * Read every window's first page before yielding any, so `total` is the search's own from the
   * first page on (the export's "1 of 8,512"); no extra calls, and at most one page per 8 weeks of
   * range held at once.
   */
  countFirst?: boolean;
}

/**
 * Every contact the criteria match, a page at a time, in the sort's order across windows. A window
 * whose TotalCount passes the results one search may return is halved before any of its rows is
 * read. Windows share their boundary instant (the range is inclusive): a contact on it is read once.
 */
export async function* searchPages(search: SearchPageFn, instanceId: string, criteria: ContactSearchCriteria, now: number, signal?: AbortSignal, options: SearchPagesOptions = {}): AsyncGenerator<SearchPage> {
  const pageSize = options.pageSize ?? searchLimits.pageSize;
  const range = resolveRange(criteria.range, now);
  if ('field' in range) throw new Error(range.message);
  const windows = splitRange(range.start, range.end, criteria.sortOrder);
  // A contact on an instant two of these windows share is in both TotalCounts and read once (not so
  // on the midpoint of a halved window: its one TotalCount counted it once). In the sort's order it
  // leads the later window, so that window's first page shows it before any row is read.
  const edgeOf = (w: SearchWindow) => (criteria.sortOrder === 'DESCENDING' ? w.end : w.start);
  const sharedEdges = new Set(windows.slice(1).map(edgeOf));
  const onEdge = new Map<number, number>();
  const firstPages = new Map<SearchWindow, SearchContactsPage>();
  let total = 0;
  let counted = false;
  if (options.countFirst) {
    for (const w of windows) {
      signal?.throwIfAborted();
      const page = await search(windowQuery(instanceId, criteria, w, pageSize), signal);
      firstPages.set(w, page);
      total += page.totalCount ?? 0;
      if (sharedEdges.has(edgeOf(w))) {
        const n = page.contacts.filter((c) => timestampOf(c, criteria.timestamp) === edgeOf(w)).length;
        onEdge.set(edgeOf(w), n);
        total -= n;
      }
    }
    counted = [...firstPages.values()].every((p) => p.totalCount !== undefined);
    if (!counted) total = 0;
  }
  let note = range.note;
  let previous = new Set<string>();
  while (windows.length > 0) {
    const w = windows.shift() as SearchWindow;
    const seen = new Set<string>();
    let first = true;
    let token: string | undefined;
    const tokens = new Set<string>();
    const shared = counted && sharedEdges.has(edgeOf(w));
    let repeatsHere = 0;
    do {
      signal?.throwIfAborted();
      const cached = first ? firstPages.get(w) : undefined;
      firstPages.delete(w);
      const page = cached ?? (await search(windowQuery(instanceId, criteria, w, pageSize, token), signal));
      if (first) {
        const count = page.totalCount ?? page.contacts.length;
        const halves = count > searchLimits.resultsPerSearch ? halveWindow(w, criteria.sortOrder) : undefined;
        if (halves) {
          windows.unshift(...halves);
          break;
        }
        if (!counted) total += count;
        first = false;
      }
      const repeats = page.contacts.filter((c) => previous.has(c.id)).length;
      if (shared) {
        // More on the shared instant than its first page showed (a page of them, or new arrivals).
        const expected = onEdge.get(edgeOf(w)) ?? 0;
        total -= Math.max(0, repeatsHere + repeats - expected) - Math.max(0, repeatsHere - expected);
        repeatsHere += repeats;
      }
      const contacts = page.contacts.filter((c) => !previous.has(c.id) && !seen.has(c.id));
      for (const c of contacts) seen.add(c.id);
      token = page.nextToken;
      if (token !== undefined && tokens.has(token)) token = undefined; // a repeated token would loop forever
      if (token !== undefined) tokens.add(token);
      yield { contacts, total, totalComplete: counted || windows.length === 0, ...(note ? { note } : {}) };
      note = undefined;
    } while (token);
    if (!first) previous = seen;
  }
}

/** The instant (ms) of the timestamp the search's range is on, as the service compares it. */
function timestampOf(c: ContactSummary, type: TimestampType): number | undefined {
  const iso = { INITIATION_TIMESTAMP: c.initiationTimestamp, SCHEDULED_TIMESTAMP: c.scheduledTimestamp, CONNECTED_TO_AGENT_TIMESTAMP: c.connectedToAgentTimestamp, DISCONNECT_TIMESTAMP: c.disconnectTimestamp }[type];
  return iso === undefined ? undefined : Date.parse(iso);
}

/**
 * A search a person watches (the panel): its pages until the first rows are what they wait for
 * ('interactive'); the rest fill in at 'visible'. The scheduler serves strictly by priority, so a
 * search of a hundred pages at 'interactive' left a contact panel opened meanwhile no token for
 * its details for most of a minute; at 'visible' the two take turns in order of asking, and the
 * search still goes ahead of an export's and the explorer's 'background' calls.
 */
export async function* watchedSearchPages(search: PrioritisedSearchPageFn, instanceId: string, criteria: ContactSearchCriteria, now: number, signal?: AbortSignal): AsyncGenerator<SearchPage> {
  let priority: RequestPriority = 'interactive';
  for await (const page of searchPages((query, s) => search(query, s, priority), instanceId, criteria, now, signal)) {
    if (page.contacts.length > 0) priority = 'visible';
    yield page;
  }
}
