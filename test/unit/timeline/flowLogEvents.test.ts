import * as assert from 'node:assert/strict';
import { blockKind, blockLabel } from '../../../src/timeline/blockTypes';
import { flowLogLimits, flowResourceId, isErrorResult, parseFlowLogEvents, parseFlowLogTimestamp, type RawLogEvent } from '../../../src/timeline/flowLogEvents';

const contactId = '11111111-2222-3333-4444-555555555555';
const flowArn = 'arn:aws:connect:us-west-2:012345678901:instance/aaaaaaaa-3333-4444-5555-111111111111/contact-flow/bbbbbbbb-aaaa-bbbb-cccc-cccccccccccc';
const origin = '2021-04-13T00:14:30.000Z';
const originMs = Date.parse(origin);

let nextId = 0;
function line(fields: Record<string, unknown>, timestamp?: number): RawLogEvent {
  const ts = timestamp ?? (typeof fields.Timestamp === 'string' ? Date.parse(fields.Timestamp) : originMs);
  return { eventId: `ev-${nextId++}`, timestamp: ts, message: JSON.stringify(fields), logStreamName: 'stream' };
}

describe('flow-log events: parsing', () => {
  it('reads the documented current shape', () => {
    const { events, duplicates, omitted } = parseFlowLogEvents([
      line({
        ContactId: contactId,
        ContactFlowId: flowArn,
        ContactFlowModuleType: 'SetQueue',
        Timestamp: '2021-04-13T00:14:31.581Z',
        Parameters: { Queue: 'arn:aws:connect:us-west-2:012345678901:instance/x/queue/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
      }),
    ], { origin });
    assert.equal(duplicates, 0);
    assert.equal(omitted, 0);
    assert.equal(events.length, 1);
    const e = events[0];
    assert.equal(e.shape, 'current');
    assert.equal(e.timestamp, '2021-04-13T00:14:31.581Z');
    assert.equal(e.t, 1581);
    assert.equal(e.contactId, contactId);
    assert.equal(e.flowId, flowArn);
    assert.equal(e.moduleType, 'SetQueue');
    assert.equal(e.blockLabel, 'Set working queue');
    assert.equal(e.kind, 'queue');
    assert.deepEqual(e.parameters, { Queue: 'arn:aws:connect:us-west-2:012345678901:instance/x/queue/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    assert.equal(e.isError, false);
    assert.equal(e.raw, undefined);
    assert.equal(flowResourceId(e.flowId), 'bbbbbbbb-aaaa-bbbb-cccc-cccccccccccc');
  });

  it('reads the older shape: Events for Parameters and a Timestamp without seconds', () => {
    const cloud = Date.parse('2017-11-09T12:17:41.250Z');
    const { events } = parseFlowLogEvents([
      { eventId: 'old', timestamp: cloud, message: JSON.stringify({ ContactId: contactId, ContactFlowId: flowArn, ContactFlowModuleType: 'SetQueue', Timestamp: '2017-11-09T12:17.898Z', Events: { Queue: ['arn:q'] } }) },
    ], { origin: '2017-11-09T12:17:00.000Z' });
    const e = events[0];
    assert.equal(e.shape, 'legacy');
    assert.deepEqual(e.parameters, { Queue: ['arn:q'] });
    // CloudWatch's time falls in the logged minute: it is the precise one.
    assert.equal(e.timestamp, '2017-11-09T12:17:41.250Z');
    assert.equal(e.t, 41_250);
  });

  it('keeps the minute (and its fraction) when CloudWatch\'s time is elsewhere', () => {
    const { events } = parseFlowLogEvents([{ message: JSON.stringify({ Timestamp: '2017-11-09T12:17.898Z', Events: {} }) }]);
    assert.equal(events[0].timestamp, '2017-11-09T12:17:00.898Z');
    assert.deepEqual(parseFlowLogTimestamp('2017-11-09T12:17.898Z'), { ms: Date.parse('2017-11-09T12:17:00.898Z'), minutePrecision: true });
    assert.deepEqual(parseFlowLogTimestamp('2021-04-13T02:14:31.581+02:00'), { ms: Date.parse('2021-04-13T00:14:31.581Z'), minutePrecision: false });
    assert.equal(parseFlowLogTimestamp('2021-13-01T00:00:00Z'), undefined);
    assert.equal(parseFlowLogTimestamp('yesterday'), undefined);
  });

  it('keeps a line that is not a JSON object raw, at the CloudWatch event\'s time', () => {
    const at = originMs + 5000;
    const { events } = parseFlowLogEvents([
      { eventId: 'r1', timestamp: at, message: 'START RequestId: 1234 Version: $LATEST' },
      { eventId: 'r2', timestamp: at + 1, message: '{"ContactId": "broken' },
      { eventId: 'r3', timestamp: at + 2, message: '[1,2,3]' },
    ], { origin });
    assert.deepEqual(events.map((e) => [e.shape, e.raw, e.timestamp, e.t, e.blockLabel]), [
      ['raw', 'START RequestId: 1234 Version: $LATEST', new Date(at).toISOString(), 5000, 'Log line'],
      ['raw', '{"ContactId": "broken', new Date(at + 1).toISOString(), 5001, 'Log line'],
      ['raw', '[1,2,3]', new Date(at + 2).toISOString(), 5002, 'Log line'],
    ]);
  });

  it('drops exact repeats (at-least-once delivery) and events fetched twice', () => {
    const a = line({ ContactId: contactId, ContactFlowModuleType: 'PlayPrompt', Timestamp: '2021-04-13T00:14:32.000Z' });
    const again = { ...a, eventId: 'ev-redelivered' };
    const b = line({ ContactId: contactId, ContactFlowModuleType: 'PlayPrompt', Timestamp: '2021-04-13T00:14:33.000Z' });
    const raw1 = { eventId: 'x1', timestamp: originMs, message: 'plain' };
    const raw2 = { eventId: 'x2', timestamp: originMs + 1, message: 'plain' };
    const { events, duplicates } = parseFlowLogEvents([a, again, b, { ...b }, raw1, raw2], { origin });
    assert.equal(duplicates, 2);
    // The same bare text at another time is another line.
    assert.deepEqual(events.map((e) => e.id), ['x1', 'x2', a.eventId, b.eventId]);
  });

  it('orders by the event\'s own Timestamp; ties keep CloudWatch\'s order', () => {
    const late = line({ ContactFlowModuleType: 'Disconnect', Timestamp: '2021-04-13T00:15:00.000Z' }, originMs);
    const early = line({ ContactFlowModuleType: 'SetLoggingBehavior', Timestamp: '2021-04-13T00:14:30.100Z' }, originMs + 60_000);
    const tie1 = line({ ContactFlowModuleType: 'SetAttributes', Timestamp: '2021-04-13T00:14:40.000Z', Parameters: { Key: 'a' } });
    const tie2 = line({ ContactFlowModuleType: 'SetAttributes', Timestamp: '2021-04-13T00:14:40.000Z', Parameters: { Key: 'b' } });
    const { events } = parseFlowLogEvents([late, tie1, early, tie2], { origin });
    assert.deepEqual(events.map((e) => e.moduleType === 'SetAttributes' ? `attr ${e.parameters?.Key as string}` : e.moduleType), ['SetLoggingBehavior', 'attr a', 'attr b', 'Disconnect']);
    assert.deepEqual(events.map((e) => e.t), [100, 10_000, 10_000, 30_000]);
  });

  it('counts t from the first event when the origin is not known', () => {
    const { events } = parseFlowLogEvents([
      line({ Timestamp: '2021-04-13T00:14:35.000Z', ContactFlowModuleType: 'PlayPrompt' }),
      line({ Timestamp: '2021-04-13T00:14:31.000Z', ContactFlowModuleType: 'PlayPrompt' }),
    ]);
    assert.deepEqual(events.map((e) => e.t), [0, 4000]);
  });

  it('flags error results and branches, and a Lambda call that returned nothing', () => {
    const { events } = parseFlowLogEvents([
      line({ ContactFlowModuleType: 'InvokeExternalResource', Results: 'The Lambda Function Returned An Error.', Timestamp: '2024-05-15T11:40:34.056Z', Parameters: { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', TimeLimit: '3000' } }),
      line({ ContactFlowModuleType: 'GetUserInput', Results: 'Timeout', Timestamp: '2024-05-15T11:40:35.000Z' }),
      line({ ContactFlowModuleType: 'InvokeExternalResource', Results: 'Status Code: 403; Error Code: AccessDeniedException', Timestamp: '2024-05-15T11:40:36.000Z' }),
      line({ ContactFlowModuleType: 'InvokeLambdaFunction', Results: 'Something odd', Timestamp: '2024-05-15T11:40:37.000Z' }),
      line({ ContactFlowModuleType: 'InvokeExternalResource', ExternalResults: { customerName: 'Arnav' }, Timestamp: '2024-05-15T11:40:38.000Z' }),
      line({ ContactFlowModuleType: 'CheckHoursOfOperation', Results: 'True', Timestamp: '2024-05-15T11:40:39.000Z' }),
      line({ ContactFlowModuleType: 'CreateTask', Results: 'Failed', Timestamp: '2024-05-15T11:40:40.000Z' }),
    ]);
    assert.deepEqual(events.map((e) => e.isError), [true, true, true, true, false, false, true]);
    assert.deepEqual(events[4].externalResults, { customerName: 'Arnav' });
    assert.equal(isErrorResult(undefined), false);
    assert.equal(isErrorResult('NoMatch'), false);
  });

  it('never throws, whatever the events hold', () => {
    const junk = [null, 42, {}, { message: undefined }, { timestamp: Number.NaN, message: '{}' }, { message: '{"Timestamp": 12}' }] as unknown as RawLogEvent[];
    const { events } = parseFlowLogEvents(junk);
    assert.equal(events.length, 3);
    for (const e of events) assert.equal(typeof e.timestamp, 'string');
  });
});

describe('flow-log events: hostile text', () => {
  it('keeps "__proto__" and "constructor" keys as data and pollutes nothing', () => {
    const message = '{"ContactFlowModuleType":"SetAttributes","Timestamp":"2021-04-13T00:14:31.000Z","Parameters":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"bad":1}},"Key":"k"}}';
    const { events } = parseFlowLogEvents([{ eventId: 'p', timestamp: originMs, message }]);
    const params = events[0].parameters!;
    assert.deepEqual(Object.keys(params), ['__proto__', 'constructor', 'Key']);
    assert.equal(Object.getPrototypeOf(params), Object.prototype);
    assert.equal((params as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Round-trips to the webview as the same JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(params)), (JSON.parse(message) as { Parameters: unknown }).Parameters);
  });

  it('looks module types up without reaching Object.prototype', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(blockLabel(type), type);
      assert.equal(blockKind(type), 'other');
    }
  });

  it('keeps text as text: markup, control and bidi characters are not interpreted here', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202e\u0000${process.exit()}';
    const { events } = parseFlowLogEvents([line({ ContactFlowModuleType: hostile, ContactFlowName: hostile, Identifier: hostile, Timestamp: '2021-04-13T00:14:31.000Z', Parameters: { Text: hostile } })]);
    const e = events[0];
    assert.equal(e.flowName, hostile);
    assert.equal(e.blockLabel, hostile);
    assert.equal(e.parameters?.Text, hostile);
  });

  it('bounds 32 KB messages, long strings, wide and deep values', () => {
    const big = 'x'.repeat(32 * 1024);
    const wide: Record<string, string> = {};
    for (let i = 0; i < 500; i++) wide[`k${i}`] = 'v';
    let deep: unknown = 'bottom';
    for (let i = 0; i < 50; i++) deep = { d: deep };
    const message = JSON.stringify({ ContactFlowModuleType: 'SetAttributes', ContactFlowName: big, Timestamp: '2021-04-13T00:14:31.000Z', Parameters: { Value: big, wide, deep, list: Array.from({ length: 1000 }, (_, i) => i) } });
    assert.ok(message.length > 64 * 1024);
    const started = Date.now();
    const { events } = parseFlowLogEvents([{ eventId: 'big', timestamp: originMs, message }]);
    assert.ok(Date.now() - started < 500);
    const e = events[0];
    assert.equal(e.flowName!.length, flowLogLimits.maxFieldChars + 1);
    assert.ok(e.flowName!.endsWith('…'));
    const p = e.parameters!;
    assert.equal((p.Value as string).length, flowLogLimits.maxStringChars + 1);
    assert.equal(Object.keys(p.wide as object).length, flowLogLimits.maxEntries + 1);
    assert.equal((p.list as unknown[]).length, flowLogLimits.maxEntries + 1);
    assert.equal((p.list as unknown[]).at(-1), '… 800 more');
    let depth = 0;
    for (let v: unknown = p.deep; v !== null && typeof v === 'object'; v = (v as { d: unknown }).d) depth += 1;
    assert.ok(depth < flowLogLimits.maxDepth);
    assert.ok(JSON.stringify(e).length < 100 * 1024, 'one event stays bounded');
  });

  it('keeps a message too long to parse as a cut raw line', () => {
    const huge = `{"Parameters":"${'y'.repeat(flowLogLimits.maxMessageChars)}"}`;
    const { events } = parseFlowLogEvents([{ eventId: 'h', timestamp: originMs, message: huge }]);
    assert.equal(events[0].shape, 'raw');
    assert.equal(events[0].raw!.length, flowLogLimits.maxRawChars + 1);
  });

  it('never splits a surrogate pair when cutting', () => {
    const emoji = `${'a'.repeat(flowLogLimits.maxStringChars - 1)}😀😀`;
    const { events } = parseFlowLogEvents([line({ Timestamp: '2021-04-13T00:14:31.000Z', Parameters: { Text: emoji } })]);
    const text = events[0].parameters!.Text as string;
    assert.ok(!/[\ud800-\udbff]…$/.test(text));
    assert.ok(text.endsWith('…'));
  });

  it('keeps at most maxEvents events and says how many it left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ eventId: `m${i}`, timestamp: originMs + i, message: `line ${i}` }));
    const { events, omitted } = parseFlowLogEvents(many, { maxEvents: 10 });
    assert.equal(events.length, 10);
    assert.equal(omitted, 20);
  });

  it('parses 5,000 events quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => line({ ContactId: contactId, ContactFlowId: flowArn, ContactFlowModuleType: i % 2 ? 'PlayPrompt' : 'GetUserInput', Timestamp: new Date(originMs + i * 100).toISOString(), Parameters: { Text: `prompt ${i}` } }));
    const started = Date.now();
    const { events } = parseFlowLogEvents(many, { origin });
    assert.equal(events.length, 5000);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  });
});
