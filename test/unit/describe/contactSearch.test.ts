// "Look in other instances": one instance after another, first hit wins; what is said when none has it.
import * as assert from 'node:assert/strict';
import type { ConnectErrorInfo, InstanceSummary } from '../../../src/aws/types';
import { instancesToSearch, noneHasItMessage, regionIsLikelyCause, searchCanRetry, searchInstances } from '../../../src/describe/contactSearch';

const instance = (n: number, alias: string): InstanceSummary => ({ id: `${n}`.repeat(8), arn: '', alias });
const [support, sales, lab] = [instance(1, 'acme-support'), instance(2, 'acme-sales'), instance(3, 'acme-lab')];
const account = { profile: 'local', region: 'us-east-1' };
const fail = (info: ConnectErrorInfo) => Promise.reject(Object.assign(new Error(info.message), { info }));
const describeError = (error: unknown) => (error as { info: ConnectErrorInfo }).info;

describe('looking for a contact in the listed instances', () => {
  it('asks one instance at a time and stops at the first that has the contact', async () => {
    const asked: string[] = [];
    const outcome = await searchInstances(
      [support, sales, lab],
      (i) => (asked.push(i.alias!), i === sales ? Promise.resolve('doc') : fail({ kind: 'NotFound', message: 'no' })),
      { describeError, onInstance: (_i, n, total) => asked.push(`${n}/${total}`) },
    );
    assert.deepEqual(asked, ['1/3', 'acme-support', '2/3', 'acme-sales']);
    assert.equal(outcome.found?.instance, sales);
    assert.equal(outcome.found?.value, 'doc');
  });

  it('goes on past an instance it may not ask, and names it in the message', async () => {
    const outcome = await searchInstances(
      [support, sales],
      (i) => fail(i === support ? { kind: 'AccessDenied', message: 'denied' } : { kind: 'NotFound', message: 'no' }),
      { describeError },
    );
    assert.equal(outcome.found, undefined);
    assert.deepEqual(outcome.searched, [support, sales]);
    assert.equal(outcome.failures.length, 1);
    assert.equal(searchCanRetry(outcome), false, 'access denied does not change on retry');
    const message = noneHasItMessage('ffffffff', account, outcome, { id: lab.id, alias: 'acme-lab' });
    assert.equal(
      message,
      'Contact ffffffff is in none of the 2 instances of us-east-1 (profile local): acme-lab, acme-sales. Could not look in acme-support (access denied). Check the contact ID (contacts are kept for 24 months), or look in another region.',
    );
  });

  it('stops at a failure every instance would share (no credentials)', async () => {
    let calls = 0;
    const outcome = await searchInstances([support, sales, lab], () => (calls++, fail({ kind: 'NoCredentials', message: 'none' })), { describeError });
    assert.equal(calls, 1);
    assert.equal(outcome.stopped?.kind, 'NoCredentials');
  });

  it('offers Retry only when an instance failed for a passing reason', async () => {
    const outcome = await searchInstances([support], () => fail({ kind: 'Throttling', message: 'slow down' }), { describeError });
    assert.equal(searchCanRetry(outcome), true);
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    const outcome = await searchInstances([support, sales], () => (abort.abort(), fail({ kind: 'NotFound', message: 'no' })), { describeError, signal: abort.signal });
    assert.deepEqual(outcome.searched, [support]);
    assert.equal(outcome.stopped?.kind, 'Cancelled');
  });

  it('searches every listed instance but the one already asked', () => {
    assert.deepEqual(instancesToSearch([support, sales, lab], sales.id), [support, lab]);
  });

  it('takes the region as the likely cause only when the instance is not listed there', () => {
    assert.equal(regionIsLikelyCause(sales.id, [support, sales]), false);
    assert.equal(regionIsLikelyCause('99999999', [support, sales]), true);
    assert.equal(regionIsLikelyCause('99999999', undefined), false, 'no listing: no guess');
  });
});
