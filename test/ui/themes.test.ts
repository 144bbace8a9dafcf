// The panel follows the colour theme: VS Code's theme variables reach the webview and its body
// class, in a light and a dark theme. Screenshots of the panel and the explorer in both.
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
