// Amazon Connect: Describe Contact in the real extension host, against the local endpoint:
// the panel opens with the right contact, and each error kind produces its message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import type { DescribeResult } from '../../src/describeContact';
import { endpointControl, extensionApi, nextError, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

const describe_ = (args: unknown) => vscode.commands.executeCommand<DescribeResult | undefined>('connectContacts.describeContact', args);

describe('Describe Contact (command with arguments)', function () {
  this.timeout(30_000);
  const env = readTestEnv();

  afterEach(async () => {
    await endpointControl.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a panel titled with the channel and short ID, holding the contact the endpoint served', async () => {
    const api = await extensionApi();
    const result = await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.voice });
    assert.ok(result, 'the command returned no contact');
    assert.equal(result.contact.Contact.Id, sampleIds.voice);
    assert.equal(result.contact.Contact.Channel, 'VOICE');
    assert.deepEqual(result.ref, { profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.voice });
    const panel = await waitFor('the contact panel', () => api.panels.find(result.ref));
    assert.equal(panel.webviewPanel.title, `VOICE · ${sampleIds.voice.slice(0, 8)}`);
    assert.equal(panel.doc.Contact.Id, sampleIds.voice);
    // Timestamps arrive as ISO 8601, the way `aws connect describe-contact` prints them.
    assert.match(String(result.contact.Contact.InitiationTimestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it('keeps a V8 code cache of the features and SDK chunks in global storage, for the next session', async () => {
    const api = await extensionApi();
    assert.ok(await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.voice }));
    // Written a few seconds after the chunks first load (src/lazyChunk.ts).
    const folder = path.join(api.services.context.globalStorageUri.fsPath, 'code-cache');
    // Written by this extension host, not left by an earlier run in the same user data.
    const hostStarted = Date.now() - process.uptime() * 1000;
    const files = await waitFor('both code caches', () => {
      const names = fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => fs.statSync(path.join(folder, n)).mtimeMs >= hostStarted) : [];
      return names.some((n) => /^sdk-[0-9a-f]{16}\.v8cache$/.test(n)) && names.some((n) => /^features-[0-9a-f]{16}\.v8cache$/.test(n)) ? names : undefined;
    }, 20_000);
    for (const name of files) assert.ok(fs.statSync(path.join(folder, name)).size > 10_000, `${name} is nearly empty`);
  });

  it('focuses the existing panel when the same contact is described again', async () => {
    const api = await extensionApi();
    const first = await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.chat });
    assert.ok(first);
    const panel = await waitFor('the panel', () => api.panels.find(first.ref));
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.chat });
    const contactTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('connectContacts.contact'));
    assert.equal(contactTabs.length, 1, 'a second panel was opened for the same contact');
    assert.equal(api.panels.find(first.ref), panel);
    await waitFor('the panel to come to the front', () => panel.webviewPanel.active);
  });

  it('takes the instance and region from a pasted contact ARN, over the region passed in', async () => {
    const result = await describe_({ contactId: `  "${sampleContactArn(sampleIds.instanceB, sampleIds.salesChat)}" `, region: 'eu-west-2' });
    assert.ok(result);
    assert.equal(result.ref.instanceId, sampleIds.instanceB);
    assert.equal(result.ref.region, sampleIds.region);
    assert.equal(result.contact.Contact.Id, sampleIds.salesChat);
  });

  it('restores a panel from its saved state after a reload, without calling AWS', async () => {
    const api = await extensionApi();
    const ref = { profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.task };
    const contact = await api.services.contacts.get(ref);
    await endpointControl.clearRequests();
    const webviewPanel = vscode.window.createWebviewPanel('connectContacts.contact', 'Contact', vscode.ViewColumn.Active, { enableScripts: true });
    await api.panels.deserializeWebviewPanel(webviewPanel, { ref, contact, fetchedAt: '2026-01-01T00:00:00.000Z', timeZone: 'utc' });
    const restored = api.panels.find(ref);
    assert.ok(restored, 'no panel after restore');
    assert.deepEqual(restored.doc, contact);
    assert.equal(webviewPanel.title, `TASK · ${sampleIds.task.slice(0, 8)}`);
    assert.deepEqual(await endpointControl.requests(), []);
  });

  it('records the lookup in the history, newest first', async () => {
    const api = await extensionApi();
    await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.task });
    const [newest] = api.services.history.entries({ instanceId: sampleIds.instanceA });
    assert.equal(newest.contactId, sampleIds.task);
    assert.equal(newest.channel, 'TASK');
  });

  it('says an unknown contact was not found, that contacts are kept 24 months, and gives the request ID', async () => {
    const api = await extensionApi();
    const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.missingContact }));
    assert.equal(shown.info.kind, 'NotFound');
    assert.match(shown.text, /24 months/);
    assert.match(shown.text, /region|instance/i);
    assert.ok(shown.info.requestId, 'no request ID');
    assert.ok(shown.text.includes(shown.info.requestId));
    assert.ok(shown.actions.includes('Select Region'));
  });

  it('rejects a malformed instance ID with its validation message and sends no request', async () => {
    const api = await extensionApi();
    await endpointControl.clearRequests();
    const shown = await nextError(api, () => describe_({ instanceId: 'not an id!', contactId: sampleIds.voice }));
    assert.equal(shown.info.kind, 'InvalidInput');
    assert.match(shown.text, /instance/i);
    assert.deepEqual(await endpointControl.requests(), []);
  });

  it('rejects an instance ARN pasted as the contact', async () => {
    const api = await extensionApi();
    const shown = await nextError(api, () =>
      describe_({ contactId: `arn:aws:connect:us-east-1:123456789012:instance/${sampleIds.instanceA}` }),
    );
    assert.equal(shown.info.kind, 'InvalidInput');
    assert.match(shown.text, /instance ARN, not a contact ARN/);
  });

  it('reports throttling after the configured attempts, with Retry', async () => {
    const api = await extensionApi();
    await endpointControl.setFaults({ throttle: 50, operation: 'DescribeContact' });
    const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.email }));
    assert.equal(shown.info.kind, 'Throttling');
    assert.ok(shown.actions.includes('Retry'));
  });

  it('succeeds when the endpoint throttles once and then answers', async () => {
    await endpointControl.setFaults({ throttle: 1, operation: 'DescribeContact' });
    const result = await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.email });
    assert.equal(result?.contact.Contact.Channel, 'EMAIL');
  });

  it('reports a server error', async () => {
    const api = await extensionApi();
    await endpointControl.setFaults({ status500: true, operation: 'DescribeContact' });
    const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.callback }));
    assert.equal(shown.info.kind, 'ServiceError');
  });

  it('reports a malformed response', async () => {
    const api = await extensionApi();
    await endpointControl.setFaults({ malformedJson: true, operation: 'DescribeContact' });
    const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.webrtc }));
    assert.equal(shown.info.kind, 'MalformedResponse');
  });

  it('names an unknown profile and offers Select Profile', async () => {
    const api = await extensionApi();
    const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.voice, profile: 'no-such-profile' }));
    assert.equal(shown.info.kind, 'UnknownProfile');
    assert.match(shown.text, /no-such-profile/);
    assert.ok(shown.actions.includes('Select Profile'));
  });

  it('applies a changed endpoint setting on the next call, without a reload', async () => {
    const api = await extensionApi();
    const config = vscode.workspace.getConfiguration('connectContacts');
    await config.update('endpointUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.chatAbandoned }));
      assert.equal(shown.info.kind, 'ConnectionRefused');
      assert.ok(shown.actions.includes('Open Settings'));
    } finally {
      await config.update('endpointUrl', env.endpointUrl, vscode.ConfigurationTarget.Global);
    }
    const result = await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.chatAbandoned });
    assert.equal(result?.contact.Contact.Id, sampleIds.chatAbandoned);
  });

  it('keeps the tree when a refresh fails', async () => {
    const api = await extensionApi();
    const result = await describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.maximal });
    assert.ok(result);
    const panel = await waitFor('the panel', () => api.panels.find(result.ref));
    await endpointControl.setFaults({ status500: true, operation: 'DescribeContact' });
    await panel.refresh();
    assert.equal(panel.doc.Contact.Id, sampleIds.maximal);
    assert.equal(api.panels.find(result.ref), panel);
  });
});
