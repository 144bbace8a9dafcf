// Lookups share one preview panel, as VS Code's preview editor does: the next lookup shows its
// contact in the same webview (only a message crosses) unless the person kept the panel; with
// workbench.editor.enablePreview off, every lookup gets its own panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleIds } from '../endpoint/sampleIds';
import type { DescribeResult } from '../../src/describe/describeContact';
import { endpointControl, extensionApi, waitFor } from './extensionApi';

const describe_ = (contactId: string) =>
  vscode.commands.executeCommand<DescribeResult | undefined>('connectContacts.describeContact', { instanceId: sampleIds.instanceA, contactId });

function contactTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('connectContacts.contact'));
}

describe('the preview panel', function () {
  this.timeout(30_000);

  afterEach(async () => {
    await endpointControl.clearFaults();
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the next lookup in the same panel and webview, titled for the new contact', async () => {
    const api = await extensionApi();
    const first = await describe_(sampleIds.voice);
    assert.ok(first);
    const panel = await waitFor('the panel', () => api.panels.find(first.ref));
    assert.equal(api.panels.preview(), panel);
    const second = await describe_(sampleIds.chat);
    assert.ok(second);
    assert.equal(contactTabs().length, 1, 'a lookup opened a second panel beside the preview');
    assert.equal(api.panels.find(second.ref), panel, 'the preview panel shows the new contact');
    assert.equal(api.panels.find(first.ref), undefined, 'the first contact is no longer on screen');
    assert.equal(panel.webviewPanel.title, `CHAT · ${sampleIds.chat.slice(0, 8)}`);
    await waitFor('the tab to be retitled', () => contactTabs()[0]?.label === `CHAT · ${sampleIds.chat.slice(0, 8)}`);
  });

  it('keeps a panel the person keeps, and opens the next lookup in a new preview beside it', async () => {
    const api = await extensionApi();
    const first = await describe_(sampleIds.voice);
    assert.ok(first);
    const kept = await waitFor('the panel', () => api.panels.find(first.ref));
    await vscode.commands.executeCommand('connectContacts.keepPanelOpen');
    assert.equal(kept.preview, false);
    const second = await describe_(sampleIds.chat);
    assert.ok(second);
    await waitFor('a second tab', () => contactTabs().length === 2);
    assert.equal(api.panels.find(first.ref), kept, 'the kept panel still shows its contact');
    const preview = api.panels.find(second.ref);
    assert.ok(preview && preview !== kept && preview.preview);
    // Looking up the kept contact again brings its panel forward rather than replacing the preview.
    await describe_(sampleIds.voice);
    assert.equal(contactTabs().length, 2);
    await waitFor('the kept panel in front', () => kept.webviewPanel.active);
  });

  it('opens a panel per lookup when workbench.editor.enablePreview is off', async () => {
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', false, vscode.ConfigurationTarget.Global);
    const api = await extensionApi();
    const first = await describe_(sampleIds.voice);
    const second = await describe_(sampleIds.chat);
    assert.ok(first && second);
    await waitFor('a tab per lookup', () => contactTabs().length === 2);
    assert.equal(api.panels.preview(), undefined);
    assert.notEqual(api.panels.find(first.ref), api.panels.find(second.ref));
  });

  it('brings an already open contact forward at once and refreshes it there', async () => {
    const api = await extensionApi();
    const first = await describe_(sampleIds.voice);
    assert.ok(first);
    await endpointControl.clearRequests();
    const again = await describe_(sampleIds.voice);
    assert.equal(again?.contact.Contact.Id, sampleIds.voice);
    const describes = (await endpointControl.requests()).filter((r) => r.operation === 'DescribeContact');
    assert.equal(describes.length, 1, 'one refresh, not a lookup and then a refresh');
    assert.equal(contactTabs().length, 1);
    assert.equal(api.panels.find(first.ref)?.webviewPanel.active, true);
  });

  it('opens a new panel while its contact is fetched, so the page loads during the call', async () => {
    const api = await extensionApi();
    await endpointControl.setFaults({ latencyMs: 1500, operation: 'DescribeContact' });
    const lookup = describe_(sampleIds.task);
    const tab = await waitFor('a panel before the contact arrives', () => contactTabs()[0]);
    assert.equal(tab.label, `Contact · ${sampleIds.task.slice(0, 8)}`);
    const result = await lookup;
    assert.ok(result);
    assert.equal(api.panels.find(result.ref)?.doc?.Contact.Id, sampleIds.task);
    await waitFor('the tab titled for the contact', () => contactTabs()[0]?.label === `TASK · ${sampleIds.task.slice(0, 8)}`);
    assert.equal(contactTabs().length, 1);
  });

  it('closes that panel again when the lookup fails, and says why', async () => {
    const api = await extensionApi();
    const errors = api.shownErrors.length;
    const result = await describe_(sampleIds.missingContact);
    assert.equal(result, undefined);
    assert.equal(api.shownErrors.at(-1)?.info.kind, 'NotFound');
    assert.ok(api.shownErrors.length > errors);
    await waitFor('no contact panel left open', () => contactTabs().length === 0);
    assert.equal(api.panels.all().length, 0);
  });
});
