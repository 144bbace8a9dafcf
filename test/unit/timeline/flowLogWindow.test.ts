import * as assert from 'node:assert/strict';
import { flowLogGroup, flowLogWindow, isValidLogGroupName, logGroupArn, normalizeFlowLogGroups, partitionOf, retentionCovers } from '../../../src/timeline/flowLogWindow';

const instanceId = '11111111-2222-3333-4444-555555555555';

describe('flow-log window', () => {
  it('runs from 2 minutes before initiation to 5 minutes after disconnect', () => {
    const w = flowLogWindow({ InitiationTimestamp: '2024-05-01T10:00:00.000Z', DisconnectTimestamp: '2024-05-01T10:04:00.000Z' }, Date.parse('2024-06-01T00:00:00Z'));
    assert.deepEqual(w, { startTime: Date.parse('2024-05-01T09:58:00.000Z'), endTime: Date.parse('2024-05-01T10:09:00.000Z'), live: false });
  });

  it('ends now for a live contact', () => {
    const now = Date.parse('2024-05-01T10:03:00.000Z');
    assert.deepEqual(flowLogWindow({ InitiationTimestamp: '2024-05-01T10:00:00.000Z' }, now), { startTime: Date.parse('2024-05-01T09:58:00.000Z'), endTime: now, live: true });
  });

  it('reads epoch seconds (a wire body), and needs an initiation', () => {
    const w = flowLogWindow({ InitiationTimestamp: 1714557600, DisconnectTimestamp: 1714557660.5 }, 0);
    assert.equal(w?.startTime, 1714557600_000 - 120_000);
    assert.equal(w?.endTime, 1714557660_500 + 300_000);
    assert.equal(flowLogWindow({ DisconnectTimestamp: '2024-05-01T10:04:00.000Z' }, 0), undefined);
    assert.equal(flowLogWindow({ InitiationTimestamp: 'not a time' }, 0), undefined);
  });

  it('never ends before it starts (a disconnect before initiation)', () => {
    const w = flowLogWindow({ InitiationTimestamp: '2024-05-01T10:00:00.000Z', DisconnectTimestamp: '2024-05-01T09:00:00.000Z' }, 0)!;
    assert.ok(w.endTime >= w.startTime);
  });

  it('says when retention is shorter than the contact\'s age', () => {
    const start = Date.parse('2024-05-01T10:00:00Z');
    assert.equal(retentionCovers(undefined, start, start + 400 * 86_400_000), true);
    assert.equal(retentionCovers(30, start, start + 29 * 86_400_000), true);
    assert.equal(retentionCovers(30, start, start + 31 * 86_400_000), false);
  });
});

describe('flow-log group', () => {
  it('is /aws/connect/<alias> unless the setting names one for the instance', () => {
    assert.deepEqual(flowLogGroup({ instanceId, alias: 'my-centre' }), { name: '/aws/connect/my-centre', source: 'alias' });
    const overrides = normalizeFlowLogGroups({ [instanceId.toUpperCase()]: ' /custom/flows ', other: '/x' });
    assert.deepEqual(flowLogGroup({ instanceId, alias: 'my-centre' }, overrides), { name: '/custom/flows', source: 'setting' });
    assert.equal(flowLogGroup({ instanceId }), undefined);
  });

  it('accepts an instance ARN as the setting\'s key', () => {
    const overrides = normalizeFlowLogGroups({ [`arn:aws:connect:eu-west-2:123456789012:instance/${instanceId}`]: '/custom/arn' });
    assert.deepEqual(flowLogGroup({ instanceId }, overrides), { name: '/custom/arn', source: 'setting' });
  });

  it('leaves out entries that are not log group names, and reads no prototype', () => {
    const overrides = normalizeFlowLogGroups(JSON.parse(`{"${instanceId}": "has space", "a": 5, "b": "", "__proto__": "/p", "": "/empty"}`));
    assert.deepEqual(Object.keys(overrides), ['__proto__']);
    assert.equal(flowLogGroup({ instanceId: 'toString', alias: 'a' })?.source, 'alias');
    assert.equal(flowLogGroup({ instanceId: '__proto__' }, overrides)?.name, '/p');
    assert.deepEqual(normalizeFlowLogGroups('nope'), {});
    assert.deepEqual(normalizeFlowLogGroups(['/a']), {});
  });

  it('validates names as CloudWatch Logs does', () => {
    for (const ok of ['/aws/connect/x', 'a.b-c_d/e#f', 'x'.repeat(512)]) assert.ok(isValidLogGroupName(ok), ok);
    for (const bad of ['', 'x'.repeat(513), 'a b', '/aws/connect/"x"', 'a*b', '/aws/connect/é']) assert.ok(!isValidLogGroupName(bad), bad);
    // An alias that would make a bad name gives none.
    assert.equal(flowLogGroup({ instanceId, alias: 'has space' }), undefined);
  });

  it('names the log group\'s ARN for IAM, in the region\'s partition', () => {
    assert.equal(logGroupArn('us-east-1', '123456789012', '/aws/connect/x'), 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/connect/x:*');
    assert.equal(logGroupArn('cn-north-1', undefined, '/aws/connect/x'), 'arn:aws-cn:logs:cn-north-1:*:log-group:/aws/connect/x:*');
    assert.equal(logGroupArn('us-gov-west-1', 'bad', '/g'), 'arn:aws-us-gov:logs:us-gov-west-1:*:log-group:/g:*');
    assert.equal(partitionOf('us-isob-east-1'), 'aws-iso-b');
  });
});
