// Amazon Connect: Describe Contact in the real extension host, against the local endpoint:
// the panel opens with the right contact, and each error kind produces its message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import type { DescribeResult } from '../../src/describe/describeContact';
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
    assert.equal(panel.doc?.Contact.Id, sampleIds.voice);
    // Timestamps arrive as ISO 8601, the way `aws connect describe-contact` prints them.
    assert.match(result.contact.Contact.InitiationTimestamp as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
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
  });

  it('offers Edit ID and Look in other instances for a contact not found in a listed instance; no Retry, no Select Region', async () => {
    const api = await extensionApi();
    const shown = await nextError(api, () => describe_({ instanceId: sampleIds.instanceA, contactId: sampleIds.missingContact }));
    assert.equal(shown.info.kind, 'NotFound');
    // The instance is listed in this profile and region: the region is not the likely cause.
    assert.deepEqual(shown.actions, ['Edit ID', 'Look in other instances']);
  });

  it('offers Select Region too when the instance is not listed in the profile and region', async () => {
    const api = await extensionApi();
    const unlisted = '44444444-4444-4444-8444-444444444444';
    const shown = await nextError(api, () => describe_({ instanceId: unlisted, contactId: sampleIds.voice }));
    assert.equal(shown.info.kind, 'NotFound');
    assert.deepEqual(shown.actions, ['Edit ID', 'Look in other instances', 'Select Region']);
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
});
