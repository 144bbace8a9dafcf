// Open as JSON / YAML in the real extension host: read-only documents named after the contact,
// held in memory (never untitled, so never dirty, never backed up to disk); Copy Contact ID / ARN.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { ContactRef } from '../../src/aws/types';
import { formatCliJson, type ContactDocument } from '../../src/contact/contactDocument';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { endpointControl, extensionApi, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

// A command can return nothing: the result is T or undefined.
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`connectContacts.${command}`, ...args);

describe('Open as JSON / YAML and Copy Contact ID / ARN', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  let ref: ContactRef;
  let doc: ContactDocument;

  before(async () => {
    const api = await extensionApi();
    ref = { profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.chat };
    doc = await api.services.contacts.get(ref);
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a read-only document named after the contact, never an untitled one', async () => {
    const editor = await run<vscode.TextEditor>('openAsJson', { ref });
    assert.ok(editor);
    const document = editor.document;
    assert.equal(document.uri.scheme, 'connect-contact');
    assert.equal(document.uri.path, `/CHAT-${sampleIds.chat.slice(0, 8)}.json`);
    assert.equal(document.isUntitled, false);
    assert.equal(document.languageId, 'json');
    assert.equal(document.getText(), formatCliJson(doc));
    // Not a file nor untitled: VS Code never marks it dirty nor backs it up, and its editor is
    // read-only (the UI test types into it).
    assert.equal(document.isDirty, false);
  });

  it('YAML too; the same contact in another instance is another document', async () => {
    const yaml = await run<vscode.TextEditor>('openAsYaml', { ref });
    assert.equal(yaml?.document.uri.path, `/CHAT-${sampleIds.chat.slice(0, 8)}.yaml`);
    assert.equal(yaml?.document.languageId, 'yaml');
    assert.deepEqual(parseYaml(yaml.document.getText()), doc);
    const json = await run<vscode.TextEditor>('openAsJson', { ref });
    const other = vscode.Uri.parse(json!.document.uri.toString().replace(sampleIds.instanceA, sampleIds.instanceB));
    assert.notEqual(other.toString(), json!.document.uri.toString());
  });

  it('a document VS Code asks for again is fetched again, from its reference alone', async () => {
    const json = await run<vscode.TextEditor>('openAsJson', { ref });
    // Another contact's URI, as a restored editor would ask for it: nothing held, so fetched.
    const voice = vscode.Uri.parse(json!.document.uri.toString().replace(sampleIds.chat, sampleIds.maximal).replace(/CHAT-[0-9a-f]+/, 'VOICE-d08e9dac'));
    const restored = await vscode.workspace.openTextDocument(voice);
    const api = await extensionApi();
    assert.equal(restored.getText(), formatCliJson(await api.services.contacts.get({ ...ref, contactId: sampleIds.maximal })));
  });

  it('Copy Contact ID and Copy Contact ARN copy the selected contacts, one per line', async () => {
    const contact = { kind: 'contact', id: 'c1', ref };
    assert.equal(await run<string>('copyContactId', contact, [contact]), sampleIds.chat);
    assert.equal(await vscode.env.clipboard.readText(), sampleIds.chat);
    assert.equal(await run<string>('copyContactArn', contact, [contact]), sampleContactArn(sampleIds.instanceA, sampleIds.chat));
    const voice = { kind: 'contact', id: 'c2', ref: { ...ref, contactId: sampleIds.voice } };
    assert.equal(await run<string>('copyContactId', contact, [contact, voice]), `${sampleIds.chat}\n${sampleIds.voice}`);
  });
});

// A connect-contact: address can come from anywhere (a link in a file, `vscode.open`). One naming
// another profile is asked about in the same modal as a vscode:// link (test/ui/link.test.ts),
// here answered by the test: VS Code's window API is shared by the extension and its tests.
describe('A connect-contact: address that names another profile', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  interface Asked {
    message: string;
    options: vscode.MessageOptions;
    items: string[];
    answer(choice: string | undefined): void;
  }
  let asked: Asked[] = [];
  const window = vscode.window as { showWarningMessage: unknown };
  const original = window.showWarningMessage;

  beforeEach(async () => {
    asked = [];
    window.showWarningMessage = (message: string, options: vscode.MessageOptions, ...items: string[]) =>
      new Promise<string | undefined>((answer) => asked.push({ message, options, items, answer }));
    await endpointControl.clearRequests();
  });

  afterEach(async () => {
    window.showWarningMessage = original;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const address = (profile: string, contactId: string) => vscode.Uri.from({
    scheme: 'connect-contact',
    path: `/Contact-${contactId.slice(0, 8)}.json`,
    query: new URLSearchParams({ profile, region: env.region, instance: sampleIds.instanceA, contact: contactId }).toString(),
  });
  const describeCalls = async () => (await endpointControl.requests()).filter((r) => r.operation === 'DescribeContact').length;
  const openedText = (uri: vscode.Uri) => waitFor('the document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText());

  it('asks in the modal, fetches nothing until the person agrees, then fetches with that profile', async () => {
    const uri = address('local-session', sampleIds.task);
    const opening = vscode.commands.executeCommand('vscode.open', uri);
    const question = await waitFor('the modal', () => asked[0]);
    assert.equal(question.options.modal, true);
    assert.ok(question.message.includes('"local-session" instead of your active profile "local"'), question.message);
    for (const part of [`Contact: ${sampleIds.task}`, `Instance: ${sampleIds.instanceA}`, `Region: ${env.region}`, 'credential_process']) {
      assert.ok(question.options.detail?.includes(part), `the modal does not say "${part}": ${question.options.detail}`);
    }
    assert.deepEqual(question.items, ['Use "local-session"', 'Use "local"']);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await describeCalls(), 0, 'nothing was fetched before the person answered');
    question.answer('Use "local-session"');
    await opening;
    const text = await openedText(uri);
    assert.equal((JSON.parse(text) as ContactDocument).Contact.Id, sampleIds.task);
    assert.equal(await describeCalls(), 1);
  });

  it('fetches nothing when the person declines, and the document says why', async () => {
    const uri = address('local-session', sampleIds.email);
    const opening = vscode.commands.executeCommand('vscode.open', uri);
    (await waitFor('the modal', () => asked[0])).answer(undefined);
    await opening;
    const { notFetched } = JSON.parse(await openedText(uri)) as { notFetched: string };
    assert.equal(notFetched, `Nothing was fetched: this address asks to read contact ${sampleIds.email} with the AWS profile "local-session", which is not your active profile, and that was declined. Close this document and open the address again to be asked again.`);
    assert.equal(await describeCalls(), 0);
  });

  it('asks nothing for an address with the active profile, nor for a document opened this session', async () => {
    const uri = address(env.profile, sampleIds.voice);
    await vscode.commands.executeCommand('vscode.open', uri);
    assert.equal((JSON.parse(await openedText(uri)) as ContactDocument).Contact.Id, sampleIds.voice);
    // Open as JSON from the explorer's local-session root: the person chose that profile.
    const ref: ContactRef = { profile: 'local-session', region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.chat };
    const editor = await run<vscode.TextEditor>('openAsJson', { ref });
    assert.ok(editor && editor.document.uri.query.includes('profile=local-session'));
    assert.equal((JSON.parse(editor.document.getText()) as ContactDocument).Contact.Id, sampleIds.chat);
    assert.deepEqual(asked, []);
  });
});
