// Search with 10,000+ results: the host's search run (searchPages through ConnectService, its
// scheduler at the account's default budget, 2 per second, burst 5, and the real SDK) against an
// endpoint of its own, in another process, serving `--synthetic` contacts and throttling at that
// same budget; a year of instance A holds more than 10,000 of them. Times to the first page of rows
// and to every row; baselines in the same run: one `aws connect search-contacts` call for the same
// first page, and the least time the budget allows for that many calls.
// Then one sort of those rows in the search panel's results table (dist/search.js in headless
// Chromium, the host played by window messages), each column in turn, against sorting the same
// rows as a plain array by the same keys in the same page.
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { ConnectService } from '../src/aws/connectService';
import { defaultTransport, type SearchContactsQuery } from '../src/aws/types';
import { searchColumns, toSearchRow, type SearchRow } from '../src/contact/searchRows';
import { defaultCriteria, type ContactSearchCriteria } from '../src/contact/searchWindows';
import { renderPanelHtml } from '../src/panel/webviewHtml';
import { panelPageOptions } from '../test/webview/panelServer';
import type { SearchHostMessage } from '../src/protocol/searchMessages';
import { searchPages } from '../src/search/searchRun';
import { startEndpointProcess } from './endpointProcess';
import { awsCli } from './awsCli';
import { discardingLogger, fixtureEnv, localProfile, localRegion, sampleIds } from './localAccount';
import { startPanelServer } from './panelServer';

/** Synthetic contacts over two years, three in four in instance A: a year of A holds just over 10,000. */
export const syntheticContacts = 28_000;
const budget = { requestsPerSecond: 2, burst: 5 };

export interface SearchFetchResults {
  results: number;
  total: number;
  pages: number;
  windows: number;
  firstRowsMs: number;
  allRowsMs: number;
  /** SearchContacts answered, and answered with 429. */
  calls: number;
  throttled: number;
  /** (calls − burst) ÷ rate: the least time the budget allows for that many calls. */
  rateFloorMs: number;
  cliFirstPageMs: number;
  cliFirstPageRows: number;
  rate: number;
  burst: number;
  loadAverage: [number, number];
  rows: SearchRow[];
  names: { queues: Record<string, string>; agents: Record<string, string> };
}

async function cli(args: string[]): Promise<{ ms: number; rows: number }> {
  const r = await awsCli<{ Contacts?: unknown[] }>(args);
  return { ms: r.ms, rows: r.output.Contacts?.length ?? 0 };
}

