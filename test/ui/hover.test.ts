// Contact IDs in files, in real VS Code with the packaged extension against the local endpoint: a
// hover on the ContactId of a Lambda test event shows the contact's card (read off the screen),
// its Open Contact link and Ctrl+click open the contact panel, the editor's context menu offers
// Describe Contact at Cursor only where the document has a contact ID, and Compare Contacts opens
// the diff editor. Screenshots: hover-card, compare (the README's).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { lambdaTestEvent } from '../fixtures/lambdaEvent';
import { contextMenu, waitForPanel } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

const eventFile = 'lambda-event.json';
const menuItem = 'Describe Contact at Cursor';

describe('contact IDs in a file', () => {
  let workbench: Workbench;

  before(() =>
    captureOnError('hover setup', async () => {
      workbench = await openWorkbench();
      // A Lambda test event on disk, naming contacts other than the sample (whose panel the card opens).
      const event = lambdaTestEvent({ contactId: sampleIds.email, previousContactId: sampleIds.chat, instanceId: sampleIds.instanceA });
      fs.writeFileSync(path.join(workbench.workspaceFolder, eventFile), `${event}\n`);
      // The editor the full width of the window, for the screenshots.
      await workbench.runCommand('View: Close Primary Side Bar');
    }),
  );
  after(async () => {
    await workbench?.close();
  });

  /** The contact ID as the editor draws it once the link provider has marked it (a link decoration). */
  const linkedId = (id: string): Locator => workbench.activeEditor.locator('.view-line span.detected-link', { hasText: id }).first();
  /** The hover widget showing our card. */
  const card = (): Locator => workbench.page.locator('.monaco-hover', { hasText: 'Amazon Connect contact' }).filter({ visible: true }).first();

  /** The editor part, hover widgets included (they draw over it), as a PNG in test-artifacts/screenshots/. */
  async function screenshotEditor(name: string): Promise<void> {
    const box = await workbench.page.locator('.part.editor').boundingBox();
    assert.ok(box, 'no editor part on screen');
    await workbench.page.screenshot({ path: await workbench.screenshotPath(name), clip: box, timeout: 10_000 });
  }

  /** The labels of the editor's context menu at `target`; the menu is closed again. */
  async function contextMenuLabels(target: Locator): Promise<string[]> {
    await target.click({ button: 'right' });
    const menu = workbench.page.locator('.monaco-menu');
    await menu.locator('.action-label').first().waitFor();
    const labels = (await menu.locator('.action-label').allInnerTexts()).map((l) => l.trim()).filter(Boolean);
    await workbench.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    return labels;
  }

  it('hovering the ContactId of the sample Lambda event shows the contact\'s card, and its Open Contact link opens the panel', async () => {
    await workbench.runCommand('Amazon Connect: Open Sample Lambda Event');
    await workbench.waitForActiveEditorText(/ContactFlowEvent/);
    const id = linkedId(sampleIds.voice);
    await id.waitFor();
    await id.hover();
    await card().filter({ hasText: 'Channel: VOICE' }).waitFor();
    const text = (await card().innerText()).replace(/\u00a0/g, ' ');
    for (const part of [
      'Initiation method: INBOUND',
      'Queue: Billing',
      'Agent: maria.garcia',
      'Disconnect reason: TRANSFER',
      'acme-support · us-east-1 · local',
      'Channel — How the contact reached your contact center.',
      'Initiation method — Indicates how the contact was initiated.',
      'Open Contact',
      'Open in Connect Console',
      'Copy as AWS CLI Command',
    ]) {
      assert.ok(text.includes(part), `the card does not say "${part}":\n${text}`);
    }
    assert.match(text, /Initiated: .+ → .+ \(\d/, 'initiated → disconnected (duration)');
    // The notes in view without scrolling (the hover's height is capped; its trailing margin may still scroll).
    const content = await card().locator('.monaco-hover-content').first().boundingBox();
    const notes = await card().locator('p', { hasText: 'Indicates how the contact was initiated' }).last().boundingBox();
    assert.ok(content && notes, 'no card content or no notes on screen');
    assert.ok(notes.y + notes.height <= content.y + content.height + 1, `the notes end at ${notes.y + notes.height} px, below the card's ${content.y + content.height} px`);
    await screenshotEditor('hover-card');

    await card().locator('a', { hasText: /^Open Contact$/ }).click();
    await waitForPanel(workbench, sampleIds.voice);
    await workbench.waitForActiveTab(/VOICE · 6f1d2c3b/);
  });

  it('Ctrl+click on a contact ID in a file opens its contact, in the instance the event names', async () => {
    await workbench.openFile(eventFile);
    const previous = linkedId(sampleIds.chat); // PreviousContactId
    await previous.waitFor();
    await previous.click({ modifiers: ['Control'] });
    await waitForPanel(workbench, sampleIds.chat);
    await workbench.waitForActiveTab(/CHAT · 8b3f4e5d/);
  });

  it('the editor\'s context menu offers Describe Contact at Cursor where the document has a contact ID, and runs it', async () => {
    await workbench.openFile('notes.md');
    const notes = workbench.activeEditor.locator('.view-line').first();
    // The menu's key follows the active editor a moment after it changes: ask until it has.
    const deadline = Date.now() + 10_000;
    let labels = await contextMenuLabels(notes);
    while (labels.includes(menuItem) && Date.now() < deadline) labels = await contextMenuLabels(notes);
    assert.ok(!labels.includes(menuItem), `offered in a file with no contact ID: ${labels.join(', ')}`);

    await workbench.openFile(eventFile);
    const contact = linkedId(sampleIds.email); // ContactId
    await contact.waitFor();
    await contextMenu(workbench, contact, menuItem);
    await waitForPanel(workbench, sampleIds.email);
    await workbench.waitForActiveTab(/EMAIL · 9c4a5f6e/);
  });

  it('Compare Contacts opens the diff editor on two contacts typed as ARNs', async () => {
    await workbench.runCommand('Amazon Connect: Compare Contacts');
    for (const [step, id] of [[1, sampleIds.voice], [2, sampleIds.chat]] as const) {
      await workbench.quickInput.filter({ hasText: `${step}/2` }).waitFor();
      await workbench.typeInQuickInput(sampleContactArn(sampleIds.instanceA, id), { submit: false });
      await workbench.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: id }).waitFor();
      await workbench.page.keyboard.press('Enter');
    }
    await workbench.waitForActiveTab(/VOICE · 6f1d2c3b ↔ CHAT · 8b3f4e5d/);
    const diff = workbench.page.locator('.editor-group-container.active .monaco-diff-editor');
    await diff.waitFor();
    // Both sides drawn, with the changes between them marked.
    await diff.locator('.editor.original .view-lines', { hasText: '"Channel": "VOICE"' }).waitFor();
    await diff.locator('.editor.modified .view-lines', { hasText: '"Channel": "CHAT"' }).waitFor();
    await diff.locator('.line-insert, .char-insert').first().waitFor();
    await screenshotEditor('compare');
  });
});
