// Find Contacts in Flow Logs as the search panel receives it: rows and status at every
// GetQueryResults, then the end; each failure as what to do; the panel's messages validated.
import * as assert from 'node:assert/strict';
import { connectError } from '../../../src/aws/errors';
import type { InsightsResultRow, InsightsService, RunQueryOptions } from '../../../src/aws/insightsService';
import { insightsJob, type InsightsJobSpec, type InsightsRunOutcome } from '../../../src/insights/insightsJob';
import { insightsProblemOf } from '../../../src/insights/insightsProblems';
import { parseSearchHostMessage, parseSearchWebviewMessage } from '../../../src/protocol/searchMessages';
import type { InsightsUpdate } from '../../../src/search/searchPanel';
import { insightsTableRows } from '../../../src/timeline/insightsRows';

const instance = { profile: 'p', region: 'us-east-1', instanceId: '11111111-1111-4111-8111-111111111111' };
const line = (contactId: string, time: string, flow = 'Inbound'): InsightsResultRow => [
  { field: '@timestamp', value: time },
  { field: 'ContactId', value: contactId },
  { field: 'ContactFlowName', value: flow },
  { field: 'ContactFlowModuleType', value: 'InvokeExternalResource' },
  { field: 'Results', value: 'The Lambda Function Returned An Error.' },
];
const spec: InsightsJobSpec = {
  instance,
  instanceLabel: 'acme-support',
  templateLabel: 'Contacts with any error result',
  query: 'fields @timestamp, ContactId',
  request: { query: 'fields @timestamp, ContactId', startMs: Date.parse('2026-11-01T00:00:00Z'), endMs: Date.parse('2026-11-02T00:00:00Z') },
};

function run(runQuery: (o: RunQueryOptions) => Promise<unknown>): Promise<{ updates: InsightsUpdate[]; outcomes: InsightsRunOutcome[] }> {
  const updates: InsightsUpdate[] = [];
  const outcomes: InsightsRunOutcome[] = [];
  const job = insightsJob(spec, {
    insights: () => ({ runQuery: (_t: unknown, o: RunQueryOptions) => runQuery(o) }) as unknown as InsightsService,
    instanceDetails: () => Promise.resolve({ alias: 'acme-support' }),
    flowLogGroups: () => ({}),
  }, { onEnd: (o) => outcomes.push(o), edit: () => Promise.resolve(undefined) });
  assert.equal(job.title, 'Contacts with any error result · 2026-11-01 00:00 – 2026-11-02 00:00 UTC');
  return job.run(new AbortController().signal, (u) => updates.push(u)).then(() => ({ updates, outcomes }));
}

