// Describe Contact from the command palette, as a person does it, in code-server with the packaged
// extension against the local endpoint: the panel's tree, its controls and keyboard, and the
// messages for contacts that do not exist and IDs that cannot be one.
import * as assert from 'node:assert/strict';
import { sampleContactArn, sampleIds } from '../endpoint/sampleIds';
import {
  describeContact,
  describeRequestsFor,
  describeTitle,
  enterContact,
  enterInstance,
  focusedPanelRow,
  instancePicker,
  panel,
  panelRow,
  panelRows,
  waitForPanel,
} from './contactFlows';
import { captureOnError, openWorkbench, uiSession, type Workbench } from './harness';

describe('Describe Contact from the command palette', () => {
  let workbench: Workbench;

  before(() =>
    captureOnError('Describe Contact setup', async () => {
      workbench = await openWorkbench();
      await describeContact(workbench, sampleIds.instanceA, sampleIds.voice);
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('opens a panel titled by channel and contact that shows the contact fields', async () => {
    await workbench.waitForActiveTab(/VOICE · 6f1d2c3b/);
    await panel(workbench).locator('.contact-header').filter({ hasText: sampleIds.voice }).waitFor();
    await panelRow(workbench, 'Name').filter({ hasText: 'Billing question' }).waitFor();
    const rows = await panelRows(workbench);
    assert.deepEqual(rows[0], { key: 'Contact', value: '24 items', level: 1 });
    assert.equal(rows.find((row) => row.key === 'Id')?.value, sampleIds.voice);
    assert.equal(rows.find((row) => row.key === 'Channel')?.value, 'VOICE');
    assert.equal(rows.find((row) => row.key === 'DisconnectReason')?.value, 'TRANSFER');
    await workbench.screenshot('panel-voice');
  });

  it('expands and collapses a section with its twistie', async () => {
    const queueInfo = panelRow(workbench, 'QueueInfo');
    assert.equal(await queueInfo.getAttribute('aria-expanded'), 'false');
    await queueInfo.locator('.twistie').click();
    await panelRow(workbench, 'EnqueueTimestamp').waitFor();
    assert.equal(await queueInfo.getAttribute('aria-expanded'), 'true');
    const rows = await panelRows(workbench);
    const at = rows.findIndex((row) => row.key === 'QueueInfo');
    assert.deepEqual(
      rows.slice(at + 1, at + 3).map((row) => [row.key, row.level]),
      [['Id', 3], ['EnqueueTimestamp', 3]],
    );
    await queueInfo.locator('.twistie').click();
    await panelRow(workbench, 'EnqueueTimestamp').waitFor({ state: 'detached' });
    assert.equal(await queueInfo.getAttribute('aria-expanded'), 'false');
  });

  it('expands everything with Expand All and folds it back with Collapse All', async () => {
    const before = (await panelRows(workbench)).length;
    await panel(workbench).locator('vscode-button.expand-all').click();
    await panelRow(workbench, 'EnqueueTimestamp').waitFor();
    assert.equal(await panelRow(workbench, 'AgentInfo').getAttribute('aria-expanded'), 'true');
    await panel(workbench).locator('vscode-button.collapse-all').click();
    await panelRow(workbench, 'Name').waitFor({ state: 'detached' });
    const rows = await panelRows(workbench);
    assert.deepEqual(rows.map((row) => row.key), ['Contact']);
    assert.equal(await panelRow(workbench, 'Contact').getAttribute('aria-expanded'), 'false');
    // Open the top level again for the next tests.
    await panelRow(workbench, 'Contact').locator('.twistie').click();
    await panelRow(workbench, 'Name').waitFor();
    assert.equal((await panelRows(workbench)).length, before);
  });

  it('filters fields and values as you type, and shows them all again when cleared', async () => {
    const filter = panel(workbench).locator('vscode-text-field.filter input');
    await filter.fill('card declined');
    await panel(workbench).locator('.match-count').filter({ hasText: /1/ }).waitFor();
    await panelRow(workbench, 'Channel').waitFor({ state: 'detached' });
    const keys = (await panelRows(workbench)).map((row) => row.key);
    assert.ok(keys.includes('Name'), `Name should match "card declined"; rows: ${keys.join(', ')}`);
    assert.ok(!keys.includes('Channel'));
    // A nested value: the filter opens the sections on the way to it.
    await filter.fill('EnqueueTimestamp');
    await panelRow(workbench, 'EnqueueTimestamp').waitFor();
    assert.deepEqual(
      (await panelRows(workbench)).map((row) => row.key).slice(0, 3),
      ['Contact', 'QueueInfo', 'EnqueueTimestamp'],
    );
    await filter.fill('');
    await panelRow(workbench, 'Channel').waitFor();
  });

  it('moves through the tree with the keyboard: arrows, Home, End, type-ahead', async () => {
    const focusedKey = (key: string) =>
      focusedPanelRow(workbench).filter({ has: panel(workbench).locator('.key', { hasText: new RegExp(`^${key}$`) }) });
    // From a known state: only the top level open (earlier tests opened and filtered sections).
    await panel(workbench).locator('vscode-button.collapse-all').click();
    await panelRow(workbench, 'Name').waitFor({ state: 'detached' });
    await panelRow(workbench, 'Contact').locator('.twistie').click();
    // A click on a leaf focuses it (a click on a section would also fold it).
    await panelRow(workbench, 'Id').click();
    await focusedKey('Id').waitFor();
    await workbench.page.keyboard.press('ArrowUp');
    await focusedKey('Arn').waitFor();
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('ArrowDown');
    await focusedKey('InitialContactId').waitFor();
    await workbench.page.keyboard.press('End');
    await focusedKey('NextContacts').waitFor();
    await workbench.page.keyboard.press('Home');
    await focusedKey('Contact').waitFor();
    await workbench.page.keyboard.type('queuei');
    await focusedKey('QueueInfo').waitFor();
    await workbench.page.keyboard.press('ArrowRight');
    await panelRow(workbench, 'EnqueueTimestamp').waitFor();
    assert.equal(await panelRow(workbench, 'QueueInfo').getAttribute('aria-expanded'), 'true');
    await workbench.page.keyboard.press('ArrowLeft');
    await panelRow(workbench, 'EnqueueTimestamp').waitFor({ state: 'detached' });
  });

  it('opens a contact from a pasted contact ARN in the instance picker', async () => {
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, sampleContactArn(sampleIds.instanceA, sampleIds.chat));
    await waitForPanel(workbench, sampleIds.chat);
    await workbench.waitForActiveTab(/CHAT · 8b3f4e5d/);
    const rows = await panelRows(workbench);
    assert.equal(rows.find((row) => row.key === 'Id')?.value, sampleIds.chat);
    assert.equal(rows.find((row) => row.key === 'Channel')?.value, 'CHAT');
  });

  it('says a contact was not found when the instance has no such contact', async () => {
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, sampleIds.instanceA);
    await enterContact(workbench, sampleIds.missingContact);
    const message = await workbench.waitForNotification(/was not found/);
    assert.match(message, new RegExp(`Contact ${sampleIds.missingContact} was not found in instance ${sampleIds.instanceA}`));
    await workbench.clearNotifications();
  });

  it('cancels a slow lookup from its progress notification, which aborts the HTTP request', async () => {
    const { endpoint } = await uiSession();
    endpoint.setFaults({ hangMs: 60_000, operation: 'DescribeContact' });
    try {
      await workbench.runCommand(describeTitle);
      await enterInstance(workbench, sampleIds.instanceA);
      await enterContact(workbench, sampleIds.email);
      const progress = /describing contact 9c4a5f6e/;
      await workbench.waitForNotification(progress);
      await workbench.clickNotificationButton(progress, 'Cancel');
      // The endpoint sees the client close the connection, long before the hang would end.
      const deadline = Date.now() + 15_000;
      const abandoned = () =>
        endpoint.requests.some((r) => r.operation === 'DescribeContact' && r.path.includes(sampleIds.email) && r.abandoned);
      while (!abandoned()) {
        if (Date.now() > deadline) assert.fail(`the request was not aborted: ${JSON.stringify(endpoint.requests.slice(-3))}`);
        await new Promise((r) => setTimeout(r, 100)); // poll interval
      }
      await workbench.notificationToasts.filter({ hasText: progress }).waitFor({ state: 'hidden' });
      // A panel or a message from the cancelled lookup would come within moments of the abort.
      await new Promise((r) => setTimeout(r, 2_000)); // settle time
      assert.ok(!(await workbench.editorTabs()).some((t) => t.includes(sampleIds.email.slice(0, 8))), 'a panel opened for the cancelled lookup');
      assert.deepEqual(await workbench.notifications(), [], 'cancelling showed a message');
    } finally {
      endpoint.clearFaults();
    }
  });

  it('explains a malformed instance ID and sends no DescribeContact request', async () => {
    const { endpoint } = await uiSession();
    await workbench.runCommand(describeTitle);
    await instancePicker(workbench).waitFor();
    await workbench.typeInQuickInput('1111 1111', { submit: false });
    await workbench.waitForQuickInputText(/contains a space at position 5/);
    await workbench.quickInputBox.press('Enter');
    // Still the instance picker, still explaining; nothing was looked up.
    await workbench.waitForQuickInputText(/contains a space at position 5/);
    await workbench.closeQuickInput();
    // Panels opened earlier may still describe their linked contacts in the background: what matters
    // is that nothing asked for the typed text.
    assert.deepEqual(describeRequestsFor(endpoint, '1111 1111'), []);
  });

  it('explains a malformed contact ID at the contact prompt and sends no request', async () => {
    const { endpoint } = await uiSession();
    await workbench.runCommand(describeTitle);
    await enterInstance(workbench, sampleIds.instanceA);
    await workbench.quickInput.filter({ hasText: /Contact ID in instance/ }).waitFor();
    await workbench.typeInQuickInput('6f1d2c3b 4a59', { submit: false });
    await workbench.waitForQuickInputText(/contains a space/);
    await workbench.quickInputBox.press('Enter');
    await workbench.waitForQuickInputText(/contains a space/);
    await workbench.closeQuickInput();
    assert.deepEqual(describeRequestsFor(endpoint, '6f1d2c3b 4a59'), []);
  });
});
