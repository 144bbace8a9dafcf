// A contact ID or ARN typed where a contact is picked (Compare Contacts): which contact it is. Pure.
import { parseContactInput } from '../aws/ids';
import type { AccountTarget, ContactRef } from '../aws/types';

export type TypedContact = { ok: true; ref: ContactRef; warning?: string } | { ok: false; message: string };

/**
 * An ARN names its instance and region (the profile is `base`'s, as Describe Contact does); a bare
 * ID is taken to be in `base`'s instance, the other contact's or the latest lookup's.
 */
export function typedContactRef(text: string, base: AccountTarget & { instanceId?: string }): TypedContact {
  const parsed = parseContactInput(text);
  if (!parsed.ok) return parsed;
  if (parsed.instanceId && parsed.arn) {
    return { ok: true, ref: { profile: base.profile, region: parsed.arn.region, instanceId: parsed.instanceId, contactId: parsed.contactId }, warning: parsed.warning };
  }
  if (!base.instanceId) {
    return { ok: false, message: 'No open or recent contact names an instance to look this ID up in: paste the contact ARN (…:instance/ID/contact/ID).' };
  }
  return { ok: true, ref: { profile: base.profile, region: base.region, instanceId: base.instanceId, contactId: parsed.contactId }, warning: parsed.warning };
}
