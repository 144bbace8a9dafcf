// One search as a person sees it: the criteria's whole range, page by page, across as many
// SearchContacts windows as the service's limits need (src/contact/searchWindows.ts). No vscode:
// the panel and the export both read it, and the tests drive it against the local endpoint.
import type { ContactSummary, SearchContactsPage, SearchContactsQuery } from '../aws/types';
import { halveWindow, resolveRange, searchLimits, splitRange, type ContactSearchCriteria, type SearchWindow } from '../contact/searchWindows';

export type SearchPageFn = (query: SearchContactsQuery, signal?: AbortSignal) => Promise<SearchContactsPage>;

export interface SearchPage {
  contacts: ContactSummary[];
  /** Contacts the windows counted so far (TotalCount of each window searched). */
  total: number;
  /** Every window has been counted: `total` is the search's total. */
  totalComplete: boolean;
  /**
   * Contacts of this page dropped because the window before already listed them (on the instant two
   * windows share): both windows' TotalCount counted them, the search has them once.
   */
  repeats: number;
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

/**
 * Every contact the criteria match, a page at a time, in the sort's order across windows. A window
 * whose TotalCount passes the results one search may return is halved before any of its rows is
 * read. Windows share their boundary instant (the range is inclusive): a contact on it is read once.
 */
export async function* searchPages(search: SearchPageFn, instanceId: string, criteria: ContactSearchCriteria, now: number, signal?: AbortSignal, pageSize: number = searchLimits.pageSize): AsyncGenerator<SearchPage> {
  const range = resolveRange(criteria.range, now);
  if ('field' in range) throw new Error(range.message);
  const windows = splitRange(range.start, range.end, criteria.sortOrder);
  let total = 0;
  let note = range.note;
  let previous = new Set<string>();
  while (windows.length > 0) {
    const w = windows.shift() as SearchWindow;
    const seen = new Set<string>();
    let first = true;
    let token: string | undefined;
    const tokens = new Set<string>();
    do {
      signal?.throwIfAborted();
      const page = await search(windowQuery(instanceId, criteria, w, pageSize, token), signal);
      if (first) {
        const count = page.totalCount ?? page.contacts.length;
        const halves = count > searchLimits.resultsPerSearch ? halveWindow(w, criteria.sortOrder) : undefined;
        if (halves) {
          windows.unshift(...halves);
          break;
        }
        total += count;
        first = false;
      }
      const repeats = page.contacts.filter((c) => previous.has(c.id)).length;
      const contacts = page.contacts.filter((c) => !previous.has(c.id) && !seen.has(c.id));
      for (const c of contacts) seen.add(c.id);
      token = page.nextToken;
      if (token !== undefined && tokens.has(token)) token = undefined; // a repeated token would loop forever
      if (token !== undefined) tokens.add(token);
      yield { contacts, total, totalComplete: windows.length === 0, repeats, ...(note ? { note } : {}) };
      note = undefined;
    } while (token);
    if (!first) previous = seen;
  }
}

/**
 * The search's total before any row is read: each window's TotalCount from a one-row page (one call
 * per 8 weeks of range). Undefined when the service sends no TotalCount. A window past 10,000
 * results is not halved here: its TotalCount still counts every match. Contacts on the instant two
 * windows share are counted twice; searchPages says how many (`repeats`) as it drops them.
 */
export async function countSearch(search: SearchPageFn, instanceId: string, criteria: ContactSearchCriteria, now: number, signal?: AbortSignal): Promise<number | undefined> {
  const range = resolveRange(criteria.range, now);
  if ('field' in range) throw new Error(range.message);
  let total = 0;
  for (const w of splitRange(range.start, range.end, criteria.sortOrder)) {
    signal?.throwIfAborted();
    const page = await search(windowQuery(instanceId, criteria, w, 1), signal);
    if (page.totalCount === undefined) return undefined;
    total += page.totalCount;
  }
  return total;
}
