// The AWS CLI v1 on this machine (`aws`, first on PATH: botocore's own restJson1 parser and SigV4 signer)
// against the local endpoint: proof that the endpoint speaks the service's wire format, not just what our
// SDK accepts. The AWS CLI v2 reads the same operations in awsCliV2.test.ts. The contact story's operations
// (storyCalls.ts) print exactly what the endpoint serves: this CLI's botocore has every member they carry.
// So do CloudWatch Logs' FilterLogEvents and DescribeLogGroups (logsCalls.ts): awsJson1.1, signed for `logs`.
//
// Every CLI run starts up front in `before`, a few at a time (each is a Python process, CPU-bound for most
// of its ~0.8 s); the tests then check one result each.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localAwsFiles, localCredentials, localSessionCredentials } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { callLogs } from '../../endpoint/logsClient';
import { flowLogIds, maximalEvaluations, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RequestLogEntry, type RunningEndpoint } from '../../endpoint/server';
import { signatureMismatchMessage } from '../../endpoint/sigv4';
import { CliResults, errorMessage, fetchServed, parseOutput, writeConfig, type CliRun } from './cliHarness';
import {
  describeLogGroupsArgs,
  filterLogEventsArgs,
  flowLogQuery,
  insightsRuns,
  invalidPatternArgs,
  malformedQuery,
  missingGroupArgs,
  resultContactIds,
  servedFlowLogs,
  servedLogGroups,
  servedQueryResults,
  type FlowLogQuery,
  type InsightsRuns,
} from './logsCalls';
import { missingQueueCall, storyCalls } from './storyCalls';

