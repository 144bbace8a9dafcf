// The sample CloudWatch Logs (data/logGroups.json) against the sample contacts and resources: every flow-log
// line sits in its contact's time line and names flows that exist, sets the attributes and queue the contact
// has; the special samples are where flowLogIds says; the Lambda logs surround their invocations; values fit
// botocore's logs model; and a rebase moves every time by the contacts' shift.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../../endpoint/paths';
import { loadEndpointData, loadSampleLogGroups, rebaseShiftSeconds, type WireContact } from '../../endpoint/sampleData';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import type { LogEvent } from '../../endpoint/sampleLogs';
import { botocoreShape, walkValue } from './modelWalk';

interface FlowLine {
  ContactId: string;
  ContactFlowId: string;
  ContactFlowName?: string;
  ContactFlowModuleType: string;
  Identifier?: string;
  Timestamp: string;
  Parameters?: Record<string, string>;
  Results?: string;
  ExternalResults?: Record<string, string>;
  Events?: Record<string, string[]>;
}

const data = loadEndpointData({ rebaseTimes: false });
const groups = data.logGroups();
const flowGroup = groups.get(flowLogIds.logGroup)!;
const contactsA = data.contacts.get(sampleIds.instanceA)!;
const flowsA = data.resources.get(sampleIds.instanceA)!.ContactFlows;

function parse(e: LogEvent): FlowLine | undefined {
  try {
    return JSON.parse(e.message) as FlowLine;
  } catch {
    return undefined;
  }
}

