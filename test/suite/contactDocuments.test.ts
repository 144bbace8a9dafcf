// Open as JSON / YAML in the real extension host: read-only documents named after the contact,
// held in memory (never untitled, so never dirty, never backed up to disk); Copy Contact ID / ARN.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { ContactRef } from '../../src/aws/types';
import { formatCliJson, type ContactDocument } from '../../src/contact/contactDocument';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { extensionApi } from './extensionApi';
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
