// Which contact a thing is about: the one identity rule for panels, the fetch cache, the history,
// the copy actions and the webview. Two refs are the same contact only in the same account
// context (profile, region, instance): the same ID elsewhere is another record.

/** The four names that identify a contact; structurally a ContactRef or a panel's ref. */
export interface ContactIdentity {
  profile: string;
  region: string;
  instanceId: string;
  contactId: string;
}

/** A map key for a contact. */
export function contactKey(ref: ContactIdentity): string {
  return [ref.profile, ref.region, ref.instanceId, ref.contactId].join('\u0000');
}

export function sameContact(a: ContactIdentity, b: ContactIdentity): boolean {
  return contactKey(a) === contactKey(b);
}
