// The Amazon Connect side bar: profile · region → instances → recent contacts (SearchContacts) and
// recent lookups → a contact's fields, loaded when opened → copy from the context menu.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { sampleIds } from '../endpoint/sampleIds';
import { contextMenu, describeContact, expandExplorerRow, explorerRow } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

describe('the Amazon Connect explorer', () => {
  let workbench: Workbench;
  let sideBar: Locator;

  /** A row whose label (not its description) is exactly `label`. */
  const labelled = (label: string): Locator =>
    workbench
      .treeRows(sideBar)
      .filter({ has: workbench.page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) })
      .first();

  /** The side bar's rows, top to bottom (the list renders them absolutely positioned). */
  const visibleRows = (): Promise<string[]> =>
    workbench.treeRows(sideBar).evaluateAll((rows: unknown[]) =>
      (rows as Array<{ innerText: string; style: { top: string } }>)
        .map((row) => ({ text: row.innerText.replace(/\s+/g, ' ').trim(), top: parseFloat(row.style.top) }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text),
    );

  before(() =>
    captureOnError('explorer setup', async () => {
      workbench = await openWorkbench();
      sideBar = await workbench.openViewContainer('Amazon Connect');
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('lists the profile and region with the instances ListInstances returns', async () => {
    await explorerRow(workbench, sideBar, 'local · us-east-1').waitFor();
    for (const alias of [sampleIds.instanceAAlias, sampleIds.instanceBAlias, sampleIds.instanceCAlias]) {
      await explorerRow(workbench, sideBar, alias).waitFor();
    }
    const instance = explorerRow(workbench, sideBar, sampleIds.instanceAAlias);
    assert.match(await instance.innerText(), new RegExp(sampleIds.instanceA));
  });

  it('shows recent contacts of an instance, found with SearchContacts', async () => {
    await expandExplorerRow(explorerRow(workbench, sideBar, sampleIds.instanceAAlias));
    await expandExplorerRow(explorerRow(workbench, sideBar, 'Recent contacts'));
    await explorerRow(workbench, sideBar, sampleIds.maximal.slice(0, 8)).waitFor();
    await explorerRow(workbench, sideBar, sampleIds.chat.slice(0, 8)).waitFor();
  });

  it("opens a contact's fields in the tree and copies a value and a path from the context menu", async () => {
    await expandExplorerRow(explorerRow(workbench, sideBar, sampleIds.maximal.slice(0, 8)));
    const channel = labelled('Channel');
    await channel.waitFor();
    assert.match(await channel.innerText(), /VOICE/);
    await workbench.writeClipboard('(clipboard before the test)');
    await contextMenu(workbench, channel, 'Copy Value');
    assert.equal(await workbench.waitForClipboard(/^VOICE$/), 'VOICE');
    await contextMenu(workbench, labelled('CustomerId'), 'Copy Path');
    assert.equal(await workbench.waitForClipboard(/CustomerId/), 'Contact.CustomerId');
    await workbench.screenshot('explorer-contact-fields');
  });

  it("copies the selected field with Ctrl+C, but not from the tree's find box, which copies its own text", async () => {
    await labelled('Channel').click();
    await workbench.writeClipboard('(clipboard before the test)');
    await workbench.page.keyboard.press('Control+C');
    assert.equal(await workbench.waitForClipboard(/^VOICE$/), 'VOICE');
    // The find box is inside the view, so the view still has the focus: the keybinding must not fire.
    await workbench.page.keyboard.press('Control+Alt+F');
    const find = sideBar.locator('.monaco-tree-type-filter input');
    await find.waitFor();
    await find.fill('QueueInfo');
    await find.press('Control+A');
    await find.press('Control+C');
    assert.equal(await workbench.waitForClipboard(/^QueueInfo$/), 'QueueInfo');
    await find.press('Escape');
    await find.waitFor({ state: 'hidden' });
  });

  it('lists a contact described from the palette under Recent lookups', async () => {
    await describeContact(workbench, sampleIds.instanceA, sampleIds.email);
    await expandExplorerRow(explorerRow(workbench, sideBar, 'Recent lookups'));
    // The email also shows under Recent contacts: it must be between "Recent lookups" and "Pinned".
    const emailRow = (text: string) => text.includes(sampleIds.email.slice(0, 8));
    let rows: string[] = [];
    const deadline = Date.now() + 30_000;
    const inLookups = () => {
      const start = rows.findIndex((text) => text.startsWith('Recent lookups'));
      const end = rows.findIndex((text) => text.startsWith('Pinned'));
      return start >= 0 && end > start && rows.slice(start + 1, end).some(emailRow);
    };
    while (!inLookups()) {
      if (Date.now() > deadline) assert.fail(`the email contact is not under Recent lookups:\n${rows.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
      rows = await visibleRows();
    }
  });
});
