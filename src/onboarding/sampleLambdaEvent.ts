// A Lambda test event for the walkthrough's "hover a contact ID" step: the input Amazon Connect
// sends to a function a flow invokes (the shape of the console's test template), made from the
// bundled sample contact so that its IDs, instance and queue agree with the sample. No vscode.
import { instanceArn, parseContactInput } from '../aws/ids';
import type { ContactDocument, JsonObject, JsonValue } from '../contact/contactDocument';

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function object(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/**
 * The event as pretty JSON. `Details.ContactData.ContactId` is the contact (keyed, so the editor
 * recognises it) and `InstanceARN` names its instance, which a hover uses before the active one.
 * Throws when the contact has no valid contact ARN: the bundled sample always has one.
 */
export function sampleLambdaEvent(doc: ContactDocument): string {
  const contact = object(doc.Contact) ?? {};
  const parsed = parseContactInput(text(contact.Arn) ?? '');
  if (!parsed.ok || !parsed.arn || !parsed.instanceId) throw new Error(`The sample contact has no valid contact ARN: ${parsed.ok ? 'no instance' : parsed.message}`);
  const instance = instanceArn(parsed.arn, parsed.instanceId);
  const queueId = text(object(contact.QueueInfo)?.Id);
  const endpoint = (value: JsonValue | undefined) => {
    const e = object(value);
    return e ? { Address: text(e.Address) ?? null, Type: text(e.Type) ?? null } : null;
  };
  const event = {
    Details: {
      ContactData: {
        Attributes: object(contact.Attributes) ?? {},
        Channel: text(contact.Channel) ?? 'VOICE',
        ContactId: parsed.contactId,
        CustomerEndpoint: endpoint(contact.CustomerEndpoint),
        InitialContactId: text(contact.InitialContactId) ?? parsed.contactId,
        InitiationMethod: text(contact.InitiationMethod) ?? 'INBOUND',
        InstanceARN: instance,
        PreviousContactId: text(contact.PreviousContactId) ?? parsed.contactId,
        // The contact record has the queue's ID, not its name: the ARN alone, as in an event without the name.
        Queue: queueId ? { ARN: `${instance}/queue/${queueId}` } : null,
        SystemEndpoint: endpoint(contact.SystemEndpoint),
      },
      Parameters: { sampleParameter: 'sample value' },
    },
    Name: 'ContactFlowEvent',
  };
  return `${JSON.stringify(event, null, 2)}\n`;
}
