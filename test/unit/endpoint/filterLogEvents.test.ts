// FilterLogEvents and DescribeLogGroups over HTTP: the time window, the pattern grammar, paging by limit and by
// the scan budget with tokens tied to their query, stream and group selection, and flow logs that move with
// their contacts when the endpoint rebases the sample times.
import * as assert from 'node:assert/strict';
import { ConnectClient, DescribeContactCommand } from '@aws-sdk/client-connect';
import { localCredentials } from '../../endpoint/localCredentials';
import { callLogs, filterAllPages } from '../../endpoint/logsClient';
import { filterScanBudget } from '../../endpoint/logsOperations';
import { loadSampleContacts, loadSampleLogGroups } from '../../endpoint/sampleData';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';

interface Event {
  logStreamName: string;
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

const byContact = (id: string) => `{ $.ContactId = "${id}" }`;

describe('FilterLogEvents', () => {
  let endpoint: RunningEndpoint;
  const samples = loadSampleContacts({ rebaseTimes: false });
  /** The window the extension asks for: 2 minutes before initiation to 5 minutes after disconnect, in ms. */
  const windowOf = (id: string) => {
    const c = samples.get(id)!.contact;
    const end = (c.DisconnectTimestamp as number | undefined) ?? (c.InitiationTimestamp as number) + 3600;
    return { startTime: Math.round(((c.InitiationTimestamp as number) - 120) * 1000), endTime: Math.round((end + 300) * 1000) };
  };
  const query = (id: string, extra: Record<string, unknown> = {}) => ({ logGroupName: flowLogIds.logGroup, filterPattern: byContact(id), ...windowOf(id), ...extra });

  before(async () => {
    endpoint = await startEndpoint({ rebaseTimes: false });
  });
  after(async () => {
    await endpoint.close();
  });

  it('returns a contact’s flow-log events in its window, ordered by time, with every FilteredLogEvent member', async () => {
    const { events } = await filterAllPages(endpoint.url, query(sampleIds.voice));
    const list = events as unknown as Event[];
    assert.equal(list.length, flowLogIds.eventCounts[sampleIds.voice]);
    for (const e of list) {
      assert.deepEqual(Object.keys(e), ['logStreamName', 'timestamp', 'message', 'ingestionTime', 'eventId']);
      assert.equal((JSON.parse(e.message) as { ContactId: string }).ContactId, sampleIds.voice);
      assert.match(e.eventId, /^\d{56}$/);
      assert.ok(e.ingestionTime > e.timestamp);
    }
    const times = list.map((e) => e.timestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(new Set(list.map((e) => e.eventId)).size, list.length);
  });

  it('includes both ends of the time window and nothing outside it', async () => {
    const all = (await filterAllPages(endpoint.url, query(sampleIds.transferChain[1]))).events as unknown as Event[];
    const first = all[0].timestamp;
    const last = all.at(-1)!.timestamp;
    const exact = (await filterAllPages(endpoint.url, query(sampleIds.transferChain[1], { startTime: first, endTime: last }))).events;
    assert.equal(exact.length, all.length);
    const inner = (await filterAllPages(endpoint.url, query(sampleIds.transferChain[1], { startTime: first + 1, endTime: last - 1 }))).events;
    assert.equal(inner.length, all.length - 2);
    const before = await filterAllPages(endpoint.url, query(sampleIds.transferChain[1], { startTime: first - 60_000, endTime: first - 1 }));
    assert.deepEqual(before.events, []);
  });

  describe('patterns', () => {
    it('the JSON form skips the raw line a quoted-ID term finds', async () => {
      const json = (await filterAllPages(endpoint.url, query(sampleIds.webrtc))).events as unknown as Event[];
      const term = (await filterAllPages(endpoint.url, query(sampleIds.webrtc, { filterPattern: `"${sampleIds.webrtc}"` }))).events as unknown as Event[];
      assert.equal(json.length, flowLogIds.eventCounts[sampleIds.webrtc]);
      assert.equal(term.length, json.length + 1);
      const raw = term.filter((e) => !json.some((j) => j.eventId === e.eventId));
      assert.equal(raw.length, 1);
      assert.throws(() => JSON.parse(raw[0].message) as unknown);
    });

    it('a term search for the voice ID also finds the task that names it in an attribute', async () => {
      const c = samples.get(sampleIds.voice)!.contact;
      const wide = { startTime: ((c.InitiationTimestamp as number) - 3600) * 1000, endTime: ((c.InitiationTimestamp as number) + 3 * 3600) * 1000 };
      const events = (await filterAllPages(endpoint.url, { logGroupName: flowLogIds.logGroup, filterPattern: `"${sampleIds.voice}"`, ...wide })).events as unknown as Event[];
      const ids = new Set(events.map((e) => (JSON.parse(e.message) as { ContactId: string }).ContactId));
      assert.deepEqual([...ids].sort(), [sampleIds.voice, sampleIds.task].sort());
    });

    it('takes two contacts at once with ||, and narrows with &&', async () => {
      const a = sampleIds.transferChain[1];
      const b = sampleIds.transferChain[2];
      const wide = { startTime: windowOf(a).startTime, endTime: windowOf(b).endTime };
      const both = (await filterAllPages(endpoint.url, { logGroupName: flowLogIds.logGroup, filterPattern: `{ ($.ContactId = "${a}") || ($.ContactId = "${b}") }`, ...wide })).events;
      assert.equal(both.length, flowLogIds.eventCounts[a] + flowLogIds.eventCounts[b]);
      const errors = (await filterAllPages(endpoint.url, query(sampleIds.voice, { filterPattern: `{ $.ContactId = "${sampleIds.voice}" && $.Results = "*Error*" }` }))).events as unknown as Event[];
      assert.deepEqual(errors.map((e) => (JSON.parse(e.message) as { ContactFlowModuleType: string }).ContactFlowModuleType), ['InvokeExternalResource']);
    });

    it('refuses an unparseable pattern with InvalidParameterException “Invalid filter pattern”', async () => {
      const r = await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { filterPattern: '{ $.ContactId = ' }));
      assert.deepEqual([r.status, r.body], [400, { __type: 'InvalidParameterException', message: 'Invalid filter pattern' }]);
    });
  });

  describe('paging', () => {
    it('pages by limit; the union of the pages is the whole answer, each event once', async () => {
      const whole = (await filterAllPages(endpoint.url, query(sampleIds.voice))).events as unknown as Event[];
      const { events, pages } = await filterAllPages(endpoint.url, query(sampleIds.voice, { limit: 7 }));
      assert.ok(pages.every((p) => (p.body.events as unknown[]).length <= 7));
      assert.equal(pages.length, Math.ceil(whole.length / 7));
      assert.deepEqual(events, whole);
      assert.ok(pages.slice(0, -1).every((p) => typeof p.body.nextToken === 'string'));
      assert.equal(pages.at(-1)!.body.nextToken, undefined);
    });

    it('stops at the scan budget too: the long chat comes in several pages, and still whole', async () => {
      const { events, pages } = await filterAllPages(endpoint.url, query(flowLogIds.longChat.contactId));
      assert.equal(events.length, flowLogIds.longChat.eventCount);
      assert.ok(pages.length >= Math.ceil(flowLogIds.longChat.eventCount / filterScanBudget), `${pages.length} pages`);
      assert.ok(pages.every((p) => (p.body.events as unknown[]).length <= filterScanBudget));
    });

    it('may answer an empty page with a nextToken (no start time: the scan begins with the oldest events)', async () => {
      const first = await callLogs(endpoint.url, 'FilterLogEvents', { logGroupName: flowLogIds.logGroup, filterPattern: byContact(sampleIds.voice) });
      assert.equal(first.status, 200);
      assert.deepEqual(first.body.events, []);
      assert.equal(typeof first.body.nextToken, 'string');
      const all = await filterAllPages(endpoint.url, { logGroupName: flowLogIds.logGroup, filterPattern: byContact(sampleIds.voice) });
      assert.equal(all.events.length, flowLogIds.eventCounts[sampleIds.voice]);
    });

    it('ties a token to its query: another query’s token, or a made-up one, is InvalidParameterException', async () => {
      const first = await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { limit: 2 }));
      const token = first.body.nextToken as string;
      const other = await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.transferChain[1], { limit: 2, nextToken: token }));
      assert.deepEqual([other.status, other.errorType], [400, 'InvalidParameterException']);
      const madeUp = await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { nextToken: 'not-a-token' }));
      assert.equal(madeUp.errorType, 'InvalidParameterException');
      // The same query with another limit may go on with it.
      const next = await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { limit: 3, nextToken: token }));
      assert.equal(next.status, 200);
    });

    it('checks limit against 1..10000', async () => {
      for (const limit of [0, 10001, 2.5]) {
        assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { limit }))).errorType, 'InvalidParameterException', String(limit));
      }
    });
  });

  describe('groups and streams', () => {
    it('takes a group ARN as logGroupIdentifier, but not with logGroupName, and wants one of them', async () => {
      const arn = `arn:aws:logs:us-east-1:${sampleIds.account}:log-group:${flowLogIds.logGroup}`;
      const { logGroupName: _name, ...rest } = query(sampleIds.email);
      const byArn = (await filterAllPages(endpoint.url, { ...rest, logGroupIdentifier: arn })).events;
      assert.equal(byArn.length, flowLogIds.eventCounts[sampleIds.email]);
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', { ...rest, logGroupIdentifier: flowLogIds.logGroup })).status, 200);
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.email, { logGroupIdentifier: arn }))).errorType, 'InvalidParameterException');
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', rest)).errorType, 'InvalidParameterException');
      const otherAccount = await callLogs(endpoint.url, 'FilterLogEvents', { ...rest, logGroupIdentifier: arn.replace(sampleIds.account, '999999999999') });
      assert.equal(otherAccount.errorType, 'ResourceNotFoundException');
    });

    it('answers instance B’s missing group with ResourceNotFoundException, and the empty acme-lab group with nothing', async () => {
      const missing = await callLogs(endpoint.url, 'FilterLogEvents', { logGroupName: flowLogIds.missingLogGroup.logGroupName, filterPattern: byContact(sampleIds.salesChat) });
      assert.deepEqual([missing.status, missing.body], [400, { __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' }]);
      const empty = await callLogs(endpoint.url, 'FilterLogEvents', { logGroupName: flowLogIds.emptyLogGroup });
      assert.deepEqual(empty.body, { events: [], searchedLogStreams: [] });
    });

    it('narrows to streams by name or prefix (one stream per flow), not both', async () => {
      const menu = flowLogIds.flows.billingMenu.id;
      const byName = (await filterAllPages(endpoint.url, query(sampleIds.voice, { logStreamNames: [menu] }))).events as unknown as Event[];
      assert.ok(byName.length > 10);
      assert.ok(byName.every((e) => e.logStreamName === menu && (JSON.parse(e.message) as { ContactFlowName: string }).ContactFlowName === flowLogIds.flows.billingMenu.name));
      const byPrefix = (await filterAllPages(endpoint.url, query(sampleIds.voice, { logStreamNamePrefix: menu.slice(0, 14) }))).events;
      assert.equal(byPrefix.length, byName.length);
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { logStreamNames: [menu], logStreamNamePrefix: 'f' }))).errorType, 'InvalidParameterException');
      assert.equal((await callLogs(endpoint.url, 'FilterLogEvents', query(sampleIds.voice, { logStreamNames: ['a:b'] }))).errorType, 'InvalidParameterException');
    });

    it('serves the Lambda function’s lines about the contact within ±30 s of the failed invocation', async () => {
      const voice = (await filterAllPages(endpoint.url, query(sampleIds.voice))).events as unknown as Event[];
      const failed = voice.find((e) => e.message.includes('The Lambda Function Returned An Error.'))!;
      const around = { startTime: failed.timestamp - 30_000, endTime: failed.timestamp + 30_000 };
      const lines = (await filterAllPages(endpoint.url, { logGroupName: flowLogIds.lambdaFunction.logGroupName, filterPattern: `"${sampleIds.voice}"`, ...around })).events as unknown as Event[];
      assert.equal(lines.length, 4);
      assert.ok(lines.some((e) => /\tERROR\tInvoke Error/.test(e.message)));
      const everything = (await filterAllPages(endpoint.url, { logGroupName: flowLogIds.lambdaFunction.logGroupName, ...around })).events as unknown as Event[];
      assert.deepEqual(everything.filter((e) => e.message.startsWith('START RequestId: ')).length, 3, 'the warm-up ping and both calls');
    });
  });
});

