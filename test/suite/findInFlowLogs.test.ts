// Amazon Connect: Find Contacts in Flow Logs in the real extension host, against the local
// endpoint's Logs Insights: the prompts answered in VS Code's own quick input (by its commands, as
// the keyboard would), the contacts in the search panel's table (what the panel sent its page),
// and each failure as the panel says it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindInFlowLogsOutcome } from '../../src/insights/findInFlowLogs';
import type { SearchPanel } from '../../src/search/searchPanel';
import { flowLogIds, sampleIds } from '../endpoint/sampleIds';
import { endpointControl, extensionApi, waitFor } from './extensionApi';

const find = (args?: unknown) => vscode.commands.executeCommand<FindInFlowLogsOutcome | undefined>('connectContacts.findInFlowLogs', args);
// The sample voice contact began at 1795158000 (epoch seconds): a month either side.
const startTime = new Date((1_795_158_000 - 30 * 86_400) * 1000).toISOString();
const endTime = new Date((1_795_158_000 + 30 * 86_400) * 1000).toISOString();


/**
 * Waits until the panel shows how the query ended, and returns that status (what it sends its page,
 * read on the host: a webview in code-server may wait seconds for its service worker before it loads).
 */
async function finalStatus(panel: SearchPanel) {
  return waitFor('the panel to show how the query ended', () => {
    const s = panel.insightsStatus;
    return s && ['Complete', 'Failed', 'Cancelled'].includes(s.phase) ? s : undefined;
  }, 20_000);
}

/**
 * Answers the prompt titled `title` once the command shows it, with quick-input commands (what
 * the arrow keys and Enter do). The pause lets the workbench draw the items the extension sent.
 */
async function answer(title: RegExp, ...commands: string[]): Promise<void> {
  const finder = (await extensionApi()).services.findInFlowLogs;
  await waitFor(`the prompt ${title.source}`, () => (finder.prompt !== undefined && title.test(finder.prompt) ? true : undefined));
  await new Promise((r) => setTimeout(r, 400));
  for (const command of commands) await vscode.commands.executeCommand(command);
}
const next = 'workbench.action.quickOpenSelectNext';
const accept = 'workbench.action.acceptSelectedQuickOpenItem';

