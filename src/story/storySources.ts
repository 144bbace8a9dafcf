// Binds the story's calls to one contact: the Connect service (through its scheduler), the
// in-memory name cache (per profile·region·instance) and the shared contact cache.
import type { ConnectService } from '../aws/connectService';
import { toErrorInfo } from '../aws/errors';
import type { ContactRef, RequestPriority } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import type { StorySources } from './enrichContact';
import type { ResourceNames } from './resourceNames';

export interface StorySourceDeps {
  connect(): ConnectService;
  names: ResourceNames;
  /** The shared contact cache: a linked contact described here opens at once from the chain. */
  contact(ref: ContactRef, signal: AbortSignal, priority: RequestPriority): Promise<ContactDocument>;
}

export function storySources(ref: ContactRef, deps: StorySourceDeps): StorySources {
  return {
    describeResource: (kind, id, signal, priority) => deps.names.describe(ref, kind, id, { signal, priority }),
    instance: (signal) => deps.names.instance(ref, signal),
    attributes: (initialContactId, signal) => deps.connect().getContactAttributes(ref, ref.instanceId, initialContactId, signal),
    associated: (signal) => deps.connect().listAssociatedContacts(ref, signal),
    describeContact: async (contactId, signal, priority) => (await deps.contact({ ...ref, contactId }, signal, priority)).Contact,
    references: (signal) => deps.connect().listContactReferences(ref, signal),
    evaluations: (signal) => deps.connect().listContactEvaluations(ref, signal),
    failure: (error) => {
      const info = toErrorInfo(error);
      return { kind: info.kind, message: info.message };
    },
  };
}
