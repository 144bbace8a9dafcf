import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { HostMessage } from '../../src/protocol';
import { sampleContact, sampleContactId, sampleInstanceId } from './fixtures/sampleContact';
import { launchBrowser, openPanel, startPanelServer, type PanelPage, type PanelServer } from './harness';

export const sampleRef = { instanceId: sampleInstanceId, contactId: sampleContactId, region: 'us-east-1', profile: 'default' };
export const contactMessage: HostMessage = {
  type: 'contact',
  ref: sampleRef,
  contact: sampleContact,
  fetchedAt: '2024-05-01T10:06:00.000Z',
  timeZone: 'local',
};

describe('contact panel webview: rendering', function () {
  this.timeout(30000);
  let browser: Browser;
  let server: PanelServer;
  let panel: PanelPage;

  before(async () => {
    server = await startPanelServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    panel = await openPanel(browser, server);
  });
  afterEach(async () => {
    const rec = await panel.recorded();
    await panel.close();
    assert.deepEqual(rec.cspViolations, [], 'no CSP violations');
    assert.deepEqual(panel.pageErrors, [], 'no page errors');
  });

  it('says ready first, then shows the contact as a tree with the first level open', async () => {
    const posted = await panel.posted();
    assert.deepEqual(posted[0], { type: 'ready' });
    await panel.send(contactMessage);
    const page = panel.page;
    const contactRow = page.locator('[role=treeitem][aria-level="1"]');
    assert.equal(await contactRow.count(), 1);
    assert.equal(await contactRow.getAttribute('aria-expanded'), 'true');
    const channel = page.locator('[role=treeitem][aria-level="2"]', { hasText: 'Channel' });
    assert.equal(await channel.locator('.value').textContent(), 'VOICE');
    const queue = page.locator('[role=treeitem][aria-level="2"]').filter({ has: page.locator('.key', { hasText: /^QueueInfo$/ }) });
    assert.equal(await queue.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('[role=treeitem][aria-level="3"]').count(), 0);
  });
});
