// Contact IDs in text documents, in the real extension host against the local endpoint: the hover
// card over a Lambda test event, the links (keyed IDs and ARNs, never a bare UUID), Describe Contact
// at Cursor, hostile contact data in the card, and a hover cancelled as it goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DescribeResult } from '../../src/describe/describeContact';
import { lambdaTestEvent } from '../fixtures/lambdaEvent';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { endpointControl, extensionApi, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

const unkeyed = '0d0e0f10-1112-4131-8151-617181920212';

let untitledCount = 0;

/**
 * An untitled document of its own name: `openTextDocument({ content })` can hand back the previous
 * test's Untitled-1 while closing it is still under way, with that test's text.
 */
async function untitled(content: string, language = 'json'): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `contact-ids-${++untitledCount}-${Date.now()}` });
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the untitled document took its text');
  return vscode.languages.setTextDocumentLanguage(doc, language);
}

function positionOf(doc: vscode.TextDocument, text: string, nth = 0, delta = 4): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `${text} is not in the document: ${doc.getText().slice(0, 300)}`);
  return doc.positionAt(at + delta);
}

/** Our card among the hovers at the position (other extensions may add theirs), as markdown. */
async function cardAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  const values = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value));
  return values.find((v) => v.includes('Amazon Connect contact'));
}

async function linksOf(doc: vscode.TextDocument): Promise<{ text: string; target?: vscode.Uri }[]> {
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
  return links.map((l) => ({ text: doc.getText(l.range), target: l.target }));
}

/** The card as a person reads it: without markdown's escapes and the non-breaking spaces of text. */
function plain(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-!~>])/g, '$1');
}

/** Runs a link's or a card's `command:` URI as VS Code would on Ctrl+click. */
function runCommandUri(uri: vscode.Uri | string): Thenable<unknown> {
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  assert.equal(parsed.scheme, 'command');
  const args = JSON.parse(parsed.query) as unknown[];
  return vscode.commands.executeCommand(parsed.path, ...args);
}

