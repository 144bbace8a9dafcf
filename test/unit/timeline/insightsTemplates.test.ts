import * as assert from 'node:assert/strict';
import {
  blockTypeChoices,
  contactsOfRows,
  inputProblem,
  insightsTemplateQuery,
  insightsTimestamp,
  parseInsightsResults,
  quoted,
  regexLiteral,
} from '../../../src/timeline/insightsTemplates';

const fields = 'fields @timestamp, ContactId, ContactFlowName, ContactFlowModuleType, Identifier, Results';
const tail = '| sort @timestamp desc | limit 1000';

/** The query with every string and regex literal replaced by a placeholder: what the values cannot change. */
function skeleton(query: string): string {
  return query.replace(/"(?:\\.|[^"\\])*"/g, '"S"').replace(/\/(?:\\.|[^/\\\n])*\//g, '/R/');
}

/** The literals' contents, unescaped as the query language reads them. */
function literals(query: string): string[] {
  const unescape = (s: string) => s.replace(/\\u([0-9a-f]{4})|\\(.)/g, (_m, hex: string | undefined, c: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c!);
  return [...query.matchAll(/"((?:\\.|[^"\\])*)"|\/((?:\\.|[^/\\\n])*)\//g)].map((m) => unescape(m[1] ?? m[2]));
}

const hostile = [
  'a"b',
  'x" or ContactId like /.*/ | limit 1 | fields "',
  'back\\slash\\',
  'pipe | stats count(*)',
  'slash / and /regex/',
  'new\nline | filter 1=1',
  'cr\r\ttab',
  'meta ^$.*+?()[]{}|\\',
  '\u2028sep\u0000nul',
  'é ☎ 名前',
];

describe('Logs Insights templates', () => {
  it('writes each template in the shape the service and the endpoint read', () => {
    assert.equal(insightsTemplateQuery('errors'), `${fields} | filter Results like /(?i)error|timeout|fail/ ${tail}`);
    assert.equal(
      insightsTemplateQuery('lambdaFailing', { functionName: 'acme-customer-lookup' }),
      `${fields} | filter ContactFlowModuleType = "InvokeExternalResource" and Parameters.FunctionArn like /acme-customer-lookup/ and Results like /(?i)error|timeout|fail/ ${tail}`,
    );
    assert.equal(
      insightsTemplateQuery('blockInFlow', { flowName: 'Main IVR', moduleType: 'PlayPrompt' }),
      `${fields} | filter ContactFlowName = "Main IVR" and ContactFlowModuleType = "PlayPrompt" ${tail}`,
    );
    assert.equal(
      insightsTemplateQuery('attributeSet', { key: 'ANI', value: '+14792680365' }),
      `${fields} | filter ContactFlowModuleType = "SetAttributes" and Parameters.Key = "ANI" and Parameters.Value = "+14792680365" ${tail}`,
    );
  });

  it('takes a function ARN (with a version or alias) by its name', () => {
    const q = insightsTemplateQuery('lambdaFailing', { functionName: 'arn:aws:lambda:us-east-1:111122223333:function:acme_lookup-2:live' });
    assert.match(q, /Parameters\.FunctionArn like \/acme_lookup-2\/ and/);
  });

  it('keeps hostile values inside their literals, read back exactly', () => {
    const benignBlock = skeleton(insightsTemplateQuery('blockInFlow', { flowName: 'f', moduleType: 'PlayPrompt' }));
    const benignAttr = skeleton(insightsTemplateQuery('attributeSet', { key: 'k', value: 'v' }));
    for (const value of hostile) {
      const block = insightsTemplateQuery('blockInFlow', { flowName: value, moduleType: 'PlayPrompt' });
      assert.equal(skeleton(block), benignBlock, JSON.stringify(value));
      assert.ok(!/[\n\r\u2028]/.test(block) && !block.includes('\u0000'), JSON.stringify(value));
      assert.equal(literals(block)[0], value.trim());
      const attr = insightsTemplateQuery('attributeSet', { key: value, value });
      assert.equal(skeleton(attr), benignAttr, JSON.stringify(value));
      assert.deepEqual(literals(attr).slice(1, 3), [value.trim(), value]);
    }
  });

  it('escapes every regex metacharacter, slashes and newlines', () => {
    for (const value of hostile) {
      const literal = regexLiteral(value);
      assert.equal(skeleton(literal), '/R/', JSON.stringify(value));
      const body = literal.slice(1, -1);
      // As a JavaScript regex (the service's engine differs, the escapes are the same), it matches the text itself only.
      const re = new RegExp(`^${body}$`);
      assert.ok(re.test(value), JSON.stringify(value));
      assert.ok(!re.test(`${value}x`));
    }
    assert.equal(quoted('a"b\\c\nd'), '"a\\"b\\\\c\\nd"');
  });

  it('refuses a missing or unusable input, with a reason for the input box', () => {
    assert.throws(() => insightsTemplateQuery('lambdaFailing', {}), RangeError);
    assert.throws(() => insightsTemplateQuery('lambdaFailing', { functionName: 'not a name|x' }), RangeError);
    assert.throws(() => insightsTemplateQuery('blockInFlow', { flowName: 'f', moduleType: 'Play" or 1' }), RangeError);
    assert.throws(() => insightsTemplateQuery('attributeSet', { key: 'k', value: 'x'.repeat(257) }), RangeError);
    assert.equal(inputProblem('key', ' '), 'Enter a value.');
    assert.equal(inputProblem('functionName', 'acme-customer-lookup'), undefined);
  });

  it('offers block types by their designer names', () => {
    const choices = blockTypeChoices();
    assert.ok(choices.some((c) => c.moduleType === 'InvokeExternalResource' && c.label === 'Invoke AWS Lambda function'));
    assert.ok(choices.some((c) => c.moduleType === 'SetAttributes' && c.label === 'Set contact attributes'));
    assert.ok(choices.every((c) => /^[A-Za-z0-9_]+$/.test(c.moduleType) && inputProblem('moduleType', c.moduleType) === undefined));
  });
});

