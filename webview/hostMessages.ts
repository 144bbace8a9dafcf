// Checks a window message before the panel acts on it. The host is trusted, but other
// code in the page can post messages too, and a malformed one must not break the panel.
import { isTimeZone, parseContactRef, type HostMessage } from '../src/protocol/messages';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'contact': {
      const ok =
        parseContactRef(data.ref) !== undefined &&
        isObject(data.contact) &&
        isObject(data.contact.Contact) &&
        isString(data.fetchedAt) &&
        isTimeZone(data.timeZone) &&
        (data.origin === undefined || data.origin === 'fetched' || data.origin === 'cache' || data.origin === 'sample');
      return ok ? (data as HostMessage) : undefined;
    }
    case 'loading':
      return typeof data.loading === 'boolean' ? (data as HostMessage) : undefined;
    case 'error': {
      const e = data.error;
      const ok =
        isObject(e) &&
        isString(e.kind) &&
        isString(e.message) &&
        (e.hint === undefined || isString(e.hint)) &&
        (e.requestId === undefined || isString(e.requestId));
      return ok ? (data as HostMessage) : undefined;
    }
    case 'timeZone':
      return isTimeZone(data.timeZone) ? (data as HostMessage) : undefined;
    case 'preview':
      return typeof data.preview === 'boolean' ? (data as HostMessage) : undefined;
    default:
      return undefined;
  }
}
