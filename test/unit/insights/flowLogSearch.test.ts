// The UI-free half of Find Contacts in Flow Logs: which log group, which query, which range.
import * as assert from 'node:assert/strict';
import type { InsightsService, RunQueryOptions } from '../../../src/aws/insightsService';
import { ConnectServiceError } from '../../../src/aws/errors';
import { parseTimeRange, requestQuery, searchFlowLogs, timeArg } from '../../../src/insights/flowLogSearch';
import { insightsTemplateQuery } from '../../../src/timeline/insightsTemplates';

const instance = { profile: 'p', region: 'us-east-1', instanceId: '11111111-1111-4111-8111-111111111111' };

function fakeInsights(seen: RunQueryOptions[]): InsightsService {
  return {
    runQuery: (_t: unknown, o: RunQueryOptions) => {
      seen.push(o);
      return Promise.resolve({
        queryId: 'q', status: 'Complete', polls: 1, statistics: { recordsScanned: 10, recordsMatched: 2 },
        results: [
          [{ field: '@timestamp', value: '2024-05-15 11:40:34.056' }, { field: 'ContactId', value: 'a' }],
          [{ field: '@timestamp', value: '2024-05-15 11:40:35.056' }, { field: 'ContactId', value: 'a' }],
        ],
      });
    },
  } as unknown as InsightsService;
}

describe('searchFlowLogs', () => {
  it('queries the instance\'s /aws/connect/<alias> group over the range in seconds, with the account from its ARN', async () => {
    const seen: RunQueryOptions[] = [];
    const out = await searchFlowLogs({ instance, template: 'lambdaFailing', inputs: { functionName: 'f' }, startMs: 1_000_500, endMs: 2_000_500 }, {
      insights: () => fakeInsights(seen),
      instanceDetails: () => Promise.resolve({ alias: 'my-centre', arn: 'arn:aws:connect:us-east-1:111122223333:instance/x' }),
      flowLogGroups: () => ({}),
    });
    assert.deepEqual(seen[0].logGroupNames, ['/aws/connect/my-centre']);
    assert.equal(seen[0].queryString, insightsTemplateQuery('lambdaFailing', { functionName: 'f' }));
    assert.deepEqual([seen[0].startTime, seen[0].endTime, seen[0].accountId], [1000, 2001, '111122223333']);
    assert.equal(out.rows.length, 2);
    assert.deepEqual(out.contacts.map((c) => [c.row.contactId, c.matches]), [['a', 2]]);
    assert.equal(out.recordsScanned, 10);
  });

  it('uses the setting\'s log group when the alias cannot be read, and says what to do when neither is known', async () => {
    const seen: RunQueryOptions[] = [];
    const deps = { insights: () => fakeInsights(seen), instanceDetails: () => Promise.reject(new Error('denied')), flowLogGroups: () => ({ [instance.instanceId]: '/custom/group' }) };
    await searchFlowLogs({ instance, query: 'fields @timestamp', startMs: 0, endMs: 1000 }, deps);
    assert.deepEqual(seen[0].logGroupNames, ['/custom/group']);
    assert.equal(seen[0].queryString, 'fields @timestamp');
    await assert.rejects(searchFlowLogs({ instance, startMs: 0, endMs: 1000 }, { ...deps, flowLogGroups: () => ({}) }), (e: unknown) => e instanceof ConnectServiceError && /connectContacts\.flowLogGroups/.test(e.info.hint ?? ''));
  });

  it('refuses a template with a missing input as invalid input', async () => {
    await assert.rejects(searchFlowLogs({ instance, template: 'attributeSet', inputs: { key: 'k' }, startMs: 0, endMs: 1 }, { insights: () => fakeInsights([]), instanceDetails: () => Promise.resolve({ alias: 'a' }), flowLogGroups: () => ({}) }),
      (e: unknown) => e instanceof ConnectServiceError && e.kind === 'InvalidInput');
    assert.equal(requestQuery({}), insightsTemplateQuery('errors'));
  });

  it('reads typed ranges and times', () => {
    assert.deepEqual(parseTimeRange('2024-05-01T00:00Z/2024-05-02T00:00Z'), { startMs: Date.parse('2024-05-01T00:00Z'), endMs: Date.parse('2024-05-02T00:00Z') });
    assert.deepEqual(parseTimeRange('2024-05-01 to 2024-05-02'), { startMs: Date.parse('2024-05-01'), endMs: Date.parse('2024-05-02') });
    for (const bad of ['', '2024-05-01', '2024-05-02/2024-05-01', 'x/y']) assert.ok('problem' in parseTimeRange(bad), bad);
    assert.equal(timeArg('2024-05-01T00:00:00Z'), Date.parse('2024-05-01T00:00:00Z'));
    assert.equal(timeArg(5), 5);
    assert.equal(timeArg('nope'), undefined);
  });
});
