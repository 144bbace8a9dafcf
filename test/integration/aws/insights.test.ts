// Find Contacts in Flow Logs on the real call path: the real SDK's StartQuery, GetQueryResults and
// StopQuery against the local endpoint's Logs Insights, over the sample instance's flow-log group.
import * as assert from 'node:assert/strict';
import { AwsCaller } from '../../../src/aws/awsCall';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import { InsightsService } from '../../../src/aws/insightsService';
import { logsQuotaBudget } from '../../../src/aws/flowLogService';
import { unlimitedBudget } from '../../../src/aws/scheduler';
import { defaultTransport, type TransportSettings } from '../../../src/aws/types';
import { searchFlowLogs } from '../../../src/insights/flowLogSearch';
import { ResourceNames } from '../../../src/story/resourceNames';
import { insightsTemplateQuery } from '../../../src/timeline/insightsTemplates';
import { maxConcurrentQueries } from '../../endpoint/insightsOperations';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { callLogs } from '../../endpoint/logsClient';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint } from '../../endpoint/server';
import { RecordingLogger, useLocalAws } from './awsHome';

const instance = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA };
// The voice contact began at 1795158000 (epoch seconds): a month either side.
const startMs = (1_795_158_000 - 30 * 86_400) * 1000;
const endMs = (1_795_158_000 + 30 * 86_400) * 1000;

