import * as assert from 'node:assert/strict';
import { blockKind, blockKinds, blockLabel } from '../../../src/timeline/blockTypes';
import { parseFlowLogEvents, type RawLogEvent } from '../../../src/timeline/flowLogEvents';
import { lambdaFunctionName, lambdaInvocations, lambdaLogGroupName } from '../../../src/timeline/lambdaInvocations';

const origin = '2024-05-15T11:40:30.000Z';
const flowA = 'arn:aws:connect:us-east-1:123456789012:instance/iiiiiiii-0000-0000-0000-000000000000/contact-flow/aaaaaaaa-0000-0000-0000-000000000000';
const flowB = 'arn:aws:connect:us-east-1:123456789012:instance/iiiiiiii-0000-0000-0000-000000000000/contact-flow/bbbbbbbb-0000-0000-0000-000000000000';
const fnArn = 'arn:aws:lambda:us-east-1:123456789012:function:lookupCustomer';

function at(seconds: number, fields: Record<string, unknown>): RawLogEvent {
  const ts = Date.parse(origin) + seconds * 1000;
  return { eventId: `e${seconds}`, timestamp: ts, message: JSON.stringify({ ContactId: 'c-1', Timestamp: new Date(ts).toISOString(), ...fields }) };
}

describe('block labels', () => {
  it('names module types as the flow designer does; unknown types as they come', () => {
    const cases: [string, string, string][] = [
      ['InvokeExternalResource', 'Invoke AWS Lambda function', 'lambda'],
      ['InvokeLambdaFunction', 'Invoke AWS Lambda function', 'lambda'],
      ['SetQueue', 'Set working queue', 'queue'],
      ['GetUserInput', 'Get customer input', 'input'],
      ['PlayPrompt', 'Play prompt', 'prompt'],
      ['SetAttributes', 'Set contact attributes', 'attribute'],
      ['CheckHoursOfOperation', 'Check hours of operation', 'queue'],
      ['TransferToFlow', 'Transfer to flow', 'transfer'],
      ['SetLoggingBehavior', 'Set logging behavior', 'logging'],
      ['Disconnect', 'Disconnect / hang up', 'disconnect'],
      ['SomeNewBlock2031', 'SomeNewBlock2031', 'other'],
    ];
    for (const [type, label, kind] of cases) {
      assert.equal(blockLabel(type), label, type);
      assert.equal(blockKind(type), kind, type);
      assert.ok(blockKinds.includes(blockKind(type)));
    }
    assert.equal(blockLabel(undefined), 'Flow block');
    assert.equal(blockLabel('X'.repeat(500)).length, 100);
  });
});

describe('Lambda invocations', () => {
  const { events } = parseFlowLogEvents([
    at(1, { ContactFlowId: flowA, ContactFlowName: 'Main', ContactFlowModuleType: 'InvokeExternalResource', Identifier: 'Look up customer', Parameters: { FunctionArn: fnArn, ResponseValidation: 'ResponseType=STRING_MAP', TimeLimit: '3000' }, Results: 'The Lambda Function Returned An Error.' }),
    at(2, { ContactFlowId: flowA, ContactFlowName: 'Main', ContactFlowModuleType: 'PlayPrompt' }),
    at(3, { ContactFlowId: flowA, ContactFlowName: 'Main', ContactFlowModuleType: 'InvokeExternalResource', Parameters: { FunctionArn: `${fnArn}:live`, TimeLimit: '8' }, ExternalResults: { customerName: 'Arnav Desai', tier: 'Gold' } }),
    at(4.5, { ContactFlowId: flowB, ContactFlowModuleType: 'PlayPrompt' }),
    at(6, { ContactFlowId: flowA, ContactFlowName: 'Main', ContactFlowModuleType: 'SetAttributes' }),
    at(7, { ContactFlowId: flowB, ContactFlowModuleType: 'InvokeLambdaFunction', Parameters: { LambdaFunctionARN: 'not a function' }, Results: 'Lambda invocation timed out' }),
  ], { origin });

  it('finds each call with its function, time limit and outcome', () => {
    const calls = lambdaInvocations(events);
    assert.deepEqual(calls.map((c) => [c.eventId, c.outcome, c.functionName, c.timeLimitMs]), [
      ['e1', 'error', 'lookupCustomer', 3000],
      ['e3', 'success', 'lookupCustomer', 8000],
      ['e7', 'timeout', undefined, undefined],
    ]);
    assert.equal(calls[0].result, 'The Lambda Function Returned An Error.');
    assert.equal(calls[0].returned, undefined);
    assert.equal(calls[0].identifier, 'Look up customer');
    assert.equal(calls[0].flowName, 'Main');
    assert.deepEqual(calls[1].returned, { customerName: 'Arnav Desai', tier: 'Gold' });
    assert.equal(calls[1].functionArn, `${fnArn}:live`);
    assert.equal(calls[2].functionArn, 'not a function');
  });

  it('measures a call to its flow\'s next block, not another flow\'s', () => {
    const calls = lambdaInvocations(events);
    assert.equal(calls[0].durationMs, 1000);
    assert.equal(calls[1].durationMs, 3000, 'flow B ran in between');
    assert.equal(calls[2].durationMs, undefined, 'nothing after it');
  });

  it('reads function names from ARNs and names only', () => {
    assert.equal(lambdaFunctionName(fnArn), 'lookupCustomer');
    assert.equal(lambdaFunctionName(`${fnArn}:$LATEST`), 'lookupCustomer');
    assert.equal(lambdaFunctionName('arn:aws-cn:lambda:cn-north-1:123456789012:function:f-1_x:7'), 'f-1_x');
    assert.equal(lambdaFunctionName('my-function'), 'my-function');
    for (const bad of ['', 'a b', '../etc', `arn:aws:lambda:us-east-1:123:function:x`, 'x'.repeat(65), '"quoted"']) assert.equal(lambdaFunctionName(bad), undefined, bad);
    assert.equal(lambdaLogGroupName('lookupCustomer'), '/aws/lambda/lookupCustomer');
  });
});
