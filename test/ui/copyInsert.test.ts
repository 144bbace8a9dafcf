// Getting a field out of the panel: Copy Value / Copy Path reach the real clipboard, and Insert
// into Editor types the value into the editor the person was last in.
import * as assert from 'node:assert/strict';
import { sampleIds } from '../endpoint/sampleIds';
import { describeContact, panelRow } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

describe('copy and insert from the contact panel', () => {
  let workbench: Workbench;

  before(() =>
    captureOnError('copy and insert setup', async () => {
      workbench = await openWorkbench();
      // The editor that Insert into Editor should write to: open before the panel takes the focus.
      await workbench.openFile('notes.md');
      await describeContact(workbench, sampleIds.instanceA, sampleIds.voice);
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('Copy Value puts the selected field value on the clipboard', async () => {
    await workbench.writeClipboard('(clipboard before the test)');
    await panelRow(workbench, 'Name').click();
    await workbench.runCommand('Amazon Connect: Copy Value');
    const copied = await workbench.waitForClipboard(/Billing question/);
    assert.equal(copied, 'Billing question – card declined');
  });

  it('Copy Path puts the field path on the clipboard', async () => {
    await panelRow(workbench, 'Channel').click();
    await workbench.runCommand('Amazon Connect: Copy Path');
    assert.equal(await workbench.waitForClipboard(/Channel/), 'Contact.Channel');
  });

  it('Copy as JSON puts a section on the clipboard as JSON', async () => {
    await panelRow(workbench, 'QueueInfo').locator('.key').click(); // folds/unfolds; the row is what counts
    await workbench.runCommand('Amazon Connect: Copy as JSON');
    const copied = JSON.parse(await workbench.waitForClipboard(/EnqueueTimestamp/)) as { QueueInfo: Record<string, unknown> };
    assert.deepEqual(Object.keys(copied), ['QueueInfo']);
    assert.deepEqual(Object.keys(copied.QueueInfo), ['Id', 'EnqueueTimestamp']);
    assert.equal(copied.QueueInfo.Id, 'b0b1b2b3-1111-4ccc-8ddd-000000000b01');
  });

  it('Ctrl+C on a focused row copies its value, exactly', async () => {
    await workbench.writeClipboard('(clipboard before the test)');
    await panelRow(workbench, 'Description').click();
    await workbench.page.keyboard.press('Control+C');
    assert.equal(
      await workbench.waitForClipboard(/escalations/),
      'Customer called about a declined card payment; transferred to escalations.',
    );
  });

  it('Insert into Editor writes the value into the last text editor', async () => {
    await panelRow(workbench, 'Id').click();
    await workbench.runCommand('Amazon Connect: Insert into Editor');
    await workbench.waitForActiveTab('notes.md');
    const text = await workbench.waitForActiveEditorText(new RegExp(sampleIds.voice));
    assert.ok(text.includes('# Notes'), `notes.md lost its text: ${text}`);
    assert.equal(text.split(sampleIds.voice).length - 1, 1, `the ID should be inserted once:\n${text}`);
  });
});
