// The search panel's page in Chromium, served exactly as VS Code gets it (renderPanelHtml, same
// CSP) with dist/search.js; the host is played by window messages, as in the contact panel's tests.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeNonce, renderPanelHtml } from '../../src/panel/webviewHtml';
import type { SearchRow } from '../../src/contact/searchRows';
import { defaultCriteria } from '../../src/contact/searchWindows';
import type { SearchHostMessage, SearchWebviewMessage } from '../../src/protocol/searchMessages';
import { launchBrowser, repoRoot } from './harness';
import { startPanelServer, type PanelServer } from './panelServer';

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
          body: (origin) => renderPanelHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/dist/search.js`, styleUri: `${origin}/dist/search.css`, codiconUri: `${origin}/dist/codicons/codicon.css`, title: 'Search Contacts' }),
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
});
