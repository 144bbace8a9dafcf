// Step 1 of Describe Contact as data: what the instance picker offers for what was typed, and
// which row Enter takes. The UI tests press the keys; these pin the rules.
import * as assert from 'node:assert/strict';
import type { InstanceSummary } from '../../../src/aws/types';
import { instanceStepRows, isSeparator, type InstanceStepInput, type Listing, type StepRow } from '../../../src/describe/instanceChoices';

const account = { profile: 'local', region: 'us-east-1' };
const support = { id: '11111111-1111-4111-8111-111111111111', arn: 'arn:aws:connect:us-east-1:123456789012:instance/11111111-1111-4111-8111-111111111111', alias: 'acme-support', status: 'ACTIVE' };
const sales = { id: '22222222-2222-4222-8222-222222222222', arn: 'arn:aws:connect:us-east-1:123456789012:instance/22222222-2222-4222-8222-222222222222', alias: 'acme-sales', status: 'ACTIVE' };
const lab = { id: '33333333-3333-4333-8333-333333333333', arn: 'arn:aws:connect:us-east-1:123456789012:instance/33333333-3333-4333-8333-333333333333', alias: 'acme-lab', status: 'ACTIVE' };
const listed: Listing = { state: 'listed', instances: [support, sales, lab] as InstanceSummary[] };
const contactId = '03b1c0df-e4fd-4c02-9e1f-8a9b0c1d2e13';

function rows(overrides: Partial<InstanceStepInput>): StepRow[] {
  return instanceStepRows({ account, text: '', recent: [], listing: listed, ...overrides }).filter((e): e is StepRow => !isSeparator(e));
}

function active(overrides: Partial<InstanceStepInput>): StepRow {
  const marked = rows(overrides).filter((r) => r.active);
  assert.equal(marked.length, 1, `one active row expected: ${JSON.stringify(rows(overrides))}`);
  return marked[0];
}

