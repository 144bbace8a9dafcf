// Faults for long runs: throttleRate and status500Rate answer that share of matching requests, drawn per request
// from a seeded generator, so a run repeats exactly; the counted faults still come first.
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../endpoint/cli';
import { FaultState, validateFaultSpec } from '../../endpoint/faults';
import { localCredentials } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint } from '../../endpoint/server';
import { fetchServed } from '../../integration/cli/cliHarness';

function kinds(state: FaultState, n: number, operation = 'DescribeContact'): string[] {
  return Array.from({ length: n }, () => state.plan(operation).kind);
}

describe('Fault rates', () => {
  it('answers the asked share of 20,000 requests, within a fraction of a percent', () => {
    const all = kinds(new FaultState({ throttleRate: 0.05, status500Rate: 0.01 }), 20_000);
    const share = (k: string) => all.filter((x) => x === k).length / all.length;
    assert.ok(Math.abs(share('throttle') - 0.05) < 0.005, `throttle ${share('throttle')}`);
    assert.ok(Math.abs(share('status500') - 0.01) < 0.003, `500 ${share('status500')}`);
    assert.ok(Math.abs(share('none') - 0.94) < 0.006);
  });

  it('repeats with the same seed, differs with another, and restarts when the spec is set again', () => {
    const a = kinds(new FaultState({ throttleRate: 0.3, seed: 7 }), 200);
    const state = new FaultState({ throttleRate: 0.3, seed: 7 });
    assert.deepEqual(kinds(state, 200), a);
    assert.notDeepEqual(kinds(new FaultState({ throttleRate: 0.3, seed: 8 }), 200), a);
    state.set({ throttleRate: 0.3, seed: 7 });
    assert.deepEqual(kinds(state, 200), a);
  });

  it('counted faults come first; the rates only touch the named operation', () => {
    const state = new FaultState({ reset: 1, throttle: 1, status500Rate: 1, operation: 'SearchContacts' });
    assert.deepEqual(kinds(state, 3, 'SearchContacts'), ['reset', 'throttle', 'status500']);
    assert.deepEqual(kinds(state, 2, 'DescribeContact'), ['none', 'none']);
  });

  it('validates the rates and takes them from the command line', () => {
    assert.throws(() => validateFaultSpec({ throttleRate: 1.5 }), /throttleRate must be a probability from 0 to 1/);
    assert.throws(() => validateFaultSpec({ status500Rate: -0.1 }), /status500Rate must be a probability/);
    assert.throws(() => validateFaultSpec({ throttleRate: 0.6, status500Rate: 0.6 }), /together must not exceed 1/);
    assert.throws(() => validateFaultSpec({ seed: 1.5 }), /seed must be a whole number/);
    assert.deepEqual(parseArgs(['--throttle-rate', '0.05', '--fail500-rate', '0.01', '--fault-seed', '42', '--reset', '1']).faults, { throttleRate: 0.05, status500Rate: 0.01, seed: 42, reset: 1 });
    assert.throws(() => parseArgs(['--throttle-rate', '2']), /throttleRate must be a probability/);
  });

  it('over HTTP: each of 200 DescribeContact calls gets the status the seeded draws decide, the same on a second run', async function () {
    this.timeout(20_000);
    const spec = { throttleRate: 0.05, status500Rate: 0.01, seed: 3 };
    const statusOf: Record<string, number> = { none: 200, throttle: 429, status500: 500 };
    const expected = kinds(new FaultState(spec), 200).map((k) => statusOf[k]);
    assert.ok(expected.includes(429) && expected.includes(500));
    for (let run = 0; run < 2; run++) {
      const endpoint = await startEndpoint({ faults: spec });
      try {
        const got: number[] = [];
        for (let i = 0; i < 200; i++) got.push((await fetchServed(endpoint.url, `/contacts/${sampleIds.instanceA}/${sampleIds.voice}`, { credentials: localCredentials })).status);
        assert.deepEqual(got, expected);
      } finally {
        await endpoint.close();
      }
    }
  });
});
