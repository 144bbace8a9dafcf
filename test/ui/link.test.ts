// A vscode:// link (here opened with Developer: Open URL, as the OS would hand it to VS Code)
// may name the contact and its region, but not the AWS profile: a link that names another
// profile is asked about in a modal naming the profile, region, instance and contact.
import * as assert from 'node:assert/strict';
import { sampleIds } from '../endpoint/sampleIds';
import { describeRequests, panel } from './contactFlows';
import { captureOnError, openWorkbench, uiSession, type Workbench } from './harness';

const extensionId = 'connect-contact-tools.connect-contact-explorer';

function link(query: Record<string, string>): string {
  // code-server's URL scheme (product.json urlProtocol).
  return `code-oss://${extensionId}/describe?${new URLSearchParams(query).toString()}`;
}

describe('a link to a contact', () => {
  let workbench: Workbench;

  before(() => captureOnError('link setup', async () => {
    workbench = await openWorkbench();
  }));
  after(async () => {
    await workbench?.close();
  });

  async function openLink(url: string): Promise<void> {
    await workbench.runCommand('Developer: Open URL');
    await workbench.typeInQuickInput(url);
    // VS Code asks once whether the extension may open links; allow it.
    const allow = workbench.page.locator('.monaco-dialog-box').filter({ hasText: /open this URI/i });
    if (await allow.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await allow.locator('.monaco-button', { hasText: /^Open$/ }).click();
    }
  }

  it('asks before using a profile other than the active one, and keeps yours when you say so', async () => {
    const { endpoint } = await uiSession();
    const before = describeRequests(endpoint);
    await openLink(link({ instance: sampleIds.instanceA, contact: sampleIds.voice, region: 'us-east-1', profile: 'local-session' }));
    const modal = workbench.page.locator('.monaco-dialog-box').filter({ hasText: /asks to open an Amazon Connect contact/ });
    await modal.waitFor();
    const text = (await modal.innerText()).replace(/\u00a0/g, ' ');
    for (const part of ['"local-session" instead of your active profile "local"', `Contact: ${sampleIds.voice}`, `Instance: ${sampleIds.instanceA}`, 'Region: us-east-1', 'credential_process']) {
      assert.ok(text.includes(part), `the modal does not say "${part}": ${text}`);
    }
    assert.equal(describeRequests(endpoint), before, 'nothing was fetched before the person answered');
    await workbench.screenshot('link-profile-modal');
    await modal.locator('.monaco-button', { hasText: 'Use "local"' }).click();
    await workbench.waitForActiveTab(/VOICE · 6f1d2c3b/);
    await panel(workbench).locator('.contact-header').filter({ hasText: sampleIds.voice }).waitFor();
    assert.equal(describeRequests(endpoint), before + 1);
  });

  it('opens a link that names no profile with the active profile, without asking', async () => {
    const { endpoint } = await uiSession();
    const before = describeRequests(endpoint);
    await openLink(link({ instance: sampleIds.instanceA, contact: sampleIds.chat }));
    await workbench.waitForActiveTab(/CHAT · /);
    assert.equal(await workbench.page.locator('.monaco-dialog-box').filter({ hasText: /asks to open/ }).count(), 0);
    assert.equal(describeRequests(endpoint), before + 1);
  });
});
