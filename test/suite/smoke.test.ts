// The extension is installed in the real extension host, activates, and its commands exist;
// the runner's wiring (settings, AWS files) reaches the host as the other suites expect.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { declaredCommandIds } from '../../src/commands';
import type { ExtensionApi } from '../../src/extension';
import { readTestEnv } from './testEnv';

const extensionId = 'connect-contact-tools.connect-contact-explorer';

describe('extension smoke', () => {
  it('is installed and activates without error', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the installed extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers the Describe Contact command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('connectContacts.describeContact'), 'connectContacts.describeContact is not registered');
  });

  it('registers every command the manifest declares, each with a handler in the command table', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId)!;
    const declared = declaredCommandIds(extension.packageJSON as Parameters<typeof declaredCommandIds>[0]);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !registered.has(id)), []);
    // Activation registers the manifest's ids; the handlers come with the features chunk.
    const handlers = Object.keys((await extension.activate()).commands);
    assert.deepEqual([...handlers].sort(), [...declared].sort());
  });

  it('opens the bundled sample contact offline, from its own ARN', async () => {
    const api = (await vscode.extensions.getExtension<ExtensionApi>(extensionId)!.activate());
    await vscode.commands.executeCommand('connectContacts.openSampleContact');
    const panel = api.panels.all().find((p) => p.ref.profile === 'sample');
    assert.ok(panel, 'no sample panel');
    assert.equal(panel.ref.region, 'us-east-1');
    assert.equal(panel.ref.instanceId, '11111111-1111-4111-8111-111111111111');
    assert.equal(panel.webviewPanel.title, `VOICE · ${panel.ref.contactId.slice(0, 8)}`);
    panel.webviewPanel.dispose();
  });

  it('sees the endpoint and profile settings the runner wrote', () => {
    const env = readTestEnv();
    assert.match(env.endpointUrl, /^http:\/\/127\.0\.0\.1:\d+\/?$/, 'the runner passed no local endpoint URL');
    const config = vscode.workspace.getConfiguration('connectContacts');
    assert.equal(config.get('endpointUrl'), env.endpointUrl);
    assert.equal(config.get('profile'), env.profile);
  });

  it('reads AWS profiles from the test fixtures, not the machine', () => {
    const configFile = process.env.AWS_CONFIG_FILE;
    assert.ok(configFile, 'AWS_CONFIG_FILE is not set in the extension host');
    assert.match(fs.readFileSync(configFile, 'utf8'), /\[profile local\]/);
  });
});
