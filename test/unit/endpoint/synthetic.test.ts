// `--synthetic N`: deterministic contacts over two years across instances A and B, seen by DescribeContact,
// SearchContacts, FilterLogEvents and Logs Insights; their flow logs are generated per query.
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../endpoint/cli';
import { callLogs, filterAllPages } from '../../endpoint/logsClient';
import { loadEndpointData, type WireContact } from '../../endpoint/sampleData';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { syntheticFlowLog } from '../../endpoint/synthetic';
import { fetchServed } from '../../integration/cli/cliHarness';

const now = Date.parse('2026-11-30T00:00:00Z');
const synthetic = (n: number, seed?: number): WireContact[] =>
  [...loadEndpointData({ synthetic: n, seed, now }).contacts.values()].flatMap((m) => [...m.values()]).filter((c) => (c.Attributes as Record<string, string> | undefined)?.synthetic === 'true');

describe('Synthetic contacts', function () {
  this.timeout(30_000);
  let endpoint: RunningEndpoint;
  let all: WireContact[];

  before(async () => {
    endpoint = await startEndpoint({ synthetic: 2000 });
    all = synthetic(2000);
  });
  after(async () => {
    await endpoint.close();
  });

  it('are the same for the same seed and differ for another; spread over two years, both instances, every channel', () => {
    const again = synthetic(2000);
    assert.equal(all.length, 2000);
    assert.deepEqual(again.map((c) => c.Id), all.map((c) => c.Id));
    assert.notDeepEqual(synthetic(50, 2).map((c) => c.Id), all.slice(0, 50).map((c) => c.Id));
    const times = all.map((c) => c.InitiationTimestamp as number);
    assert.ok(Math.min(...times) > now / 1000 - 730 * 86400 && Math.min(...times) < now / 1000 - 700 * 86400);
    assert.ok(Math.max(...times) <= now / 1000 - 3600);
    assert.deepEqual(new Set(all.map((c) => c.Channel)), new Set(['VOICE', 'CHAT', 'TASK', 'EMAIL']));
    const inA = all.filter((c) => String(c.Arn).includes(sampleIds.instanceA)).length;
    assert.ok(inA > 1300 && inA < 1700, `${inA} in A`);
    assert.ok(all.some((c) => (c.AgentInfo as { HierarchyGroups?: Record<string, unknown> } | undefined)?.HierarchyGroups?.Level1));
  });

  it('DescribeContact and SearchContacts see them', async () => {
    const mine = all.find((x) => String(x.Arn).includes(sampleIds.instanceB))!;
    const described = await fetchServed(endpoint.url, `/contacts/${sampleIds.instanceB}/${mine.Id}`);
    assert.equal(described.status, 200);
    const c = described.body.Contact as WireContact;
    assert.deepEqual([c.Channel, c.InitiationMethod, c.Attributes], [mine.Channel, mine.InitiationMethod, mine.Attributes]);
    const t = c.InitiationTimestamp as number;
    const search = await fetchServed(endpoint.url, '/search-contacts', {
      method: 'POST',
      body: JSON.stringify({ InstanceId: sampleIds.instanceB, TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: t, EndTime: t } }),
    });
    assert.ok((search.body.Contacts as { Id: string }[]).some((x) => x.Id === c.Id), JSON.stringify(search.body).slice(0, 300));
  });

  it('FilterLogEvents and Insights read their generated flow logs', async () => {
    // The endpoint's contacts end an hour before it started (the test's `now` differs): the served one's times.
    const id = all.find((x) => String(x.Arn).includes(sampleIds.instanceA))!.Id;
    const c = (await fetchServed(endpoint.url, `/contacts/${sampleIds.instanceA}/${id}`)).body.Contact as WireContact;
    const t = (c.InitiationTimestamp as number) * 1000;
    const { events } = await filterAllPages(endpoint.url, { logGroupName: flowLogIds.logGroup, filterPattern: `{ $.ContactId = "${c.Id}" }`, startTime: t - 120_000, endTime: t + 3_600_000 });
    assert.deepEqual(events.map((e) => e.message), syntheticFlowLog(c).map((e) => e.message));
    const started = await callLogs(endpoint.url, 'StartQuery', {
      logGroupName: flowLogIds.logGroup,
      startTime: Math.floor(now / 1000) - 731 * 86400,
      endTime: Math.floor(Date.now() / 1000),
      queryString: 'filter ContactFlowModuleType = "SetAttributes" and Parameters.Key = "intent" and Parameters.Value = "CardDecline" | stats count(*) as n by ContactFlowName',
    });
    const queryId = started.body.queryId;
    let body: Record<string, unknown>;
    do body = (await callLogs(endpoint.url, 'GetQueryResults', { queryId })).body;
    while (body.status !== 'Complete');
    const expected = all.filter((x) => String(x.Arn).includes(sampleIds.instanceA) && (x.Attributes as Record<string, string>).intent === 'CardDecline').length;
    assert.ok(expected > 100);
    assert.deepEqual(body.results, [[{ field: 'ContactFlowName', value: 'Acme inbound main' }, { field: 'n', value: String(expected) }]]);
  });

  it('takes --synthetic and --seed', () => {
    const opts = parseArgs(['--synthetic', '100000', '--seed', '7']);
    assert.deepEqual([opts.synthetic, opts.seed], [100000, 7]);
    assert.throws(() => parseArgs(['--seed', '7']), /--seed goes with --synthetic/);
    assert.throws(() => parseArgs(['--synthetic', '1.5']), /whole number/);
  });
});
