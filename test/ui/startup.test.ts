// From the first minute: the `profile · region` status bar item shows as soon as VS Code has
// started, before anyone opens the Amazon Connect view, and says in plain words which profile,
// region and endpoint calls use; the view's title fits the default side bar width.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { captureOnError, uiSession, Workbench } from './harness';

describe('from the first minute', () => {
  let workbench: Workbench;
  let folder: string;
  let endpointUrl: string;

  before(() =>
    captureOnError('startup setup', async () => {
      const { browser, codeServer, endpoint } = await uiSession();
      endpointUrl = endpoint.url;
      // A folder never opened before: no view is restored, so nothing but startup activates the extension.
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-ui-startup-'));
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      workbench = new Workbench(context, page, folder);
      await page.goto(codeServer.workbenchUrl({ folder }));
      await page.locator('.monaco-workbench').waitFor();
    }),
  );

  after(async () => {
    await workbench?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The status bar entry the extension contributes (VS Code gives it the extension's id + its own). */
  const accountItem = (): Locator => workbench.page.locator('.part.statusbar .statusbar-item[id$="connectContacts.account"]');

  it('shows the profile · region status bar item without the Amazon Connect view being opened', async () => {
    await accountItem().waitFor();
    assert.match(await accountItem().innerText(), /local · us-east-1/);
    assert.notEqual(await workbench.activityBarItem('Amazon Connect').getAttribute('aria-selected'), 'true', 'the Amazon Connect view was open');
    await workbench.screenshot('startup-status-bar');
  });

  it('names the profile, region and endpoint in plain words, and where each came from', async () => {
    const expected = `Profile local (from your settings) · region us-east-1 (from your settings) · endpoint ${endpointUrl} (connectContacts.endpointUrl)`;
    const label = (await accountItem().locator('a, .statusbar-item-label').first().getAttribute('aria-label')) ?? (await accountItem().getAttribute('aria-label'));
    assert.equal(label, `Amazon Connect: ${expected}`);
    await accountItem().hover();
    // Markdown text keeps its spaces as no-break spaces.
    const hover = workbench.page.locator('.workbench-hover-container').filter({ hasText: /Profile\s+local/ }).first();
    await hover.waitFor({ state: 'attached' });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes(expected), `the tooltip says: ${text}`);
    assert.doesNotMatch(text, /explicit/i);
    await workbench.screenshot('startup-status-bar-tooltip');
  });

  it("shows the Amazon Connect view's whole title at the default side bar width", async () => {
    const sideBar = await workbench.openViewContainer('Amazon Connect');
    const title = sideBar.locator('.composite.title .title-label h2');
    await title.waitFor();
    const size = await title.evaluate((el: unknown) => {
      const e = el as { scrollWidth: number; clientWidth: number; textContent: string | null };
      return { scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, text: e.textContent };
    });
    await workbench.screenshot('explorer-view-title');
    assert.ok(size.scrollWidth <= size.clientWidth, `the title "${size.text}" is cut off: ${size.scrollWidth}px of text in ${size.clientWidth}px`);
  });
});
