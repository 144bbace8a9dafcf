import * as assert from 'node:assert/strict';
import { parseArgs } from '../../endpoint/cli';

describe('npm run endpoint options', () => {
  it('turns fault flags into a FaultSpec', () => {
    const opts = parseArgs(['--port', '0', '--latency', '250', '--throttle', '2', '--fail500', 'always', '--reset', '1', '--malformed', '3', '--truncated', 'always', '--hang', '5000', '--large-body', '1000000', '--operation', 'DescribeContact', '--quiet']);
    assert.equal(opts.port, 0);
    assert.equal(opts.quiet, true);
    assert.deepEqual(opts.faults, { latencyMs: 250, throttle: 2, status500: true, reset: 1, malformedJson: 3, truncated: true, hangMs: 5000, largeBodyBytes: 1000000, operation: 'DescribeContact' });
  });

  it('defaults to port 4566 with no faults, and takes a contacts directory', () => {
    const opts = parseArgs(['--contacts', '/tmp/contacts']);
    assert.equal(opts.port, 4566);
    assert.equal(opts.contactsDir, '/tmp/contacts');
    assert.equal(opts.faults, undefined);
  });

  it('takes a rate limit, with or without a burst', () => {
    assert.deepEqual([parseArgs(['--rate', '2', '--burst', '5']).rate, parseArgs(['--rate', '2', '--burst', '5']).burst], [2, 5]);
    const rateOnly = parseArgs(['--rate', '0.5']);
    assert.deepEqual([rateOnly.rate, rateOnly.burst, rateOnly.faults], [0.5, undefined, undefined]);
    assert.equal(parseArgs([]).rate, undefined);
    assert.throws(() => parseArgs(['--burst', '5']), /--burst goes with --rate/);
    assert.throws(() => parseArgs(['--rate', '0']), /--rate needs a number above 0, got "0"/);
    assert.throws(() => parseArgs(['--rate', '2', '--burst', '2.5']), /--burst needs a whole number/);
  });

  it('takes IAM actions of both services to deny, and nothing else', () => {
    assert.deepEqual(parseArgs(['--deny', 'connect:DescribeUser', '--deny', 'logs:FilterLogEvents']).deny, ['connect:DescribeUser', 'logs:FilterLogEvents']);
    assert.throws(() => parseArgs(['--deny', 'FilterLogEvents']), /--deny needs an action like connect:DescribeUser or logs:FilterLogEvents/);
  });

  it('rejects unknown flags and bad numbers with a message', () => {
    assert.throws(() => parseArgs(['--explode']), /Unknown option --explode/);
    assert.throws(() => parseArgs(['--throttle', 'lots']), /--throttle needs a number, got "lots"/);
    assert.throws(() => parseArgs(['--tls-key', 'k.pem']), /--tls-key and --tls-cert go together/);
  });
});
