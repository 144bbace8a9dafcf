// The walkthrough's sample Lambda event: made from the bundled sample contact, so that the contact
// it names, its instance and region agree with the sample, and so that the editor recognises it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ContactDocument } from '../../../src/contact/contactDocument';
import { findContactMentions, instanceHints, mentionTarget } from '../../../src/contact/contactMentions';
import { sampleLambdaEvent } from '../../../src/onboarding/sampleLambdaEvent';
import { repoRoot } from '../contact/samples';

const sample = JSON.parse(readFileSync(path.join(repoRoot(), 'media', 'sample-contact.json'), 'utf8')) as ContactDocument;
const sampleId = sample.Contact.Id as string;
const instanceId = '11111111-1111-4111-8111-111111111111';

describe('the sample Lambda event', () => {
  const text = sampleLambdaEvent(sample);
  const event = JSON.parse(text) as { Name: string; Details: { ContactData: Record<string, unknown> } };
  const data = event.Details.ContactData;

  it('is the event Amazon Connect sends a flow\'s Lambda function, naming the sample contact and its instance', () => {
    assert.equal(event.Name, 'ContactFlowEvent');
    assert.equal(data.ContactId, sampleId);
    assert.equal(data.InitialContactId, sample.Contact.InitialContactId);
    assert.equal(data.InstanceARN, `arn:aws:connect:us-east-1:123456789012:instance/${instanceId}`);
    assert.equal(data.Channel, 'VOICE');
    assert.equal(data.InitiationMethod, 'INBOUND');
    assert.match(String((data.Queue as { ARN: string }).ARN), new RegExp(`^arn:aws:connect:us-east-1:123456789012:instance/${instanceId}/queue/`));
    assert.ok(text.endsWith('}\n'), 'pretty JSON ending in a newline');
  });

  it('has its ContactId recognised, in the instance and region its InstanceARN names', () => {
    const mentions = findContactMentions(text);
    const contact = mentions.find((m) => text.lastIndexOf('"ContactId"', m.start) > text.lastIndexOf('\n', m.start));
    assert.ok(contact, `no ContactId mention in ${text}`);
    assert.equal(contact.contactId, sampleId);
    assert.deepEqual(mentionTarget(contact, instanceHints(text), contact.start), { contactId: sampleId, instanceId, region: 'us-east-1' });
  });

  it('refuses a contact without a contact ARN', () => {
    assert.throws(() => sampleLambdaEvent({ Contact: { Id: sampleId } }), /no valid contact ARN/);
  });
});
