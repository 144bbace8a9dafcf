// One fetch per contact, shared by the panel, the explorer, Describe Contact and the copy actions:
// each is given this cache (extension.ts), so a contact one of them fetched opens at once in the others.
import type { ConnectService } from '../aws/connectService';
import type { ContactRef, RequestPriority } from '../aws/types';
import { toContactDocument, type ContactDocument } from '../contact/contactDocument';
import { contactKey } from '../contact/contactIdentity';

const maxCached = 100;

export class ContactDocumentCache {
  private readonly documents = new Map<string, ContactDocument>();
  private readonly inFlight = new Map<string, Promise<ContactDocument>>();
  private readonly fetchedTimes = new WeakMap<ContactDocument, string>();

  constructor(private readonly connect: () => ConnectService) {}

  /** The cached contact, without a call. */
  peek(ref: ContactRef): ContactDocument | undefined {
    return this.documents.get(contactKey(ref));
  }

  /** When a cached document was fetched (ISO 8601), so a panel opened from the cache can say so. */
  fetchedAt(doc: ContactDocument): string | undefined {
    return this.fetchedTimes.get(doc);
  }

  /** Stores a document fetched elsewhere (or restored from a panel's saved state). */
  put(ref: ContactRef, doc: ContactDocument): void {
    const key = contactKey(ref);
    this.documents.delete(key);
    this.documents.set(key, doc);
    while (this.documents.size > maxCached) {
      const oldest = this.documents.keys().next().value;
      if (oldest === undefined) break;
      this.documents.delete(oldest);
    }
  }

  /**
   * The contact, fetched on first use; `force` refetches. Throws ConnectServiceError. `priority`:
   * 'interactive' (a person waits) unless said otherwise, e.g. a linked contact the chain describes.
   */
  async get(ref: ContactRef, options: { force?: boolean; signal?: AbortSignal; priority?: RequestPriority } = {}): Promise<ContactDocument> {
    const key = contactKey(ref);
    const cached = this.documents.get(key);
    if (cached && !options.force) return cached;
    const pending = !options.force && !options.signal ? this.inFlight.get(key) : undefined;
    if (pending) return pending;
    const fetch = this.connect()
      .describeContact(ref, options.signal, options.priority ? { priority: options.priority } : undefined)
      .then(({ output }) => {
        const doc = toContactDocument(output);
        this.fetchedTimes.set(doc, new Date().toISOString());
        this.put(ref, doc);
        return doc;
      })
      .finally(() => {
        if (this.inFlight.get(key) === fetch) this.inFlight.delete(key);
      });
    // A fetch the caller may cancel is not shared: cancelling it must not fail anyone else.
    if (!options.signal) this.inFlight.set(key, fetch);
    return fetch;
  }
}
