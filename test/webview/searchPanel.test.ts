// The search panel's page in Chromium, served exactly as VS Code gets it (renderPanelHtml, same
// CSP) with dist/search.js; the host is played by window messages, as in the contact panel's tests.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderPanelHtml } from '../../src/panel/webviewHtml';
import type { SearchRow } from '../../src/contact/searchRows';
import { defaultCriteria } from '../../src/contact/searchWindows';
import type { InsightsHeading, InsightsProblem, SearchHostMessage, SearchWebviewMessage } from '../../src/protocol/searchMessages';
import type { InsightsTableRow } from '../../src/timeline/insightsRows';
import { launchBrowser, repoRoot } from './harness';
import { panelPageOptions, startPanelServer, type PanelServer } from './panelServer';

function stub(): void {
  const g = globalThis as unknown as Record<string, unknown> & { document: { addEventListener(t: string, f: (e: Record<string, unknown>) => void): void } };
  const rec = { posted: [] as unknown[], csp: [] as string[] };
  g.__stub = rec;
  g.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => rec.posted.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => undefined });
  g.document.addEventListener('securitypolicyviolation', (e) => rec.csp.push(String(e.violatedDirective)));
}

function row(i: number, extra: Partial<SearchRow> = {}): SearchRow {
  const start = Date.parse('2026-11-20T10:00:00Z') + i * 60_000;
  return {
    id: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    channel: i % 2 ? 'CHAT' : 'VOICE',
    initiationMethod: 'INBOUND',
    initiated: new Date(start).toISOString(),
    disconnected: new Date(start + (i % 50) * 1000).toISOString(),
    durationSeconds: i % 50,
    queueId: `q${i % 3}`,
    queueName: '',
    agentId: `a${i % 4}`,
    agentName: '',
    ...extra,
  };
}