const lines = flowGroup.events.flatMap((event) => {
  const line = parse(event);
  return line ? [{ event, line }] : [];
});
const linesOf = (contactId: string) => lines.filter((l) => l.line.ContactId === contactId);
const seconds = (ms: number) => ms / 1000;
const num = (c: WireContact, ...keys: string[]): number | undefined => {
  let v: unknown = c;
  for (const k of keys) v = (v as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'number' ? v : undefined;
};

/** A line's flow: its resource (Type, Name) or the flow module. */
function flowOf(line: FlowLine): { id: string; type: string; name: string } {
  const m = /^arn:aws:connect:us-east-1:123456789012:instance\/([^/]+)\/(contact-flow|flow-module)\/(.+)$/.exec(line.ContactFlowId);
  assert.ok(m, line.ContactFlowId);
  assert.equal(m[1], sampleIds.instanceA);
  if (m[2] === 'flow-module') {
    assert.equal(m[3], flowLogIds.flows.authenticateModule.id);
    return { id: m[3], type: 'MODULE', name: flowLogIds.flows.authenticateModule.name };
  }
  const flow = flowsA.find((f) => f.Id === m[3]);
  assert.ok(flow, `flow ${m[3]} is not in resources.json`);
  return { id: m[3], type: flow.Type as string, name: flow.Name as string };
}

describe('sample flow logs', () => {
  it('cover every contact of instance A with the counts flowLogIds gives; instance B has no log group', () => {
    const counts = Object.fromEntries([...contactsA.keys()].map((id) => [id, linesOf(id).length]));
    assert.deepEqual(counts, flowLogIds.eventCounts);
    assert.equal(groups.has(flowLogIds.missingLogGroup.logGroupName), false);
    assert.equal(flowLogIds.missingLogGroup.instanceId, sampleIds.instanceB);
    const instanceB = data.instances.find((i) => i.Id === sampleIds.instanceB)!;
    assert.equal(flowLogIds.missingLogGroup.logGroupName, `/aws/connect/${instanceB.InstanceAlias as string}`);
    for (const id of data.contacts.get(sampleIds.instanceB)!.keys()) assert.ok(!flowGroup.events.some((e) => e.message.includes(id)), id);
    assert.deepEqual(groups.get(flowLogIds.emptyLogGroup)!.events, []);
  });

  it('name flows that exist in instance A, by ARN and name, one log stream per flow', () => {
    for (const { event, line } of lines) {
      const flow = flowOf(line);
      assert.equal(event.logStreamName, flow.id);
      if (line.ContactFlowName !== undefined) assert.equal(line.ContactFlowName, flow.name);
    }
    for (const f of Object.values(flowLogIds.flows)) {
      if (f.id === flowLogIds.flows.authenticateModule.id) continue;
      const flow = flowsA.find((x) => x.Id === f.id);
      assert.deepEqual([flow?.Name, flow?.Arn], [f.name, f.arn]);
    }
  });

  it('sit in their contact’s time line: flows before the queue, the queue flow while queued, whispers before the agent', () => {
    for (const { event, line } of lines) {
      const c = contactsA.get(line.ContactId)!;
      const t = seconds(event.timestamp);
      const initiation = num(c, 'InitiationTimestamp')!;
      const enqueued = num(c, 'QueueInfo', 'EnqueueTimestamp')!;
      const agent = num(c, 'AgentInfo', 'ConnectedToAgentTimestamp');
      const disconnect = num(c, 'DisconnectTimestamp');
      const flow = flowOf(line);
      const at = `${line.ContactId} ${flow.name} ${line.ContactFlowModuleType} at +${(t - initiation).toFixed(3)} s`;
      if (flow.id === flowLogIds.flows.chatDisconnect.id) {
        assert.ok(disconnect !== undefined && t >= disconnect && t <= disconnect + 5, at);
        continue;
      }
      assert.ok(t >= initiation && (disconnect === undefined || t <= disconnect), at);
      if (flow.type === 'CUSTOMER_QUEUE') assert.ok(t >= enqueued && t < (agent ?? disconnect ?? Infinity), at);
      else if (flow.type === 'AGENT_WHISPER') assert.ok(t >= enqueued && agent !== undefined && t < agent, at);
      else if (flow.type === 'OUTBOUND_WHISPER') assert.ok(t >= num(c, 'RingStartTimestamp')! && t < agent!, at);
      else assert.ok(t < enqueued, at);
    }
  });

  it('carry the event’s own time as Timestamp (to the minute in the older shape)', () => {
    for (const { event, line } of lines) {
      if (line.Events) assert.equal(line.Timestamp, new Date(event.timestamp).toISOString().replace(/:\d{2}(\.\d{3}Z)$/, '$1'));
      else assert.equal(Date.parse(line.Timestamp), event.timestamp);
    }
  });

  it('set the attributes and the queue the contact has', () => {
    for (const [id, c] of contactsA) {
      const mine = linesOf(id).map((l) => l.line);
      for (const l of mine.filter((x) => x.ContactFlowModuleType === 'SetAttributes')) {
        assert.equal((c.Attributes as Record<string, string>)[l.Parameters!.Key], l.Parameters!.Value, `${id} ${l.Parameters!.Key}`);
      }
      const queues = mine.filter((x) => x.ContactFlowModuleType === 'SetQueue').map((x) => x.Parameters?.Queue ?? x.Events?.Queue[0]);
      assert.ok(queues.length > 0, id);
      assert.equal(queues.at(-1), `arn:aws:connect:us-east-1:123456789012:instance/${sampleIds.instanceA}/queue/${(c.QueueInfo as { Id: string }).Id}`, id);
    }
  });

  it('hold every block type the Timeline must show', () => {
    const types = new Set(lines.map((l) => l.line.ContactFlowModuleType));
    for (const t of ['InvokeExternalResource', 'TransferToFlow', 'SetAttributes', 'SetQueue', 'GetUserInput', 'PlayPrompt', 'CheckHoursOfOperation', 'SetLoggingBehavior', 'Disconnect', 'Loop', 'InvokeFlowModule', 'TransferToQueue']) {
      assert.ok(types.has(t), t);
    }
  });

  describe('the special samples', () => {
    const voice = linesOf(flowLogIds.lambdaErrorContact);

    it('the voice call: a Lambda error, a Loop, the retry that returns attributes', () => {
      const calls = voice.filter((l) => l.line.ContactFlowModuleType === 'InvokeExternalResource');
      assert.equal(calls.length, 2);
      const [failed, retried] = calls.map((l) => l.line);
      assert.equal(failed.Results, 'The Lambda Function Returned An Error.');
      assert.deepEqual(failed.Parameters, { FunctionArn: flowLogIds.lambdaFunction.arn, ResponseValidation: 'ResponseType=STRING_MAP', TimeLimit: '3000' });
      assert.equal(retried.Results, undefined);
      assert.deepEqual(retried.ExternalResults, { customerTier: 'gold', accountNumber: '****4821', cardStatus: 'DECLINED_FRAUD_HOLD' });
      const between = voice.filter((l) => l.event.timestamp > calls[0].event.timestamp && l.event.timestamp < calls[1].event.timestamp);
      assert.deepEqual(between.map((l) => [l.line.ContactFlowModuleType, l.line.Results]), [['Loop', 'Looping']]);
    });

    it('the voice call: the menu block three times with Loops between; TransferToFlow into the billing menu; the module', () => {
      const menu = voice.filter((l) => l.line.Identifier === 'main-menu').map((l) => l.line.Results);
      assert.deepEqual(menu, ['Timeout', 'Timeout', '1']);
      const transfer = voice.find((l) => l.line.ContactFlowModuleType === 'TransferToFlow')!;
      assert.equal(transfer.line.Parameters!.ContactFlowId, flowLogIds.flows.billingMenu.arn);
      assert.equal(transfer.line.ContactFlowName, flowLogIds.flows.inbound.name);
      const after = voice.filter((l) => l.event.timestamp > transfer.event.timestamp && l.event.logStreamName === flowLogIds.flows.billingMenu.id);
      assert.ok(after.length > 10);
      assert.ok(!voice.some((l) => l.event.logStreamName === flowLogIds.flows.billingMenu.id && l.event.timestamp < transfer.event.timestamp));
      assert.ok(voice.some((l) => l.line.ContactFlowId === flowLogIds.flows.authenticateModule.arn && l.line.ContactFlowName === flowLogIds.flows.authenticateModule.name));
    });

    it('one exact duplicate event (at-least-once delivery), in the voice call', () => {
      const seen = new Map<string, LogEvent>();
      const duplicates: [LogEvent, LogEvent][] = [];
      for (const e of flowGroup.events) {
        const key = `${e.timestamp} ${e.logStreamName} ${e.message}`;
        const first = seen.get(key);
        if (first) duplicates.push([first, e]);
        else seen.set(key, e);
      }
      assert.equal(duplicates.length, 1);
      const [a, b] = duplicates[0];
      assert.equal(parse(a)!.ContactId, flowLogIds.duplicateContact);
      assert.equal(parse(a)!.ContactFlowModuleType, 'SetQueue');
      assert.notEqual(a.eventId, b.eventId);
      assert.ok(b.ingestionTime > a.ingestionTime);
    });

    it('one line in the older shape (Events, no seconds), in the callback', () => {
      const old = lines.filter((l) => l.line.Events);
      assert.equal(old.length, 1);
      const { line } = old[0];
      assert.equal(line.ContactId, flowLogIds.oldShapeContact);
      assert.match(line.Timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\.\d{3}Z$/);
      assert.deepEqual([line.Parameters, line.ContactFlowName, line.Identifier], [undefined, undefined, undefined]);
    });

    it('one line that is not JSON, naming the WebRTC contact', () => {
      const raw = flowGroup.events.filter((e) => !parse(e));
      assert.equal(raw.length, 1);
      assert.ok(raw[0].message.includes(flowLogIds.rawLineContact));
      assert.equal(raw[0].logStreamName, flowLogIds.flows.webCalling.id);
    });

    it('a Disconnect block in the abandoned chat’s disconnect flow', () => {
      const d = lines.filter((l) => l.line.ContactFlowModuleType === 'Disconnect');
      assert.deepEqual(d.map((l) => [l.line.ContactId, l.line.ContactFlowId]), [[flowLogIds.disconnectContact, flowLogIds.flows.chatDisconnect.arn]]);
    });

    it('the long chat: its loop 1,000 times, the last one Complete, all before it was queued', () => {
      const chat = linesOf(flowLogIds.longChat.contactId);
      assert.equal(chat.length, flowLogIds.longChat.eventCount);
      const loops = chat.filter((l) => l.line.ContactFlowModuleType === 'Loop');
      assert.equal(loops.length, flowLogIds.longChat.loopIterations);
      assert.ok(loops.slice(0, -1).every((l) => l.line.Results === 'Looping'));
      assert.equal(loops.at(-1)!.line.Results, 'Complete');
      const counted = chat.filter((l) => l.line.ContactFlowModuleType === 'SetFlowAttributes').map((l) => Number(l.line.Parameters!.Value));
      assert.deepEqual(counted, Array.from({ length: flowLogIds.longChat.loopIterations }, (_, i) => i + 1));
    });
  });

  describe('the Lambda logs', () => {
    it('hold, for every invocation a flow logged, START … REPORT just before it, with lines naming the contact', () => {
      const calls = lines.filter((l) => l.line.ContactFlowModuleType === 'InvokeExternalResource');
      assert.equal(calls.length, 3);
      for (const { event, line } of calls) {
        const fn = /:function:(.+)$/.exec(line.Parameters!.FunctionArn)![1];
        const group = groups.get(`/aws/lambda/${fn}`);
        assert.ok(group, fn);
        const before = group.events.filter((e) => e.timestamp <= event.timestamp && e.timestamp > event.timestamp - 3000);
        const report = before.filter((e) => e.message.startsWith('REPORT RequestId: ')).at(-1);
        assert.ok(report, `${fn}: no REPORT before ${line.ContactId}'s call`);
        const requestId = /^REPORT RequestId: (\S+)/.exec(report.message)![1];
        const mine = group.events.filter((e) => e.message.includes(requestId));
        assert.match(mine[0].message, /^START RequestId: /);
        assert.ok(mine.some((e) => e.message.includes(line.ContactId)), 'an app line names the contact');
        assert.equal(mine.some((e) => /\tERROR\t/.test(e.message)), line.Results !== undefined, 'the failed call logged its error');
        for (const e of mine) assert.equal(e.logStreamName.slice(0, 10), new Date(e.timestamp).toISOString().slice(0, 10).replace(/-/g, '/'));
      }
    });
  });

  it('fit botocore’s logs model: LogGroup and FilteredLogEvent', () => {
    const model = JSON.parse(readFileSync(path.join(findRepoRoot(), 'test', 'fixtures', 'aws', 'logsModel.json'), 'utf8')) as { shapes: Parameters<typeof botocoreShape>[1] };
    const logGroup = botocoreShape('LogGroup', model.shapes);
    const event = botocoreShape('FilteredLogEvent', model.shapes);
    for (const g of groups.values()) {
      const report = walkValue(logGroup, g.describe, 'LogGroup');
      assert.deepEqual([report.invalid, report.unknown], [[], []], g.describe.logGroupName);
      for (const e of g.events.slice(0, 200)) {
        const r = walkValue(event, e, 'FilteredLogEvent');
        assert.deepEqual([r.invalid, r.unknown], [[], []]);
        assert.ok(e.message.length >= 1 && e.logStreamName.length >= 1 && !/[:*]/.test(e.logStreamName.replace(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\]/, '')));
      }
    }
  });

  it('move with the contacts when rebased: the same shift for events, message times and Lambda stream dates; IDs kept', () => {
    // A "now" whose shift crosses a day boundary and is not a whole minute.
    const now = Date.UTC(2027, 2, 14, 16, 7, 13, 250);
    const shiftMs = rebaseShiftSeconds([...data.contacts.values()].flatMap((m) => [...m.values()]), now) * 1000;
    assert.notEqual(shiftMs % 60_000, 0);
    const rebased = loadSampleLogGroups({ now });
    for (const [name, g] of groups) {
      const moved = rebased.get(name)!;
      const byId = new Map(moved.events.map((e) => [e.eventId, e]));
      for (const e of g.events) {
        const m = byId.get(e.eventId)!;
        assert.equal(m.timestamp - e.timestamp, shiftMs);
        assert.equal(m.ingestionTime - e.ingestionTime, shiftMs);
        const line = parse(m);
        if (line?.Events) assert.equal(line.Timestamp, new Date(m.timestamp).toISOString().replace(/:\d{2}(\.\d{3}Z)$/, '$1'));
        else if (line) assert.equal(Date.parse(line.Timestamp), m.timestamp);
        const prefix = /^(\S+Z)\t/.exec(m.message);
        if (prefix) assert.equal(Date.parse(prefix[1]), m.timestamp);
        if (name.startsWith('/aws/lambda/')) assert.equal(m.logStreamName.slice(0, 10), new Date(m.timestamp).toISOString().slice(0, 10).replace(/-/g, '/'));
      }
    }
  });
});
