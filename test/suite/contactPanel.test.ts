// The contact panel in the real extension host, against the local endpoint: a restored panel
// trusts only the reference in its saved state and fetches the contact again; closing a panel
// cancels its refresh.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DescribeResult } from '../../src/describe/describeContact';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { endpointControl, extensionApi, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

const describe_ = (args: unknown) => vscode.commands.executeCommand<DescribeResult | undefined>('connectContacts.describeContact', args);

/** A fresh webview panel of the contact panel's type, as VS Code hands one to the serializer. */
function restoringPanel(): { webviewPanel: vscode.WebviewPanel; disposed: () => boolean } {
  const webviewPanel = vscode.window.createWebviewPanel('connectContacts.contact', 'Contact', vscode.ViewColumn.Active, { enableScripts: true });
  let disposed = false;
  webviewPanel.onDidDispose(() => (disposed = true));
  return { webviewPanel, disposed: () => disposed };
}

const describeRequestsFor = async (contactId: string) =>
  (await endpointControl.requests()).filter((r) => r.operation === 'DescribeContact' && r.path.includes(contactId));

describe('Contact panel: restore and refresh', function () {
  this.timeout(30_000);
  const env = readTestEnv();
  const refFor = (contactId: string) => ({ profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId });

  afterEach(async () => {
    await endpointControl.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restores from the reference alone: fetches the contact again and never shows the one an old state carried', async () => {
    const api = await extensionApi();
    const ref = refFor(sampleIds.task);
    const fresh = await api.services.contacts.get(ref);
    const stale = { Contact: { ...fresh.Contact, Channel: 'STALE', Name: 'Stale copy from disk', Attributes: { card: '4111 1111 1111 1111' } } };
    await endpointControl.clearRequests();
    // Held a moment, so the panel is seen before the contact arrives.
    await endpointControl.setFaults({ hangMs: 800, operation: 'DescribeContact' });
    const { webviewPanel } = restoringPanel();
    await api.panels.deserializeWebviewPanel(webviewPanel, { ref, contact: stale, fetchedAt: '2026-01-01T00:00:00.000Z', timeZone: 'utc' });
    const restored = api.panels.find(ref);
    assert.ok(restored, 'no panel after restore');
    assert.equal(restored.doc, undefined, 'the stale contact from saved state was taken');
    assert.equal(webviewPanel.title, `Contact · ${sampleIds.task.slice(0, 8)}`);
    const doc = await waitFor('the contact fetched again', () => restored.doc);
    assert.deepEqual(doc, fresh);
    assert.equal(webviewPanel.title, `TASK · ${sampleIds.task.slice(0, 8)}`);
    assert.equal((await describeRequestsFor(sampleIds.task)).length, 1, 'one DescribeContact for the restored panel');
  });

  it('restores from a state with extra fields and malformed view fields, keeping only the reference', async () => {
    const api = await extensionApi();
    const ref = refFor(sampleIds.chat);
    const { webviewPanel, disposed } = restoringPanel();
    await api.panels.deserializeWebviewPanel(webviewPanel, {
      ref: { ...ref, secret: 'x' },
      timeZone: 'Mars/Olympus',
      expanded: 5,
      filter: { evil: true },
      junk: [1, 2, 3],
    });
    assert.equal(disposed(), false);
    const restored = api.panels.find(ref);
    assert.ok(restored, 'no panel after restore');
    assert.deepEqual(restored.ref, ref);
    const doc = await waitFor('the contact fetched again', () => restored.doc);
    assert.equal(doc.Contact.Id, sampleIds.chat);
  });

  const valid = { profile: 'local', region: 'us-east-1', instanceId: sampleIds.instanceA, contactId: sampleIds.voice };
  const oldContact = { Contact: { Id: sampleIds.voice, Channel: 'VOICE', CustomerEndpoint: { Address: '+12065550142' } } };
  const badStates: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', JSON.stringify({ ref: valid })],
    ['a number', 7],
    ['an array', [valid]],
    ['no ref', { contact: oldContact, fetchedAt: '2026-01-01T00:00:00.000Z', timeZone: 'utc' }],
    ['a null ref', { ref: null, contact: oldContact }],
    ['a ref without a contact ID', { ref: { ...valid, contactId: undefined }, contact: oldContact, fetchedAt: 'x' }],
    ['a ref without a profile', { ref: { ...valid, profile: undefined }, contact: oldContact, fetchedAt: 'x' }],
    ['a numeric instance ID', { ref: { ...valid, instanceId: 1111 }, contact: oldContact, fetchedAt: 'x' }],
    ['an object region', { ref: { ...valid, region: { name: 'us-east-1' } }, contact: oldContact, fetchedAt: 'x' }],
    ['an empty contact ID', { ref: { ...valid, contactId: '' }, contact: oldContact, fetchedAt: 'x' }],
    ['a contact ARN as the contact ID', { ref: { ...valid, contactId: sampleContactArn(sampleIds.instanceA, sampleIds.voice) }, contact: oldContact, fetchedAt: 'x' }],
    ['a URL as the instance ID', { ref: { ...valid, instanceId: 'https://evil.example/' }, contact: oldContact, fetchedAt: 'x' }],
  ];
  for (const [name, state] of badStates) {
    it(`closes a restored panel whose saved state has ${name}, and calls nothing`, async () => {
      const api = await extensionApi();
      await endpointControl.clearRequests();
      const { webviewPanel, disposed } = restoringPanel();
      await api.panels.deserializeWebviewPanel(webviewPanel, state);
      assert.equal(disposed(), true, 'the panel was kept');
      assert.ok(!api.panels.all().some((p) => p.webviewPanel === webviewPanel));
      assert.deepEqual(await endpointControl.requests(), []);
    });
  }

  it('cancels a refresh when its panel closes: the request is abandoned and nothing reaches the closed panel', async () => {
    const api = await extensionApi();
    const lastError = api.shownErrors.at(-1);
    const result = await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.email });
    assert.ok(result);
    const panel = await waitFor('the panel', () => api.panels.find(result.ref));
    await endpointControl.clearRequests();
    const holdMs = 2000;
    await endpointControl.setFaults({ hangMs: holdMs, operation: 'DescribeContact' });
    const refreshing = panel.refresh();
    await waitFor('the refresh to reach the endpoint', async () => (await describeRequestsFor(sampleIds.email)).length > 0);
    const closedAt = Date.now();
    panel.webviewPanel.dispose();
    await refreshing; // without an error, and at once: nothing waits for the endpoint's answer
    assert.ok(Date.now() - closedAt < holdMs / 2, `the refresh ended ${Date.now() - closedAt} ms after the close, not when the endpoint answered`);
    assert.equal(api.panels.find(result.ref), undefined);
    // Past the endpoint's hold: an abandoned request is never answered (status 0), a live one gets 200.
    await new Promise((resolve) => setTimeout(resolve, holdMs + 500));
    assert.deepEqual((await describeRequestsFor(sampleIds.email)).map((r) => r.status), [0]);
    assert.equal(api.shownErrors.at(-1), lastError, `an error was shown: ${api.shownErrors.at(-1)?.text}`);
  });
});
