import * as assert from 'node:assert/strict';
import { contactFilterPattern, contactFilterPatterns, isFilterSafeId, maxFilterPatternLength, termFilterPattern } from '../../../src/timeline/filterPattern';
import { consoleFragmentEncode, insightsQuery, logGroupConsoleUrl } from '../../../src/timeline/insightsQuery';

const id = '11111111-2222-3333-4444-555555555555';
const hostile = ['', 'a"b', 'x" } || { $.ContactId = *', 'a b', 'a\nb', '{ $.x = 1 }', 'é', 'x'.repeat(257)];

describe('Logs Insights query and console link', () => {
  it('copies the query for one contact', () => {
    assert.equal(insightsQuery(id), `fields @timestamp, @message | filter ContactId = "${id}" | sort @timestamp asc`);
  });

  it('refuses an ID that could change the query', () => {
    for (const bad of hostile) assert.throws(() => insightsQuery(bad), RangeError, JSON.stringify(bad));
  });

  it('opens the log group as the console addresses it', () => {
    assert.equal(
      logGroupConsoleUrl('us-east-1', '/aws/connect/my-centre'),
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fconnect$252Fmy-centre',
    );
    assert.equal(consoleFragmentEncode('/a#b'), '$252Fa$2523b');
    assert.equal(logGroupConsoleUrl('cn-north-1', '/g'), 'https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#logsV2:log-groups/log-group/$252Fg');
    assert.equal(logGroupConsoleUrl('us-gov-west-1', '/g'), 'https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#logsV2:log-groups/log-group/$252Fg');
  });

  it('gives no link for a malformed region or name, or a partition without a public console', () => {
    assert.equal(logGroupConsoleUrl('evil.com/x', '/g'), undefined);
    assert.equal(logGroupConsoleUrl('us-east-1', 'a b'), undefined);
    assert.equal(logGroupConsoleUrl('us-iso-east-1', '/g'), undefined);
  });
});

describe('filter patterns', () => {
  it('matches one contact\'s lines by ContactId', () => {
    assert.equal(contactFilterPattern(id), `{ $.ContactId = "${id}" }`);
    assert.equal(termFilterPattern(id), `"${id}"`);
  });

  it('accepts only letters, digits, - and _', () => {
    assert.ok(isFilterSafeId(id));
    assert.ok(isFilterSafeId('abc_DEF-123'));
    for (const bad of hostile) {
      assert.ok(!isFilterSafeId(bad), JSON.stringify(bad));
      assert.throws(() => contactFilterPattern(bad), RangeError);
      assert.throws(() => termFilterPattern(bad), RangeError);
      assert.throws(() => contactFilterPatterns([id, bad]), RangeError);
    }
  });

  it('splits many contacts into patterns within the 1024-character limit, each ID once', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(8, '0')}-2222-3333-4444-555555555555`);
    const patterns = contactFilterPatterns([...ids, ids[0]]);
    assert.ok(patterns.length > 1);
    for (const p of patterns) {
      assert.ok(p.length <= maxFilterPatternLength, String(p.length));
      assert.match(p, /^\{ \$\.ContactId = "[^"]+"( \|\| \$\.ContactId = "[^"]+")* \}$/);
    }
    const found = patterns.flatMap((p) => [...p.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual(found, ids);
    assert.deepEqual(contactFilterPatterns([]), []);
  });
});
