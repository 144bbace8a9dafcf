// The contact panel when DescribeContact fails, in real VS Code: a failed refresh keeps the tree
// and says why; a panel restored by a window reload fetches its contact again (saved state holds
// no contact), shows the error and nothing of the contact when that fails, and Retry recovers.
import * as assert from 'node:assert/strict';
import { sampleIds } from '../endpoint/sampleIds';
import { fieldValues, refFor, sampleDocument } from '../webview/fixtures/samples';
import { describeContact, describeRequests, panel, panelRow, panelRows, panelTree } from './contactFlows';
import { captureOnError, openWorkbench, uiSession, type LocalEndpoint, type Workbench } from './harness';

describe('the contact panel when fetching fails', () => {
  let workbench: Workbench;
  let endpoint: LocalEndpoint;
  const banner = () => panel(workbench).locator('.banner-error');

  before(() =>
    captureOnError('panel fetch errors setup', async () => {
      endpoint = (await uiSession()).endpoint;
      workbench = await openWorkbench();
      await describeContact(workbench, sampleIds.instanceA, sampleIds.voice);
    }),
  );

  afterEach(() => endpoint.clearFaults());

  after(async () => {
    await workbench?.close();
  });

  it('keeps the tree when a refresh fails, and says what failed in the banner', async () => {
    await panelRow(workbench, 'CustomerEndpoint').click();
    await panelRow(workbench, 'Address').waitFor();
    const before = await panelRows(workbench);
    assert.ok(before.some((row) => row.key === 'Address' && row.value === '+12065550142'));
    endpoint.setFaults({ status500: true, operation: 'DescribeContact' });
    await panel(workbench).locator('vscode-button.refresh').click();
    await banner().waitFor();
    assert.equal(await banner().locator('.banner-kind').innerText(), 'ServiceError');
    assert.match(await banner().locator('.banner-message').innerText(), /internal error/i);
    assert.match(await banner().locator('.banner-request-id').innerText(), /^Request ID: \S+/);
    assert.deepEqual(await panelRows(workbench), before, 'the tree and its open section are kept');
    await workbench.screenshot('panel-refresh-failed');
  });

  it('after a window reload with the endpoint failing, shows the error and no field of the contact; Retry shows the contact', async () => {
    const doc = sampleDocument(sampleIds.voice);
    const values = fieldValues(doc, refFor(sampleIds.voice));
    // Each attempt is held (three of them): the loading state lasts past the reload, then the error.
    // 6 s each: a reload on a loaded 2-core machine took long enough that 3 × 4 s had already ended.
    endpoint.setFaults({ status500: true, hangMs: 6000, operation: 'DescribeContact' });
    const describedBefore = describeRequests(endpoint);
    const reloaded = workbench.page.waitForEvent('load');
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.page.locator('.monaco-workbench').waitFor();
    await workbench.waitForActiveTab(`Contact · ${sampleIds.voice.slice(0, 8)}`);
    await panel(workbench).locator('.waiting', { hasText: 'Loading the contact…' }).waitFor();

    await banner().waitFor();
    assert.equal(await banner().locator('.banner-kind').innerText(), 'ServiceError');
    assert.equal(await panel(workbench).locator('.waiting').innerText(), 'The contact could not be loaded.');
    assert.ok(describeRequests(endpoint) > describedBefore, 'the restored panel asked the endpoint again');
    const onScreen = await panel(workbench).locator('#app').innerText();
    assert.ok(onScreen.includes(sampleIds.voice), 'the panel says which contact it is for');
    assert.deepEqual(values.filter((value) => onScreen.includes(value)), [], `a field of the contact is on screen:\n${onScreen}`);
    assert.equal(await panelTree(workbench).locator('[role="treeitem"]').count(), 0);
    await workbench.screenshot('panel-restore-failed');

    endpoint.clearFaults();
    await banner().locator('vscode-button.banner-retry').click();
    await panelRow(workbench, 'Name').waitFor();
    assert.equal(await banner().isVisible(), false, 'the error clears when the fetch succeeds');
    assert.equal(await panel(workbench).locator('.contact-header .channel').innerText(), 'VOICE');
    assert.ok((await panelRows(workbench)).some((row) => row.key === 'Name' && row.value === doc.Contact.Name));
    await workbench.waitForActiveTab(`VOICE · ${sampleIds.voice.slice(0, 8)}`);
  });
});
