// Amazon Connect: Find Contacts in Flow Logs in the real extension host, against the local
// endpoint's Logs Insights: the command run with arguments (no prompts) returns the contacts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindInFlowLogsOutcome } from '../../src/insights/findInFlowLogs';
import { flowLogIds, sampleIds } from '../endpoint/sampleIds';
import { endpointControl } from './extensionApi';

const find = (args: unknown) => vscode.commands.executeCommand<FindInFlowLogsOutcome | undefined>('connectContacts.findInFlowLogs', args);
// The sample voice contact began at 1795158000 (epoch seconds): a month either side.
const startTime = new Date((1_795_158_000 - 30 * 86_400) * 1000).toISOString();
const endTime = new Date((1_795_158_000 + 30 * 86_400) * 1000).toISOString();

describe('Find Contacts in Flow Logs (command with arguments)', function () {
  this.timeout(30_000);

  it('the Lambda template finds the voice contact whose Lambda failed, through StartQuery and GetQueryResults', async () => {
    await endpointControl.clearRequests();
    const out = await find({ instanceId: sampleIds.instanceA, template: 'lambdaFailing', inputs: { functionName: flowLogIds.lambdaFunction.name }, startTime, endTime });
    assert.ok(out?.ok, JSON.stringify(out));
    assert.equal(out.logGroup, flowLogIds.logGroup);
    assert.deepEqual(out.contacts.map((c) => c.row.contactId), [flowLogIds.lambdaErrorContact]);
    assert.equal(out.rows[0].block, 'InvokeExternalResource');
    assert.match(out.rows[0].result ?? '', /error/i);
    const ops = (await endpointControl.requests()).map((r) => r.operation);
    assert.ok(ops.includes('StartQuery') && ops.filter((o) => o === 'GetQueryResults').length >= 3, ops.join(', '));
  });

  it('an edited query runs as given; a malformed one returns the service\'s message', async () => {
    const errors = await find({ instanceId: sampleIds.instanceA, query: 'fields @timestamp, ContactId, Results | filter Results like /(?i)error/ | sort @timestamp desc | limit 5', startTime, endTime });
    assert.ok(errors?.ok, JSON.stringify(errors));
    assert.ok(errors.contacts.some((c) => c.row.contactId === flowLogIds.lambdaErrorContact));
    const bad = await find({ instanceId: sampleIds.instanceA, query: 'fields @timestamp | dedup ContactId', startTime, endTime });
    assert.ok(bad && !bad.ok);
    assert.equal(bad.error.kind, 'InvalidInput');
    assert.ok(bad.error.queryError?.message, JSON.stringify(bad.error));
    assert.match(bad.error.message, /Logs Insights could not run the query/);
  });
});
