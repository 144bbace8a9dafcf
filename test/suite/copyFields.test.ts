// Copy fields into the editor, in the real extension host: what lands on the clipboard and in
// the editor is exactly the value; every copied path selects its value (checked with jmespath).
import * as assert from 'node:assert/strict';
import * as jmespath from 'jmespath';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { ContactRef } from '../../src/aws/types';
import { formatCliJson, type ContactDocument } from '../../src/contact/contactDocument';
import { buildFieldTree } from '../../src/contact/fieldTree';
import type { FieldNode } from '../../src/contact/fieldNode';
import { toJmesPath } from '../../src/contact/paths';
import { sampleIds } from '../endpoint/sampleIds';
import { extensionApi, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

function leaves(node: FieldNode): FieldNode[] {
  const out: FieldNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children && n.children.length) stack.push(...n.children);
    else if (!n.children) out.push(n);
  }
  return out;
}

/**
 * A contact panel's webview as the host sees it, played by the test: `post` delivers what the page
 * would post (a webview in the workbench cannot be made to post from here).
 */
function playedWebviewPanel(): { webviewPanel: vscode.WebviewPanel; post(message: unknown): void } {
  const received = new vscode.EventEmitter<unknown>();
  const disposed = new vscode.EventEmitter<void>();
  const webview = { options: {}, html: '', cspSource: 'vscode-webview:', asWebviewUri: (uri: vscode.Uri) => uri, onDidReceiveMessage: received.event, postMessage: () => Promise.resolve(true) };
  const webviewPanel: vscode.WebviewPanel = {
    viewType: 'connectContacts.contact', title: '', webview, options: {}, viewColumn: vscode.ViewColumn.One, active: true, visible: true,
    onDidDispose: disposed.event, onDidChangeViewState: new vscode.EventEmitter<vscode.WebviewPanelOnDidChangeViewStateEvent>().event,
    reveal: () => undefined,
    dispose: () => disposed.fire(),
  };
  return { webviewPanel, post: (m) => received.fire(m) };
}

// A command can return nothing: the result is T or undefined.
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`connectContacts.${command}`, ...args);

