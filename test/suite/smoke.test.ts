// The extension is installed in the real extension host, activates, and its commands exist;
// the runner's wiring (settings, AWS files) reaches the host as the other suites expect.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { declaredCommandIds } from '../../src/commands';
import { extensionApi, extensionId } from './extensionApi';
import { readTestEnv } from './testEnv';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
}

describe('extension smoke', () => {
  it('is installed and activates without error', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the installed extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers exactly the commands the manifest declares, each with a handler in the command table', async () => {
    const hooks = await extensionApi(); // activates
    const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON as Manifest;
    const declared = declaredCommandIds(manifest).sort();
    // The workbench adds commands of its own for each view (`connectContacts.contacts.focus`, …).
    const viewPrefixes = Object.values(manifest.contributes.views).flat().map((v) => `${v.id}.`);
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('connectContacts.') && !viewPrefixes.some((p) => id.startsWith(p)))
      .sort();
    assert.deepEqual(registered, declared);
    // Activation registers the manifest's ids; the handlers come with the features chunk.
    assert.deepEqual(Object.keys(hooks.commands).sort(), declared);
  });

  it('opens the bundled sample contact offline, from its own ARN', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('connectContacts.openSampleContact');
    const panel = api.panels.all().find((p) => p.ref.profile === '(sample)');
    assert.ok(panel, 'no sample panel');
    assert.equal(panel.ref.region, 'us-east-1');
    assert.equal(panel.ref.instanceId, '11111111-1111-4111-8111-111111111111');
    assert.equal(panel.webviewPanel.title, `VOICE · ${panel.ref.contactId.slice(0, 8)}`);
    // Refresh says it is a sample instead of failing on a profile that does not exist.
    const errors = api.shownErrors.length;
    await panel.refresh();
    assert.equal(api.shownErrors.length, errors, `refreshing the sample showed an error: ${api.shownErrors.at(-1)?.text}`);
    assert.equal(panel.failed, false);
    assert.equal(panel.doc?.Contact.Id, panel.ref.contactId);
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
