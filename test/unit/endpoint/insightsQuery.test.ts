// CloudWatch Logs Insights on the local endpoint: the query subset (each construct, and the malformed queries
// it refuses with MalformedQueryException), the extension's four templates over the sample flow logs, and
// StartQuery / GetQueryResults / StopQuery over HTTP with their statuses, statistics and errors.
import * as assert from 'node:assert/strict';
import { MalformedQueryError, parseInsightsQuery, runInsightsQuery, type Record_ } from '../../endpoint/insightsQuery';
import { maxConcurrentQueries } from '../../endpoint/insightsOperations';
import { callLogs } from '../../endpoint/logsClient';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';

type Row = { field: string; value: string }[];

const rec = (fields: Record<string, string>, t: number): Record_ => new Map([...Object.entries(fields), ['@timestamp', String(t)], ['@timestampMs', String(t)], ['@ptr', `p${t}`]]);
const records = [
  rec({ ContactId: 'a', ContactFlowModuleType: 'InvokeExternalResource', 'Parameters.FunctionArn': 'arn:…:function:acme-customer-lookup', Results: 'The Lambda Function Returned An Error.' }, 1),
  rec({ ContactId: 'a', ContactFlowModuleType: 'GetUserInput', Results: 'Timeout' }, 2),
  rec({ ContactId: 'b', ContactFlowModuleType: 'SetAttributes', 'Parameters.Key': 'intent', 'Parameters.Value': 'CardDecline' }, 3),
  rec({ ContactId: 'b', ContactFlowModuleType: 'GetUserInput', Results: '1' }, 4),
  rec({ ContactId: 'c', ContactFlowModuleType: 'Loop' }, 5),
];
const run = (q: string, limit = 10000) => runInsightsQuery(parseInsightsQuery(q), records, limit);
const ids = (rows: Row[]) => rows.map((r) => `${r.find((f) => f.field === 'ContactId')?.value}@${r.find((f) => f.field === '@timestamp')?.value}`);

describe('Insights query subset', () => {
  it('fields picks the named fields (absent ones left out) and adds @ptr; newest first without a sort', () => {
    const out = run('fields ContactId, Results');
    assert.deepEqual(out.rows[0], [{ field: 'ContactId', value: 'c' }, { field: '@ptr', value: 'p5' }]);
    assert.deepEqual(out.rows[4], [{ field: 'ContactId', value: 'a' }, { field: 'Results', value: 'The Lambda Function Returned An Error.' }, { field: '@ptr', value: 'p1' }]);
    assert.equal(out.recordsMatched, 5);
  });

  it('filter =, !=, like /regex/ with (?i), like "substring", ispresent, and/or with and binding tighter', () => {
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter ContactFlowModuleType = "GetUserInput"').rows), ['b@4', 'a@2']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter Results != "1"').rows), ['a@2', 'a@1']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter Results like /(?i)error|timeout|fail/').rows), ['a@2', 'a@1']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter Results like /error/').rows), []);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter Parameters.FunctionArn like "customer-lookup"').rows), ['a@1']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter ispresent(Parameters.Key)').rows), ['b@3']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter ContactId = "c" or ContactId = "b" and Results = "1"').rows), ['c@5', 'b@4']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | filter (ContactId = "c" or ContactId = "b") and Results = "1"').rows), ['b@4']);
  });

  it('sort asc|desc, limit, and the StartQuery limit', () => {
    assert.deepEqual(ids(run('fields ContactId, @timestamp | sort @timestamp asc | limit 2').rows), ['a@1', 'a@2']);
    assert.deepEqual(ids(run('fields ContactId, @timestamp | sort ContactId desc | limit 1').rows), ['c@5']);
    assert.equal(run('fields ContactId', 3).rows.length, 3);
    assert.equal(run('fields ContactId | limit 2', 3).recordsMatched, 5);
  });

  it('stats count(*) as n by ContactId, and count(*) by field', () => {
    const rows = run('filter ContactFlowModuleType != "Loop" | stats count(*) as n by ContactId | sort n desc').rows;
    assert.deepEqual(rows, [
      [{ field: 'ContactId', value: 'a' }, { field: 'n', value: '2' }],
      [{ field: 'ContactId', value: 'b' }, { field: 'n', value: '2' }],
    ]);
    assert.deepEqual(run('stats count(*) by ContactFlowModuleType | sort ContactFlowModuleType asc | limit 1').rows, [[{ field: 'ContactFlowModuleType', value: 'GetUserInput' }, { field: 'count(*)', value: '2' }]]);
  });

  it('refuses what it does not support, naming it', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['parse @message "* *" as a, b', /"parse" is not supported/],
      ['fields a | dedup ContactId', /"dedup" is not supported/],
      ['stats avg(Duration) by ContactId', /Only "stats count\(\*\)/],
      ['filter Duration > 3', /Unexpected ">"|Unsupported condition/],
      ['filter strlen(Results) = "3"', /strlen\(\) is not supported/],
      ['filter Results like /(unclosed/', /Invalid regular expression/],
      ['filter Results = "x', /Unterminated/],
      ['filter Results = 3', /quoted string/],
      ['sort a, b', /several fields/],
      ['limit 0', /limit N/],
      ['fields a |', /Empty command/],
      ['stats count(*) by a | filter a = "1"', /after stats/],
    ];
    for (const [q, message] of cases) assert.throws(() => parseInsightsQuery(q), (err: Error) => err instanceof MalformedQueryError && message.test(err.message), q);
  });
});