function insightsRow(i: number, extra: Partial<InsightsTableRow> = {}): InsightsTableRow {
  return {
    id: `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    time: new Date(Date.parse('2026-11-20T07:00:00Z') - i * 60_000).toISOString(),
    flow: `Inbound ${i}`,
    block: 'InvokeExternalResource',
    blockLabel: 'Invoke AWS Lambda function',
    identifier: `lookup-${i}`,
    result: 'The Lambda Function Returned An Error.',
    lines: 1,
    ...extra,
  };
}

const heading: InsightsHeading = {
  template: 'Contacts with any error result',
  instance: 'acme-support',
  query: 'fields @timestamp, ContactId | filter Results like /(?i)error/ | sort @timestamp desc | limit 1000',
  startMs: Date.parse('2026-10-31T09:00:00Z'),
  endMs: Date.parse('2026-11-30T09:00:00Z'),
};

describe('Search panel webview', function () {
  this.timeout(30_000);
  let browser: Browser;
  let server: PanelServer;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startPanelServer({
      distDir: join(repoRoot, 'dist'),
      title: 'Search Contacts',
      routes: {
        '/search': {
          contentType: 'text/html; charset=utf-8',
          body: (origin) => renderPanelHtml(panelPageOptions(origin, 'Search Contacts', 'search')),
        },
      },
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ viewport: { width: 1300, height: 900 } })).newPage();
    await page.addInitScript(stub);
    await page.goto(`${server.origin}/search`);
    await page.waitForFunction(() => ((globalThis as unknown as { __stub: { posted: { type: string }[] } }).__stub.posted.some((m) => m.type === 'ready')));
  });
  afterEach(async () => {
    const csp = await page.evaluate(() => (globalThis as unknown as { __stub: { csp: string[] } }).__stub.csp);
    assert.deepEqual(csp, [], 'no CSP violation');
    await page.context().close();
  });

  const send = (m: SearchHostMessage) => page.evaluate((json: string) => {
    const g = globalThis as unknown as { dispatchEvent(e: unknown): void; MessageEvent: new (t: string, i: unknown) => unknown };
    g.dispatchEvent(new g.MessageEvent('message', { data: JSON.parse(json) as unknown }));
  }, JSON.stringify(m));
  const posted = () => page.evaluate(() => (globalThis as unknown as { __stub: { posted: SearchWebviewMessage[] } }).__stub.posted);
  const visibleRows = () => page.evaluate<string[][]>(`[...document.querySelectorAll('.result-row')].map((r) => [...r.querySelectorAll('.cell')].map((c) => c.textContent ?? ''))`);

  it('shows rows with queue and agent names, the count, and hostile names as text', async () => {
    await send({ type: 'init', title: 'acme-support', criteria: defaultCriteria(), timeZone: 'utc' });
    await send({ type: 'options', queues: [{ id: 'q0', name: 'Billing' }, { id: 'q1', name: '<img src=x onerror=alert(1)>' }], agents: [], agentsError: 'AccessDeniedException: not authorized to perform connect:ListUsers' });
    await send({ type: 'status', status: { searchId: 1, loaded: 0, totalComplete: false, running: true } });
    await send({ type: 'rows', searchId: 1, rows: [row(0), row(1), row(2)] });
    await send({ type: 'status', status: { searchId: 1, loaded: 3, total: 8512, totalComplete: false, running: true } });
    assert.equal(await page.locator('.count').textContent(), '3 of 8,512+ contacts · loading…');
    await send({ type: 'names', queues: { q0: 'Billing', q1: '<img src=x onerror=alert(1)>' }, agents: { a0: 'jdoe' } });
    await page.waitForTimeout(50);
    const rows = await visibleRows();
    assert.deepEqual(rows[0], ['VOICE', '2026-11-20 10:00:00 UTC', '0:00', 'Billing', 'jdoe', 'INBOUND', row(0).id]);
    assert.equal(rows[1][3], '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('img').count(), 0);
    assert.match((await page.locator('.field-agents .field-note').textContent()) ?? '', /connect:ListUsers/);
    await send({ type: 'status', status: { searchId: 1, loaded: 3, total: 3, totalComplete: true, running: false } });
    assert.equal(await page.locator('.count').textContent(), '3 of 3 contacts');
  });

  it('opens a contact on click, compares two, pins and exports the search', async () => {
    await send({ type: 'rows', searchId: 1, rows: [row(0), row(1), row(2)] });
    await send({ type: 'status', status: { searchId: 1, loaded: 3, total: 3, totalComplete: true, running: false } });
    await page.waitForTimeout(50);
    await page.locator('.result-row').nth(0).click();
    await page.locator('.result-row').nth(2).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('button', { name: 'Pin' }).click();
    await page.getByRole('button', { name: 'Export JSON Lines…' }).click();
    const messages = (await posted()).filter((m) => m.type !== 'ready');
    assert.deepEqual(messages, [
      { type: 'open', contactId: row(0).id },
      { type: 'compare', contactIds: [row(0).id, row(2).id] },
      { type: 'pin', contactIds: [row(0).id, row(2).id] },
      { type: 'export', format: 'jsonl' },
    ]);
  });

  it('sends the criteria chosen, and shows the service\'s message beside the field it concerns', async () => {
    await send({ type: 'options', queues: [{ id: 'q0', name: 'Billing' }, { id: 'q1', name: 'Sales' }], agents: [{ id: 'a0', name: 'jdoe' }] });
    await page.selectOption('#f-range select', 'custom');
    await page.fill('input[aria-label="From (UTC)"]', '2026-01-01T00:00');
    await page.fill('input[aria-label="To (UTC)"]', '2026-11-01T00:00');
    await page.getByLabel('Chat').check();
    await page.selectOption('#f-queues', ['q1']);
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await page.fill('.attr-key', 'Tier');
    await page.fill('.attr-values', 'gold, silver');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const search = (await posted()).find((m) => m.type === 'search');
    assert.deepEqual(search, {
      type: 'search',
      criteria: { ...defaultCriteria(), range: { kind: 'absolute', start: '2026-01-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }, channels: ['CHAT'], queueIds: ['q1'], attributes: [{ key: 'Tier', values: ['gold', 'silver'] }] },
    });
    await send({ type: 'fieldErrors', errors: [{ field: 'attributes', message: 'The attribute key Tier is not configured for contact search.' }] });
    assert.equal(await page.locator('.field-attributes .field-error').textContent(), 'The attribute key Tier is not configured for contact search.');
    assert.equal(await page.locator('.field-range .field-error').textContent(), '');
  });

  it('sorts 10,000 rows in at most 50 ms and draws only the rows in view', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(i));
    for (let i = 0; i < rows.length; i += 1000) await send({ type: 'rows', searchId: 1, rows: rows.slice(i, i + 1000) });
    await page.waitForTimeout(50);
    assert.ok((await page.locator('.result-row').count()) < 80);
    const ms = await page.evaluate<number>(`(() => {
      const button = [...document.querySelectorAll('.sort-button')].find((b) => b.textContent === 'Duration');
      const t = performance.now();
      button.click();
      return performance.now() - t;
    })()`);
    assert.ok(ms <= 50, `sort took ${ms.toFixed(1)} ms`);
    assert.equal((await visibleRows())[0][2], '0:49');
  });

  // The host sends each name once per panel: rows of later pages and searches come with IDs only.
  it('shows queue and agent names on rows that arrive after the names: later pages and the next search', async () => {
    await send({ type: 'init', title: 'acme-support', criteria: defaultCriteria(), timeZone: 'utc' });
    await send({ type: 'rows', searchId: 1, rows: [row(0), row(1), row(2)] });
    await send({ type: 'names', queues: { q0: 'Billing', q1: 'Sales', q2: 'Support' }, agents: { a0: 'jdoe', a1: 'asmith', a2: 'bkim' } });
    await send({ type: 'rows', searchId: 1, rows: [row(3), row(4)] });
    await page.waitForTimeout(50);
    assert.deepEqual((await visibleRows()).map((r) => [r[3], r[4]]), [['Billing', 'jdoe'], ['Sales', 'asmith'], ['Support', 'bkim'], ['Billing', 'a3'], ['Sales', 'jdoe']]);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await send({ type: 'rows', searchId: 2, rows: [row(5)] });
    await page.waitForTimeout(50);
    assert.deepEqual((await visibleRows()).map((r) => [r[3], r[4]]), [['Support', 'asmith']]);
  });

  it('Enter, the arrows and Shift+click act on the contact clicked, after a sort and as pages arrive', async () => {
    // Durations 0–4 s: sorted by duration (longest first) the clicked …00 is the last row.
    await send({ type: 'rows', searchId: 1, rows: [0, 1, 2, 3, 4].map((i) => row(i)) });
    await page.waitForTimeout(50);
    const selectedIds = () => page.evaluate<string[]>(`[...document.querySelectorAll('.result-row.selected')].map((r) => r.dataset.contactId)`);
    const opened = async () => (await posted()).filter((m) => m.type === 'open').map((m) => (m as { contactId: string }).contactId);
    await page.locator('.result-row').nth(0).click();
    await page.locator('.sort-button', { hasText: 'Duration' }).click();
    assert.deepEqual((await visibleRows()).map((r) => r[2]), ['0:04', '0:03', '0:02', '0:01', '0:00']);
    assert.deepEqual(await selectedIds(), [row(0).id]);
    // A page arriving re-sorts the table (a longer contact comes first).
    await send({ type: 'rows', searchId: 1, rows: [row(5)] });
    await page.waitForTimeout(200);
    assert.equal((await visibleRows())[0][2], '0:05');
    await page.locator('.results-scroller').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await opened(), [row(0).id, row(0).id]);
    await page.keyboard.press('ArrowUp');
    assert.deepEqual(await selectedIds(), [row(1).id]);
    // Shift+click from …01 (the focus now) to …03: …03, …02 and …01.
    await page.locator('.result-row', { hasText: row(3).id }).click({ modifiers: ['Shift'] });
    assert.deepEqual((await selectedIds()).sort(), [row(1).id, row(2).id, row(3).id]);
  });

  it('keeps the sort when names arrive: a table sorted by queue is in the order of the names shown', async () => {
    await send({ type: 'rows', searchId: 1, rows: [row(0), row(1), row(2)] });
    await page.locator('.sort-button', { hasText: 'Queue' }).click();
    await send({ type: 'names', queues: { q0: 'Zeta', q1: 'Alpha', q2: 'Mid' }, agents: {} });
    await page.waitForTimeout(50);
    assert.deepEqual((await visibleRows()).map((r) => r[3]), ['Alpha', 'Mid', 'Zeta']);
    assert.equal(await page.locator('.results-head .col-queue').getAttribute('aria-sort'), 'ascending');
  });

  describe('Find Contacts in Flow Logs in the same table', () => {
    const hostile = '<img src=x onerror=alert(1)>';

    it('shows the query, then the contacts as GetQueryResults returns them, with the count, status and records scanned; hostile text stays text', async () => {
      await send({ type: 'insightsInit', heading, timeZone: 'utc' });
      assert.equal(await page.locator('.search-title').textContent(), 'Find Contacts in Flow Logs · Contacts with any error result · 2026-10-31 09:00 – 2026-11-30 09:00 UTC');
      assert.equal(await page.locator('.insights-query').textContent(), heading.query);
      assert.equal(await page.locator('form.criteria').count(), 0, 'no search criteria');
      assert.equal(await page.getByRole('button', { name: 'Export CSV…' }).isVisible(), false);
      await send({ type: 'insightsStatus', status: { searchId: 1, phase: 'Scheduled', logGroup: '/aws/connect/acme-support', contacts: 0, lines: 0 } });
      assert.equal(await page.locator('.status-note').textContent(), 'Scheduled');
      assert.match((await page.locator('.insights-meta').textContent()) ?? '', /acme-support · \/aws\/connect\/acme-support · 2026-10-31/);
      assert.equal(await page.getByRole('button', { name: 'Cancel' }).isEnabled(), true);
      await send({ type: 'insightsRows', searchId: 1, rows: [insightsRow(0, { lines: 3 }), insightsRow(1, { flow: hostile, result: `<script>alert(2)</script>` })] });
      await send({ type: 'insightsStatus', status: { searchId: 1, phase: 'Running', logGroup: '/aws/connect/acme-support', contacts: 2, lines: 4, recordsScanned: 48_213, recordsMatched: 4 } });
      assert.equal(await page.locator('.count').textContent(), '2 contacts (4 matching lines)');
      assert.equal(await page.locator('.status-note').textContent(), 'Running · 48,213 records scanned');
      await page.waitForTimeout(50);
      assert.deepEqual(await page.locator('.results-head .sort-button').allTextContents(), ['Contact ID', 'Time', 'Flow', 'Block', 'Result', 'Lines']);
      const rows = await visibleRows();
      assert.deepEqual(rows[0], [insightsRow(0).id, '2026-11-20 07:00:00 UTC', 'Inbound 0', 'Invoke AWS Lambda function', 'The Lambda Function Returned An Error.', '3']);
      assert.equal(rows[1][2], hostile);
      assert.equal(rows[1][4], '<script>alert(2)</script>');
      assert.equal(await page.locator('img').count(), 0);
      // Each poll sends every row so far: the table is replaced, not appended to.
      await send({ type: 'insightsRows', searchId: 1, rows: [insightsRow(0, { lines: 3 }), insightsRow(1, { flow: hostile }), insightsRow(2)] });
      await send({ type: 'insightsStatus', status: { searchId: 1, phase: 'Complete', logGroup: '/aws/connect/acme-support', contacts: 3, lines: 5, recordsScanned: 90_000 } });
      await page.waitForTimeout(50);
      assert.equal((await visibleRows()).length, 3);
      assert.equal(await page.locator('.count').textContent(), '3 contacts (5 matching lines)');
      assert.equal(await page.locator('.status-note').textContent(), 'Complete · 90,000 records scanned');
      assert.equal(await page.getByRole('button', { name: 'Cancel' }).isEnabled(), false);
      assert.equal(await page.locator('.insights-problem').isVisible(), false);
    });

    it('opens a contact on click; compares, pins and copies the selected; cancels the running query; sorts by a column', async () => {
      await send({ type: 'insightsInit', heading, timeZone: 'utc' });
      await send({ type: 'insightsRows', searchId: 1, rows: [insightsRow(0, { flow: 'Zeta' }), insightsRow(1, { flow: 'alpha' }), insightsRow(2, { flow: 'Mid' })] });
      await send({ type: 'insightsStatus', status: { searchId: 1, phase: 'Running', contacts: 3, lines: 3 } });
      await page.waitForTimeout(50);
      await page.locator('.result-row').nth(0).click();
      await page.locator('.result-row').nth(1).click({ modifiers: ['Control'] });
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.getByRole('button', { name: 'Pin' }).click();
      await page.getByRole('button', { name: 'Copy IDs' }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      const ids = [insightsRow(0).id, insightsRow(1).id];
      assert.deepEqual((await posted()).filter((m) => m.type !== 'ready'), [
        { type: 'open', contactId: ids[0] },
        { type: 'compare', contactIds: [ids[0], ids[1]] },
        { type: 'pin', contactIds: ids },
        { type: 'copyIds', contactIds: ids },
        { type: 'cancel' },
      ]);
      await page.locator('.sort-button', { hasText: 'Flow' }).click();
      assert.deepEqual((await visibleRows()).map((r) => r[2]), ['alpha', 'Mid', 'Zeta']);
      // A later poll keeps the sort and the selection of contacts still there.
      await send({ type: 'insightsRows', searchId: 1, rows: [insightsRow(0, { flow: 'Zeta' }), insightsRow(1, { flow: 'alpha' }), insightsRow(2, { flow: 'Mid' }), insightsRow(3, { flow: 'Beta' })] });
      await page.waitForTimeout(50);
      assert.deepEqual((await visibleRows()).map((r) => r[2]), ['alpha', 'Beta', 'Mid', 'Zeta']);
      assert.equal(await page.locator('.result-row.selected').count(), 2);
    });

    it('opens the contact clicked on Enter after a poll put another contact above it', async () => {
      await send({ type: 'insightsInit', heading, timeZone: 'utc' });
      await send({ type: 'insightsRows', searchId: 1, rows: [insightsRow(1), insightsRow(2)] });
      await page.waitForTimeout(50);
      await page.locator('.result-row').nth(0).click();
      await send({ type: 'insightsRows', searchId: 1, rows: [insightsRow(0), insightsRow(1), insightsRow(2)] });
      await page.waitForTimeout(50);
      await page.locator('.results-scroller').focus();
      await page.keyboard.press('Enter');
      assert.deepEqual((await posted()).filter((m) => m.type === 'open'), [{ type: 'open', contactId: insightsRow(1).id }, { type: 'open', contactId: insightsRow(1).id }]);
    });

    const failed = (problem: InsightsProblem) => send({ type: 'insightsStatus', status: { searchId: 1, phase: problem.kind === 'noResults' ? 'Complete' : problem.kind === 'cancelled' ? 'Cancelled' : 'Failed', logGroup: '/aws/connect/acme-support', contacts: 0, lines: 0, problem } });

    it('shows the service\'s words beside the query when it is malformed, the part it points at marked, and Edit query', async () => {
      const query = 'fields @timestamp | dedup ContactId';
      await send({ type: 'insightsInit', heading: { ...heading, template: 'Custom query', query }, timeZone: 'utc' });
      await failed({
        kind: 'malformedQuery',
        title: 'CloudWatch Logs Insights could not run the query',
        message: 'CloudWatch Logs Insights could not run the query: unexpected symbol found dedup at line 1 and position 20',
        fix: 'Edit the query where the service points, and run it again.',
        queryError: { message: `unexpected symbol found dedup ${hostile}`, startCharOffset: 20, endCharOffset: 25 },
        actions: ['editQuery'],
      });
      assert.equal(await page.locator('.insights-query-error').textContent(), `CloudWatch Logs Insights: unexpected symbol found dedup ${hostile}`);
      assert.equal(await page.locator('.insights-query mark').textContent(), 'dedup');
      assert.equal(await page.locator('.insights-query').textContent(), query);
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('.problem-title').textContent(), 'CloudWatch Logs Insights could not run the query');
      await page.locator('.insights-problem').getByRole('button', { name: 'Edit query…' }).click();
      assert.deepEqual((await posted()).filter((m) => m.type !== 'ready'), [{ type: 'insightsAction', action: 'editQuery' }]);
    });

    it('says what to do when nothing matched, the log group is missing, access is denied, or the query timed out', async () => {
      await send({ type: 'insightsInit', heading, timeZone: 'utc' });
      const cases: [InsightsProblem, RegExp][] = [
        [{ kind: 'noResults', title: 'No contacts found', message: 'No flow-log line in /aws/connect/acme-support matched the query.', fix: 'Widen the time range or edit the query.', actions: ['editQuery'] }, /No contacts found.*matched the query.*Widen the time range.*Edit query…/],
        [{ kind: 'noLogGroup', title: 'The flow-log group does not exist', message: 'The log group /aws/connect/acme-sales was not found.', fix: 'Turn on "Enable flow logs".', actions: ['flowLogSettings', 'rerun'] }, /does not exist.*Enable flow logs.*Open the flow-log group setting.*Run again/],
        [{ kind: 'accessDenied', title: 'No permission to query the flow logs', message: 'Profile local is not allowed to call logs:StartQuery on the log group /aws/connect/acme-support.', fix: 'Grant logs:StartQuery and logs:GetQueryResults on arn:aws:logs:us-east-1:123456789012:log-group:/aws/connect/acme-support.', actions: ['rerun'] }, /No permission.*logs:StartQuery on the log group.*logs:GetQueryResults on arn:aws:logs:.*Run again/],
        [{ kind: 'timeout', title: 'The query timed out', message: 'The Logs Insights query ran out of time.', fix: 'Query a shorter time range.', actions: ['rerun', 'editQuery'] }, /timed out.*shorter time range.*Run again/],
      ];
      for (const [problem, expected] of cases) {
        await failed(problem);
        assert.match((await page.locator('.insights-problem').innerText()).replace(/\s+/g, ' '), expected);
        assert.equal(await page.locator('.insights-problem').getAttribute('data-kind'), problem.kind);
      }
      await page.getByRole('button', { name: 'Run again' }).click();
      assert.deepEqual((await posted()).filter((m) => m.type !== 'ready'), [{ type: 'insightsAction', action: 'rerun' }]);
    });
  });
});
