// A contact whose every string is markup, script, template or control characters: the panel must
// show it as text and run none of it (no dialog, no new elements, sentinels and title untouched).
import * as assert from 'node:assert/strict';
import type { Dialog } from 'playwright-core';
import { sampleIds } from '../endpoint/sampleIds';
import { describeContact, panel, panelRow, panelRows } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

// Page functions run in the browser; the test tsconfig has no DOM lib.
interface PageWindow {
  __cceSentinel?: string;
  document: { title: string; querySelectorAll(selector: string): { length: number } };
}
interface InBody {
  ownerDocument: { defaultView: PageWindow; title: string };
}

describe('a hostile contact in the panel', () => {
  let workbench: Workbench;
  const dialogs: string[] = [];
  const onDialog = (dialog: Dialog): void => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };

  before(() =>
    captureOnError('hostile contact setup', async () => {
      workbench = await openWorkbench();
      workbench.page.on('dialog', onDialog);
      await workbench.page.evaluate(() => {
        (globalThis as unknown as PageWindow).__cceSentinel = 'intact';
      });
      await describeContact(workbench, sampleIds.instanceB, sampleIds.hostile);
    }),
  );

  after(async () => {
    workbench?.page.off('dialog', onDialog);
    await workbench?.close();
  });

  it('shows markup in values as the literal text', async () => {
    await workbench.waitForActiveTab(/CHAT · 25d3e2f1/);
    const rows = await panelRows(workbench);
    assert.equal(rows.find((row) => row.key === 'Name')?.value, '<img src=x onerror=alert(document.domain)>');
    assert.match(rows.find((row) => row.key === 'Description')?.value ?? '', /^<script>alert\("xss"\)<\/script>/);
  });

  it('runs nothing when every nested section is opened and filtered', async () => {
    const body = panel(workbench).locator('body');
    const titleBefore = await body.evaluate((element: unknown) => {
      const { ownerDocument } = element as InBody;
      ownerDocument.defaultView.__cceSentinel = 'intact';
      return ownerDocument.title;
    });
    await panel(workbench).locator('vscode-button.expand-all').click();
    await panelRow(workbench, 'DeviceInfo').waitFor();
    // Attribute keys are payloads too: the filter brings them into view, as keys, as text.
    const filter = panel(workbench).locator('vscode-text-field.filter input');
    await filter.fill('onerror=alert(1)');
    await panelRow(workbench, '<img src=x onerror=alert(1)>').waitFor();
    await filter.fill('constructor');
    await panelRow(workbench, 'tpl.ctor').filter({ hasText: "{{constructor.constructor('alert(1)')()}}" }).waitFor();
    await filter.fill('<script');
    await panelRow(workbench, 'Description').waitFor();

    const inPanel = await body.evaluate((element: unknown) => {
      const { ownerDocument } = element as InBody;
      const app = ownerDocument.defaultView.document;
      return {
        sentinel: ownerDocument.defaultView.__cceSentinel,
        title: ownerDocument.title,
        injected: app.querySelectorAll('#app img, #app script, #app iframe, #app textarea, #app [onerror]').length,
      };
    });
    assert.deepEqual(inPanel, { sentinel: 'intact', title: titleBefore, injected: 0 });
    const workbenchSentinel = await workbench.page.evaluate(() => (globalThis as unknown as PageWindow).__cceSentinel);
    assert.equal(workbenchSentinel, 'intact');
    assert.deepEqual(dialogs, []);
    await workbench.screenshot('panel-hostile');
  });
});