describe('DescribeLogGroups', () => {
  let endpoint: RunningEndpoint;
  const groups = loadSampleLogGroups({ rebaseTimes: false });

  before(async () => {
    endpoint = await startEndpoint({ rebaseTimes: false });
  });
  after(async () => {
    await endpoint.close();
  });

  it('lists the log groups in name order, as stored, with storedBytes; instance B’s group is not there', async () => {
    const r = await callLogs(endpoint.url, 'DescribeLogGroups', {});
    const list = r.body.logGroups as Record<string, unknown>[];
    assert.deepEqual(list.map((g) => g.logGroupName), [flowLogIds.emptyLogGroup, flowLogIds.logGroup, flowLogIds.lambdaFunction.logGroupName, flowLogIds.orderStatusFunction.logGroupName]);
    assert.equal(r.body.nextToken, undefined);
    const support = list[1];
    assert.equal(support.retentionInDays, 30);
    assert.equal(support.arn, `arn:aws:logs:us-east-1:${sampleIds.account}:log-group:${flowLogIds.logGroup}:*`);
    assert.equal(support.logGroupArn, `arn:aws:logs:us-east-1:${sampleIds.account}:log-group:${flowLogIds.logGroup}`);
    assert.equal(support.storedBytes, groups.get(flowLogIds.logGroup)!.events.reduce((n, e) => n + Buffer.byteLength(e.message), 0));
    assert.equal(list[0].storedBytes, 0);
    assert.equal(list[3].retentionInDays, undefined, 'never expires');
  });

  it('filters by prefix, or case-insensitively by pattern, not both', async () => {
    const lambda = await callLogs(endpoint.url, 'DescribeLogGroups', { logGroupNamePrefix: '/aws/lambda/' });
    assert.deepEqual((lambda.body.logGroups as { logGroupName: string }[]).map((g) => g.logGroupName), [flowLogIds.lambdaFunction.logGroupName, flowLogIds.orderStatusFunction.logGroupName]);
    const connect = await callLogs(endpoint.url, 'DescribeLogGroups', { logGroupNamePrefix: '/aws/connect/acme-sales' });
    assert.deepEqual(connect.body.logGroups, []);
    const pattern = await callLogs(endpoint.url, 'DescribeLogGroups', { logGroupNamePattern: 'ACME-LAB' });
    assert.deepEqual((pattern.body.logGroups as { logGroupName: string }[]).map((g) => g.logGroupName), [flowLogIds.emptyLogGroup]);
    const both = await callLogs(endpoint.url, 'DescribeLogGroups', { logGroupNamePrefix: '/aws', logGroupNamePattern: 'lab' });
    assert.equal(both.errorType, 'InvalidParameterException');
  });

  it('pages by limit 1..50 with tokens tied to the query', async () => {
    const names: string[] = [];
    let token: unknown;
    let pages = 0;
    do {
      const r = await callLogs(endpoint.url, 'DescribeLogGroups', token === undefined ? { limit: 3 } : { limit: 3, nextToken: token });
      names.push(...(r.body.logGroups as { logGroupName: string }[]).map((g) => g.logGroupName));
      token = r.body.nextToken;
      pages++;
    } while (token !== undefined);
    assert.equal(pages, 2);
    assert.equal(names.length, groups.size);
    const first = await callLogs(endpoint.url, 'DescribeLogGroups', { limit: 1 });
    const elsewhere = await callLogs(endpoint.url, 'DescribeLogGroups', { limit: 1, logGroupNamePrefix: '/aws/lambda/', nextToken: first.body.nextToken });
    assert.equal(elsewhere.errorType, 'InvalidParameterException');
    for (const limit of [0, 51]) assert.equal((await callLogs(endpoint.url, 'DescribeLogGroups', { limit })).errorType, 'InvalidParameterException');
  });
});

