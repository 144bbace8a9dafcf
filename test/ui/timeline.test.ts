// The Timeline in real VS Code, with the packaged extension against the local endpoint's Connect
// and CloudWatch Logs: what the flows did on a voice call with a Lambda error, the long chat, the
// whole chain, the actions (clipboard, an untitled JSON editor) and what it says when the
// instance has no flow-log group. Screenshots for the README, light and dark.
import * as assert from 'node:assert/strict';
import { flowLogIds, sampleIds } from '../endpoint/sampleIds';
import { describeContact, panel } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

describe('the Timeline of a contact', () => {
  let workbench: Workbench;
  const timeline = () => panel(workbench).locator('.timeline');
  const showTimeline = async (instanceId: string, contactId: string, first = false) => {
    // The preview panel shows the next lookup in the view it is on: the lookup waits for Fields.
    if (!first) await panel(workbench).locator('[role=tab]#tab-fields').click();
    await describeContact(workbench, instanceId, contactId);
    await panel(workbench).locator('[role=tab]#tab-timeline').click();
  };
  const eventsCount = () => timeline().locator('.events-count');

  before(() =>
    captureOnError('Timeline setup', async () => {
      workbench = await openWorkbench();
      await showTimeline(sampleIds.instanceA, flowLogIds.lambdaErrorContact, true);
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('draws the voice call\'s flows from its flow logs: a lane per flow, the Lambda error in the error colour', async () => {
    // The duplicate delivery of one line is dropped.
    await eventsCount().filter({ hasText: `${flowLogIds.eventCounts[flowLogIds.lambdaErrorContact] - 1} events` }).waitFor();
    const lanes = await timeline().locator('.lane-label').allTextContents();
    assert.ok(lanes.includes(flowLogIds.flows.inbound.name), lanes.join(', '));
    assert.ok((await timeline().locator('.mark.error').count()) >= 1);
    assert.match((await timeline().locator('.timeline-summary').textContent()) ?? '', /2 Lambda calls, 1 failed\./);
    assert.match((await timeline().locator('.timeline-source').textContent()) ?? '', /\/aws\/connect\/acme-support/);
    await workbench.screenshot('timeline-voice-dark');
    await workbench.setTheme('light');
    await workbench.screenshot('timeline-voice-light');
    await workbench.setTheme('dark');
  });

  it('shows the failed Lambda call\'s details and the function\'s own log lines', async () => {
    await timeline().locator('.events-errors input').check();
    await timeline().locator('.events-body .events-row', { hasText: 'Invoke AWS Lambda function' }).first().click();
    await timeline().locator('.event-details', { hasText: 'The Lambda Function Returned An Error.' }).waitFor();
    await timeline().getByRole('button', { name: 'Show the function\'s log lines' }).click();
    await timeline().locator('.lambda-logs-head', { hasText: flowLogIds.lambdaFunction.logGroupName }).waitFor();
    assert.ok(((await timeline().locator('.lambda-lines').textContent()) ?? '').includes(flowLogIds.lambdaErrorContact));
    await timeline().locator('.events-errors input').uncheck();
  });

  it('copies the Logs Insights query, and exports the events as JSON to an untitled editor', async () => {
    await timeline().getByRole('button', { name: 'Copy Logs Insights query' }).click();
    await workbench.waitForClipboard(new RegExp(`^fields @timestamp, @message \\| filter ContactId = "${flowLogIds.lambdaErrorContact}" \\| sort @timestamp asc$`));
    await timeline().getByRole('button', { name: 'Export events as JSON' }).click();
    const text = await workbench.waitForActiveEditorText(new RegExp(`"contactId":\\s*"${flowLogIds.lambdaErrorContact}"`));
    assert.match(text, /^\[\s*\{\s*"timestamp":\s*"/);
    await workbench.runCommand('View: Revert and Close Editor');
  });

  it('puts the whole chain on one time axis', async () => {
    await showTimeline(sampleIds.instanceA, sampleIds.voice);
    const chain = timeline().getByRole('button', { name: 'Whole chain' });
    // Enabled once the story has walked the chain.
    await panel(workbench).locator('.mode-button[data-mode="chain"]:not([disabled])').waitFor();
    await chain.click();
    await timeline().locator('.group-label').nth(2).waitFor();
    const groups = await timeline().locator('.group-label').allTextContents();
    assert.ok(groups.length >= 3, groups.join(' | '));
    assert.ok(groups.some((g) => g.endsWith('(this contact)')));
    await timeline().locator('.events-count').filter({ hasText: /events$/ }).waitFor();
    await workbench.screenshot('timeline-chain-dark');
    await workbench.setTheme('light');
    await workbench.screenshot('timeline-chain-light');
    await workbench.setTheme('dark');
  });

  it('draws the long chat\'s 5,013 events', async () => {
    await showTimeline(sampleIds.instanceA, flowLogIds.longChat.contactId);
    await eventsCount().filter({ hasText: '5,013 events' }).waitFor({ timeout: 30_000 });
    await timeline().locator('.events-filter').fill('Loop');
    await eventsCount().filter({ hasText: /^[\d,]+ of 5,013 events$/ }).waitFor();
    await timeline().locator('.events-filter').fill('');
    await workbench.screenshot('timeline-long-chat-dark');
    await workbench.setTheme('light');
    await workbench.screenshot('timeline-long-chat-light');
    await workbench.setTheme('dark');
  });

  it('says the instance has no flow-log group and how to turn flow logging on', async () => {
    await showTimeline(sampleIds.instanceB, sampleIds.salesOutbound);
    const notice = timeline().locator('.notice-noLogGroup');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', new RegExp(`${flowLogIds.missingLogGroup.logGroupName} does not exist.*Enable flow logs`));
    // The contact lane is there without logs.
    assert.ok((await timeline().locator('.phase-rect').count()) >= 1);
  });
});
