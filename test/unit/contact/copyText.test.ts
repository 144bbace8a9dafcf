import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { shellQuote } from '../../../src/aws/shellQuote';
import { buildCliCommand, copyJsonText, copyValueText, pathValueLines } from '../../../src/contact/copyText';
import { hostileId, leaves, sample } from './samples';

const tricky = [
  'plain',
  'say "hi" and \'bye\'',
  'line1\nline2\r\nline3',
  'tab\there',
  'héllo “world” — ключ 中文',
  '👨‍👩‍👧 🦆',
  '\u202egnp.exe\u200f and \u2066isolate\u2069',
  '  leading and trailing spaces  ',
  'back\\slash \\n not a newline',
  '',
];

function hasShell(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

/** Runs the command in a real shell (sh, bash, zsh) with `aws` replaced by printf, returning the words it got. */
function shellWords(command: string, shell: string): string[] {
  const script = command.replace(/^aws /, "printf '%s\\0' aws ");
  const out = execFileSync(shell, ['-c', script], { encoding: 'utf8', cwd: '/tmp' });
  return out.split('\0').slice(0, -1);
}

describe('copy texts', () => {
  it('copies strings exactly: no quotes, escapes or whitespace added', () => {
    for (const s of tricky) assert.equal(copyValueText(s, 'string'), s);
    assert.equal(copyValueText('2025-03-04T10:20:30+00:00', 'timestamp'), '2025-03-04T10:20:30+00:00');
  });

  it('copies numbers, booleans and null as JSON and containers as 4-space JSON', () => {
    assert.equal(copyValueText(125, 'duration'), '125');
    assert.equal(copyValueText(4.8, 'number'), '4.8');
    assert.equal(copyValueText(false, 'boolean'), 'false');
    assert.equal(copyValueText(null, 'null'), 'null');
    assert.equal(copyValueText({ A: ['x', 1], B: {} }, 'structure'), '{\n    "A": [\n        "x",\n        1\n    ],\n    "B": {}\n}');
    assert.equal(copyValueText(undefined), '');
  });

  it('copies a subtree as {"Key": subtree} JSON that parses back to the same value', () => {
    for (const s of tricky) {
      const text = copyJsonText('Name', s);
      assert.deepEqual(JSON.parse(text), { Name: s });
    }
    assert.equal(copyJsonText('QueueInfo', { Id: 'q' }), '{\n    "QueueInfo": {\n        "Id": "q"\n    }\n}');
    assert.equal(copyJsonText(0, { Location: 's3://b/k' }), '{\n    "Location": "s3://b/k"\n}');
    assert.deepEqual(JSON.parse(copyJsonText('__proto__', 'x')), JSON.parse('{"__proto__": "x"}'));
  });

  it('round-trips every value of the hostile contact unchanged', () => {
    for (const leaf of leaves(sample(hostileId))) {
      if (typeof leaf.value === 'string') assert.equal(copyValueText(leaf.value, 'string'), leaf.value);
      const key = leaf.path[leaf.path.length - 1];
      if (typeof key === 'string') assert.deepEqual((JSON.parse(copyJsonText(key, leaf.value)) as Record<string, unknown>)[key], leaf.value);
    }
  });

  it('writes path: value lines, one per field', () => {
    const text = pathValueLines([
      { path: ['Contact', 'Channel'], value: 'VOICE' },
      { path: ['Contact', 'Tags', 'my-key'], value: 'v1' },
      { path: ['Contact', 'Description'], value: 'two\nlines' },
      { path: ['Contact', 'QueueInfo'], value: { Id: 'q' } },
      { path: ['Contact', 'TotalPauseCount'], value: 2 },
      { path: ['Contact', 'Name'], value: 'héllo 👋 "quoted"' },
    ]);
    assert.equal(
      text,
      [
        'Contact.Channel: VOICE',
        'Contact.Tags."my-key": v1',
        'Contact.Description: "two\\nlines"',
        'Contact.QueueInfo: {"Id":"q"}',
        'Contact.TotalPauseCount: 2',
        'Contact.Name: héllo 👋 "quoted"',
      ].join('\n'),
    );
  });

  it('builds the describe-contact command line', () => {
    const ref = { instanceId: '11111111-1111-4111-8111-111111111111', contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', profile: 'prod', region: 'eu-west-2' };
    assert.equal(
      buildCliCommand(ref),
      'aws connect describe-contact --instance-id 11111111-1111-4111-8111-111111111111 --contact-id 6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01 --profile prod --region eu-west-2',
    );
    assert.equal(
      buildCliCommand({ ...ref, profile: '', region: '' }, ['Contact', 'Tags', 'my-key']),
      'aws connect describe-contact --instance-id 11111111-1111-4111-8111-111111111111 --contact-id 6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01 --query \'Contact.Tags."my-key"\'',
    );
    assert.match(buildCliCommand(ref, 'Contact.Recordings[0].Location'), / --query 'Contact\.Recordings\[0\]\.Location'$/);
    assert.match(buildCliCommand({ ...ref, endpointUrl: 'http://127.0.0.1:4566' }), / --endpoint-url http:\/\/127\.0\.0\.1:4566$/);
  });

  it('quotes hostile values so a real shell passes them through literally', () => {
    const hostile = [
      "it's $(touch /tmp/pwned-copytext) `id` ; rm -rf ~ | cat && echo $HOME",
      '-x --debug',
      "'",
      '\n\t"\\',
      '\u202e👋 *.json ~root {a,b} !!',
      '$((1+1)) ${IFS} #comment',
    ];
    for (const shell of ['sh', 'bash']) {
      for (const value of hostile) {
        const path = ['Contact', 'Attributes', value];
        const command = buildCliCommand({ instanceId: value, contactId: 'c', profile: value, region: value }, path);
        const words = shellWords(command, shell);
        const expectedQuery = `Contact.Attributes.${JSON.stringify(value)}`;
        assert.deepEqual(
          words,
          value.startsWith('-')
            ? ['aws', 'connect', 'describe-contact', `--instance-id=${value}`, '--contact-id', 'c', `--profile=${value}`, `--region=${value}`, '--query', expectedQuery]
            : ['aws', 'connect', 'describe-contact', '--instance-id', value, '--contact-id', 'c', '--profile', value, '--region', value, '--query', expectedQuery],
          `${shell}: ${JSON.stringify(value)}`,
        );
      }
    }
    assert.equal(shellQuote('safe-Value_1.2:/@'), 'safe-Value_1.2:/@');
    assert.equal(shellQuote(''), "''");
  });

  it('quotes a word zsh would expand: a leading = (the path of a command), a leading ~ (a home)', function () {
    // A profile, region or instance can be any text; zsh (macOS's default shell) runs the pasted command.
    const expanding = ['=ls', '=', '==x', '=aws', '~', '~root', '~+', '~-'];
    for (const value of expanding) assert.equal(shellQuote(value), `'${value}'`, value);
    assert.equal(shellQuote('a=b'), 'a=b', 'an = inside a word is literal in every shell');
    if (!hasShell('zsh')) this.skip();
    for (const value of [...expanding, 'a=b', 'key=value=x']) {
      const words = shellWords(buildCliCommand({ instanceId: value, contactId: 'c', profile: value, region: 'r' }), 'zsh');
      assert.deepEqual(words, ['aws', 'connect', 'describe-contact', '--instance-id', value, '--contact-id', 'c', '--profile', value, '--region', 'r'], `zsh: ${value}`);
    }
  });
});
