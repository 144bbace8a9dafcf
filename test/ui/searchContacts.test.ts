// Search Contacts in real VS Code (code-server) with the packaged extension against the local
// endpoint: search an instance over two years, read the rows with queue and agent names, open a
// contact from its row, and export the results with the progress notification on screen.
// Screenshots for the README: search-results, export-progress.
import * as assert from 'node:assert/strict';
import { sampleIds } from '../endpoint/sampleIds';
import { waitForPanel } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('Search Contacts', () => {
  let workbench: Workbench;
  /** The contacts the search found: the export's notification must count toward this. */
  let found = 0;
  const search = () => workbench.webview();

  before(() =>
    captureOnError('Search setup', async () => {
      workbench = await openWorkbench();
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('searches an instance over two years and shows the contacts with queue and agent names', () =>
    captureOnError('search results', async () => {
      await workbench.runCommand('Amazon Connect: Search Contacts');
      await workbench.pickQuickInputItem(new RegExp(sampleIds.instanceAAlias));
      await workbench.waitForActiveTab(`Search: ${sampleIds.instanceAAlias}`);
      await search().locator('#f-range select').selectOption('2y');
      await search().getByRole('button', { name: 'Search', exact: true }).click();
      await search().locator('.count').filter({ hasText: /^\d+ of \d+ contacts$/ }).waitFor({ timeout: 30_000 });
      const count = (await search().locator('.count').textContent()) ?? '';
      const [loaded, total] = count.split(' of ').map((t) => parseInt(t, 10));
      assert.equal(loaded, total);
      assert.ok(loaded >= 5, count);
      found = total;
      // Names replace IDs as DescribeQueue / DescribeUser answer.
      await search().locator('.result-row .col-queue').filter({ hasNotText: uuid }).filter({ hasText: /\S/ }).first().waitFor();
      const queues = await search().locator('.result-row .col-queue').allTextContents();
      assert.ok(queues.some((q) => q !== '' && !uuid.test(q)), queues.join(', '));
      await workbench.screenshot('search-results');
    }));

  it('opens the contact of a clicked row in the contact panel', () =>
    captureOnError('search open', async () => {
      const row = search().locator('.result-row').first();
      const contactId = (await row.getAttribute('data-contact-id')) ?? '';
      assert.match(contactId, uuid);
      await row.click();
      await waitForPanel(workbench, contactId);
    }));

  it('exports the results as JSON Lines with a progress notification', () =>
    captureOnError('search export', async () => {
      await workbench.page.locator('.tabs-container .tab', { hasText: 'Search: ' }).first().click();
      await workbench.waitForActiveTab(/Search: /);
      await search().getByRole('button', { name: 'Export JSON Lines…' }).click();
      // code-server's save dialog is a quick input holding the suggested path: accept it.
      await workbench.quickInputBox.waitFor();
      await workbench.page.keyboard.press('Enter');
      // The count of the search's whole total appears with the first contacts written.
      const shown = await workbench.waitForNotification(new RegExp(`Exporting contacts to contacts-.*\\d+ of ${found}\\b`, 's'));
      assert.doesNotMatch(shown, new RegExp(`of ${found}\\+`));
      await workbench.screenshot('export-progress');
      await workbench.waitForNotification(new RegExp(`Exported ${found} contacts to contacts-`));
    }));
});
