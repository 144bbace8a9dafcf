// A contact typed where Compare Contacts picks one: an ARN names its instance and region; a bare
// ID needs an instance from the other contact or the latest lookup, and says so when none is known.
import * as assert from 'node:assert/strict';
import { typedContactRef } from '../../../src/contact/typedContact';

const instanceId = '11111111-1111-4111-8111-111111111111';
const contactId = '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05';
const base = { profile: 'work', region: 'eu-west-2', instanceId };

describe('a typed contact ID or ARN', () => {
  it("takes a contact ARN's instance and region, and the base's profile", () => {
    const typed = typedContactRef(` "arn:aws:connect:us-east-1:123456789012:instance/${instanceId}/contact/${contactId}" `, { profile: 'work', region: 'eu-west-2' });
    assert.deepEqual(typed, { ok: true, ref: { profile: 'work', region: 'us-east-1', instanceId, contactId }, warning: undefined });
  });

  it("looks a bare ID up in the base's instance", () => {
    assert.deepEqual(typedContactRef(contactId, base), { ok: true, ref: { profile: 'work', region: 'eu-west-2', instanceId, contactId }, warning: undefined });
  });

  it('asks for the ARN when no instance is known', () => {
    const typed = typedContactRef(contactId, { profile: 'work', region: 'eu-west-2' });
    assert.equal(typed.ok, false);
    assert.match(typed.ok ? '' : typed.message, /paste the contact ARN/);
  });

  it("says what is wrong with text that is no contact ID, as Describe Contact's prompt does", () => {
    const typed = typedContactRef('not a contact', base);
    assert.equal(typed.ok, false);
    assert.match(typed.ok ? '' : typed.message, /contains a space at position 4/);
    const instanceArn = typedContactRef(`arn:aws:connect:us-east-1:123456789012:instance/${instanceId}`, base);
    assert.match(instanceArn.ok ? '' : instanceArn.message, /instance ARN, not a contact ARN/);
  });

  it('accepts an ID not shaped like a UUID, with a warning', () => {
    const typed = typedContactRef('legacy-id', base);
    assert.ok(typed.ok && typed.warning?.includes('not shaped like'));
  });
});
