// Compare Contacts in the real extension host: the diff editor opens on the two contacts as the
// AWS CLI prints them (read-only connect-contact: documents, fetched through the contact cache),
// the toggle reopens it without the always-differing values, and a bad ID says which and why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ContactRef } from '../../src/aws/types';
import { alwaysDifferingPlaceholder } from '../../src/contact/alwaysDiffering';
import { formatCliJson, type ContactDocument } from '../../src/contact/contactDocument';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { endpointControl, extensionApi, nextError, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`connectContacts.${command}`, ...args);
const short = (id: string) => id.slice(0, 8);

/** The diff in front: its tab and its two documents, parsed. */
async function activeDiff(): Promise<{ tab: vscode.Tab; original: vscode.TextDocument; modified: vscode.TextDocument; left: ContactDocument; right: ContactDocument }> {
  const tab = await waitFor('a diff editor', () => {
    const t = vscode.window.tabGroups.activeTabGroup.activeTab;
    return t?.input instanceof vscode.TabInputTextDiff ? t : undefined;
  });
  const input = tab.input as vscode.TabInputTextDiff;
  const original = await vscode.workspace.openTextDocument(input.original);
  const modified = await vscode.workspace.openTextDocument(input.modified);
  return { tab, original, modified, left: JSON.parse(original.getText()) as ContactDocument, right: JSON.parse(modified.getText()) as ContactDocument };
}

const diffTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);

describe('Compare Contacts', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  const ref = (contactId: string, instanceId: string = sampleIds.instanceA): ContactRef => ({ profile: env.profile, region: env.region, instanceId, contactId });
  const node = (r: ContactRef) => ({ kind: 'contact', id: r.contactId, ref: r });

  afterEach(async () => {
    await endpointControl.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the diff of two contacts selected in the explorer, as the AWS CLI prints them, titled with channel and short ID', async () => {
    const api = await extensionApi();
    const [voice, chat] = [ref(sampleIds.voice), ref(sampleIds.chat)];
    await run('compareContacts', node(voice), [node(voice), node(chat)]);
    const diff = await activeDiff();
    assert.equal(diff.tab.label, `VOICE · ${short(sampleIds.voice)} ↔ CHAT · ${short(sampleIds.chat)}`);
    for (const document of [diff.original, diff.modified]) {
      // Virtual and read-only: never a file nor untitled, so never saved or backed up.
      assert.equal(document.uri.scheme, 'connect-contact');
      assert.equal(document.isUntitled, false);
      assert.equal(document.isDirty, false);
      assert.equal(document.languageId, 'json');
    }
    assert.equal(diff.original.getText(), formatCliJson(await api.services.contacts.get(voice)));
    assert.equal(diff.modified.getText(), formatCliJson(await api.services.contacts.get(chat)));
    assert.equal(diff.left.Contact.Id, sampleIds.voice);
    assert.equal(diff.right.Contact.Channel, 'CHAT');
  });

  it('fetches through the shared contact cache, and takes a typed contact ARN', async () => {
    const api = await extensionApi();
    const [task, outbound] = [ref(sampleIds.salesTask, sampleIds.instanceB), ref(sampleIds.salesOutbound, sampleIds.instanceB)];
    const compare = () => run('compareContacts', { contacts: [task, sampleContactArn(sampleIds.instanceB, sampleIds.salesOutbound)] });
    await endpointControl.clearRequests();
    await compare();
    const diff = await activeDiff();
    assert.equal(diff.left.Contact.Id, sampleIds.salesTask);
    assert.equal(diff.right.Contact.Id, sampleIds.salesOutbound);
    const described = async () => (await endpointControl.requests()).filter((r) => r.operation === 'DescribeContact');
    for (const id of [sampleIds.salesTask, sampleIds.salesOutbound]) assert.ok((await described()).filter((r) => r.path.includes(id)).length <= 1, id);
    assert.ok(api.services.contacts.peek(task) && api.services.contacts.peek(outbound), 'the contacts are not in the shared cache');
    // Again: both come from the cache, no call.
    await endpointControl.clearRequests();
    await compare();
    assert.deepEqual(await described(), []);
  });

  it('the toggle reopens the diff without the values that always differ, in place of the full one, and back', async () => {
    const [voice, task] = [ref(sampleIds.voice), ref(sampleIds.task)];
    await run('compareContacts', node(voice), [node(voice), node(task)]);
    await activeDiff();
    await run('compareLeaveOutAlwaysDiffering');
    const reduced = await waitFor('the reduced diff', async () => {
      const diff = await activeDiff();
      return diff.tab.label.includes('left out') ? diff : undefined;
    });
    assert.equal(reduced.tab.label, `VOICE · ${short(sampleIds.voice)} ↔ TASK · ${short(sampleIds.task)} (IDs and times left out)`);
    for (const side of [reduced.left, reduced.right]) {
      const c = side.Contact;
      for (const key of ['Id', 'Arn', 'InitiationTimestamp', 'LastUpdateTimestamp']) assert.equal(c[key], alwaysDifferingPlaceholder, key);
      assert.equal(typeof c.Channel, 'string');
      assert.notEqual(c.Channel, alwaysDifferingPlaceholder);
    }
    for (const document of [reduced.original, reduced.modified]) assert.equal(document.uri.scheme, 'connect-contact');
    assert.ok(!reduced.original.getText().includes(`"${sampleIds.voice}"`), 'the voice contact ID is still in its reduced side');
    assert.equal((reduced.left.Contact.QueueInfo as Record<string, unknown>).EnqueueTimestamp, alwaysDifferingPlaceholder);
    assert.equal(reduced.left.Contact.RelatedContactId ?? reduced.right.Contact.RelatedContactId, alwaysDifferingPlaceholder);
    assert.equal(diffTabs().length, 1, 'the full comparison is still open beside the reduced one');

    await run('compareShowAllFields');
    const full = await waitFor('the full diff again', async () => {
      const diff = await activeDiff();
      return diff.tab.label.includes('left out') ? undefined : diff;
    });
    assert.equal(full.left.Contact.Id, sampleIds.voice);
    assert.equal(diffTabs().length, 1);
  });

  it('a contact that does not exist: the error names it and the cause, and no diff opens', async () => {
    const api = await extensionApi();
    const shown = await nextError(api, () => run('compareContacts', { contacts: [ref(sampleIds.voice), ref(sampleIds.missingContact)] }));
    assert.equal(shown.info.kind, 'NotFound');
    assert.ok(shown.text.includes(sampleIds.missingContact), shown.text);
    assert.match(shown.text, /not found/i);
    assert.equal(diffTabs().length, 0);
  });

  it('a service failure names the contact too', async () => {
    const api = await extensionApi();
    await endpointControl.setFaults({ status500: true, operation: 'DescribeContact' });
    const shown = await nextError(api, () => run('compareContacts', { contacts: [ref(sampleIds.voice), ref(sampleIds.salesEmail, sampleIds.instanceB)] }));
    assert.equal(shown.info.kind, 'ServiceError');
    assert.match(shown.text, new RegExp(`Contact (${sampleIds.voice}|${sampleIds.salesEmail}) could not be fetched to compare: `));
  });

  it('text that is no contact ID says what is wrong with it', async () => {
    const api = await extensionApi();
    const shown = await nextError(api, () => run('compareContacts', { contacts: [ref(sampleIds.voice), 'not a contact'] }));
    assert.equal(shown.info.kind, 'InvalidInput');
    assert.match(shown.text, /contains a space at position 4/);
    assert.equal(diffTabs().length, 0);
  });
});