describe('flow logs when the endpoint rebases the sample times', () => {
  it('move with their contact: DescribeContact’s window holds its events, and every time shifted by the same amount', async () => {
    const started = Date.now();
    const endpoint = await startEndpoint();
    const connect = new ConnectClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
    try {
      const out = await connect.send(new DescribeContactCommand({ InstanceId: sampleIds.instanceA, ContactId: sampleIds.voice }));
      const initiation = out.Contact!.InitiationTimestamp!.getTime();
      const disconnect = out.Contact!.DisconnectTimestamp!.getTime();
      assert.ok(started - initiation > 3600_000, 'rebased to a recent past');
      const window = { startTime: initiation - 120_000, endTime: disconnect + 300_000 };
      const events = (await filterAllPages(endpoint.url, { logGroupName: flowLogIds.logGroup, filterPattern: byContact(sampleIds.voice), ...window })).events as unknown as Event[];
      assert.equal(events.length, flowLogIds.eventCounts[sampleIds.voice]);
      for (const e of events) {
        assert.ok(e.timestamp >= initiation && e.timestamp <= disconnect, `${e.timestamp} outside ${initiation}..${disconnect}`);
        assert.equal(Date.parse((JSON.parse(e.message) as { Timestamp: string }).Timestamp), e.timestamp);
      }
      const storedInitiation = (loadSampleContacts({ rebaseTimes: false }).get(sampleIds.voice)!.contact.InitiationTimestamp as number) * 1000;
      const storedFirst = loadSampleLogGroups({ rebaseTimes: false }).get(flowLogIds.logGroup)!.events.find((e) => e.message.includes(sampleIds.voice))!;
      assert.equal(events[0].timestamp - storedFirst.timestamp, initiation - storedInitiation);
      assert.equal(events[0].eventId, storedFirst.eventId, 'event IDs survive the rebase');
    } finally {
      connect.destroy();
      await endpoint.close();
    }
  });
});