describe('StartQuery, GetQueryResults, StopQuery', () => {
  let endpoint: RunningEndpoint;
  const fields = 'fields @timestamp, ContactId, ContactFlowName, ContactFlowModuleType, Identifier, Results';
  const tail = 'sort @timestamp desc | limit 1000';
  const templates = {
    errors: `${fields} | filter Results like /(?i)error|timeout|fail/ | ${tail}`,
    lambda: `${fields} | filter ContactFlowModuleType = "InvokeExternalResource" and Parameters.FunctionArn like /acme-customer-lookup/ and Results like /(?i)error|timeout|fail/ | ${tail}`,
    block: `${fields} | filter ContactFlowName = "Acme billing menu" and ContactFlowModuleType = "GetUserInput" | ${tail}`,
    attribute: `${fields} | filter ContactFlowModuleType = "SetAttributes" and Parameters.Key = "intent" and Parameters.Value = "CardDeclined" | ${tail}`,
  };
  const now = Math.floor(Date.now() / 1000);
  const window = { startTime: now - 7 * 86400, endTime: now };

  before(async () => {
    endpoint = await startEndpoint();
  });
  after(async () => {
    await endpoint.close();
  });

  async function start(queryString: string, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await callLogs(endpoint.url, 'StartQuery', { logGroupName: flowLogIds.logGroup, ...window, queryString, ...extra });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return String(r.body.queryId);
  }
  async function complete(queryId: string): Promise<Record<string, unknown>> {
    const statuses: string[] = [];
    for (;;) {
      const r = await callLogs(endpoint.url, 'GetQueryResults', { queryId });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      statuses.push(String(r.body.status));
      if (r.body.status === 'Complete') {
        assert.deepEqual(statuses, ['Scheduled', 'Running', 'Complete']);
        return r.body;
      }
    }
  }
  const contactIds = (body: Record<string, unknown>) => (body.results as Row[]).map((row) => row.find((f) => f.field === 'ContactId')?.value);

  it('runs the templates over the flow logs: Scheduled, Running, then Complete with rows, @ptr and statistics', async () => {
    const errors = await complete(await start(templates.errors));
    const rows = errors.results as Row[];
    assert.ok(rows.length >= 3);
    assert.deepEqual(rows[0].map((f) => f.field).slice(-1), ['@ptr']);
    assert.ok(contactIds(errors).includes(sampleIds.voice));
    const stats = errors.statistics as Record<string, number>;
    assert.equal(stats.recordsMatched, rows.length);
    assert.ok(stats.recordsScanned > 5000 && stats.bytesScanned > stats.recordsScanned, JSON.stringify(stats));
    const times = rows.map((r) => r[0].value);
    assert.deepEqual([...times].sort().reverse(), times);
    assert.match(times[0], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);

    assert.deepEqual(contactIds(await complete(await start(templates.lambda))), [sampleIds.voice]);
    assert.deepEqual(contactIds(await complete(await start(templates.block))), [sampleIds.voice, sampleIds.voice, sampleIds.voice]);
    assert.deepEqual(contactIds(await complete(await start(templates.attribute))), [sampleIds.voice]);
    const counted = await complete(await start('filter ContactFlowModuleType = "GetUserInput" | stats count(*) as n by ContactId | sort n desc'));
    assert.deepEqual((counted.results as Row[])[0], [{ field: 'ContactId', value: sampleIds.voice }, { field: 'n', value: '3' }]);
  });

  it('takes logGroupNames and logGroupIdentifiers (name or ARN); seconds, both ends inclusive', async () => {
    const arn = `arn:aws:logs:us-east-1:${sampleIds.account}:log-group:${flowLogIds.logGroup}`;
    const a = await complete(await start(templates.lambda, { logGroupName: undefined, logGroupNames: [flowLogIds.logGroup] }));
    const b = await complete(await start(templates.lambda, { logGroupName: undefined, logGroupIdentifiers: [arn] }));
    assert.deepEqual(a.results, b.results);
    const outside = await complete(await start(templates.lambda, { startTime: 0, endTime: 1 }));
    assert.deepEqual(outside.results, []);
  });

  it('answers the service’s errors', async () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['StartQuery', { logGroupName: flowLogIds.missingLogGroup.logGroupName, ...window, queryString: 'fields @message' }, 'ResourceNotFoundException', /log group does not exist/],
      ['StartQuery', { logGroupName: flowLogIds.logGroup, ...window, queryString: 'parse @message "*" as x' }, 'MalformedQueryException', /"parse" is not supported/],
      ['StartQuery', { ...window, queryString: 'fields @message' }, 'InvalidParameterException', /Exactly one of/],
      ['StartQuery', { logGroupName: flowLogIds.logGroup, logGroupNames: [flowLogIds.logGroup], ...window, queryString: 'fields @message' }, 'InvalidParameterException', /Exactly one of/],
      ['StartQuery', { logGroupName: flowLogIds.logGroup, startTime: 10, endTime: 5, queryString: 'fields @message' }, 'InvalidParameterException', /End time/],
      ['StartQuery', { logGroupName: flowLogIds.logGroup, ...window }, 'InvalidParameterException', /'queryString' failed to satisfy constraint: Member must not be null/],
      ['StartQuery', { logGroupName: flowLogIds.logGroup, ...window, queryString: 'fields @message', limit: 100001 }, 'InvalidParameterException', /less than or equal to 100000/],
      ['GetQueryResults', { queryId: 'no-such-query' }, 'ResourceNotFoundException', /Query does not exist/],
      ['StopQuery', { queryId: 'no-such-query' }, 'ResourceNotFoundException', /Query does not exist/],
    ];
    for (const [op, body, type, message] of cases) {
      const r = await callLogs(endpoint.url, op, body);
      assert.equal(r.status, 400, `${op} ${JSON.stringify(body)}`);
      assert.equal(r.errorType, type, JSON.stringify(r.body));
      assert.match(String(r.body.message), message);
    }
  });

  it('StopQuery cancels a running query; a finished one is refused', async () => {
    const id = await start(templates.errors);
    await callLogs(endpoint.url, 'GetQueryResults', { queryId: id });
    const stopped = await callLogs(endpoint.url, 'StopQuery', { queryId: id });
    assert.deepEqual(stopped.body, { success: true });
    const after = await callLogs(endpoint.url, 'GetQueryResults', { queryId: id });
    assert.equal(after.body.status, 'Cancelled');
    const again = await callLogs(endpoint.url, 'StopQuery', { queryId: id });
    assert.equal(again.errorType, 'InvalidParameterException');
    assert.match(String(again.body.message), /not running: its status is Cancelled/);
    const done = await start(templates.lambda);
    await complete(done);
    const late = await callLogs(endpoint.url, 'StopQuery', { queryId: done });
    assert.equal(late.errorType, 'InvalidParameterException');
  });

  it(`refuses a query beyond ${maxConcurrentQueries} running with LimitExceededException`, async () => {
    const own = await startEndpoint();
    try {
      for (let i = 0; i < maxConcurrentQueries; i++) {
        const r = await callLogs(own.url, 'StartQuery', { logGroupName: '/aws/connect/acme-lab', ...window, queryString: 'fields @message' });
        assert.equal(r.status, 200);
      }
      const r = await callLogs(own.url, 'StartQuery', { logGroupName: '/aws/connect/acme-lab', ...window, queryString: 'fields @message' });
      assert.equal(r.errorType, 'LimitExceededException');
    } finally {
      await own.close();
    }
  });
});
