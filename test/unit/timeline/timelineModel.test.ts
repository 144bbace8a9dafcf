import * as assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/contact/contactDocument';
import { parseFlowLogEvents, type RawLogEvent } from '../../../src/timeline/flowLogEvents';
import { axisTicks, buildChainTimeline, buildTimeline, tickLabel, type ContactLane, type FlowLane } from '../../../src/timeline/timelineModel';

const t0 = Date.parse('2024-05-01T10:00:00.000Z');
const iso = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString();
const flowArn = (id: string): string => `arn:aws:connect:us-east-1:123456789012:instance/iiiiiiii-0000-0000-0000-000000000000/contact-flow/${id}-0000-0000-0000-000000000000`;

const voice: JsonObject = {
  Id: 'c-1',
  Channel: 'VOICE',
  InitiationMethod: 'INBOUND',
  InitiationTimestamp: iso(0),
  QueueInfo: { Id: 'q', EnqueueTimestamp: iso(20) },
  AgentInfo: { Id: 'a', ConnectedToAgentTimestamp: iso(50), AfterContactWorkStartTimestamp: iso(200), AfterContactWorkEndTimestamp: iso(230), AgentInitiatedHoldDuration: 15 },
  DisconnectTimestamp: iso(200),
  DisconnectReason: 'CUSTOMER_DISCONNECT',
};

function at(seconds: number, contactId: string, fields: Record<string, unknown>): RawLogEvent {
  return { eventId: `${contactId}-${seconds}`, timestamp: t0 + seconds * 1000, message: JSON.stringify({ ContactId: contactId, Timestamp: iso(seconds), ...fields }) };
}

