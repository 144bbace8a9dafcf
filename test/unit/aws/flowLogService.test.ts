// FlowLogService through the real SDK client against a small in-process CloudWatch Logs stand-in
// (awsJson1.1: POST /, X-Amz-Target, `__type` errors): paging, patterns, windows, errors, budget.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AwsCaller } from '../../../src/aws/awsCall';
import { ConnectService } from '../../../src/aws/connectService';
import { FlowLogService, logsQuotaBudget } from '../../../src/aws/flowLogService';
import { unlimitedBudget } from '../../../src/aws/scheduler';
import type { Sdk } from '../../../src/aws/sdkLoader';
import { defaultTransport, type AccountTarget } from '../../../src/aws/types';
import { parseFlowLogEvents } from '../../../src/timeline/flowLogEvents';
import { repoRoot } from '../contact/samples';
import { expectError, useLogsStandIn } from './logsStandIn';

const contactId = '11111111-2222-3333-4444-555555555555';
const group = '/aws/connect/my-centre';
const target: AccountTarget = { profile: 'p', region: 'us-east-1' };

describe('FlowLogService', function () {
  this.timeout(20_000);
  const t = useLogsStandIn('cce-flowlogs-', () => ({ body: { events: [] } }));

  /** Logs goes to the logs setting; Connect's setting points nowhere it may reach. */
  const service = (extra: Partial<ConstructorParameters<typeof AwsCaller>[0]> = {}, budget = unlimitedBudget): FlowLogService =>
    new FlowLogService({ env: t.env, transport: () => ({ ...defaultTransport, endpointUrl: 'http://127.0.0.1:9', logsEndpointUrl: t.url, maxAttempts: 1 }), requestBudget: () => budget, ...extra });

  const event = (n: number) => ({ eventId: `e${n}`, timestamp: 1_700_000_000_000 + n, message: JSON.stringify({ ContactId: contactId, ContactFlowModuleType: 'PlayPrompt', Timestamp: new Date(1_700_000_000_000 + n).toISOString() }), logStreamName: 's', ingestionTime: 1 });

  it('reads every page of one contact\'s lines, with its pattern and window, and reports progress', async () => {
    t.answer = (r) => {
      const token = r.body.nextToken;
      if (token === undefined) return { body: { events: [event(1), event(2)], nextToken: 't1' } };
      if (token === 't1') return { body: { events: [], nextToken: 't2' } }; // empty, yet more to come
      return { body: { events: [event(3)] } };
    };
    const pages: number[] = [];
    const logs = service();
    const fetched = await logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: '2023-11-14T22:00:00Z', endTime: new Date('2023-11-14T23:00:00Z'), onPage: (p) => pages.push(p.events) });
    assert.deepEqual(fetched.events.map((e) => e.eventId), ['e1', 'e2', 'e3']);
    assert.equal(fetched.pages, 3);
    assert.equal(fetched.truncated, false);
    assert.deepEqual(pages, [2, 2, 3]);
    assert.deepEqual(t.received.map((r) => r.target), ['Logs_20140328.FilterLogEvents', 'Logs_20140328.FilterLogEvents', 'Logs_20140328.FilterLogEvents']);
    assert.deepEqual(t.received[0].body, { logGroupName: group, startTime: Date.parse('2023-11-14T22:00:00Z'), endTime: Date.parse('2023-11-14T23:00:00Z'), filterPattern: `{ $.ContactId = "${contactId}" }` });
    assert.equal(t.received[1].body.nextToken, 't1');
    assert.equal(t.received[0].host, t.url.replace('http://', ''));
    assert.equal(parseFlowLogEvents(fetched.events).events.length, 3);
    await logs.dispose();
  });

  it('stops when the service repeats a token', async () => {
    t.answer = () => ({ body: { events: [event(t.received.length)], nextToken: 'same' } });
    const logs = service();
    const fetched = await logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1 });
    assert.equal(t.received.length, 2);
    assert.equal(fetched.pages, 2);
    await logs.dispose();
  });

  it('asks for several contacts in as few patterns as fit', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(8, '0')}-2222-3333-4444-555555555555`);
    const logs = service();
    await logs.filterContactEvents(target, { logGroupName: group, contactIds: ids, startTime: 0, endTime: 1 });
    assert.ok(t.received.length >= 2 && t.received.length < 5, String(t.received.length));
    for (const r of t.received) assert.ok(String(r.body.filterPattern).length <= 1024);
    await logs.dispose();
  });

  it('refuses a contact ID that could change the pattern, without a request', async () => {
    const logs = service();
    const e = await expectError(logs.filterContactEvents(target, { logGroupName: group, contactId: 'x" || $.ContactId = "*', startTime: 0, endTime: 1 }));
    assert.equal(e.kind, 'InvalidInput');
    assert.equal((await expectError(logs.filterContactEvents(target, { logGroupName: 'bad name', contactId, startTime: 0, endTime: 1 }))).kind, 'InvalidInput');
    assert.equal((await expectError(logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 5, endTime: 1 }))).kind, 'InvalidInput');
    assert.equal(t.received.length, 0);
    await logs.dispose();
  });

  it('says the log group does not exist, and how to turn flow logging on', async () => {
    t.answer = () => ({ status: 400, body: { __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' } });
    const logs = service();
    const e = await expectError(logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1 }));
    assert.equal(e.kind, 'NotFound');
    assert.equal(e.message, `The log group ${group} does not exist (us-east-1, profile p). (Request ID: req-1)`);
    assert.match(e.info.hint ?? '', /Enable flow logs.*Set logging behavior.*connectContacts\.flowLogGroups/);
    assert.equal(e.info.operation, 'FilterLogEvents');
    await logs.dispose();
  });

  it('names logs:FilterLogEvents and the log group\'s ARN when access is denied', async () => {
    t.answer = () => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'User: arn:aws:sts::123456789012:assumed-role/r/me is not authorized to perform: logs:FilterLogEvents' } });
    const logs = service();
    const e = await expectError(logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1, accountId: '123456789012' }));
    assert.equal(e.kind, 'AccessDenied');
    assert.match(e.message, /^Profile p is not allowed to call logs:FilterLogEvents on the log group \/aws\/connect\/my-centre\. AWS said: /);
    assert.equal(e.info.hint, `Ask your AWS administrator to grant the IAM action logs:FilterLogEvents on arn:aws:logs:us-east-1:123456789012:log-group:${group}:* to the role or user behind profile p.`);
    await logs.dispose();
  });

  it('reads a Lambda function\'s own lines that mention the contact, 30 seconds either side', async () => {
    const logs = service();
    await logs.filterLambdaEvents(target, { functionName: 'arn:aws:lambda:us-east-1:123456789012:function:lookup:live', contactId, around: 1_700_000_000_000 });
    assert.deepEqual(t.received[0].body, { logGroupName: '/aws/lambda/lookup', startTime: 1_699_999_970_000, endTime: 1_700_000_030_000, filterPattern: `"${contactId}"` });
    assert.equal((await expectError(logs.filterLambdaEvents(target, { functionName: '../x', contactId, around: 0 }))).kind, 'InvalidInput');
    await logs.dispose();
  });

  it('reads a log group\'s retention by its exact name', async () => {
    t.answer = (r) => r.body.nextToken === undefined
      ? { body: { logGroups: [{ logGroupName: `${group}-other`, retentionInDays: 1 }], nextToken: 'n' } }
      : { body: { logGroups: [{ logGroupName: group, retentionInDays: 30, arn: `arn:aws:logs:us-east-1:123456789012:log-group:${group}:*`, creationTime: 1_700_000_000_000, storedBytes: 42 }] } };
    const logs = service();
    assert.deepEqual(await logs.describeLogGroup(target, group), { name: group, arn: `arn:aws:logs:us-east-1:123456789012:log-group:${group}:*`, retentionInDays: 30, createdAt: '2023-11-14T22:13:20.000Z', storedBytes: 42 });
    assert.deepEqual(t.received.map((r) => [r.target, r.body.logGroupNamePrefix]), [['Logs_20140328.DescribeLogGroups', group], ['Logs_20140328.DescribeLogGroups', group]]);
    t.answer = () => ({ body: { logGroups: [] } });
    assert.equal(await logs.describeLogGroup(target, '/aws/connect/none'), undefined);
    await logs.dispose();
  });

  it('draws from its own budget, logs|profile|region, on the scheduler it shares with Connect', async () => {
    const caller = new AwsCaller({ env: t.env, transport: () => ({ ...defaultTransport, logsEndpointUrl: t.url, endpointUrl: t.url, maxAttempts: 1 }) });
    const logs = new FlowLogService({ caller });
    const connect = new ConnectService({ caller, requestBudget: () => ({ requestsPerSecond: 2, burst: 5 }) });
    await logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1 });
    const budgets = connect.requestBudgets();
    assert.deepEqual(budgets.map((b) => [b.key, b.configured.requestsPerSecond, b.configured.burst]), [['logs|p|us-east-1', 5, 5]]);
    assert.deepEqual(logsQuotaBudget, { requestsPerSecond: 5, burst: 5 });
    // A shared call path is its owner's to dispose.
    await logs.dispose();
    await connect.dispose();
    await caller.dispose();
  });

  it('slows its budget when CloudWatch Logs throttles, and retries', async () => {
    let throttled = false;
    t.answer = () => {
      if (!throttled) {
        throttled = true;
        return { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
      }
      return { body: { events: [event(1)] } };
    };
    const logs = service({ retryDelayMs: 1, transport: () => ({ ...defaultTransport, logsEndpointUrl: t.url, maxAttempts: 3 }) }, logsQuotaBudget);
    const fetched = await logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1 });
    assert.equal(fetched.events.length, 1);
    assert.equal(t.received.length, 2);
    assert.ok(logs.requestBudgets()[0].requestsPerSecond < 5);
    await logs.dispose();
  });

  it('works through the shipped SDK file dist/sdk.js (the Logs client and commands taken from their own modules)', async function () {
    const shipped = join(repoRoot(), 'dist', 'sdk.js');
    if (!existsSync(shipped)) this.skip();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file the extension requires
    const loadShipped = (): Promise<Sdk> => new Promise((resolve) => resolve(require(shipped) as Sdk));
    t.answer = (r) => (r.target.endsWith('DescribeLogGroups') ? { body: { logGroups: [{ logGroupName: group, retentionInDays: 7 }] } } : { body: { events: [event(1)] } });
    const logs = service({ loadSdk: loadShipped });
    assert.equal((await logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1 })).events.length, 1);
    assert.equal((await logs.describeLogGroup(target, group))?.retentionInDays, 7);
    const e = await expectError((t.answer = () => ({ status: 400, body: { __type: 'ResourceNotFoundException', message: 'gone' } }), logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1 })));
    assert.equal(e.kind, 'NotFound');
    await logs.dispose();
  });

  it('is cancelled by its signal', async () => {
    const logs = service();
    const controller = new AbortController();
    controller.abort();
    assert.equal((await expectError(logs.filterContactEvents(target, { logGroupName: group, contactId, startTime: 0, endTime: 1, signal: controller.signal }))).kind, 'Cancelled');
    await logs.dispose();
  });
});