describe('AWS CLI against the local endpoint', function () {
  // The cap on the whole suite: 26 CLI runs, about 15 s on two idle cores (30 s seen on two busy ones).
  this.timeout(120_000);

  const fixtures = localAwsFiles(findRepoRoot());
  const searchEnd = Math.floor(Date.now() / 1000);
  const searchStart = searchEnd - 24 * 3600;

  let endpoint: RunningEndpoint;
  /** Throttles every request: the ThrottlingException test's own endpoint, so nothing else is throttled. */
  let throttled: RunningEndpoint;
  /** Denies logs:FilterLogEvents, as a policy without it would. */
  let logsDenied: RunningEndpoint;
  /** The voice call's and the long chat's flow logs, over the window the extension asks for. */
  let voiceLogs: FlowLogQuery;
  let chatLogs: FlowLogQuery;
  /** Insights queries started before the CLI runs, and the runs that read them. */
  let insights: InsightsRuns;
  let dir: string;
  /** The endpoint's request log when the last CLI run finished, before the tests fetch anything themselves. */
  let cliRequests: RequestLogEntry[];
  const results = new CliResults();

  before(async () => {
    endpoint = await startEndpoint();
    throttled = await startEndpoint({ faults: { throttle: 1_000_000 } });
    logsDenied = await startEndpoint({ deny: ['logs:FilterLogEvents'] });
    voiceLogs = await flowLogQuery(endpoint.url, sampleIds.voice);
    chatLogs = await flowLogQuery(endpoint.url, flowLogIds.longChat.contactId);
    insights = await insightsRuns(endpoint.url);
    dir = mkdtempSync(path.join(os.tmpdir(), 'connect-endpoint-cli-'));
    const base = { bin: 'aws', endpointUrl: endpoint.url, configFile: writeConfig(fixtures.configFile, path.join(dir, 'config'), 'none'), credentialsFile: fixtures.credentialsFile };
    const wrong = path.join(dir, 'credentials-wrong');
    writeFileSync(wrong, `[local]\naws_access_key_id = ${localCredentials.accessKeyId}\naws_secret_access_key = definitely-not-the-secret\n`);

    const describeContact = (instanceId: string, contactId: string) => ['connect', 'describe-contact', '--instance-id', instanceId, '--contact-id', contactId];
    const runs: [string, CliRun, string[]][] = [
      ['voice', base, describeContact(sampleIds.instanceA, sampleIds.voice)],
      ['hostile', base, describeContact(sampleIds.instanceB, sampleIds.hostile)],
      ['maximal', base, describeContact(sampleIds.instanceA, sampleIds.maximal)],
      ['list-instances', base, ['connect', 'list-instances', '--page-size', '1']],
      [
        'search-contacts',
        base,
        [
          'connect', 'search-contacts',
          '--instance-id', sampleIds.instanceA,
          '--time-range', `Type=INITIATION_TIMESTAMP,StartTime=${searchStart},EndTime=${searchEnd}`,
          '--search-criteria', 'Channels=VOICE',
          '--sort', 'FieldName=INITIATION_TIMESTAMP,Order=ASCENDING',
        ],
      ],
      ['describe-instance', { ...base, profile: 'local-session' }, ['connect', 'describe-instance', '--instance-id', sampleIds.instanceB]],
      ['get-contact-attributes', base, ['connect', 'get-contact-attributes', '--instance-id', sampleIds.instanceA, '--initial-contact-id', sampleIds.voice]],
      ['not found', base, describeContact(sampleIds.instanceA, sampleIds.missingContact)],
      // One attempt: the CLI would otherwise retry with backoff before printing the error.
      ['throttled', { ...base, endpointUrl: throttled.url, env: { AWS_MAX_ATTEMPTS: '1' } }, ['connect', 'describe-instance', '--instance-id', sampleIds.instanceA]],
      ['wrong secret', { ...base, credentialsFile: wrong }, describeContact(sampleIds.instanceA, sampleIds.voice)],
      ...[...storyCalls, missingQueueCall].map((c): [string, CliRun, string[]] => [c.key, base, c.args]),
      ['filter-log-events', base, filterLogEventsArgs(voiceLogs)],
      ['filter-log-events (long chat)', base, filterLogEventsArgs(chatLogs)],
      ['describe-log-groups', base, [...describeLogGroupsArgs, '--page-size', '2']],
      ['log group missing', base, missingGroupArgs],
      ['invalid filter pattern', base, invalidPatternArgs],
      ['logs denied', { ...base, endpointUrl: logsDenied.url }, filterLogEventsArgs(voiceLogs)],
      ...insights.args.map(([key, args]): [string, CliRun, string[]] => [key, base, args]),
    ];
    await results.runAll(runs);
    cliRequests = [...endpoint.requests];
  });

  after(async () => {
    await endpoint?.close();
    await throttled?.close();
    await logsDenied?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** What the endpoint sends for a request, fetched raw (signed here) to compare with the CLI's output. */
  async function served(pathAndQuery: string, opts: { method?: string; body?: string } = {}): Promise<Record<string, unknown>> {
    const s = await fetchServed(endpoint.url, pathAndQuery, opts);
    assert.equal(s.status, 200, JSON.stringify(s.body));
    return s.body;
  }

  it('describe-contact prints exactly the contact the endpoint serves', async () => {
    const out = parseOutput(results.get('voice'));
    assert.deepEqual(out, await served(`/contacts/${sampleIds.instanceA}/${sampleIds.voice}`));
    assert.equal((out.Contact as { Channel: string }).Channel, 'VOICE');
  });

  it('describe-contact reads the hostile contact unchanged: scripts, bidi, control characters, 50-deep maps', async () => {
    assert.deepEqual(parseOutput(results.get('hostile')), await served(`/contacts/${sampleIds.instanceB}/${sampleIds.hostile}`));
  });

  it('describe-contact reads the maximal contact; botocore drops only the members its model lacks', async () => {
    const wire = (await served(`/contacts/${sampleIds.instanceA}/${sampleIds.maximal}`)) as { Contact: { AgentInfo: Record<string, unknown> } };
    // AgentInfo.ActiveRegion is in the newer JS SDK model but not in this CLI's botocore.
    delete wire.Contact.AgentInfo.ActiveRegion;
    assert.deepEqual(parseOutput(results.get('maximal')), wire);
  });

  it('list-instances follows NextToken across pages and prints the instances as served', async () => {
    assert.deepEqual(cliRequests.filter((r) => r.operation === 'ListInstances').map((r) => r.status), [200, 200, 200]);
    const out = parseOutput(results.get('list-instances'));
    assert.deepEqual(out, await served('/instance?maxResults=10'));
    const list = out.InstanceSummaryList as { InstanceAlias: string }[];
    assert.deepEqual(list.map((i) => i.InstanceAlias), ['acme-support', 'acme-sales', 'acme-lab']);
  });

  it('search-contacts finds the recent voice contacts, as served', async () => {
    const out = parseOutput(results.get('search-contacts'));
    const body = {
      InstanceId: sampleIds.instanceA,
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: searchStart, EndTime: searchEnd },
      SearchCriteria: { Channels: ['VOICE'] },
      Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'ASCENDING' },
    };
    assert.deepEqual(out, await served('/search-contacts', { method: 'POST', body: JSON.stringify(body) }));
    const contacts = out.Contacts as { Id: string; Channel: string; InitiationTimestamp: number }[];
    assert.ok(contacts.length >= 3, JSON.stringify(contacts.map((c) => c.Id)));
    assert.ok(contacts.every((c) => c.Channel === 'VOICE' && c.InitiationTimestamp >= searchStart && c.InitiationTimestamp <= searchEnd));
    for (const id of sampleIds.transferChain) assert.ok(contacts.some((c) => c.Id === id), id);
    const times = contacts.map((c) => c.InitiationTimestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  it('signs with a session token from the local-session profile', async () => {
    const out = parseOutput(results.get('describe-instance'));
    assert.equal((out.Instance as { InstanceAlias: string }).InstanceAlias, 'acme-sales');
    const s = await fetchServed(endpoint.url, `/instance/${sampleIds.instanceB}`, { credentials: localSessionCredentials });
    assert.equal(s.status, 200);
    assert.deepEqual(out, s.body);
  });

  it('get-contact-attributes returns the user-defined attributes', async () => {
    assert.deepEqual(parseOutput(results.get('get-contact-attributes')), await served(`/contact/attributes/${sampleIds.instanceA}/${sampleIds.voice}`));
  });

  for (const call of storyCalls.filter((c) => c.operation !== 'ListContactEvaluations')) {
    it(`${call.key} prints exactly what the endpoint serves`, async () => {
      assert.deepEqual(parseOutput(results.get(call.key)), await served(call.path));
    });
  }

  it('list-contact-evaluations follows NextToken and prints every page’s evaluations as served', async () => {
    assert.deepEqual(cliRequests.filter((r) => r.operation === 'ListContactEvaluations').map((r) => r.status), [200, 200]);
    const call = storyCalls.find((c) => c.operation === 'ListContactEvaluations')!;
    const first = await served(call.path);
    const second = await served(`${call.path}&nextToken=${encodeURIComponent(String(first.NextToken))}`);
    assert.equal(second.NextToken, undefined);
    const out = parseOutput(results.get(call.key));
    assert.deepEqual(out, { EvaluationSummaryList: [...(first.EvaluationSummaryList as unknown[]), ...(second.EvaluationSummaryList as unknown[])] });
    assert.deepEqual((out.EvaluationSummaryList as { EvaluationId: string }[]).map((e) => e.EvaluationId), maximalEvaluations.map((e) => e.id));
  });

  it('list-associated-contacts prints the maximal contact’s chain of five', () => {
    const list = parseOutput(results.get('list-associated-contacts')).ContactSummaryList as { ContactId: string }[];
    assert.deepEqual(list.map((c) => c.ContactId), sampleIds.maximalChain);
  });

  it('reports the missing queue as the service’s ResourceNotFoundException', async () => {
    const r = results.get(missingQueueCall.key);
    assert.notEqual(r.code, 0);
    const s = await fetchServed(endpoint.url, missingQueueCall.path);
    assert.deepEqual([s.status, s.errorCode], [404, 'ResourceNotFoundException']);
    assert.equal(r.stderr.trim(), `An error occurred (ResourceNotFoundException) when calling the DescribeQueue operation: ${errorMessage(s)}`);
  });

  it('reports an unknown contact as the service’s ResourceNotFoundException', () => {
    const r = results.get('not found');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /An error occurred \(ResourceNotFoundException\) when calling the DescribeContact operation: Contact not found/);
  });

  it('reports throttling as the service’s ThrottlingException', async () => {
    const r = results.get('throttled');
    assert.notEqual(r.code, 0);
    assert.deepEqual(throttled.requests.map((q) => q.status), [429]);
    const s = await fetchServed(throttled.url, `/instance/${sampleIds.instanceA}`);
    assert.equal(s.errorCode, 'ThrottlingException');
    assert.equal(r.stderr.trim(), `An error occurred (ThrottlingException) when calling the DescribeInstance operation (reached max retries: 0): ${errorMessage(s)}`);
  });

  it('a wrong secret gets 403 InvalidSignatureException', () => {
    const r = results.get('wrong secret');
    assert.notEqual(r.code, 0);
    assert.ok(r.stderr.includes(`An error occurred (InvalidSignatureException) when calling the DescribeContact operation: ${signatureMismatchMessage}`), r.stderr);
    assert.deepEqual(cliRequests.filter((q) => q.status === 403).map((q) => q.path), [`/contacts/${sampleIds.instanceA}/${sampleIds.voice}`]);
  });

  describe('CloudWatch Logs', () => {
    it('filter-log-events follows nextToken and prints the union of the pages the endpoint served', async () => {
      const served = await servedFlowLogs(endpoint.url, voiceLogs);
      const out = parseOutput(results.get('filter-log-events'));
      assert.deepEqual(out, { events: served.events, searchedLogStreams: [] });
      assert.equal(served.events.length, flowLogIds.eventCounts[sampleIds.voice]);
    });

    it('filter-log-events reads the long chat’s 5,000 events across the pages the scan budget cuts', async () => {
      const served = await servedFlowLogs(endpoint.url, chatLogs);
      assert.ok(served.pages.length >= 3, `${served.pages.length} pages`);
      const out = parseOutput(results.get('filter-log-events (long chat)'));
      assert.equal((out.events as unknown[]).length, flowLogIds.longChat.eventCount);
      assert.deepEqual(out.events, served.events);
      // Every page the CLI asked for, for both queries, answered 200: one request per served page.
      const voicePages = (await servedFlowLogs(endpoint.url, voiceLogs)).pages.length;
      assert.equal(cliRequests.filter((r) => r.operation === 'FilterLogEvents' && r.status === 200).length, voicePages + served.pages.length);
    });

    it('describe-log-groups follows nextToken (--page-size 2) and prints the log groups as served', async () => {
      assert.deepEqual(cliRequests.filter((r) => r.operation === 'DescribeLogGroups').map((r) => [r.path, r.status]), [['/', 200], ['/', 200]]);
      const out = parseOutput(results.get('describe-log-groups'));
      assert.deepEqual(out, await servedLogGroups(endpoint.url));
      assert.ok(!(out.logGroups as { logGroupName: string }[]).some((g) => g.logGroupName === flowLogIds.missingLogGroup.logGroupName));
    });

    it('reports instance B’s missing log group, an invalid pattern and a denied action as the errors the endpoint served', async () => {
      const cases: [string, string, Record<string, unknown>][] = [
        ['log group missing', endpoint.url, { logGroupName: flowLogIds.missingLogGroup.logGroupName }],
        ['invalid filter pattern', endpoint.url, { logGroupName: flowLogIds.logGroup, filterPattern: '{ $.ContactId = ' }],
        ['logs denied', logsDenied.url, { logGroupName: flowLogIds.logGroup }],
      ];
      for (const [key, url, request] of cases) {
        const s = await callLogs(url, 'FilterLogEvents', request);
        assert.equal(s.status, 400, key);
        const r = results.get(key);
        assert.notEqual(r.code, 0, key);
        assert.equal(r.stderr.trim(), `An error occurred (${s.errorType}) when calling the FilterLogEvents operation: ${String(s.body.message)}`, key);
      }
    });
  });

  describe('CloudWatch Logs Insights', () => {
    it('start-query prints the queryId of a query that then completes with the voice call’s failed Lambda call', async () => {
      const { queryId } = parseOutput(results.get('start-query')) as { queryId: string };
      assert.match(queryId, /^[0-9a-f-]{36}$/);
      const statuses = [];
      let body: Record<string, unknown>;
      do {
        body = await servedQueryResults(endpoint.url, queryId);
        statuses.push(body.status);
      } while (body.status !== 'Complete');
      assert.deepEqual(statuses, ['Scheduled', 'Running', 'Complete']);
      assert.deepEqual(resultContactIds(body), [sampleIds.voice]);
    });

    it('get-query-results prints the rows and statistics as served', async () => {
      const out = parseOutput(results.get('get-query-results'));
      assert.deepEqual(out, await servedQueryResults(endpoint.url, insights.completeId));
      assert.equal(out.status, 'Complete');
      assert.deepEqual(resultContactIds(out), [sampleIds.voice]);
    });

    it('stop-query cancels a running query; a finished one and a malformed query get the errors the endpoint served', async () => {
      assert.deepEqual(parseOutput(results.get('stop-query')), { success: true });
      assert.equal((await servedQueryResults(endpoint.url, insights.runningId)).status, 'Cancelled');
      const finished = await callLogs(endpoint.url, 'StopQuery', { queryId: insights.finishedId });
      assert.equal(finished.errorType, 'InvalidParameterException');
      assert.equal(results.get('stop-query finished').stderr.trim(), `An error occurred (InvalidParameterException) when calling the StopQuery operation: ${String(finished.body.message)}`);
      const malformed = await callLogs(endpoint.url, 'StartQuery', { logGroupName: flowLogIds.logGroup, startTime: 0, endTime: 1, queryString: malformedQuery });
      assert.equal(malformed.errorType, 'MalformedQueryException');
      assert.equal(results.get('start-query malformed').stderr.trim(), `An error occurred (MalformedQueryException) when calling the StartQuery operation: ${String(malformed.body.message)}`);
    });
  });
});