export async function runSearchFetch(benchDir: string): Promise<SearchFetchResults> {
  const endpoint = await startEndpointProcess(benchDir, ['--synthetic', String(syntheticContacts), '--rate', String(budget.requestsPerSecond), '--burst', String(budget.burst)]);
  const connect = new ConnectService({ env: fixtureEnv(), transport: () => ({ ...defaultTransport, endpointUrl: endpoint.url }), logger: discardingLogger(), requestBudget: () => budget });
  const target = { profile: localProfile, region: localRegion };
  const instanceId = sampleIds.instanceA;
  const loadAverage: [number, number] = [os.loadavg()[0], 0];
  try {
    // What the panel does as it opens (and the warm-up: SDK chunk, credentials, socket): the queues and agents to choose from.
    const [queues, agents] = await Promise.all([connect.listQueues(target, instanceId), connect.listUsers(target, instanceId)]);
    await new Promise((r) => setTimeout(r, (budget.burst / budget.requestsPerSecond) * 1000 + 500));
    await endpoint.clearRequests();
    const criteria: ContactSearchCriteria = { ...defaultCriteria(), range: { kind: 'preset', preset: '1y' } };
    const rows: SearchRow[] = [];
    const queries: SearchContactsQuery[] = [];
    let total = 0;
    let pages = 0;
    let firstRowsMs = Number.NaN;
    const t0 = performance.now();
    const search = (q: SearchContactsQuery, signal?: AbortSignal) => {
      queries.push(q);
      return connect.searchContacts(target, q, signal, { priority: 'interactive' });
    };
    for await (const page of searchPages(search, instanceId, criteria, Date.now())) {
      for (const c of page.contacts) rows.push(toSearchRow(c));
      pages++;
      total = page.total;
      if (Number.isNaN(firstRowsMs) && rows.length > 0) firstRowsMs = performance.now() - t0;
    }
    const allRowsMs = performance.now() - t0;
    const requests = (await endpoint.requests()).filter((r) => r.operation === 'SearchContacts');
    const calls = requests.filter((r) => r.status === 200).length;
    // The same first page with the AWS CLI (one call, no paging), the bucket refilled first.
    await new Promise((r) => setTimeout(r, (budget.burst / budget.requestsPerSecond) * 1000 + 500));
    const q = queries[0];
    const c = await cli(['connect', 'search-contacts', '--instance-id', instanceId, '--time-range', `Type=${q.timeRangeType},StartTime=${q.start},EndTime=${q.end}`, '--sort', `FieldName=INITIATION_TIMESTAMP,Order=${q.sortOrder}`, '--max-results', String(q.maxResults), '--no-paginate', '--endpoint-url', endpoint.url, '--profile', localProfile, '--region', localRegion, '--output', 'json']);
    loadAverage[1] = os.loadavg()[0];
    return {
      results: rows.length,
      total,
      pages,
      windows: new Set(queries.map((x) => `${x.start}/${x.end}`)).size,
      firstRowsMs,
      allRowsMs,
      calls,
      throttled: requests.filter((r) => r.status === 429).length,
      rateFloorMs: (Math.max(0, calls - budget.burst) / budget.requestsPerSecond) * 1000,
      cliFirstPageMs: c.ms,
      cliFirstPageRows: c.rows,
      rate: budget.requestsPerSecond,
      burst: budget.burst,
      loadAverage,
      rows,
      names: { queues: Object.fromEntries(queues.map((x) => [x.id, x.name])), agents: Object.fromEntries(agents.map((x) => [x.id, x.name])) },
    };
  } finally {
    await connect.dispose();
    await endpoint.stop();
  }
}

export interface SortSample {
  column: string;
  /** The page's first sort: its code not yet compiled hot. */
  first: boolean;
  ms: number;
  frameMs: number;
  /** The plain array sort of the same rows by the same key. */
  baselineMs: number;
  /** The first row drawn after the sort, and the plain sort's first row: the same contact or an equal key. */
  firstRow: string;
}

export interface SearchSortResults {
  rows: number;
  samples: SortSample[];
  rowsInDom: number;
  pageErrors: string[];
  loadAverage: [number, number];
}

/** In-page: a stub VS Code API, the rows posted as the host posts them (a message per page), and the timers. */
const sortScript = String.raw`
(() => {
  window.acquireVsCodeApi = () => ({ postMessage: () => {}, getState: () => undefined, setState: () => {} });
  document.addEventListener('DOMContentLoaded', () => document.body.classList.add('vscode-dark'));
  const layout = () => document.body.offsetHeight;
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  const keyOf = {
    channel: (r) => r.channel,
    initiated: (r) => r.initiated,
    duration: (r) => r.durationSeconds ?? -1,
    queue: (r) => (r.queueName || r.queueId).toLowerCase(),
    agent: (r) => (r.agentName || r.agentId).toLowerCase(),
    initiationMethod: (r) => r.initiationMethod,
    id: (r) => r.id,
  };
  let rows = [];
  window.__search = {
    load: async (json) => {
      const { messages, all } = JSON.parse(json);
      rows = all;
      for (const data of messages) window.dispatchEvent(new MessageEvent('message', { data }));
      await nextFrame();
      await new Promise((ok) => setTimeout(ok, 200));
      await nextFrame();
      return document.querySelectorAll('.result-row').length;
    },
    /** A click on the column's header: the table sorts its rows and draws the ones in view; laid out before the clock stops. */
    sort: async (label) => {
      const button = [...document.querySelectorAll('.sort-button')].find((b) => b.textContent === label);
      const t0 = performance.now();
      button.click();
      layout();
      const t1 = performance.now();
      await nextFrame();
      const first = document.querySelector('.result-row');
      return { ms: t1 - t0, frameMs: performance.now() - t0, firstRow: first ? first.dataset.contactId : '' };
    },
    /** The baseline: the same rows as a plain array, sorted by the same key (the order the click above chose). */
    plainSort: (column, descending) => {
      const key = keyOf[column];
      const dir = descending ? -1 : 1;
      const t0 = performance.now();
      const sorted = rows.slice().sort((a, b) => { const x = key(a); const y = key(b); return x < y ? -dir : x > y ? dir : 0; });
      return { ms: performance.now() - t0, firstRow: sorted[0].id };
    },
  };
})();
`;