describe('the instance step of Describe Contact', () => {
  it('selects the listed instance when its alias is typed, and offers no "instance ID" for the alias', () => {
    for (const text of ['acme-sales', 'ACME-Sales', ' "acme-sales" ']) {
      const row = active({ text });
      assert.deepEqual(row.action, { kind: 'instance', instanceId: sales.id, region: 'us-east-1', alias: 'acme-sales' }, text);
      assert.equal(row.label, 'acme-sales');
      assert.ok(!rows({ text }).some((r) => /\$\(edit\)|use this instance ID/.test(`${r.label} ${r.description ?? ''}`)), text);
    }
  });

  it('selects the listed instance for its ID or its ARN', () => {
    assert.equal(active({ text: sales.id }).label, 'acme-sales');
    const byArn = active({ text: sales.arn });
    assert.equal(byArn.label, 'acme-sales');
    assert.equal(byArn.alwaysShow, true, 'the ARN matches no label, so the row must show anyway');
  });

  it('selects a recent instance by the alias it was last listed under, before the list has loaded', () => {
    const row = active({ text: 'acme-support', recent: [{ id: support.id, alias: 'acme-support' }], listing: { state: 'loading' } });
    assert.equal(row.label, '$(history) acme-support');
    assert.equal(row.action.kind, 'instance');
  });

  it('does not offer free text that is no instance ID as one, and says what to type', () => {
    const shown = rows({ text: 'acme-nothing' });
    assert.equal(shown[0].label, '$(info) No instance is called "acme-nothing"');
    assert.equal(shown[0].action.kind, 'none');
    assert.match(shown[0].detail ?? '', /instance ID \(a UUID\) or ARN/);
    assert.ok(!shown.some((r) => r.action.kind === 'instance' && r.action.instanceId === 'acme-nothing'));
  });

  it('leaves part of an alias to the list filter (no extra row)', () => {
    assert.deepEqual(rows({ text: 'acme-sa' }).filter((r) => r.alwaysShow), []);
  });

  it('says a UUID that is no listed instance looks like a contact ID, and offers the search first', () => {
    const shown = rows({ text: contactId });
    assert.equal(shown[0].active, true);
    assert.deepEqual(shown[0].action, { kind: 'search', contactId });
    assert.match(shown[0].label, /Look for contact 03b1c0df-.* in the 3 listed instances/);
    assert.match(shown[0].detail ?? '', /not an instance of us-east-1 \(profile local\): it looks like a contact ID/);
    assert.deepEqual(shown[1].action, { kind: 'instance', instanceId: contactId, region: 'us-east-1' });
    assert.match(shown[1].label, /Use .* as the instance ID/);
  });

  it('waits for the list before taking a typed UUID while it loads', () => {
    assert.deepEqual(active({ text: contactId, listing: { state: 'loading' } }).action, { kind: 'await', instanceId: contactId });
  });

  it('takes a typed UUID as the instance ID when the list could not be loaded, and says it was not checked', () => {
    const row = active({ text: contactId, listing: { state: 'failed', error: { kind: 'AccessDenied', message: 'no' } } });
    assert.deepEqual(row.action, { kind: 'instance', instanceId: contactId, region: 'us-east-1' });
    assert.match(row.detail ?? '', /cannot be checked/);
  });

  it('opens a pasted contact ARN directly, naming its instance by alias', () => {
    const row = active({ text: `arn:aws:connect:us-east-1:123456789012:instance/${sales.id}/contact/${contactId}` });
    assert.deepEqual(row.action, { kind: 'contact', target: { profile: 'local', region: 'us-east-1', instanceId: sales.id, contactId } });
    assert.match(row.description ?? '', /instance acme-sales, us-east-1/);
  });

  it('explains malformed text as it is typed', () => {
    const row = active({ text: '1111 1111' });
    assert.equal(row.action.kind, 'none');
    assert.match(row.detail ?? '', /contains a space at position 5/);
  });

  it('with nothing typed, makes the last-used instance the active row, named by alias and "last used"', () => {
    const row = active({ recent: [{ id: sales.id }, { id: support.id }] });
    assert.equal(row.label, '$(history) acme-sales');
    assert.match(row.description ?? '', /^last used · 22222222-/);
    assert.match(rows({ recent: [{ id: sales.id }, { id: support.id }] })[1].description ?? '', /^recent · /);
  });

  it('with nothing typed after Back, makes the instance chosen before the active row', () => {
    assert.equal(active({ recent: [{ id: sales.id }], preferInstanceId: lab.id }).label, 'acme-lab');
  });

  it('lists each instance once: recent ones under Recent, the rest under Instances', () => {
    const entries = instanceStepRows({ account, text: '', recent: [{ id: sales.id }], listing: listed });
    assert.deepEqual(entries.map((e) => (isSeparator(e) ? `-- ${e.separator}` : e.label)), ['-- Recent', '$(history) acme-sales', '-- Instances', 'acme-support', 'acme-lab']);
  });

  it('shows a listing failure as a row that says what failed and how to fix it, then the fixes', () => {
    const shown = rows({ listing: { state: 'failed', error: { kind: 'AccessDenied', message: 'Profile local is not allowed to call connect:ListInstances.' } } });
    assert.equal(shown[0].label, '$(error) Could not list the instances of us-east-1: access denied');
    assert.match(shown[0].detail ?? '', /needs the IAM action connect:ListInstances/);
    assert.deepEqual(shown.slice(1).map((r) => r.label), ['$(account) Select Profile', '$(output) Show Log']);
    const throttled = rows({ listing: { state: 'failed', error: { kind: 'ServiceError', message: 'HTTP 500', hint: 'This is on the AWS side; retry in a moment.' } } });
    assert.equal(throttled[0].detail, 'This is on the AWS side; retry in a moment.');
    assert.deepEqual(throttled[1].action, { kind: 'fix', action: 'retry' });
  });
});
