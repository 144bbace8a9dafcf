// A contact row of the Amazon Connect explorer, by mouse and keyboard: its context menu pins and
// unpins (as the empty Pinned group says), copies the contact ID and ARN, and opens the contact as
// a read-only JSON or YAML document named after it, which never asks to be saved; Save As still
// writes a file when the person asks. Ctrl+C / Ctrl+Alt+C copy the focused row.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import { contextMenu, expandExplorerRow, explorerRow } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

describe('a contact row in the explorer', () => {
  let workbench: Workbench;
  let sideBar: Locator;
  const chatShort = sampleIds.chat.slice(0, 8);

  /** The side bar's rows, top to bottom (the list renders them absolutely positioned). */
  const visibleRows = (): Promise<string[]> =>
    workbench.treeRows(sideBar).evaluateAll((rows: unknown[]) =>
      (rows as Array<{ innerText: string; style: { top: string } }>)
        .map((row) => ({ text: row.innerText.replace(/\s+/g, ' ').trim(), top: parseFloat(row.style.top) }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text),
    );

  /** The rows between a group's row and the next group's row. */
  const rowsUnder = async (group: string, next: string): Promise<string[]> => {
    const rows = await visibleRows();
    const start = rows.findIndex((text) => text.startsWith(group));
    const end = rows.findIndex((text, i) => i > start && text.startsWith(next));
    return start < 0 ? [] : rows.slice(start + 1, end < 0 ? undefined : end);
  };

  const waitForRowsUnder = async (group: string, next: string, test: (rows: string[]) => boolean): Promise<string[]> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await rowsUnder(group, next);
      if (test(rows)) return rows;
      if (Date.now() > deadline) assert.fail(`under ${group}: ${rows.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
    }
  };

  /** The first row showing `text` below the row that starts with `group` (rows are reused, so not by DOM order). */
  const rowUnder = async (group: string, text: string): Promise<Locator> => {
    const rows = workbench.treeRows(sideBar);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const index = await rows.evaluateAll(
        (all: unknown[], [groupText, rowText]) => {
          const list = (all as Array<{ innerText: string; getAttribute(n: string): string | null }>)
            .map((row) => ({ text: row.innerText.replace(/\s+/g, ' ').trim(), index: Number(row.getAttribute('data-index')) }))
            .sort((a, b) => a.index - b.index);
          const start = list.find((row) => row.text.startsWith(groupText));
          return start ? (list.find((row) => row.index > start.index && row.text.includes(rowText))?.index ?? -1) : -1;
        },
        [group, text] as const,
      );
      if (index >= 0) return rows.and(workbench.page.locator(`[data-index="${index}"]`));
      if (Date.now() > deadline) assert.fail(`no row "${text}" under ${group}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
    }
  };

  /** The chat contact's row under Recent contacts. */
  const recentChatRow = (): Promise<Locator> => rowUnder('Recent contacts', chatShort);

  before(() =>
    captureOnError('explorer contact menu setup', async () => {
      workbench = await openWorkbench();
      sideBar = await workbench.openViewContainer('Amazon Connect');
      await expandExplorerRow(explorerRow(workbench, sideBar, sampleIds.instanceAAlias));
      await expandExplorerRow(explorerRow(workbench, sideBar, 'Recent contacts'));
      await recentChatRow();
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('the empty Pinned group says how to pin, and Pin and Unpin are in the context menu', async () => {
    await waitForRowsUnder('Pinned', 'Recent contacts', (rows) => rows.length === 1 && rows[0] === 'No pinned contacts');
    await contextMenu(workbench, await recentChatRow(), 'Pin');
    await waitForRowsUnder('Pinned', 'Recent contacts', (rows) => rows.some((text) => text.includes(chatShort)));
    await workbench.screenshot('explorer-pinned-from-context-menu');
    await contextMenu(workbench, await rowUnder('Pinned', chatShort), 'Unpin');
    await waitForRowsUnder('Pinned', 'Recent contacts', (rows) => rows.length === 1 && rows[0] === 'No pinned contacts');
  });

  it('copies the contact ID and the contact ARN from the context menu', async () => {
    await workbench.writeClipboard('(clipboard before the test)');
    await contextMenu(workbench, await recentChatRow(), 'Copy Contact ID');
    assert.equal(await workbench.waitForClipboard(/^[0-9a-f-]{36}$/), sampleIds.chat);
    await contextMenu(workbench, await recentChatRow(), 'Copy Contact ARN');
    assert.equal(await workbench.waitForClipboard(/^arn:/), sampleContactArn(sampleIds.instanceA, sampleIds.chat));
  });

  it('opens the contact as a read-only JSON document named after it, which closes without asking to save', async () => {
    await contextMenu(workbench, await recentChatRow(), 'Open Contact as JSON');
    const name = `CHAT-${chatShort}.json`;
    await workbench.waitForActiveTab(name);
    const text = await workbench.waitForActiveEditorText(new RegExp(sampleIds.chat));
    assert.match(text, /^\{/);
    // Typing changes nothing: the document is read-only, so it never becomes dirty.
    await workbench.activeEditor.locator('.view-lines').click();
    await workbench.page.keyboard.type('x');
    await workbench.page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor();
    assert.equal(await workbench.activeEditorText(), text);
    const tab = workbench.page.locator('.tabs-container .tab.active');
    assert.doesNotMatch((await tab.getAttribute('class')) ?? '', /\bdirty\b/);
    await workbench.screenshot('contact-json-read-only');
    await workbench.runCommand('View: Close Editor');
    await workbench.page.locator('.tabs-container .tab', { hasText: name }).waitFor({ state: 'hidden' });
    assert.equal(await workbench.page.locator('.monaco-dialog-box').isVisible(), false, 'closing asked something');
  });

  it('opens YAML the same way, and Save As writes the file the person names', async () => {
    await contextMenu(workbench, await recentChatRow(), 'Open Contact as YAML');
    const name = `CHAT-${chatShort}.yaml`;
    await workbench.waitForActiveTab(name);
    const text = await workbench.waitForActiveEditorText(/Contact:/);
    const target = path.join(workbench.workspaceFolder, `saved-${Date.now()}.yaml`);
    await workbench.runCommand('File: Save As...');
    // code-server's own save dialog: a quick input holding the path. It fills in its default path
    // once it has read the folder, which can land after our text on a busy machine: wait for that,
    // then type ours and check it stayed before pressing Enter.
    await workbench.quickInputBox.waitFor();
    await workbench.page.waitForFunction(
      (name) => ((globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('.quick-input-widget .quick-input-box input')?.value ?? '').includes(name),
      name,
    );
    for (let i = 0; i < 5 && (await workbench.quickInputBox.inputValue()) !== target; i++) {
      await workbench.quickInputBox.fill(target);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let a late default land before checking
    }
    assert.equal(await workbench.quickInputBox.inputValue(), target);
    await workbench.quickInputBox.press('Enter');
    // The file appears, then fills.
    const deadline = Date.now() + 30_000;
    const savedId = (): string | undefined => {
      const saved = fs.existsSync(target) ? (parseYaml(fs.readFileSync(target, 'utf8')) as { Contact?: { Id?: string } } | null) : null;
      return saved?.Contact?.Id;
    };
    while (savedId() === undefined) {
      if (Date.now() > deadline) assert.fail(`Save As wrote no contact to ${target}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
    }
    assert.equal(savedId(), sampleIds.chat);
    assert.match(text, /^Contact:/);
    await workbench.runCommand('View: Close All Editors');
  });

  it('Ctrl+C and Ctrl+Alt+C copy the focused row, after the keyboard moved the focus', async () => {
    await expandExplorerRow(await recentChatRow());
    const channel = workbench.treeRows(sideBar).filter({ has: workbench.page.locator('.label-name', { hasText: /^\s*Channel\s*$/ }) }).first();
    await channel.click();
    await workbench.page.keyboard.press('ArrowDown');
    const focused = sideBar.locator('.monaco-list-row.focused');
    await focused.waitFor();
    const key = (await focused.locator('.label-name').innerText()).trim();
    assert.notEqual(key, 'Channel', 'the focus did not move');
    await workbench.writeClipboard('(clipboard before the test)');
    await workbench.page.keyboard.press('Control+Alt+C');
    assert.equal(await workbench.waitForClipboard(/^Contact\./), `Contact.${key}`);
    await workbench.page.keyboard.press('ArrowUp');
    await workbench.page.keyboard.press('Control+C');
    assert.equal(await workbench.waitForClipboard(/^CHAT$/), 'CHAT');
  });
});