describe('Logs Insights against the local endpoint', function () {
  this.timeout(60_000);
  const local = useLocalAws();
  // Each test makes one call path (setup): disposed after it, with any deny list it set cleared.
  let current: AwsCaller | undefined;
  afterEach(async () => {
    local.endpoint.setDeny([]);
    await current?.dispose();
    current = undefined;
  });

  function setup(sleep?: (ms: number, signal?: AbortSignal) => Promise<void>) {
    const settings: TransportSettings = { ...defaultTransport, readTimeoutSeconds: 10, connectTimeoutSeconds: 5, endpointUrl: local.endpoint.url, logsEndpointUrl: local.endpoint.url };
    const logger = new RecordingLogger();
    const caller = new AwsCaller({ env: local.home.env, transport: () => settings, retryDelayMs: 20, logger });
    current = caller;
    const connect = new ConnectService({ caller });
    const names = new ResourceNames(() => connect);
    // Short waits: the endpoint's status advances by polls, not by time.
    const insights = new InsightsService({ caller, requestBudget: () => unlimitedBudget, pollDelaysMs: [5, 10, 20], ...(sleep ? { sleep } : {}) });
    const deps = { insights: () => insights, instanceDetails: (i: typeof instance, signal?: AbortSignal) => names.instance(i, signal), flowLogGroups: () => ({}) };
    return { insights, deps, logger, caller };
  }

  it('the errors template finds the voice contact whose Lambda failed, in the instance\'s flow-log group', async () => {
    const { deps, logger } = setup();
    const statuses: string[] = [];
    const out = await searchFlowLogs({ instance, template: 'errors', startMs, endMs, onProgress: (p) => statuses.push(p.status) }, deps);
    assert.equal(out.logGroup, flowLogIds.logGroup);
    assert.equal(out.query, insightsTemplateQuery('errors'));
    const voice = out.contacts.find((c) => c.row.contactId === flowLogIds.lambdaErrorContact);
    assert.ok(voice, `not found among ${out.contacts.map((c) => c.row.contactId).join(', ')}`);
    assert.ok(out.rows.every((r) => /error|timeout|fail/i.test(r.result ?? '')), 'a row without a failing result');
    assert.ok(out.rows.some((r) => r.contactId === flowLogIds.lambdaErrorContact && r.block === 'InvokeExternalResource' && /error/i.test(r.result ?? '')));
    assert.deepEqual(statuses, ['Scheduled', 'Running', 'Complete']);
    // Newest first, as the query sorts.
    const times = out.rows.map((r) => r.timestamp);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.deepEqual(logger.entries.map((e) => e.operation).filter((o) => o !== 'DescribeInstance'), ['StartQuery', 'GetQueryResults', 'GetQueryResults', 'GetQueryResults']);
  });

  it('the Lambda template with acme-customer-lookup finds the same contact, and only its failing call', async () => {
    const { deps } = setup();
    const out = await searchFlowLogs({ instance, template: 'lambdaFailing', inputs: { functionName: flowLogIds.lambdaFunction.arn }, startMs, endMs }, deps);
    assert.deepEqual(out.contacts.map((c) => c.row.contactId), [flowLogIds.lambdaErrorContact]);
    assert.equal(out.rows.length, 1, 'the retry succeeded: only the first call failed');
    assert.equal(out.rows[0].block, 'InvokeExternalResource');
    const other = await searchFlowLogs({ instance, template: 'lambdaFailing', inputs: { functionName: flowLogIds.orderStatusFunction.name }, startMs, endMs }, deps);
    assert.deepEqual(other.rows, []);
  });

  it('the block-type and attribute templates run on the endpoint, hostile values included', async () => {
    const { deps } = setup();
    // The flow that invokes the function, as its failing line names it.
    const failing = await searchFlowLogs({ instance, template: 'lambdaFailing', inputs: { functionName: flowLogIds.lambdaFunction.name }, startMs, endMs }, deps);
    const flowName = failing.rows[0]?.flow;
    assert.ok(flowName);
    const block = await searchFlowLogs({ instance, template: 'blockInFlow', inputs: { flowName, moduleType: 'InvokeExternalResource' }, startMs, endMs }, deps);
    // Both calls: the failure and the retry that succeeded.
    assert.deepEqual(block.rows.filter((r) => r.contactId === flowLogIds.lambdaErrorContact).length, 2);
    assert.ok(block.rows.every((r) => r.block === 'InvokeExternalResource' && r.flow === flowName));
    const hostile = await searchFlowLogs({ instance, template: 'attributeSet', inputs: { key: 'x" or ContactId like /./ | limit 1', value: 'a|b/c"' }, startMs, endMs }, deps);
    assert.deepEqual(hostile.rows, []);
  });

  it('cancelling stops the query on the service (StopQuery), which then reads as Cancelled', async () => {
    const abort = new AbortController();
    let waits = 0;
    const { insights, logger, caller } = setup((_ms, signal) => {
      waits += 1;
      if (waits === 2) abort.abort();
      return signal?.aborted ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 5));
    });
    let queryId = '';
    const error = await insights.runQuery(instance, {
      logGroupNames: [flowLogIds.logGroup],
      queryString: insightsTemplateQuery('errors'),
      startTime: startMs / 1000,
      endTime: endMs / 1000,
      signal: abort.signal,
      onProgress: (p) => (queryId = p.queryId),
    }).then(() => assert.fail('the query was not cancelled'), (e: unknown) => e);
    assert.ok(error instanceof ConnectServiceError);
    assert.equal(error.kind, 'Cancelled');
    assert.deepEqual(logger.entries.map((e) => [e.operation, e.httpStatus, e.error]), [
      ['StartQuery', 200, undefined],
      ['GetQueryResults', 200, undefined],
      ['StopQuery', 200, undefined],
    ]);
    // The service says the query was cancelled.
    const { output } = await caller.call({
      service: 'logs',
      ctx: { operation: 'GetQueryResults' },
      target: instance,
      makeCommand: (sdk) => new sdk.GetQueryResultsCommand({ queryId }),
      priority: 'interactive',
      budget: unlimitedBudget,
    });
    assert.equal(output.status, 'Cancelled');
  });

  it('a malformed query gets the service\'s message, kept for showing beside the query', async () => {
    const { deps } = setup();
    const error = await searchFlowLogs({ instance, query: 'fields @timestamp | parse @message "x*y" as a', startMs, endMs }, deps).then(
      () => assert.fail('the query ran'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConnectServiceError);
    assert.equal(error.kind, 'InvalidInput');
    assert.ok(error.info.queryError, 'no queryError');
    assert.match(error.info.queryError.message, /parse/i);
    assert.match(error.message, /^CloudWatch Logs Insights could not run the query: /);
    assert.ok(error.message.includes(error.info.queryError.message));
  });

  it('too many running queries is the Logs quota, in its own words: sent once, and the Logs budget keeps its rate', async () => {
    // An endpoint of its own: the queries filling the quota stay running, and would refuse the other tests'.
    const own = await startEndpoint({ quiet: true });
    const settings: TransportSettings = { ...defaultTransport, maxAttempts: 3, endpointUrl: own.url, logsEndpointUrl: own.url };
    const logger = new RecordingLogger();
    const caller = new AwsCaller({ env: local.home.env, transport: () => settings, retryDelayMs: 20, logger });
    try {
      const window = { startTime: startMs / 1000, endTime: endMs / 1000 };
      for (let i = 0; i < maxConcurrentQueries; i++) {
        // A second with no lines: each running query costs the endpoint nothing to hold.
        assert.equal((await callLogs(own.url, 'StartQuery', { logGroupName: flowLogIds.logGroup, startTime: 1, endTime: 2, queryString: 'fields @message' })).status, 200);
      }
      const insights = new InsightsService({ caller, requestBudget: () => logsQuotaBudget });
      const error = await insights.runQuery(instance, { logGroupNames: [flowLogIds.logGroup], queryString: insightsTemplateQuery('errors'), ...window })
        .then(() => assert.fail('the query started'), (e: unknown) => e);
      assert.ok(error instanceof ConnectServiceError);
      assert.equal(error.kind, 'QuotaExceeded');
      assert.match(error.message, new RegExp(`^CloudWatch Logs Insights refused to start the query: the account already runs as many queries at once as its quota allows in us-east-1\\. AWS said: "Account maximum query concurrency limit of \\[${maxConcurrentQueries}\\] reached\\." \\(Request ID: \\S+\\)$`));
      assert.equal(error.info.hint, 'Wait for running queries to finish (or stop some in the CloudWatch console), then run the query again. The number of queries at once is a CloudWatch Logs service quota.');
      assert.ok(!/throttl|maxAttempts/i.test(`${error.message} ${error.info.hint}`), error.message);
      // Retrying within seconds cannot free a query slot: one request, not the SDK's three.
      assert.equal(own.requests.filter((r) => r.operation === 'StartQuery' && r.status !== 200).length, 1);
      assert.deepEqual(logger.entries.map((e) => [e.operation, e.httpStatus, e.error]), [['StartQuery', 400, 'QuotaExceeded']]);
      const budget = caller.budgets().find((b) => b.key.startsWith('logs|'));
      assert.ok(budget, caller.budgets().map((b) => b.key).join(', '));
      assert.equal(budget.requestsPerSecond, logsQuotaBudget.requestsPerSecond, 'not slowed as if throttled');
    } finally {
      await caller.dispose();
      await own.close();
    }
  });

  it('names logs:StartQuery and the log group when denied, and how to turn on flow logs when the group is missing', async () => {
    const { deps } = setup();
    local.endpoint.setDeny(['logs:StartQuery']);
    const denied = await searchFlowLogs({ instance, template: 'errors', startMs, endMs }, deps).then(() => assert.fail('allowed'), (e: unknown) => e);
    assert.ok(denied instanceof ConnectServiceError);
    assert.equal(denied.kind, 'AccessDenied');
    assert.match(denied.message, new RegExp(`logs:StartQuery on the log group ${flowLogIds.logGroup}`));
    local.endpoint.setDeny([]);
    const missing = await searchFlowLogs({ instance: { ...instance, instanceId: flowLogIds.missingLogGroup.instanceId }, template: 'errors', startMs, endMs }, deps).then(() => assert.fail('found'), (e: unknown) => e);
    assert.ok(missing instanceof ConnectServiceError);
    assert.equal(missing.kind, 'NotFound');
    assert.match(missing.message, new RegExp(`The log group ${flowLogIds.missingLogGroup.logGroupName} does not exist`));
    assert.match(missing.info.hint ?? '', /Enable flow logs/);
  });
});