describe('Contact IDs in text documents', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  const event = lambdaTestEvent({ contactId: sampleIds.voice, previousContactId: sampleIds.chat, instanceId: sampleIds.instanceA });

  // The settings (contactLinks.*) are unit-tested: writing user settings in code-server can drop the
  // machine-scoped endpoint setting the other suites rely on.
  afterEach(async () => {
    await endpointControl.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a hover on the ContactId of a Lambda test event shows the contact: channel, queue and agent by name, links', async () => {
    const doc = await untitled(event);
    const card = await cardAt(doc, positionOf(doc, sampleIds.voice));
    assert.ok(card, 'no Amazon Connect card');
    assert.match(card, /Channel: VOICE/);
    assert.match(card, /Initiation method: INBOUND/);
    assert.match(card, /Queue: Billing/, 'the queue by name (DescribeQueue), not its ID');
    assert.match(card, /Agent: maria\\?\.garcia/);
    assert.match(card, /Disconnect reason: TRANSFER/);
    assert.match(card, /→.*\(\d/, 'initiated → disconnected (duration)');
    assert.match(card, /acme\\?-support/, 'the instance from the event\'s InstanceARN, by alias');
    assert.match(card, /\[Open Contact\]\(command:connectContacts\.describeContactAtCursor\?/);
    assert.match(card, /\[Open in Connect Console\]\(https:\/\/acme-support\.my\.connect\.aws\/contact-trace-records\/details\/6f1d2c3b/);
    assert.match(card, /\[Copy as AWS CLI Command\]\(command:connectContacts\.copyCliCommand\?/);
  });

  it('the card says what its coded fields mean, one line each from the service model (dist/describeContactDocs.json)', async () => {
    const doc = await untitled(event);
    const card = plain((await cardAt(doc, positionOf(doc, sampleIds.voice))) ?? '');
    const notes = card.slice(card.lastIndexOf('---'));
    assert.match(notes, /_Channel_ — How the contact reached your contact center\./);
    assert.match(notes, /_Initiation method_ — Indicates how the contact was initiated\./);
    assert.doesNotMatch(notes, /_(Initiated|Queue|Agent|Disconnect reason|Instance)_/, 'two lines at most: more would make the card scroll');
    assert.doesNotMatch(notes, /&nbsp;/, 'the notes wrap like prose');
  });

  it('the card\'s Copy as AWS CLI Command copies the describe-contact command', async () => {
    const doc = await untitled(event);
    const card = await cardAt(doc, positionOf(doc, sampleIds.voice));
    const uri = /\[Copy as AWS CLI Command\]\((command:[^)]+)\)/.exec(card ?? '')?.[1];
    assert.ok(uri);
    await runCommandUri(uri);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, new RegExp(`^aws connect describe-contact --instance-id ${sampleIds.instanceA} --contact-id ${sampleIds.voice} --profile ${env.profile} --region ${env.region}`));
  });

  it('links: keyed IDs and ARNs, not a UUID without a contact key', async () => {
    const arn = sampleContactArn(sampleIds.instanceB, sampleIds.salesChat);
    const doc = await untitled([`ContactId: ${sampleIds.task}`, `see ${arn}`, `RequestId: ${unkeyed}`, unkeyed].join('\n'), 'plaintext');
    const links = await linksOf(doc);
    assert.deepEqual(links.map((l) => l.text), [sampleIds.task, arn]);
    for (const l of links) assert.equal(l.target?.toString(true).startsWith('command:connectContacts.describeContactAtCursor?'), true);
    assert.equal(await cardAt(doc, positionOf(doc, unkeyed, 1)), undefined, 'a bare UUID has no card');
  });

  it('Ctrl+click on an ARN opens its contact in its own instance', async () => {
    const api = await extensionApi();
    const arn = sampleContactArn(sampleIds.instanceB, sampleIds.salesChat);
    const doc = await untitled(`{"ContactArn": "${arn}", "InstanceId": "${sampleIds.instanceA}"}`);
    const [link] = await linksOf(doc);
    assert.ok(link.target);
    const result = (await runCommandUri(link.target)) as DescribeResult | undefined;
    assert.ok(result);
    assert.deepEqual(result.ref, { profile: env.profile, region: env.region, instanceId: sampleIds.instanceB, contactId: sampleIds.salesChat });
    await waitFor('the contact panel', () => api.panels.find(result.ref));
  });

  it('Describe Contact at Cursor opens the contact under the cursor, in the instance the document names', async () => {
    const api = await extensionApi();
    const doc = await untitled(event);
    const editor = await vscode.window.showTextDocument(doc);
    const at = positionOf(doc, sampleIds.chat); // PreviousContactId
    editor.selection = new vscode.Selection(at, at);
    const result = await vscode.commands.executeCommand<DescribeResult | undefined>('connectContacts.describeContactAtCursor');
    assert.ok(result, 'nothing was described');
    assert.deepEqual(result.ref, { profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.chat });
    assert.equal(result.contact.Contact.Channel, 'CHAT');
    const panel = await waitFor('the contact panel', () => api.panels.find(result.ref));
    assert.equal(panel.doc?.Contact.Id, sampleIds.chat);
  });

  it('Describe Contact at Cursor on no contact ID says so and describes nothing', async () => {
    const doc = await untitled(`RequestId: ${unkeyed}\nContactId: ${sampleIds.voice}`, 'plaintext');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    const result = await vscode.commands.executeCommand<DescribeResult | undefined>('connectContacts.describeContactAtCursor');
    assert.equal(result, undefined);
  });

  it('hostile contact data reaches the card as text: no HTML, no links or commands of its own', async () => {
    const doc = await untitled(`ContactArn: ${sampleContactArn(sampleIds.instanceB, sampleIds.hostile)}`, 'plaintext');
    const card = await cardAt(doc, positionOf(doc, sampleIds.hostile));
    assert.ok(card);
    assert.doesNotMatch(card, /<img|<script/i);
    const commands = [...card.matchAll(/command:([A-Za-z.]+)/g)].map((m) => m[1]);
    assert.ok(commands.every((c) => ['connectContacts.describeContactAtCursor', 'connectContacts.copyCliCommand'].includes(c)), commands.join(', '));
    assert.doesNotMatch(card, /\]\((?!command:connectContacts\.|https:\/\/acme-sales\.my\.connect\.aws\/)/, 'a link the card did not make');
  });

  it('an unknown contact: one short line in the card', async () => {
    const doc = await untitled(`InstanceId=${sampleIds.instanceA} ContactId=${sampleIds.missingContact}`, 'plaintext');
    const card = await cardAt(doc, positionOf(doc, sampleIds.missingContact));
    assert.match(plain(card ?? ''), new RegExp(`Not found in instance ${sampleIds.instanceA} \\(us-east-1\\)\\.`));
  });

  it('a hover that goes away cancels its DescribeContact', async () => {
    const api = await extensionApi();
    await endpointControl.setFaults({ hangMs: 10_000, operation: 'DescribeContact' });
    await endpointControl.clearRequests();
    const source = new vscode.CancellationTokenSource();
    const pending = api.hoverCards.hover({ contactId: sampleIds.email, instanceId: sampleIds.instanceA }, new vscode.Range(0, 0, 0, 1), source.token);
    await waitFor('the DescribeContact request', async () => (await endpointControl.requests()).some((r) => r.operation === 'DescribeContact'), 20_000);
    const cancelledAt = Date.now();
    source.cancel();
    assert.equal(await pending, undefined);
    assert.ok(Date.now() - cancelledAt < 3_000, 'the hover waited for the held request');
    await waitFor('the request to be abandoned', async () => (await endpointControl.requests()).some((r) => r.operation === 'DescribeContact' && r.abandoned));
  });
});
