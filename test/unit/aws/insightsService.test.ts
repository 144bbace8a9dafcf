// InsightsService through the real SDK client against a small in-process CloudWatch Logs stand-in
// (awsJson1.1: POST /, X-Amz-Target, `__type` errors): StartQuery, polling with backoff, StopQuery
// on cancel, the service's errors.
import * as assert from 'node:assert/strict';
import { InsightsService, type InsightsProgress, type InsightsServiceOptions } from '../../../src/aws/insightsService';
import { unlimitedBudget } from '../../../src/aws/scheduler';
import { defaultTransport, type AccountTarget } from '../../../src/aws/types';
import { parseInsightsResults } from '../../../src/timeline/insightsTemplates';
import { expectError, useLogsStandIn, type Received, type Reply } from './logsStandIn';

const group = '/aws/connect/my-centre';
const target: AccountTarget = { profile: 'p', region: 'us-east-1' };
const op = (r: Received) => r.target.replace('Logs_20140328.', '');

describe('InsightsService', function () {
  this.timeout(20_000);
  const t = useLogsStandIn('cce-insights-', () => ({ body: {} }));
  let slept: number[];
  beforeEach(() => {
    slept = [];
  });

  /** Sleeps are recorded, not waited: the backoff is what the test reads. */
  const service = (extra: Partial<InsightsServiceOptions> = {}): InsightsService =>
    new InsightsService({
      env: t.env,
      transport: () => ({ ...defaultTransport, endpointUrl: 'http://127.0.0.1:9', logsEndpointUrl: t.url, maxAttempts: 1 }),
      requestBudget: () => unlimitedBudget,
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
      ...extra,
    });

  const row = (id: string) => [{ field: '@timestamp', value: '2024-05-15 11:40:34.056' }, { field: 'ContactId', value: id }, { field: 'Results', value: 'The Lambda Function Returned An Error.' }];

  /** Scheduled, Running (with partial rows) × n, then Complete. */
  const lifecycle = (running: number) => (r: Received): Reply => {
    if (op(r) === 'StartQuery') return { body: { queryId: 'q-1' } };
    const polls = t.received.filter((x) => op(x) === 'GetQueryResults').length;
    if (polls === 1) return { body: { status: 'Scheduled', results: [], statistics: { recordsScanned: 0, recordsMatched: 0, bytesScanned: 0 } } };
    if (polls <= 1 + running) return { body: { status: 'Running', results: [row('a')], statistics: { recordsScanned: polls * 100, recordsMatched: 1, bytesScanned: polls * 1000 } } };
    return { body: { status: 'Complete', results: [row('a'), row('b')], statistics: { recordsScanned: 1000, recordsMatched: 2, bytesScanned: 9000 } } };
  };

  it('starts the query over the group and range, polls with backoff to 2 s, and returns the rows', async () => {
    t.answer = lifecycle(4);
    const progress: InsightsProgress[] = [];
    const insights = service();
    const out = await insights.runQuery(target, { logGroupNames: [group], queryString: 'fields @timestamp', startTime: 1_700_000_000, endTime: 1_700_003_600, onProgress: (p) => progress.push(p) });
    assert.deepEqual(t.received.map(op), ['StartQuery', ...Array<string>(6).fill('GetQueryResults')]);
    assert.deepEqual(t.received[0].body, { logGroupName: group, queryString: 'fields @timestamp', startTime: 1_700_000_000, endTime: 1_700_003_600 });
    assert.deepEqual(t.received[1].body, { queryId: 'q-1' });
    assert.deepEqual(slept, [250, 500, 1000, 2000, 2000, 2000]);
    assert.deepEqual(progress.map((p) => p.status), ['Scheduled', 'Running', 'Running', 'Running', 'Running', 'Complete']);
    assert.deepEqual(progress.map((p) => p.statistics.recordsScanned), [0, 200, 300, 400, 500, 1000]);
    assert.equal(out.status, 'Complete');
    assert.equal(out.polls, 6);
    assert.deepEqual(out.statistics, { recordsScanned: 1000, recordsMatched: 2, bytesScanned: 9000 });
    assert.deepEqual(parseInsightsResults(out.results).map((r) => r.contactId), ['a', 'b']);
    await insights.dispose();
  });

  it('queries several log groups by logGroupNames', async () => {
    t.answer = lifecycle(0);
    const insights = service();
    await insights.runQuery(target, { logGroupNames: [group, '/aws/connect/other', group], queryString: 'q', startTime: 0, endTime: 1, limit: 10 });
    assert.deepEqual(t.received[0].body, { logGroupNames: [group, '/aws/connect/other'], queryString: 'q', startTime: 0, endTime: 1, limit: 10 });
    await insights.dispose();
  });

  it('stops the query on the service when cancelled while it runs', async () => {
    const abort = new AbortController();
    t.answer = (r) => {
      if (op(r) === 'StartQuery') return { body: { queryId: 'q-9' } };
      if (op(r) === 'StopQuery') return { body: { success: true } };
      if (t.received.filter((x) => op(x) === 'GetQueryResults').length === 2) abort.abort();
      return { body: { status: 'Running', results: [], statistics: {} } };
    };
    const insights = service();
    const e = await expectError(insights.runQuery(target, { logGroupNames: [group], queryString: 'q', startTime: 0, endTime: 1, signal: abort.signal }));
    assert.equal(e.kind, 'Cancelled');
    assert.deepEqual(t.received.map(op), ['StartQuery', 'GetQueryResults', 'GetQueryResults', 'StopQuery']);
    assert.deepEqual(t.received[3].body, { queryId: 'q-9' });
    await insights.dispose();
  });

  it('stops the query when cancelled during a wait, and a StopQuery the service refuses is no failure', async () => {
    const abort = new AbortController();
    t.answer = (r) => {
      if (op(r) === 'StartQuery') return { body: { queryId: 'q-2' } };
      if (op(r) === 'StopQuery') return { status: 400, body: { __type: 'InvalidParameterException', message: 'Query already ended' } };
      return { body: { status: 'Running', results: [] } };
    };
    const insights = service({
      sleep: (ms) => {
        slept.push(ms);
        if (slept.length === 3) abort.abort();
        return Promise.resolve();
      },
    });
    const e = await expectError(insights.runQuery(target, { logGroupNames: [group], queryString: 'q', startTime: 0, endTime: 1, signal: abort.signal }));
    assert.equal(e.kind, 'Cancelled');
    assert.deepEqual(t.received.map(op), ['StartQuery', 'GetQueryResults', 'GetQueryResults', 'StopQuery']);
    await insights.dispose();
  });

  it('gives the service\'s message for a malformed query, with where it is', async () => {
    t.answer = () => ({ status: 400, body: { __type: 'MalformedQueryException', message: 'unexpected symbol found | at line 1 and position 9', queryCompileError: { location: { startCharOffset: 9, endCharOffset: 10 }, message: 'unexpected symbol' } } });
    const insights = service();
    const e = await expectError(insights.runQuery(target, { logGroupNames: [group], queryString: 'fields @ | |', startTime: 0, endTime: 1 }));
    assert.equal(e.kind, 'InvalidInput');
    assert.equal(e.info.queryError?.message, 'unexpected symbol found | at line 1 and position 9');
    assert.equal(e.info.queryError?.startCharOffset, 9);
    assert.match(e.message, /^CloudWatch Logs Insights could not run the query: unexpected symbol found \| at line 1 and position 9 \(Request ID: req-1\)$/);
    assert.equal(e.info.hint, 'Edit the query and run it again.');
    assert.equal(t.received.length, 1);
    await insights.dispose();
  });

  it('names logs:StartQuery and the log group when access is denied', async () => {
    t.answer = () => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized' } });
    const insights = service();
    const e = await expectError(insights.runQuery(target, { logGroupNames: [group], queryString: 'q', startTime: 0, endTime: 1, accountId: '111122223333' }));
    assert.equal(e.kind, 'AccessDenied');
    assert.match(e.message, /not allowed to call logs:StartQuery on the log group \/aws\/connect\/my-centre/);
    assert.match(e.info.hint ?? '', /logs:StartQuery on arn:aws:logs:us-east-1:111122223333:log-group:\/aws\/connect\/my-centre:\*/);
  });

  it('says how to turn flow logs on when the group does not exist', async () => {
    t.answer = () => ({ status: 400, body: { __type: 'ResourceNotFoundException', message: 'Log group does not exist' } });
    const insights = service();
    const e = await expectError(insights.runQuery(target, { logGroupNames: [group], queryString: 'q', startTime: 0, endTime: 1 }));
    assert.equal(e.kind, 'NotFound');
    assert.match(e.message, /The log group \/aws\/connect\/my-centre does not exist/);
    assert.match(e.info.hint ?? '', /Enable flow logs.*Set logging behavior/);
  });

  it('reports a query that ended as Failed or Timeout', async () => {
    for (const [status, kind] of [['Failed', 'ServiceError'], ['Timeout', 'Timeout'], ['Cancelled', 'Cancelled']] as const) {
      t.received = [];
      t.answer = (r) => (op(r) === 'StartQuery' ? { body: { queryId: 'q' } } : { body: { status, results: [] } });
      const e = await expectError(service().runQuery(target, { logGroupNames: [group], queryString: 'q', startTime: 0, endTime: 1 }));
      assert.equal(e.kind, kind, status);
      // Ended on the service: nothing left to stop.
      assert.deepEqual(t.received.map(op), ['StartQuery', 'GetQueryResults']);
    }
  });

  it('gives up and stops a query that outlives the wait', async () => {
    let clock = 0;
    t.answer = (r) => (op(r) === 'StartQuery' ? { body: { queryId: 'q' } } : { body: { status: 'Running', results: [] } });
    const e = await expectError(service({ clock: () => (clock += 30_000), maxWaitMs: 60_000 }).runQuery(target, { logGroupNames: [group], queryString: 'q', startTime: 0, endTime: 1 }));
    assert.equal(e.kind, 'Timeout');
    assert.equal(t.received.at(-1) && op(t.received.at(-1)!), 'StopQuery');
  });

  it('refuses bad input without a request', async () => {
    const insights = service();
    for (const bad of [
      { logGroupNames: [], queryString: 'q', startTime: 0, endTime: 1 },
      { logGroupNames: ['bad name'], queryString: 'q', startTime: 0, endTime: 1 },
      { logGroupNames: [group], queryString: ' ', startTime: 0, endTime: 1 },
      { logGroupNames: [group], queryString: 'q', startTime: 5, endTime: 1 },
      { logGroupNames: [group], queryString: 'q', startTime: Number.NaN, endTime: 1 },
      { logGroupNames: Array.from({ length: 51 }, (_, i) => `/g/${i}`), queryString: 'q', startTime: 0, endTime: 1 },
    ]) {
      assert.equal((await expectError(insights.runQuery(target, bad))).kind, 'InvalidInput', JSON.stringify(bad).slice(0, 80));
    }
    assert.equal(t.received.length, 0);
  });
});
