// Describe Contact's two steps and its "not found" message, as a person meets them in code-server
// with the packaged extension and the sample instances (acme-support, acme-sales, acme-lab): the
// lookup cannot go to the wrong instance, and each error says what to do next.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { sampleIds } from '../endpoint/sampleIds';
import {
  activeInstanceRow,
  contactPrompt,
  describeContact,
  describeTitle,
  enterContact,
  enterInstance,
  instancePicker,
  waitForPanel,
} from './contactFlows';
import { captureOnError, openWorkbench, uiSession, type Workbench } from './harness';

/** DescribeContact requests for a contact since `from`, as "instance/contact" paths. */
async function describedIn(from: number, contactId: string): Promise<string[]> {
  const { endpoint } = await uiSession();
  return endpoint.requests
    .slice(from)
    .filter((r) => r.operation === 'DescribeContact' && r.path.includes(contactId))
    .map((r) => (r.path.includes(sampleIds.instanceA) ? 'acme-support' : r.path.includes(sampleIds.instanceB) ? 'acme-sales' : r.path.includes(sampleIds.instanceC) ? 'acme-lab' : r.path));
}

async function requestCount(): Promise<number> {
  return (await uiSession()).endpoint.requests.length;
}

describe('Describe Contact: the two steps and what a "not found" offers', () => {
  let workbench: Workbench;

  before(() =>
    captureOnError('Describe Contact steps setup', async () => {
      workbench = await openWorkbench();
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  afterEach(async () => {
    (await uiSession()).endpoint.clearFaults();
    await workbench.closeQuickInput();
  });

  function title(): Locator {
    return workbench.quickInput.locator('.quick-input-title');
  }

  /** The buttons of the notification toast whose message matches. */
  async function toastButtons(pattern: RegExp): Promise<string[]> {
    const toast = workbench.notificationToasts.filter({ hasText: pattern }).first();
    await toast.waitFor();
    return (await toast.locator('.notification-list-item-buttons-container .monaco-button').allInnerTexts()).map((t) => t.trim());
  }

  /**
   * VS Code shows at most 3 new toasts in 800 ms (its spam protection) and puts the rest in the
   * notification centre only. A person takes longer than that between two lookups or before
   * pressing a button; the tests wait as long, so the toast they read is shown.
   */
  async function afterToastSpamWindow(): Promise<void> {
    await noProgressToasts();
    await workbench.page.waitForTimeout(800);
  }

  async function noProgressToasts(): Promise<void> {
    const progress = workbench.notificationToasts.filter({ hasText: /describing contact|looking for contact/ });
    while ((await progress.count()) > 0) await progress.first().waitFor({ state: 'detached' });
  }

  /** For a screenshot: the toast has faded in, and no progress toast of the lookup is left. */
  async function settledToast(pattern: RegExp): Promise<void> {
    await workbench.page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: pattern }).waitFor();
    await noProgressToasts();
  }

  it('takes a typed alias as that listed instance, in steps titled 1/2 and 2/2 that name the instance', async () => {
    const from = await requestCount();
    await workbench.runCommand(describeTitle);
    await instancePicker(workbench).waitFor();
    assert.match(await title().innerText(), /Describe Contact — local · us-east-1 \(1\/2\)/);
    await workbench.typeInQuickInput('acme-sales', { submit: false });
    // The listed acme-sales row is the one Enter takes: no "use this instance ID: acme-sales".
    await activeInstanceRow(workbench).filter({ hasText: sampleIds.instanceB }).waitFor();
    const rows = await workbench.quickInput.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    assert.ok(!rows.some((row) => /use this instance ID|as the instance ID/.test(row)), `rows: ${rows.join(' | ')}`);
    assert.equal(await workbench.quickInput.locator('.quick-input-list .codicon-edit').count(), 0);
    await workbench.quickInputBox.press('Enter');
    await contactPrompt(workbench).waitFor();
    assert.match(await title().innerText(), /Describe Contact — acme-sales · us-east-1 \(2\/2\)/);
    await workbench.waitForQuickInputText(/Contact ID in instance acme-sales \(22222222-2222-4222-8222-222222222222, us-east-1\)/);
    await workbench.typeInQuickInput(sampleIds.salesChat);
    await waitForPanel(workbench, sampleIds.salesChat);
    assert.deepEqual(await describedIn(from, sampleIds.salesChat), ['acme-sales']);
  });

  it('shows which instance an empty Enter takes: the last-used one, by alias', async () => {
    // The test before looked a contact up in acme-sales.
    await workbench.runCommand(describeTitle);
    await instancePicker(workbench).waitFor();
    const active = activeInstanceRow(workbench);
    await active.filter({ hasText: 'acme-sales' }).filter({ hasText: 'last used' }).waitFor();
    // The instance list has arrived too (acme-lab is only in it), so the screenshot shows the whole step.
    await workbench.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'acme-lab' }).waitFor();
    await workbench.screenshot('describe-instance-step');
    await workbench.quickInputBox.press('Enter');
    await contactPrompt(workbench).waitFor();
    await workbench.waitForQuickInputText(/Contact ID in instance acme-sales/);
  });

  it('goes back from step 2 to step 1 with what was typed in both', async () => {
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, 'acme-support');
    await contactPrompt(workbench).waitFor();
    await workbench.typeInQuickInput(sampleIds.voice, { submit: false });
    await workbench.quickInput.locator('.quick-input-left-action-bar .action-label').first().click();
    await instancePicker(workbench).waitFor();
    assert.equal(await workbench.quickInputBox.inputValue(), 'acme-support');
    await activeInstanceRow(workbench).filter({ hasText: sampleIds.instanceA }).waitFor();
    await workbench.quickInputBox.press('Enter');
    await contactPrompt(workbench).waitFor();
    assert.equal(await workbench.quickInputBox.inputValue(), sampleIds.voice);
    await workbench.quickInputBox.press('Enter');
    await waitForPanel(workbench, sampleIds.voice);
  });

  it('does not offer free text that names no instance as an instance ID', async () => {
    const from = await requestCount();
    await workbench.runCommand(describeTitle);
    await instancePicker(workbench).waitFor();
    await workbench.typeInQuickInput('acme-nothing', { submit: false });
    await workbench.waitForQuickInputText(/No instance is called "acme-nothing"/);
    await workbench.quickInputBox.press('Enter');
    // Still step 1, still explaining; nothing was looked up.
    await workbench.waitForQuickInputText(/No instance is called "acme-nothing"/);
    assert.ok(await instancePicker(workbench).isVisible());
    assert.deepEqual((await uiSession()).endpoint.requests.slice(from).filter((r) => r.operation === 'DescribeContact'), []);
  });

  it('recognises a contact ID typed at the instance step and finds it in the listed instances', async () => {
    const from = await requestCount();
    await workbench.runCommand(describeTitle);
    await instancePicker(workbench).waitFor();
    await workbench.typeInQuickInput(sampleIds.salesOutbound, { submit: false });
    await activeInstanceRow(workbench).filter({ hasText: /Look for contact e19faebd-.* in the 3 listed instances/ }).waitFor();
    await workbench.waitForQuickInputText(/it looks like a contact ID/);
    await workbench.quickInputBox.press('Enter');
    await waitForPanel(workbench, sampleIds.salesOutbound);
    // One instance after another, stopping at the first that has it (then opened from there).
    assert.deepEqual(await describedIn(from, sampleIds.salesOutbound), ['acme-support', 'acme-sales', 'acme-sales']);
  });

  it('offers Edit ID and Look in other instances (not Retry) for a contact not found, and finds it elsewhere', async () => {
    const from = await requestCount();
    await afterToastSpamWindow();
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, 'acme-support');
    await enterContact(workbench, sampleIds.salesTask);
    const notFound = new RegExp(`Contact ${sampleIds.salesTask} was not found`);
    const buttons = await toastButtons(notFound);
    assert.deepEqual(buttons, ['Edit ID', 'Look in other instances']);
    await settledToast(notFound);
    await workbench.screenshot('describe-not-found');
    await workbench.clickNotificationButton(notFound, 'Look in other instances');
    await waitForPanel(workbench, sampleIds.salesTask);
    assert.deepEqual(await describedIn(from, sampleIds.salesTask), ['acme-support', 'acme-sales', 'acme-sales']);
  });

  it('Edit ID opens step 2 again in the same instance with the ID still typed', async () => {
    await afterToastSpamWindow();
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, 'acme-support');
    await enterContact(workbench, sampleIds.missingContact);
    const notFound = new RegExp(`Contact ${sampleIds.missingContact} was not found`);
    await workbench.clickNotificationButton(notFound, 'Edit ID');
    await contactPrompt(workbench).waitFor();
    assert.equal(await workbench.quickInputBox.inputValue(), sampleIds.missingContact);
    assert.match(await title().innerText(), /acme-support · us-east-1 \(2\/2\)/);
  });

  it('says clearly when no listed instance has the contact, and offers Select Region then', async () => {
    await afterToastSpamWindow();
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, 'acme-support');
    await enterContact(workbench, sampleIds.missingContact);
    const notFound = new RegExp(`Contact ${sampleIds.missingContact} was not found`);
    await settledToast(notFound);
    await afterToastSpamWindow();
    await workbench.clickNotificationButton(notFound, 'Look in other instances');
    const none = /is in none of the 3 instances of us-east-1 \(profile local\): acme-support, acme-sales, acme-lab/;
    await workbench.waitForNotification(none);
    assert.deepEqual(await toastButtons(none), ['Edit ID', 'Select Region']);
    await settledToast(none);
    await workbench.screenshot('describe-not-in-any-instance');
    await workbench.clearNotifications();
  });

  it('shows a failed instance list as a row that says what failed and how to fix it; recent instances keep their alias', async () => {
    const { endpoint } = await uiSession();
    // A recent lookup in acme-sales (its alias was listed then).
    await describeContact(workbench, 'acme-sales', sampleIds.salesEmail);
    endpoint.setFaults({ status500: true, operation: 'ListInstances' });
    await workbench.runCommand(describeTitle);
    await instancePicker(workbench).waitFor();
    const errorRow = workbench.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'Could not list the instances of us-east-1: Amazon Connect had an internal error' });
    await errorRow.waitFor();
    assert.match(await errorRow.innerText(), /retry in a moment/);
    // Recent rows still named by alias, though the list did not load.
    await workbench.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'acme-sales' }).filter({ hasText: /last used|recent/ }).first().waitFor();
    await workbench.screenshot('describe-instance-step-list-failed');
    // Retry, from its own row, once the service answers again.
    endpoint.clearFaults();
    // (A row's text also holds the hidden separator labels of rows VS Code reuses: match the label.)
    await workbench.quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: workbench.page.locator('.label-name', { hasText: /^\s*Retry\s*$/ }) })
      .click();
    await workbench.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'acme-lab' }).waitFor();
    await errorRow.waitFor({ state: 'detached' });
  });
});