describe('Find Contacts in Flow Logs', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await endpointControl.clearDeny();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('the prompts, answered in VS Code\'s quick input', () => {
    before(async () => {
      // Instance A becomes the last looked up, which the instance prompt offers first.
      await vscode.commands.executeCommand('connectContacts.describeContact', { instanceId: sampleIds.instanceA, contactId: sampleIds.voice });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('instance → "any error result" → last 30 days → the query as shown: the contacts fill the panel, titled with the template and range', async () => {
      await endpointControl.clearRequests();
      const pending = find();
      await answer(/Find Contacts in Flow Logs — instance/, accept);
      await answer(/find contacts whose flows/, accept);
      await answer(/time range of the flow logs/, next, next, next, accept);
      await answer(/Logs Insights query/, accept);
      const out = await pending;
      assert.ok(out?.ok, JSON.stringify(out && !out.ok ? out.error : out));
      const panel = out.panel as SearchPanel;
      // 30 days back from now, in StartQuery's seconds.
      assert.ok(Math.abs(out.endMs - out.startMs - 30 * 86_400_000) < 1000, `${out.startMs}–${out.endMs}`);
      assert.equal(out.logGroup, flowLogIds.logGroup);
      assert.match(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', /^Contacts with any error result · \d{4}-\d\d-\d\d \d\d:\d\d – .* UTC$/);
      const status = await finalStatus(panel);
      assert.equal(status.phase, 'Complete');
      assert.equal(status.problem, undefined);
      const rows = panel.insightsRows;
      assert.ok(rows.some((r) => r.id === flowLogIds.lambdaErrorContact), JSON.stringify(rows.map((r) => r.id)));
      assert.deepEqual(rows.map((r) => r.id), out.contacts.map((c) => c.row.contactId));
      assert.equal(status.contacts, rows.length);
      const ops = (await endpointControl.requests()).map((r) => r.operation);
      assert.ok(ops.includes('StartQuery') && ops.includes('GetQueryResults'), ops.join(', '));
    });

    it('closing a prompt ends the command without a query', async () => {
      await endpointControl.clearRequests();
      const pending = find();
      await answer(/Find Contacts in Flow Logs — instance/, accept);
      await answer(/find contacts whose flows/, 'workbench.action.closeQuickOpen');
      assert.equal(await pending, undefined);
      assert.ok(!(await endpointControl.requests()).some((r) => r.operation === 'StartQuery'));
    });

    it('my own query (from the error query) over a custom range, as typed by default: the last 24 hours', async () => {
      const pending = find();
      await answer(/Find Contacts in Flow Logs — instance/, accept);
      await answer(/find contacts whose flows/, next, next, next, next, accept);
      await answer(/time range of the flow logs/, next, next, next, next, accept);
      // The custom range starts as the last 24 hours: the sample contacts are older.
      await answer(/Time range \(ISO 8601/, accept);
      await answer(/Logs Insights query/, accept);
      const out = await pending;
      assert.ok(out?.ok, JSON.stringify(out));
      assert.ok(Math.abs(out.endMs - out.startMs - 86_400_000) < 60_000, `${out.startMs}–${out.endMs}`);
      assert.match(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', /^Custom query · /);
      const status = await finalStatus(out.panel as SearchPanel);
      assert.equal(status.phase, 'Complete');
      assert.deepEqual((out.panel as SearchPanel).insightsRows.map((r) => r.id), out.contacts.map((c) => c.row.contactId));
    });
  });

  describe('with arguments (no prompts)', () => {
    it('the Lambda template finds the voice contact whose Lambda failed, and the panel shows it with its flow, block and result', async () => {
      await endpointControl.clearRequests();
      const out = await find({ instanceId: sampleIds.instanceA, template: 'lambdaFailing', inputs: { functionName: flowLogIds.lambdaFunction.name }, startTime, endTime });
      assert.ok(out?.ok, JSON.stringify(out));
      assert.equal(out.logGroup, flowLogIds.logGroup);
      assert.deepEqual(out.contacts.map((c) => c.row.contactId), [flowLogIds.lambdaErrorContact]);
      const ops = (await endpointControl.requests()).map((r) => r.operation);
      assert.ok(ops.includes('StartQuery') && ops.filter((o) => o === 'GetQueryResults').length >= 3, ops.join(', '));
      const panel = out.panel as SearchPanel;
      const status = await finalStatus(panel);
      assert.deepEqual([status.phase, status.logGroup, status.contacts], ['Complete', flowLogIds.logGroup, 1]);
      assert.equal(typeof status.recordsScanned, 'number');
      // What the page was sent, once it has loaded.
      const [row] = await waitFor('the row on the page', () => panel.lastSent.insightsRows?.rows, 45_000);
      assert.equal(panel.lastSent.insightsInit?.heading.template, 'A Lambda function failing or timing out');
      assert.equal(panel.lastSent.insightsInit?.heading.instance, sampleIds.instanceAAlias);
      assert.equal(row.id, flowLogIds.lambdaErrorContact);
      assert.equal(row.block, 'InvokeExternalResource');
      assert.equal(row.blockLabel, 'Invoke AWS Lambda function');
      assert.match(row.result, /error/i);
      assert.ok(row.flow.length > 0);
      const api = await extensionApi();
      assert.ok(api.services.search.all().includes(panel), 'the search feature\'s panel');
    });

    it('a malformed query: the panel shows the service\'s message beside the query and offers to edit it', async () => {
      const bad = await find({ instanceId: sampleIds.instanceA, query: 'fields @timestamp | dedup ContactId', startTime, endTime });
      assert.ok(bad && !bad.ok);
      assert.equal(bad.error.kind, 'InvalidInput');
      assert.match(bad.error.message, /Logs Insights could not run the query/);
      const status = await finalStatus(bad.panel as SearchPanel);
      assert.equal(status.problem?.kind, 'malformedQuery');
      assert.equal(status.problem?.queryError?.message, bad.error.queryError?.message);
      assert.ok(status.problem?.queryError?.message);
      assert.deepEqual(status.problem?.actions, ['editQuery']);
      // Edit query: the query opens for editing with the service's words; Enter runs it in the same panel.
      const panel = bad.panel as SearchPanel;
      const firstRun = status.searchId;
      const editing = panel.insightsAction('editQuery');
      await answer(/Logs Insights query/, accept);
      await editing;
      const again = await finalStatus(panel);
      assert.ok(again.searchId > firstRun);
      assert.equal(again.problem?.kind, 'malformedQuery');
    });

    it('nothing matched: the panel says no contacts were found, where it looked, and what to do', async () => {
      const out = await find({ instanceId: sampleIds.instanceA, template: 'blockInFlow', inputs: { flowName: 'No such flow', moduleType: 'MessageParticipant' }, startTime, endTime });
      assert.ok(out?.ok, JSON.stringify(out));
      assert.equal(out.contacts.length, 0);
      const status = await finalStatus(out.panel as SearchPanel);
      assert.equal(status.problem?.kind, 'noResults');
      assert.match(status.problem?.message ?? '', /No flow-log line in \/aws\/connect\/acme-support matched the query between/);
      assert.deepEqual(status.problem?.actions, ['editQuery']);
    });

    it('an instance whose flow-log group does not exist: says flow logging is off and how to turn it on', async () => {
      const out = await find({ instanceId: flowLogIds.missingLogGroup.instanceId, template: 'errors', startTime, endTime });
      assert.ok(out && !out.ok);
      const status = await finalStatus(out.panel as SearchPanel);
      assert.equal(status.problem?.kind, 'noLogGroup');
      assert.match(status.problem?.fix ?? '', /Enable flow logs/);
      assert.ok(status.problem?.actions.includes('flowLogSettings'));
    });

    it('logs:StartQuery denied: names the action and the log group', async () => {
      await endpointControl.deny(['logs:StartQuery']);
      const out = await find({ instanceId: sampleIds.instanceA, template: 'errors', startTime, endTime });
      assert.ok(out && !out.ok);
      const status = await finalStatus(out.panel as SearchPanel);
      assert.equal(status.problem?.kind, 'accessDenied');
      assert.match(status.problem?.message ?? '', /logs:StartQuery on the log group \/aws\/connect\/acme-support/);
      assert.match(status.problem?.fix ?? '', /logs:StartQuery and logs:GetQueryResults .*\/aws\/connect\/acme-support/);
    });

    it('Cancel in the panel stops the query on the service (StopQuery) and says it was cancelled', async () => {
      await endpointControl.clearRequests();
      const pending = find({ instanceId: sampleIds.instanceA, template: 'errors', startTime, endTime });
      const panel = await waitFor('the panel', async () => (await extensionApi()).services.search.all().find((p) => p.showsInsights && p.insightsStatus?.phase === 'Scheduled'));
      panel.cancel();
      const out = await pending;
      assert.ok(out && !out.ok && out.error.kind === 'Cancelled', JSON.stringify(out));
      const status = await finalStatus(panel);
      assert.deepEqual([status.phase, status.problem?.kind], ['Cancelled', 'cancelled']);
      assert.ok((await endpointControl.requests()).some((r) => r.operation === 'StopQuery'));
    });

    it('closing the panel while the query runs stops it too, and the command still ends', async () => {
      await endpointControl.clearRequests();
      const pending = find({ instanceId: sampleIds.instanceA, template: 'errors', startTime, endTime });
      const panel = await waitFor('the panel', async () => (await extensionApi()).services.search.all().find((p) => p.showsInsights && p.insightsStatus?.phase === 'Scheduled'));
      panel.dispose();
      const out = await pending;
      assert.ok(out && !out.ok && out.error.kind === 'Cancelled', JSON.stringify(out));
      assert.ok((await endpointControl.requests()).some((r) => r.operation === 'StopQuery'));
      assert.ok(!(await extensionApi()).services.search.all().includes(panel));
    });
  });
});
