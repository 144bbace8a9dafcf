// The panel follows the colour theme: VS Code's theme variables reach the webview and its body
// class, in a light and a dark theme. Screenshots of the panel (Fields and Overview) and the explorer.
import * as assert from 'node:assert/strict';
import { sampleIds } from '../endpoint/sampleIds';
import { describeContact, panel } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

interface Styled {
  ownerDocument: { body: { className: string } };
}
declare function getComputedStyle(element: unknown): { getPropertyValue(name: string): string; backgroundColor: string };

describe('the panel in light and dark themes', () => {
  let workbench: Workbench;

  /** The editor background as the workbench defines it and as the webview received it. */
  const backgrounds = async (): Promise<{ workbench: string; webview: string; webviewClass: string }> => {
    const inWorkbench = await workbench.page
      .locator('.monaco-workbench')
      .evaluate((element: unknown) => getComputedStyle(element).getPropertyValue('--vscode-editor-background').trim());
    const inWebview = await panel(workbench)
      .locator('body')
      .evaluate((element: unknown) => ({
        background: getComputedStyle(element).getPropertyValue('--vscode-editor-background').trim(),
        className: (element as Styled).ownerDocument.body.className,
      }));
    return { workbench: inWorkbench, webview: inWebview.background, webviewClass: inWebview.className };
  };

  before(() =>
    captureOnError('themes setup', async () => {
      workbench = await openWorkbench();
      await describeContact(workbench, sampleIds.instanceA, sampleIds.maximal);
      // The story's calls finish before the theme changes: in code-server a theme switch hands the
      // extension host the browser's user settings, without the endpoint the session wrote.
      await panel(workbench).locator('[role=tab]#tab-overview').click();
      await panel(workbench).locator('.overview .chain-svg .chain-node.current').waitFor();
      await panel(workbench).locator('.overview .name-row[data-kind="routingProfile"] .resolved').waitFor();
      await panel(workbench).locator('[role=tab]#tab-fields').click();
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('uses the light theme colours after switching to Light Modern', async () => {
    await workbench.setTheme('light');
    await panel(workbench).locator('body.vscode-light').waitFor();
    const colours = await backgrounds();
    assert.equal(colours.webview, colours.workbench);
    assert.match(colours.webviewClass, /vscode-light/);
    await workbench.screenshot('panel-light');
    await panel(workbench).locator('[role=tab]#tab-overview').click();
    await panel(workbench).locator('.overview .section-names').waitFor();
    await workbench.screenshot('overview-light');
    await panel(workbench).locator('[role=tab]#tab-fields').click();
    await workbench.openViewContainer('Amazon Connect');
    await workbench.screenshot('explorer-light');
  });

  it('uses the dark theme colours after switching back to Dark Modern', async () => {
    const light = await backgrounds();
    await workbench.setTheme('dark');
    await panel(workbench).locator('body.vscode-dark').waitFor();
    const dark = await backgrounds();
    assert.equal(dark.webview, dark.workbench);
    assert.notEqual(dark.webview, light.webview);
    await workbench.screenshot('panel-dark');
  });
});
