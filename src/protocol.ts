// The one typed message protocol between the extension host and the contact panel
// webview. Types only: imported by both bundles. Every message from the webview is
// checked with `parseWebviewMessage` on the host before use.

import type { ContactDocument } from './contact/contactDocument';
import type { PathSegment } from './contact/fieldNode';

export type TimeZoneChoice = 'local' | 'utc';

/** What the webview may know about where a contact came from. No credentials. */
export interface PanelContactRef {
  instanceId: string;
  contactId: string;
  region: string;
  profile: string;
}

export interface PanelError {
  kind: string;
  message: string;
  hint?: string;
  requestId?: string;
}

/** Saved by the webview with `setState`; restored by the panel serializer without a new call. */
export interface PanelState {
  ref: PanelContactRef;
  contact: ContactDocument;
  fetchedAt: string;
  timeZone: TimeZoneChoice;
  filter?: string;
  expanded?: string[];
}

// ---- host -> webview ----
export type HostMessage =
  | { type: 'contact'; ref: PanelContactRef; contact: ContactDocument; fetchedAt: string; timeZone: TimeZoneChoice }
  | { type: 'loading'; loading: boolean }
  | { type: 'error'; error: PanelError }
  | { type: 'timeZone'; timeZone: TimeZoneChoice }
  /** Keyboard shortcuts and menus act on the selected row: the host asks for it. */
  | { type: 'runOnSelection'; action: RowAction };

export type RowAction = 'copyValue' | 'copyPath' | 'copyJson' | 'insert' | 'copyCli';

// ---- webview -> host ----
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rowAction'; action: RowAction; path: PathSegment[] }
  | { type: 'openContact'; contactId: string }
  | { type: 'refresh' }
  | { type: 'openJson' }
  | { type: 'setTimeZone'; timeZone: TimeZoneChoice };

const rowActions: readonly RowAction[] = ['copyValue', 'copyPath', 'copyJson', 'insert', 'copyCli'];

function isPath(value: unknown): value is PathSegment[] {
  return (
    Array.isArray(value) &&
    value.length <= 256 &&
    value.every((s) => (typeof s === 'string' && s.length <= 1024) || (Number.isInteger(s) && (s as number) >= 0))
  );
}

/** Validates a message from the webview; anything malformed becomes undefined and is dropped. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'openJson':
      return { type: m.type };
    case 'rowAction':
      return rowActions.includes(m.action as RowAction) && isPath(m.path)
        ? { type: 'rowAction', action: m.action as RowAction, path: m.path }
        : undefined;
    case 'openContact':
      // Only an ID (the API's 1–256 characters of an ID's alphabet): never an ARN, a URL or text.
      return typeof m.contactId === 'string' && /^[A-Za-z0-9_-]{1,256}$/.test(m.contactId)
        ? { type: 'openContact', contactId: m.contactId }
        : undefined;
    case 'setTimeZone':
      return m.timeZone === 'local' || m.timeZone === 'utc' ? { type: 'setTimeZone', timeZone: m.timeZone } : undefined;
    default:
      return undefined;
  }
}