describe('insightsJob: a Logs Insights query in the search panel', () => {
  it('shows the rows at every GetQueryResults (one per contact), the status and records scanned, then Complete', async () => {
    const partial = [line('a', '2026-11-01 10:00:00.000')];
    const all = [line('a', '2026-11-01 10:00:00.000'), line('b', '2026-11-01 11:00:00.000', '<b>x</b>'), line('a', '2026-11-01 09:00:00.000')];
    const { updates, outcomes } = await run((o) => {
      o.onProgress?.({ queryId: 'q', status: 'Scheduled', statistics: {}, rows: 0, results: [] });
      o.onProgress?.({ queryId: 'q', status: 'Running', statistics: { recordsScanned: 500 }, rows: 1, results: partial });
      o.onProgress?.({ queryId: 'q', status: 'Complete', statistics: { recordsScanned: 900, recordsMatched: 3 }, rows: 3, results: all });
      return Promise.resolve({ queryId: 'q', status: 'Complete', results: all, statistics: { recordsScanned: 900, recordsMatched: 3 }, polls: 3 });
    });
    assert.deepEqual(updates.map((u) => [u.status.phase, u.status.logGroup, u.rows?.map((r) => r.id), u.status.contacts, u.status.lines, u.status.recordsScanned]), [
      ['Starting', undefined, [], 0, 0, undefined],
      ['Starting', '/aws/connect/acme-support', undefined, 0, 0, undefined],
      ['Scheduled', '/aws/connect/acme-support', [], 0, 0, undefined],
      ['Running', '/aws/connect/acme-support', ['a'], 1, 1, 500],
      ['Complete', '/aws/connect/acme-support', ['b', 'a'], 2, 3, 900],
      ['Complete', '/aws/connect/acme-support', ['b', 'a'], 2, 3, 900],
    ]);
    const last = updates.at(-1)?.rows ?? [];
    assert.deepEqual(last[1], { id: 'a', time: '2026-11-01T10:00:00.000Z', flow: 'Inbound', block: 'InvokeExternalResource', blockLabel: 'Invoke AWS Lambda function', identifier: '', result: 'The Lambda Function Returned An Error.', lines: 2 });
    assert.equal(last[0].flow, '<b>x</b>');
    assert.equal(updates.at(-1)?.status.problem, undefined);
    assert.ok(outcomes[0].ok);
  });

  it('says nothing matched, in which log group and range, and offers to edit the query', async () => {
    const { updates } = await run(() => Promise.resolve({ queryId: 'q', status: 'Complete', results: [], statistics: { recordsScanned: 10 }, polls: 3 }));
    const problem = updates.at(-1)?.status.problem;
    assert.equal(problem?.kind, 'noResults');
    assert.equal(problem?.message, 'No flow-log line in /aws/connect/acme-support matched the query between 2026-11-01 00:00 – 2026-11-02 00:00 UTC.');
    assert.deepEqual(problem?.actions, ['editQuery']);
  });

  it('names logs:StartQuery, logs:GetQueryResults and the log group when access is denied; Cancelled when stopped', async () => {
    const denied = await run(() => Promise.reject(connectError('AccessDenied', 'Profile p is not allowed to call logs:StartQuery on the log group /aws/connect/acme-support.', { operation: 'StartQuery', hint: 'Ask your AWS administrator to grant the IAM action logs:StartQuery on arn:aws:logs:us-east-1:1:log-group:/aws/connect/acme-support.' })));
    const problem = denied.updates.at(-1)?.status.problem;
    assert.equal(denied.updates.at(-1)?.status.phase, 'Failed');
    assert.equal(problem?.kind, 'accessDenied');
    assert.match(problem?.fix ?? '', /logs:StartQuery on arn:aws:logs:.*logs:StartQuery and logs:GetQueryResults .*on the log group \/aws\/connect\/acme-support\./);
    assert.ok(!denied.outcomes[0].ok && denied.outcomes[0].error.kind === 'AccessDenied');
    const cancelled = await run(() => Promise.reject(connectError('Cancelled', 'The Logs Insights query was cancelled and stopped.', { operation: 'StopQuery' })));
    assert.equal(cancelled.updates.at(-1)?.status.phase, 'Cancelled');
    assert.deepEqual(cancelled.updates.at(-1)?.status.problem?.actions, ['rerun', 'editQuery']);
  });

  it('reads each failure as what to do', () => {
    assert.equal(insightsProblemOf({ kind: 'NotFound', message: 'gone', hint: 'Turn on flow logs.' }).kind, 'noLogGroup');
    assert.deepEqual(insightsProblemOf({ kind: 'NotFound', message: 'gone' }).actions, ['flowLogSettings', 'rerun']);
    const malformed = insightsProblemOf({ kind: 'InvalidInput', message: 'CloudWatch Logs Insights could not run the query: bad', queryError: { message: 'bad', startCharOffset: 3 } });
    assert.deepEqual([malformed.kind, malformed.queryError?.message, malformed.actions], ['malformedQuery', 'bad', ['editQuery']]);
    assert.equal(insightsProblemOf({ kind: 'Timeout', message: 'slow' }).kind, 'timeout');
    assert.equal(insightsProblemOf({ kind: 'InvalidInput', message: 'no alias', hint: 'name it in connectContacts.flowLogGroups' }).kind, 'noLogGroup');
  });

  it('keeps one row per contact: its newest line, and how many lines matched', () => {
    const rows = insightsTableRows([
      { contactId: 'a', timestamp: '2026-11-01T09:00:00.000Z', block: 'MessageParticipant' },
      { contactId: 'a', timestamp: '2026-11-01T10:00:00.000Z', block: 'SomethingNew' },
    ]);
    assert.deepEqual(rows.map((r) => [r.id, r.time, r.blockLabel, r.lines]), [['a', '2026-11-01T10:00:00.000Z', 'SomethingNew', 2]]);
  });

  it('takes the panel\'s new messages only when well formed', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    assert.deepEqual(parseSearchWebviewMessage({ type: 'copyIds', contactIds: [id] }), { type: 'copyIds', contactIds: [id] });
    assert.equal(parseSearchWebviewMessage({ type: 'copyIds', contactIds: ['<script>'] }), undefined);
    assert.equal(parseSearchWebviewMessage({ type: 'copyIds', contactIds: [] }), undefined);
    assert.equal(parseSearchWebviewMessage({ type: 'pin', contactIds: Array(1001).fill(id) }), undefined);
    assert.deepEqual(parseSearchWebviewMessage({ type: 'insightsAction', action: 'editQuery' }), { type: 'insightsAction', action: 'editQuery' });
    assert.equal(parseSearchWebviewMessage({ type: 'insightsAction', action: 'rm -rf' }), undefined);
    assert.equal(parseSearchHostMessage({ type: 'insightsRows', searchId: 1, rows: [{ id }] }), undefined, 'a row without its time');
    assert.equal(parseSearchHostMessage({ type: 'insightsStatus', status: { searchId: 1, phase: 'Running', contacts: 0, problem: { message: 'x' } } }), undefined, 'a problem without actions');
  });
});