/** What sortScript puts on the page (each evaluate below names it inline: evaluate sends the function's text, not its closure). */
interface SortPage {
  load(json: string): Promise<number>;
  sort(label: string): Promise<{ ms: number; frameMs: number; firstRow: string }>;
  plainSort(column: string, descending: boolean): { ms: number; firstRow: string };
}
type PageGlobal = { __search: SortPage };

export async function runSearchSort(opts: { distDir: string; chromiumPath: string; runs: number; rows: SearchRow[]; names: SearchFetchResults['names'] }): Promise<SearchSortResults> {
  const server = await startPanelServer(opts.distDir, {
    '/search': {
      contentType: 'text/html; charset=utf-8',
      body: (origin) => renderPanelHtml(panelPageOptions(origin, 'Search Contacts', 'search')),
    },
  });
  // What the panel posts: the rows a page at a time (100, as SearchContacts pages them), the count, the names.
  const messages: SearchHostMessage[] = [{ type: 'init', title: 'bench', criteria: { ...defaultCriteria(), range: { kind: 'preset', preset: '1y' } }, timeZone: 'utc' }];
  for (let i = 0; i < opts.rows.length; i += 100) messages.push({ type: 'rows', searchId: 1, rows: opts.rows.slice(i, i + 100) });
  messages.push({ type: 'status', status: { searchId: 1, loaded: opts.rows.length, total: opts.rows.length, totalComplete: true, running: false } });
  messages.push({ type: 'names', queues: opts.names.queues, agents: opts.names.agents });
  // The plain array holds the rows with the names in, as the table's rows have them after the names message.
  const all = opts.rows.map((r) => ({ ...r, queueName: opts.names.queues[r.queueId] ?? '', agentName: opts.names.agents[r.agentId] ?? '' }));
  const json = JSON.stringify({ messages, all });
  const results: SearchSortResults = { rows: opts.rows.length, samples: [], rowsInDom: 0, pageErrors: [], loadAverage: [os.loadavg()[0], 0] };
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: opts.chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    await context.addInitScript(sortScript);
    for (let run = 0; run < opts.runs; run++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => results.pageErrors.push(String(e)));
      await page.goto(`${server.origin}/search`);
      results.rowsInDom = await page.evaluate((j) => (globalThis as unknown as PageGlobal).__search.load(j), json);
      // Each page starts on another column: its first sort runs cold (as a person's first click does), the rest warm.
      const start = run % searchColumns.length;
      for (const [i, c] of [...searchColumns.slice(start), ...searchColumns.slice(0, start)].entries()) {
        // The first click on a column sorts it the way the table chooses (newest and longest first).
        const descending = c.id === 'initiated' || c.id === 'duration';
        const panel = await page.evaluate((label) => (globalThis as unknown as PageGlobal).__search.sort(label), c.label);
        const plain = await page.evaluate(([column, desc]) => (globalThis as unknown as PageGlobal).__search.plainSort(column, desc), [c.id, descending] as const);
        results.samples.push({ column: c.id, first: i === 0, ms: panel.ms, frameMs: panel.frameMs, baselineMs: plain.ms, firstRow: panel.firstRow === plain.firstRow ? 'same' : `${panel.firstRow} vs ${plain.firstRow}` });
      }
      await page.close();
    }
    await context.close();
    results.loadAverage[1] = os.loadavg()[0];
    return results;
  } finally {
    await browser?.close();
    await server.close();
  }
}
