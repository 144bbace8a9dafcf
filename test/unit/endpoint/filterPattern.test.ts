// The CloudWatch Logs filter-pattern subset the endpoint understands, on messages like the sample flow logs.
import * as assert from 'node:assert/strict';
import { compileFilterPattern, FilterPatternError } from '../../endpoint/filterPattern';

const id = '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01';
const other = '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05';

function subject(message: string) {
  return {
    message,
    json: () => {
      try {
        const v = JSON.parse(message) as unknown;
        return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

const line = (fields: Record<string, unknown>) => JSON.stringify({ ContactId: id, ContactFlowModuleType: 'SetQueue', ...fields });

function matches(pattern: string | undefined, message: string): boolean {
  return compileFilterPattern(pattern)(subject(message));
}

describe('filter patterns', () => {
  it('match every event when empty or absent', () => {
    for (const p of [undefined, '', '   ']) assert.equal(matches(p, 'anything at all'), true);
  });

  describe('terms', () => {
    it('need every plain term, case-sensitively, anywhere in the message', () => {
      assert.equal(matches('ERROR', 'an ERROR here'), true);
      assert.equal(matches('ERROR', 'an error here'), false);
      assert.equal(matches('ERROR CRM', 'ERROR from the CRM'), true);
      assert.equal(matches('ERROR CRM', 'ERROR from the bank'), false);
    });

    it('take quoted phrases, and quoted IDs with hyphens', () => {
      assert.equal(matches('"some text"', 'here is some text.'), true);
      assert.equal(matches('"some text"', 'some other text'), false);
      assert.equal(matches(`"${id}"`, `START of contact ${id}`), true);
      assert.equal(matches('"say \\"hi\\""', 'they say "hi" twice'), true);
    });

    it('treat ?terms as alternatives and -terms as exclusions', () => {
      assert.equal(matches('?ERROR ?WARN', 'a WARN line'), true);
      assert.equal(matches('?ERROR ?WARN', 'an INFO line'), false);
      assert.equal(matches('Lambda ?Error ?Timeout', 'Lambda Timeout'), true);
      assert.equal(matches('Lambda ?Error ?Timeout', 'Timeout'), false);
      assert.equal(matches('ERROR -Retrying', 'ERROR: giving up'), true);
      assert.equal(matches('ERROR -Retrying', 'ERROR: Retrying'), false);
    });
  });

  describe('JSON', () => {
    it('match the extension’s per-contact pattern on the contact’s lines only', () => {
      const p = `{ $.ContactId = "${id}" }`;
      assert.equal(matches(p, line({})), true);
      assert.equal(matches(p, line({ ContactId: other })), false);
      assert.equal(matches(`{$.ContactId="${id}"}`, line({})), true);
    });

    it('never match a message that is not JSON, even one naming the contact', () => {
      assert.equal(matches(`{ $.ContactId = "${id}" }`, `{"ContactId":"${id}","Parameters":{"Text":"cut off`), false);
      assert.equal(matches(`{ $.ContactId = "${id}" }`, `[${JSON.stringify(id)}]`), false);
    });

    it('combine with ||, && and parentheses', () => {
      const either = `{ ($.ContactId = "${id}") || ($.ContactId = "${other}") }`;
      assert.equal(matches(either, line({})), true);
      assert.equal(matches(either, line({ ContactId: other })), true);
      assert.equal(matches(either, line({ ContactId: 'x' })), false);
      const both = `{ $.ContactId = "${id}" && $.ContactFlowModuleType = "SetQueue" }`;
      assert.equal(matches(both, line({})), true);
      assert.equal(matches(both, line({ ContactFlowModuleType: 'Loop' })), false);
      // && binds tighter than ||.
      assert.equal(matches(`{ $.a = 1 || $.b = 2 && $.c = 3 }`, '{"a":1}'), true);
      assert.equal(matches(`{ ($.a = 1 || $.b = 2) && $.c = 3 }`, '{"a":1}'), false);
    });

    it('compare strings with != and * wildcards; a missing member matches neither = nor !=', () => {
      assert.equal(matches('{ $.ContactFlowModuleType != "Loop" }', line({})), true);
      assert.equal(matches('{ $.ContactFlowModuleType != "SetQueue" }', line({})), false);
      assert.equal(matches('{ $.Results != "x" }', line({})), false);
      assert.equal(matches('{ $.ContactId = "6f1d*" }', line({})), true);
      assert.equal(matches('{ $.Results = "*Error*" }', line({ Results: 'The Lambda Function Returned An Error.' })), true);
      assert.equal(matches('{ $.ContactFlowModuleType = SetQueue }', line({})), true);
    });

    it('follow nested members and list indexes, and compare numbers', () => {
      assert.equal(matches('{ $.Parameters.Key = "language" }', line({ Parameters: { Key: 'language', Value: 'en-US' } })), true);
      assert.equal(matches('{ $.Events.Queue[0] = "arn:*" }', line({ Events: { Queue: ['arn:aws:connect:x'] } })), true);
      assert.equal(matches('{ $.Events.Queue[1] = "arn:*" }', line({ Events: { Queue: ['arn:aws:connect:x'] } })), false);
      assert.equal(matches('{ $.list[*] = "b" }', '{"list":["a","b"]}'), true);
      assert.equal(matches('{ $.n > 5 }', '{"n":6}'), true);
      assert.equal(matches('{ $.n >= 6 && $.n <= 6 }', '{"n":6}'), true);
      assert.equal(matches('{ $.n < 5 }', '{"n":6}'), false);
      assert.equal(matches('{ $.n = 6 }', '{"n":"6"}'), false);
    });

    it('test IS NULL, IS TRUE, IS FALSE and NOT EXISTS', () => {
      assert.equal(matches('{ $.a IS NULL }', '{"a":null}'), true);
      assert.equal(matches('{ $.a IS NULL }', '{"a":0}'), false);
      assert.equal(matches('{ $.ok IS TRUE }', '{"ok":true}'), true);
      assert.equal(matches('{ $.ok IS FALSE }', '{"ok":true}'), false);
      assert.equal(matches('{ $.ExternalResults NOT EXISTS }', line({})), true);
      assert.equal(matches('{ $.ContactId NOT EXISTS }', line({})), false);
    });
  });

  it('refuse what does not parse, and the forms the endpoint does not support, as “Invalid filter pattern”', () => {
    for (const p of [
      '{ $.ContactId = }',
      `{ $.ContactId = "${id}"`,
      '{}',
      '{ ContactId = "x" }',
      '{ $ = "x" }',
      '{ ($.a = "x" }',
      '{ $.a = "x" } trailing',
      '{ $.a > "x" }',
      '{ $.a IS MAYBE }',
      '{ $.a = "x" && }',
      '"unterminated',
      '"a"b',
      '?',
      'a{b',
      '[ip, user, status]',
      '%ERROR|WARN%',
    ]) {
      assert.throws(() => compileFilterPattern(p), (err: unknown) => err instanceof FilterPatternError && err.message === 'Invalid filter pattern', p);
    }
  });
});
