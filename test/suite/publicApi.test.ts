// What `activate` returns, as another extension sees it: `describeContact` opens the contact's
// panel. The test hooks are there only because this host runs the extension in test mode
// (production is covered by test/unit/extensionApi.test.ts); the error list they expose is bounded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleIds } from '../endpoint/sampleIds';
import { activatedExports, extensionApi, waitFor } from './extensionApi';

const contactTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('connectContacts.contact'));

describe('the extension API', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('gives describeContact to every caller, and the test hooks because the extension host is in test mode', async () => {
    // The code-server runner loads the extension with extensionTestsPath: ExtensionMode.Test.
    assert.deepEqual(Object.keys(await activatedExports()).sort(), ['describeContact', 'testing']);
  });

  it('describeContact opens the contact panel and resolves with the contact', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { describeContact } = await activatedExports();
    const result = await describeContact({ instanceId: sampleIds.instanceA, contactId: sampleIds.callback });
    assert.equal(result?.contact.Contact.Id, sampleIds.callback);
    const tab = await waitFor('the contact panel tab', () => contactTabs().find((t) => t.label.endsWith(`· ${sampleIds.callback.slice(0, 8)}`)));
    assert.equal(tab.isActive, true);
    assert.equal(contactTabs().length, 1);
  });

  it('describeContact rejects a call without a contact ID, and prompts for nothing', async () => {
    const { describeContact } = await activatedExports();
    await assert.rejects(describeContact({ instanceId: sampleIds.instanceA } as Parameters<typeof describeContact>[0]), TypeError);
    assert.equal(contactTabs().length, 0);
  });

  it('keeps only the newest 50 errors it showed', async () => {
    const api = await extensionApi();
    // Each ID has its space at another position, so each error's text says which lookup it was.
    for (let i = 1; i <= 60; i++) {
      await vscode.commands.executeCommand('connectContacts.describeContact', { instanceId: sampleIds.instanceA, contactId: `${'a'.repeat(i)} b` });
    }
    const positions = () => api.shownErrors.map((e) => Number(/at position (\d+)/.exec(e.text)?.[1]));
    await waitFor('the 60th error', () => positions().includes(61));
    assert.deepEqual(positions(), Array.from({ length: 50 }, (_, k) => k + 12));
  });
});
