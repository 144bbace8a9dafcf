// UI smoke: the packaged VSIX installs into code-server and contributes what a person sees first.
import * as assert from 'node:assert/strict';
import { captureOnError, openWorkbench, type Workbench } from './harness';

describe('workbench with the packaged extension', () => {
  let workbench: Workbench;

  before(() =>
    captureOnError('workbench setup', async () => {
      workbench = await openWorkbench();
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('shows the Amazon Connect item in the activity bar', async () => {
    await workbench.activityBarItem('Amazon Connect').waitFor();
  });

  it('opens the Amazon Connect side bar with its Contacts view', async () => {
    const sideBar = await workbench.openViewContainer('Amazon Connect');
    // A container with one view titles itself "Container: View" unless both are named alike: the
    // view is named "Amazon Connect" too, so the title is that alone and fits the side bar.
    await sideBar.locator('.composite.title .title-label', { hasText: /^\s*Amazon Connect\s*$/i }).waitFor();
    await sideBar.locator('.pane-body').first().waitFor();
    await workbench.screenshot('explorer-empty');
  });

  it('lists Describe Contact in the command palette', async () => {
    await workbench.page.keyboard.press('F1');
    await workbench.typeInQuickInput('>Amazon Connect: Describe', { submit: false });
    const row = workbench.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'Amazon Connect: Describe Contact' });
    await row.first().waitFor();
    assert.ok((await workbench.quickInputItems()).some((item) => item.startsWith('Amazon Connect: Describe Contact')));
    await workbench.closeQuickInput();
  });
});
