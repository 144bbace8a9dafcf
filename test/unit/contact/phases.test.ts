import * as assert from 'node:assert/strict';
import { fromWireJson, type JsonObject, type JsonValue } from '../../../src/contact/contactDocument';
import type { PathSegment } from '../../../src/contact/fieldNode';
import { contactPhases, formatDurationMs, type ContactPhase } from '../../../src/contact/phases';
import { sample, sampleFiles } from './samples';

const kindOrder = ['scheduled', 'flow', 'queue', 'ringing', 'talking', 'hold', 'afterContactWork'];

function at(doc: JsonObject, path: PathSegment[]): JsonValue | undefined {
  let value: JsonValue | undefined = doc;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[segment as number] : value[segment as string];
  }
  return value;
}

/** What a person reads on one line: label, duration or problem. */
const read = (p: ContactPhase): string => `${p.label}: ${p.durationMs !== undefined ? formatDurationMs(p.durationMs) : p.problem}`;

const contact = (fields: JsonObject): JsonObject => fromWireJson({ Contact: fields }).Contact;

describe('contact phases', () => {
  it('holds its invariants on every sample contact', () => {
    const files = sampleFiles();
    assert.ok(files.length >= 10);
    for (const file of files) {
      const doc = fromWireJson(file.body);
      const phases = contactPhases(doc.Contact);
      assert.ok(phases.length >= 1, file.contactId);
      const kinds = phases.map((p) => kindOrder.indexOf(p.kind));
      assert.deepEqual([...kinds].sort((a, b) => a - b), kinds, `${file.contactId}: phases in order`);
      assert.equal(new Set(kinds).size, kinds.length, `${file.contactId}: each kind once`);
      for (const p of phases) {
        assert.ok(p.label.length > 0);
        assert.ok((p.durationMs === undefined) !== (p.problem === undefined), `${file.contactId} ${p.kind}: a duration or a problem`);
        if (p.durationMs !== undefined) assert.ok(p.durationMs >= 0 && Number.isInteger(p.durationMs));
        assert.equal(p.path[0], 'Contact');
        assert.notEqual(at(doc as unknown as JsonObject, p.path), undefined, `${file.contactId} ${p.kind}: path ${p.path.join('.')} is in the document`);
        if (p.start) assert.ok(!Number.isNaN(Date.parse(p.start)));
        if (p.end) assert.ok(!Number.isNaN(Date.parse(p.end)));
      }
    }
  });

  it('reads an inbound call that went through a queue to an agent, with hold and after-contact work', () => {
    const phases = contactPhases(sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01').Contact);
    assert.deepEqual(phases.map(read), [
      'In flow before queue: 35s',
      'Waiting in queue: 26s',
      'With the agent: 5m 51s',
      'On hold: 22s',
      'After-contact work: 45s',
    ]);
    assert.deepEqual(
      phases.map((p) => p.durationMs),
      [35_200, 25_840, 351_340, 22_000, 45_000],
    );
    const [flow, queue, talking, hold, acw] = phases;
    assert.equal(flow.start, '2026-11-20T07:00:00+00:00');
    assert.equal(flow.end, queue.start);
    assert.equal(queue.end, talking.start);
    assert.deepEqual(queue.path, ['Contact', 'QueueInfo', 'EnqueueTimestamp']);
    assert.deepEqual(talking.path, ['Contact', 'AgentInfo', 'ConnectedToAgentTimestamp']);
    assert.equal(hold.start, undefined);
    assert.equal(hold.end, undefined);
    assert.deepEqual(hold.path, ['Contact', 'AgentInfo', 'AgentInitiatedHoldDuration']);
    assert.deepEqual(acw.path, ['Contact', 'AgentInfo', 'AfterContactWorkStartTimestamp']);
  });

  it('reads a campaign call: ringing, pauses noted on the agent phase', () => {
    const phases = contactPhases(sample('d08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10').Contact);
    assert.deepEqual(phases.map(read), [
      'In flow before queue: 1.250s',
      'Waiting in queue: 18s',
      'Ringing: 4.625s',
      'With the agent, paused 40s: 9m 56s',
      'On hold: 31s',
      'After-contact work: 1m 15s',
    ]);
    assert.deepEqual(phases[2].path, ['Contact', 'RingStartTimestamp']);
    assert.equal(phases[2].durationMs, 4625);
  });

  it('has no agent phase for a chat that never reached an agent: the queue ends at the disconnect', () => {
    const phases = contactPhases(sample('cf7d8c9b-a0bf-4ece-9adb-4c5d6e7f8a09').Contact);
    assert.deepEqual(phases.map(read), ['In flow before queue: 12s', 'Waiting in queue: 1m 23s']);
    assert.ok(!phases.some((p) => p.kind === 'talking'));
  });

  it('flags an agent connection after the disconnect instead of a negative duration', () => {
    const talking = contactPhases(sample('ad5b6a7f-8e9d-4cac-9ebf-2a3b4c5d6e07').Contact).find((p) => p.kind === 'talking');
    assert.ok(talking);
    assert.equal(talking.durationMs, undefined);
    assert.equal(talking.problem, 'DisconnectTimestamp is before ConnectedToAgentTimestamp');
    assert.equal(read(talking), 'With the agent: DisconnectTimestamp is before ConnectedToAgentTimestamp');
  });

  it('marks the open phase of a live contact as ongoing, with no end', () => {
    // A live task scheduled two hours after its request, seen after it was due.
    const task = contactPhases(sample('14c2d1e0-f50e-4d13-8f2a-9b0c1d2e3f14').Contact, { now: Date.parse('2026-11-30T12:00:00Z') });
    assert.deepEqual(task.map(read), ['Scheduled (waiting to start): 2h 00m 00s', 'In flow: ongoing']);
    assert.equal(task[1].end, undefined);
    const queued = contactPhases(sample('7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04').Contact);
    assert.deepEqual(queued.map(read), ['In flow before queue: 3.100s', 'Waiting in queue: ongoing']);
    const talking = contactPhases(contact({ InitiationTimestamp: 100, QueueInfo: { EnqueueTimestamp: 101 }, AgentInfo: { ConnectedToAgentTimestamp: 110 } }));
    assert.deepEqual(talking.map(read), ['In flow before queue: 1s', 'Waiting in queue: 9s', 'With the agent: ongoing']);
  });

  it('shows a scheduled task\'s wait before its flow, not days in flow', () => {
    const task = { Channel: 'TASK', InitiationMethod: 'API', InitiationTimestamp: '2026-11-16T09:00:00Z', ScheduledTimestamp: '2026-11-20T09:00:00Z' };
    const done = contactPhases({ ...task, QueueInfo: { Id: 'q', EnqueueTimestamp: '2026-11-20T09:00:03Z' }, AgentInfo: { ConnectedToAgentTimestamp: '2026-11-20T09:10:00Z' }, DisconnectTimestamp: '2026-11-20T09:20:00Z' });
    assert.deepEqual(done.map(read), ['Scheduled (waiting to start): 4d 00h 00m 00s', 'In flow before queue: 3s', 'Waiting in queue: 9m 57s', 'With the agent: 10m 00s']);
    assert.deepEqual(done[0].path, ['Contact', 'ScheduledTimestamp']);
    assert.equal(done[1].start, '2026-11-20T09:00:00Z');
    // Not due yet: the wait is the open phase, and no flow has run.
    for (const now of [undefined, Date.parse('2026-11-18T12:00:00Z')]) {
      const waiting = contactPhases(task, { now });
      assert.deepEqual(waiting.map(read), ['Scheduled (waiting to start): ongoing']);
      assert.equal(waiting[0].end, '2026-11-20T09:00:00Z');
    }
    // Due and not yet queued: the flow is what is open.
    assert.deepEqual(contactPhases(task, { now: Date.parse('2026-11-20T09:00:01Z') }).map(read), ['Scheduled (waiting to start): 4d 00h 00m 00s', 'In flow: ongoing']);
    // Stopped before it was due: it only waited.
    assert.deepEqual(contactPhases({ ...task, DisconnectTimestamp: '2026-11-17T09:00:00Z' }).map(read), ['Scheduled (waiting to start): 1d 00h 00m 00s']);
    // Queued before the scheduled time: the schedule held nothing back.
    assert.deepEqual(contactPhases({ ...task, QueueInfo: { EnqueueTimestamp: '2026-11-16T09:00:03Z' } }).map(read), ['In flow before queue: 3s', 'Waiting in queue: ongoing']);
  });

  it('reads after-contact work from its duration when it has no timestamps', () => {
    const acw = contactPhases(sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02').Contact).find((p) => p.kind === 'afterContactWork');
    assert.deepEqual(acw, { kind: 'afterContactWork', label: 'After-contact work', durationMs: 60_000, path: ['Contact', 'AgentInfo', 'AfterContactWorkDuration'] });
  });

  it('reads after-contact work still in progress, and falls back to its duration field', () => {
    const base = { InitiationTimestamp: 100, DisconnectTimestamp: 200, AgentInfo: { ConnectedToAgentTimestamp: 120, AfterContactWorkStartTimestamp: 200 } };
    assert.equal(read(contactPhases(contact(base)).at(-1)!), 'After-contact work: ongoing');
    const withDuration = contactPhases(contact({ ...base, AgentInfo: { ...base.AgentInfo, AfterContactWorkDuration: 30 } })).at(-1)!;
    assert.equal(read(withDuration), 'After-contact work: 30s');
    assert.equal(withDuration.start, '1970-01-01T00:03:20+00:00');
    const backwards = contactPhases(contact({ ...base, AgentInfo: { ...base.AgentInfo, AfterContactWorkEndTimestamp: 150 } })).at(-1)!;
    assert.equal(read(backwards), 'After-contact work: AfterContactWorkEndTimestamp is before AfterContactWorkStartTimestamp');
    const bad = contactPhases(contact({ ...base, AgentInfo: { AfterContactWorkDuration: -5 } })).at(-1)!;
    assert.equal(read(bad), 'After-contact work: AfterContactWorkDuration is negative');
  });

  it('labels a contact that reached an agent without a queue', () => {
    assert.deepEqual(contactPhases(sample('e19faebd-c2db-4ae0-9cfd-6e7f8a9b0c11').Contact).map(read), ['Dialing: 9.400s', 'With the agent: 2m 53s']);
    const inbound = contactPhases(contact({ InitiationMethod: 'INBOUND', InitiationTimestamp: 0, DisconnectTimestamp: 60, AgentInfo: { ConnectedToAgentTimestamp: 15 } }));
    assert.deepEqual(inbound.map(read), ['In flow before the agent: 15s', 'With the agent: 45s']);
    const flowOnly = contactPhases(contact({ InitiationMethod: 'INBOUND', InitiationTimestamp: 0, DisconnectTimestamp: 42 }));
    assert.deepEqual(flowOnly.map(read), ['In flow: 42s']);
  });

  it('names missing timestamps', () => {
    const noEnqueue = contactPhases(contact({ InitiationTimestamp: 0, DisconnectTimestamp: 90, QueueInfo: { Id: 'q1' } }));
    assert.deepEqual(noEnqueue.map(read), ['In flow before queue: no EnqueueTimestamp', 'Waiting in queue: no EnqueueTimestamp']);
    assert.deepEqual(noEnqueue[1].path, ['Contact', 'QueueInfo']);
    const noInitiation = contactPhases(contact({ DisconnectTimestamp: 90, QueueInfo: { EnqueueTimestamp: 10 } }));
    assert.deepEqual(noInitiation.map(read), ['In flow before queue: no InitiationTimestamp', 'Waiting in queue: 1m 20s']);
    assert.deepEqual(noInitiation[0].path, ['Contact', 'InitiationTimestamp']);
    assert.deepEqual(contactPhases({}), []);
    assert.deepEqual(contactPhases(contact({ Channel: 'VOICE', QueueInfo: {}, AgentInfo: {} })), []);
  });

  it('never gives a negative duration for out-of-order timestamps', () => {
    const backwards = contactPhases(contact({ InitiationTimestamp: 100, DisconnectTimestamp: 40 }));
    assert.deepEqual(backwards.map(read), ['In flow: DisconnectTimestamp is before InitiationTimestamp']);
    assert.equal(backwards[0].durationMs, undefined);
    const queueBackwards = contactPhases(contact({ InitiationTimestamp: 100, DisconnectTimestamp: 400, QueueInfo: { EnqueueTimestamp: 90 }, AgentInfo: { ConnectedToAgentTimestamp: 80 } }));
    assert.deepEqual(queueBackwards.map(read), [
      'In flow before queue: EnqueueTimestamp is before InitiationTimestamp',
      'Waiting in queue: ConnectedToAgentTimestamp is before EnqueueTimestamp',
      'With the agent: 5m 20s',
    ]);
    for (const p of queueBackwards) assert.ok(p.durationMs === undefined || p.durationMs >= 0);
  });

  it('keeps sub-second phases in milliseconds, and zero-length ones', () => {
    const phases = contactPhases(contact({ InitiationTimestamp: 1000, QueueInfo: { EnqueueTimestamp: 1000.25 }, DisconnectTimestamp: 1000.25 }));
    assert.deepEqual(phases.map((p) => p.durationMs), [250, 0]);
    assert.deepEqual(phases.map(read), ['In flow before queue: 250 ms', 'Waiting in queue: 0 ms']);
  });

  it('reads documents with ISO timestamps and wire bodies with epoch seconds alike', () => {
    const iso = contactPhases({ InitiationTimestamp: '2025-03-04T10:20:30+00:00', DisconnectTimestamp: '2025-03-04T10:21:35.250000+00:00' });
    const wire = contactPhases({ InitiationTimestamp: 1741083630, DisconnectTimestamp: 1741083695.25 });
    assert.deepEqual(iso.map(read), ['In flow: 1m 05s']);
    assert.equal(iso[0].durationMs, 65_250);
    assert.deepEqual(wire.map((p) => p.durationMs), [65_250]);
    assert.equal(wire[0].start, '2025-03-04T10:20:30+00:00');
  });

  it('reads hold from the agent-initiated hold total, skipping none and flagging nonsense', () => {
    const base = { InitiationTimestamp: 0, DisconnectTimestamp: 100, AgentInfo: { ConnectedToAgentTimestamp: 10 } };
    const holdOf = (value: JsonValue): ContactPhase | undefined =>
      contactPhases({ ...base, AgentInfo: { ...base.AgentInfo, AgentInitiatedHoldDuration: value } }).find((p) => p.kind === 'hold');
    assert.equal(holdOf(0), undefined);
    assert.equal(holdOf(null), undefined);
    assert.equal(read(holdOf(65)!), 'On hold: 1m 05s');
    assert.equal(read(holdOf(-3)!), 'On hold: AgentInitiatedHoldDuration is negative');
    assert.equal(read(holdOf('12')!), 'On hold: AgentInitiatedHoldDuration is not a number');
  });

  it('treats hostile and huge values as text that is not a time, without echoing them', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const huge = 'x'.repeat(32 * 1024);
    const phases = contactPhases({ InitiationTimestamp: hostile, DisconnectTimestamp: huge, QueueInfo: { Id: huge, EnqueueTimestamp: huge } });
    assert.deepEqual(phases.map(read), ['In flow before queue: InitiationTimestamp is not a time', 'Waiting in queue: EnqueueTimestamp is not a time']);
    for (const p of phases) {
      assert.equal(p.start, undefined);
      assert.ok(JSON.stringify(p).length < 300);
    }
    const badEnd = contactPhases({ InitiationTimestamp: '2025-03-04T10:20:30+00:00', DisconnectTimestamp: hostile });
    assert.deepEqual(badEnd.map(read), ['In flow: DisconnectTimestamp is not a time']);
    assert.equal(badEnd[0].end, undefined);
    const pause = contactPhases({ InitiationTimestamp: 0, AgentInfo: { ConnectedToAgentTimestamp: 1, AgentPauseDurationInSeconds: hostile } });
    assert.equal(pause[1].label, 'With the agent');
  });
});

describe('formatDurationMs', () => {
  it('reads like the panel: milliseconds below a second, exact below ten seconds, then whole seconds', () => {
    assert.equal(formatDurationMs(0), '0 ms');
    assert.equal(formatDurationMs(999), '999 ms');
    assert.equal(formatDurationMs(1000), '1s');
    assert.equal(formatDurationMs(4625), '4.625s');
    assert.equal(formatDurationMs(9999.6), '10s');
    assert.equal(formatDurationMs(35_200), '35s');
    assert.equal(formatDurationMs(65_000), '1m 05s');
    assert.equal(formatDurationMs(3_723_000), '1h 02m 03s');
    assert.equal(formatDurationMs(2 * 86_400_000 + 3_723_000), '2d 01h 02m 03s');
    assert.equal(formatDurationMs(Number.NaN), 'NaN');
  });
});