describe('Copy fields into the editor', function () {
  this.timeout(120_000);
  const env = readTestEnv();
  let ref: ContactRef;
  let hostile: ContactRef;
  let doc: ContactDocument;
  let hostileDoc: ContactDocument;

  before(async () => {
    const api = await extensionApi();
    ref = { profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.maximal };
    hostile = { profile: env.profile, region: env.region, instanceId: sampleIds.instanceB, contactId: sampleIds.hostile };
    doc = await api.services.contacts.get(ref);
    hostileDoc = await api.services.contacts.get(hostile);
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Copy Value puts the raw value on the clipboard: an ISO timestamp, a nested structure as JSON', async () => {
    await run('copyValue', { ref, path: ['Contact', 'InitiationTimestamp'] });
    assert.equal(await vscode.env.clipboard.readText(), doc.Contact.InitiationTimestamp);
    await run('copyValue', { ref, path: ['Contact', 'AgentInfo'] });
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), doc.Contact.AgentInfo);
  });

  it('Copy Path gives a JMESPath usable with --query', async () => {
    await run('copyPath', { ref, path: ['Contact', 'AgentInfo', 'HierarchyGroups', 'Level1', 'Arn'] });
    assert.equal(await vscode.env.clipboard.readText(), 'Contact.AgentInfo.HierarchyGroups.Level1.Arn');
    await run('copyPath', { ref, path: ['Contact', 'Recordings', 0, 'Location'] });
    assert.equal(await vscode.env.clipboard.readText(), 'Contact.Recordings[0].Location');
  });

  it('every leaf of the maximal contact: the copied path selects exactly the copied value', async () => {
    const all = leaves(buildFieldTree(doc, { timeZone: 'utc' }));
    assert.ok(all.length > 100, `only ${all.length} leaves in the maximal contact`);
    for (const leaf of all) {
      const path = await run<string>('copyPath', { ref, path: leaf.path });
      assert.equal(await vscode.env.clipboard.readText(), path);
      const value = await run<string>('copyValue', { ref, path: leaf.path });
      const selected: unknown = jmespath.search(doc, path!);
      const expected = typeof selected === 'string' ? selected : JSON.stringify(selected, null, 4);
      assert.equal(value, expected, `value at ${path}`);
    }
  });

  it('Copy as JSON copies the subtree with its key', async () => {
    await run('copyJson', { ref, path: ['Contact', 'QueueInfo'] });
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), { QueueInfo: doc.Contact.QueueInfo });
  });

  it('hostile strings round-trip to the clipboard unchanged: quotes, newlines, tabs, emoji, bidi marks', async () => {
    const tree = buildFieldTree(hostileDoc, { timeZone: 'utc' });
    const strings = leaves(tree).filter((l) => typeof l.value === 'string' && l.path.length < 6).slice(0, 40);
    assert.ok(strings.some((s) => /[<"\n\u202e]/.test(String(s.value))), 'the hostile sample has no hostile strings');
    for (const leaf of strings) {
      await run('copyValue', { ref: hostile, path: leaf.path });
      assert.equal(await vscode.env.clipboard.readText(), leaf.value);
    }
  });

  it('Insert into Editor replaces every selection of the last active editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'A\nB\nC' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selections = [new vscode.Selection(0, 0, 0, 1), new vscode.Selection(2, 0, 2, 1)];
    await run('insertIntoEditor', { ref, path: ['Contact', 'Channel'] });
    const channel = doc.Contact.Channel as string;
    assert.equal(document.getText(), `${channel}\nB\n${channel}`);
  });

  it('Insert into Editor with no editor opens a new untitled document with the value', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await run('insertIntoEditor', { ref, path: ['Contact', 'SegmentAttributes'] });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.deepEqual(JSON.parse(editor.document.getText()), doc.Contact.SegmentAttributes);
    // Leave no dirty untitled document (and its backup) behind for the next tests.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Copy as AWS CLI Command names the contact, profile, region and endpoint, with --query for a field', async () => {
    const text = await run<string>('copyCliCommand', { ref, path: ['Contact', 'Channel'] });
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.equal(
      text,
      `aws connect describe-contact --instance-id ${ref.instanceId} --contact-id ${ref.contactId} --profile ${env.profile} --region ${env.region} --endpoint-url ${env.endpointUrl} --query 'Contact.Channel'`,
    );
  });

  it('several selected fields copy as path: value lines', async () => {
    const a = { ref, path: ['Contact', 'Channel'] };
    const b = { ref, path: ['Contact', 'InitiationMethod'] };
    await run('copyValue', a, [a, b]);
    assert.equal(await vscode.env.clipboard.readText(), `Contact.Channel: ${doc.Contact.Channel as string}\nContact.InitiationMethod: ${doc.Contact.InitiationMethod as string}`);
  });

  it('the panel\'s copy keybindings copy the focused field, even under a 32,767-character attribute key; a path refused copies nothing', async () => {
    const api = await extensionApi();
    const panelRef = { ...ref, contactId: sampleIds.callback };
    const played = playedWebviewPanel();
    try {
      await api.panels.deserializeWebviewPanel(played.webviewPanel, { ref: panelRef });
      const panel = api.panels.find(panelRef);
      assert.ok(panel, 'no panel');
      const fetched = await waitFor('the contact', () => panel.doc);
      // AttributeName's maximum in Connect's model.
      const longKey = 'k'.repeat(32_767);
      panel.update({ Contact: { ...fetched.Contact, Attributes: { ...(fetched.Contact.Attributes as object), [longKey]: 'the long key\'s value' } } });
      played.post({ type: 'ready' });
      played.post({ type: 'selection', path: ['Contact', 'Channel'] });
      played.post({ type: 'selection', path: ['Contact', 'Attributes', longKey] });
      const clipboardIs = (text: string) => waitFor(`the clipboard to hold ${text.slice(0, 40)}`, async () => (await vscode.env.clipboard.readText()) === text, 5000);
      // The keybindings' argument (package.json): they act on the row the webview last said is focused.
      await run('copyValue', { source: 'panel' });
      await clipboardIs('the long key\'s value');
      await run('copyPath', { source: 'panel' });
      await clipboardIs(toJmesPath(['Contact', 'Attributes', longKey]));

      played.post({ type: 'selection', path: ['Contact', 'Attributes', 'k'.repeat(32_768)] });
      await vscode.env.clipboard.writeText('untouched');
      await run('copyValue', { source: 'panel' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await vscode.env.clipboard.readText(), 'untouched', 'the field focused before is not copied');
    } finally {
      played.webviewPanel.dispose();
    }
  });

  it('Copy as JSON over the same field of two contacts keeps each contact\'s value, by contact ID', async () => {
    const chat = { ...ref, contactId: sampleIds.chat };
    const a = { ref, path: ['Contact', 'Channel'] };
    const b = { ref: chat, path: ['Contact', 'Channel'] };
    const c = { ref, path: ['Contact', 'InitiationMethod'] };
    await run('copyJson', a, [a, b, c]);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      [sampleIds.maximal]: { 'Contact.Channel': doc.Contact.Channel, 'Contact.InitiationMethod': doc.Contact.InitiationMethod },
      [sampleIds.chat]: { 'Contact.Channel': 'CHAT' },
    });
    // Fields of one contact stay one object keyed by path.
    await run('copyJson', a, [a, c]);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      'Contact.Channel': doc.Contact.Channel,
      'Contact.InitiationMethod': doc.Contact.InitiationMethod,
    });
  });

  it('Open as JSON shows the contact exactly as the CLI prints it; YAML is offered too', async () => {
    const json = await run<vscode.TextEditor>('openAsJson', { ref });
    assert.equal(json?.document.languageId, 'json');
    assert.equal(json?.document.getText(), formatCliJson(doc));
    const yaml = await run<vscode.TextEditor>('openAsYaml', { ref });
    assert.equal(yaml?.document.languageId, 'yaml');
    assert.deepEqual(parseYaml(yaml.document.getText()), doc);
  });
});