describe('Logs Insights results', () => {
  const cell = (field: string, value: string) => ({ field, value });
  const row = (id: string, ts: string, extra: Record<string, string> = {}) => [
    cell('@timestamp', ts),
    cell('ContactId', id),
    ...Object.entries(extra).map(([f, v]) => cell(f, v)),
    cell('@ptr', 'CmAKJgoi...'),
  ];

  it('reads rows into contact ID, time, flow, block, identifier and result', () => {
    const rows = parseInsightsResults([
      row('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', '2024-05-15 11:40:34.056', {
        ContactFlowName: 'Main IVR',
        ContactFlowModuleType: 'InvokeExternalResource',
        Identifier: 'lookup',
        Results: 'The Lambda Function Returned An Error.',
      }),
      row('b', '2024-05-15T11:40:35.000Z'),
    ]);
    assert.deepEqual(rows, [
      { contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', timestamp: '2024-05-15T11:40:34.056Z', flow: 'Main IVR', block: 'InvokeExternalResource', identifier: 'lookup', result: 'The Lambda Function Returned An Error.' },
      { contactId: 'b', timestamp: '2024-05-15T11:40:35.000Z' },
    ]);
  });

  it('leaves out rows without a contact or a time, and anything not shaped as rows', () => {
    assert.deepEqual(parseInsightsResults(undefined), []);
    assert.deepEqual(parseInsightsResults({ results: [] }), []);
    assert.deepEqual(parseInsightsResults([null, 'x', [cell('ContactId', 'a')], [cell('@timestamp', '2024-01-01 00:00:00.000')], row('a', 'yesterday'), [null, 5, { field: 1 }]]), []);
    assert.equal(insightsTimestamp('2024-01-01 00:00:00.000'), '2024-01-01T00:00:00.000Z');
    assert.equal(insightsTimestamp('2024-01-01T01:00:00+01:00'), '2024-01-01T00:00:00.000Z');
  });

  it('lists each contact once, newest first, with how many rows matched', () => {
    const rows = parseInsightsResults([row('a', '2024-01-01 00:00:01.000'), row('b', '2024-01-01 00:00:03.000'), row('a', '2024-01-01 00:00:02.000')]);
    const contacts = contactsOfRows(rows);
    assert.deepEqual(contacts.map((c) => [c.row.contactId, c.matches, c.row.timestamp]), [
      ['b', 1, '2024-01-01T00:00:03.000Z'],
      ['a', 2, '2024-01-01T00:00:02.000Z'],
    ]);
  });
});