const main = { ContactFlowId: flowArn('aaaaaaaa'), ContactFlowName: 'Main' };
const raw = [
  at(1, 'c-1', { ...main, ContactFlowModuleType: 'SetLoggingBehavior' }),
  at(2, 'c-1', { ...main, ContactFlowModuleType: 'InvokeExternalResource', Parameters: { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:lookup' }, Results: 'The Lambda Function Returned An Error.' }),
  at(5, 'c-1', { ...main, ContactFlowModuleType: 'InvokeExternalResource', Parameters: { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:lookup' }, ExternalResults: { ok: 'yes' } }),
  at(6, 'c-1', { ...main, ContactFlowModuleType: 'TransferToFlow' }),
  at(7, 'c-1', { ContactFlowId: flowArn('bbbbbbbb'), ContactFlowModuleType: 'SetQueue' }),
  at(9, 'c-1', { ContactFlowId: flowArn('bbbbbbbb'), ContactFlowModuleType: 'Transfer' }),
  { eventId: 'raw', timestamp: t0 + 10_000, message: 'not json' },
];

describe('Timeline model', () => {
  const { events } = parseFlowLogEvents(raw, { origin: voice.InitiationTimestamp as string });
  const model = buildTimeline(voice, events, { flowNames: { 'bbbbbbbb-0000-0000-0000-000000000000': 'Queue flow' } });
  const group = model.groups[0];
  const contact = group.lanes[0] as ContactLane;
  const flows = group.lanes.slice(1) as FlowLane[];

  it('draws the contact lane from DescribeContact alone: phases as bars, milestones', () => {
    assert.equal(contact.type, 'contact');
    assert.deepEqual(contact.bars.map((b) => [b.kind, b.t0, b.t1]), [
      ['flow', 0, 20_000],
      ['queue', 20_000, 50_000],
      ['talking', 50_000, 200_000],
      ['afterContactWork', 200_000, 230_000],
    ]);
    assert.deepEqual(contact.unplaced, [{ kind: 'hold', label: 'On hold', durationMs: 15_000 }]);
    assert.deepEqual(contact.milestones.map((m) => [m.label, m.t]), [
      ['Initiated', 0],
      ['Queued', 20_000],
      ['Connected to the agent', 50_000],
      ['Disconnected', 200_000],
      ['After-contact work started', 200_000],
      ['After-contact work ended', 230_000],
    ]);
    assert.equal(contact.milestones.find((m) => m.label === 'Disconnected')?.detail, 'CUSTOMER_DISCONNECT');
    const withoutLogs = buildTimeline(voice, []);
    assert.equal(withoutLogs.groups[0].lanes.length, 1);
    assert.equal(withoutLogs.summary.includes('No flow-log events.'), true);
  });

  it('gives each flow a lane of marks coloured by kind, in the order flows first ran', () => {
    assert.deepEqual(flows.map((l) => l.label), ['Main', 'Queue flow', 'Other log lines']);
    assert.deepEqual(flows[0].marks.map((m) => [m.t, m.kind, m.label, m.isError]), [
      [1000, 'logging', 'Set logging behavior', false],
      [2000, 'lambda', 'Invoke AWS Lambda function', true],
      [5000, 'lambda', 'Invoke AWS Lambda function', false],
      [6000, 'transfer', 'Transfer to flow', false],
    ]);
    assert.equal(flows[0].errors, 1);
    assert.deepEqual(flows[0].marks[1].lambda, { outcome: 'error', functionName: 'lookup', durationMs: 3000 });
    assert.deepEqual(flows[0].marks[2].lambda, { outcome: 'success', functionName: 'lookup', durationMs: 1000 });
    assert.deepEqual(flows[1].marks.map((m) => m.kind), ['queue', 'transfer']);
    assert.equal(flows[2].flowId, undefined);
  });

  it('spans everything drawn, with T+mm:ss ticks from initiation', () => {
    assert.equal(model.axis.origin, voice.InitiationTimestamp);
    assert.equal(model.axis.startT, 0);
    assert.equal(model.axis.endT, 230_000);
    assert.deepEqual(model.axis.ticks.map((t) => t.label), ['T+00:00', 'T+00:30', 'T+01:00', 'T+01:30', 'T+02:00', 'T+02:30', 'T+03:00', 'T+03:30']);
  });

  it('counts and sums it up in words', () => {
    assert.deepEqual(model.counts, { events: 7, errors: 1, flows: 2, lambdaCalls: 2, lambdaFailures: 1 });
    assert.equal(model.summary, 'Voice contact, 3m 20s from initiation to disconnect. Phases: In flow before queue 20s, Waiting in queue 30s, With the agent 2m 30s, After-contact work 30s. 7 flow blocks in 2 flows, 1 error. 2 Lambda calls, 1 failed.');
  });

  it('draws a scheduled task\'s wait apart from its flow, and a task not yet due as waiting', () => {
    const task: JsonObject = { Id: 't', Channel: 'TASK', InitiationMethod: 'API', InitiationTimestamp: '2026-11-16T09:00:00Z', ScheduledTimestamp: '2026-11-20T09:00:00Z' };
    const ran = buildTimeline({ ...task, QueueInfo: { Id: 'q', EnqueueTimestamp: '2026-11-20T09:00:03Z' }, AgentInfo: { Id: 'a', ConnectedToAgentTimestamp: '2026-11-20T09:10:00Z' }, DisconnectTimestamp: '2026-11-20T09:20:00Z' }, []);
    assert.equal(ran.summary, 'Task contact, 4d 00h 20m 00s from initiation to disconnect. Phases: Scheduled (waiting to start) 4d 00h 00m 00s, In flow before queue 3s, Waiting in queue 9m 57s, With the agent 10m 00s. No flow-log events.');
    const due = buildTimeline(task, [], { now: Date.parse('2026-11-18T09:00:00Z') });
    assert.equal(due.summary, 'Task contact, not disconnected yet. Phases: Scheduled (waiting to start) (ongoing). No flow-log events.');
    assert.deepEqual((due.groups[0].lanes[0] as ContactLane).bars.map((b) => [b.kind, b.t0, b.t1, b.ongoing]), [['scheduled', 0, 2 * 86_400_000, true]]);
  });

  it('ends a live contact\'s open phase at now, and leaves it unplaced without a clock', () => {
    const live: JsonObject = { Id: 'c-2', Channel: 'CHAT', InitiationTimestamp: iso(0), QueueInfo: { EnqueueTimestamp: iso(10) } };
    const withNow = buildTimeline(live, [], { now: t0 + 40_000 }).groups[0].lanes[0] as ContactLane;
    assert.deepEqual(withNow.bars.map((b) => [b.kind, b.t1, b.ongoing]), [['flow', 10_000, false], ['queue', 40_000, true]]);
    const withoutNow = buildTimeline(live, []).groups[0].lanes[0] as ContactLane;
    assert.deepEqual(withoutNow.unplaced, [{ kind: 'queue', label: 'Waiting in queue', problem: 'ongoing' }]);
    assert.match(buildTimeline(live, []).summary, /^Chat contact, not disconnected yet\./);
  });
});

describe('Timeline ticks', () => {
  it('labels ticks T+mm:ss, T+h:mm:ss past an hour, T- before the origin', () => {
    assert.equal(tickLabel(0), 'T+00:00');
    assert.equal(tickLabel(65_999), 'T+01:05');
    assert.equal(tickLabel(3_725_000), 'T+1:02:05');
    assert.equal(tickLabel(-120_000), 'T-02:00');
  });

  it('picks whole steps and at most the asked number of ticks', () => {
    assert.deepEqual(axisTicks(0, 9_000).map((t) => t.t), [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    assert.deepEqual(axisTicks(-120_000, 600_000).map((t) => t.label), ['T-02:00', 'T+00:00', 'T+02:00', 'T+04:00', 'T+06:00', 'T+08:00', 'T+10:00']);
    for (const span of [0, 1, 999, 61_000, 3_600_000, 86_400_000 * 3, 86_400_000 * 40]) {
      const ticks = axisTicks(0, span, 8);
      assert.ok(ticks.length >= 1 && ticks.length <= 9, `${span}: ${ticks.length}`);
      assert.ok(ticks.every((t) => t.t >= 0 && t.t <= span));
    }
  });
});

describe('Timeline: whole chain', () => {
  it('puts the chain\'s contacts on one axis from the earliest initiation, one lane group each', () => {
    const first: JsonObject = { Id: 'c-1', Channel: 'VOICE', InitiationTimestamp: iso(0), DisconnectTimestamp: iso(60) };
    const second: JsonObject = { Id: 'c-2', Channel: 'VOICE', InitiationMethod: 'TRANSFER', InitiationTimestamp: iso(60), DisconnectTimestamp: iso(120) };
    const e1 = parseFlowLogEvents([at(5, 'c-1', { ...main, ContactFlowModuleType: 'PlayPrompt' })], { origin: iso(0) }).events;
    const e2 = parseFlowLogEvents([at(65, 'c-2', { ...main, ContactFlowModuleType: 'Disconnect' })], { origin: iso(60) }).events;
    assert.equal(e2[0].t, 5000, 'each contact\'s events count from its own initiation');
    const model = buildChainTimeline([{ contact: first, events: e1 }, { contact: second, events: e2, label: 'Transfer' }]);
    assert.deepEqual(model.groups.map((g) => [g.contactId, g.label, g.offsetMs]), [['c-1', 'c-1', 0], ['c-2', 'Transfer', 60_000]]);
    const mark = (model.groups[1].lanes[1] as FlowLane).marks[0];
    assert.equal(mark.t, 65_000);
    const bars = (model.groups[1].lanes[0] as ContactLane).bars;
    assert.deepEqual(bars.map((b) => [b.t0, b.t1]), [[60_000, 120_000]]);
    assert.equal(model.axis.endT, 120_000);
    assert.equal(model.counts.events, 2);
    assert.equal(model.summary, '2 contacts of one chain over 2m 00s. 2 flow blocks in 1 flow, 0 errors.');
    // Lane IDs stay unique across groups though both ran the same flow.
    const ids = model.groups.flatMap((g) => g.lanes.map((l) => l.id));
    assert.equal(new Set(ids).size, ids.length);
  });
});
