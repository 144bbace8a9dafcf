// The typed messages between the host and the search panel's webview, and their validators
// (the contact panel's are in messages.ts). Types and pure checks only: both bundles import it.
// Every message from the webview is checked with `parseSearchWebviewMessage` before use.
import { parseCriteria, type ContactSearchCriteria, type FieldMessage } from '../contact/searchWindows';
import type { SearchRow } from '../contact/searchRows';

export interface NamedOption {
  id: string;
  name: string;
}

/** What the panel shows about the search in progress. */
export interface SearchStatus {
  searchId: number;
  loaded: number;
  total?: number;
  totalComplete: boolean;
  running: boolean;
  cancelled?: boolean;
  /** Said under the criteria: the range moved to the look-back, an error that concerns no field. */
  note?: string;
  error?: string;
}

export type SearchHostMessage =
  | { type: 'init'; title: string; criteria: ContactSearchCriteria; timeZone: 'local' | 'utc' }
  /** Queues and agents to choose by name; `error` says why a list is missing (ListQueues denied, …). */
  | { type: 'options'; queues: NamedOption[]; agents: NamedOption[]; queuesError?: string; agentsError?: string }
  /** Rows of the search `searchId`, appended to what it already has. */
  | { type: 'rows'; searchId: number; rows: SearchRow[] }
  | { type: 'status'; status: SearchStatus }
  /** Names of queues and agents found since the last, by ID. */
  | { type: 'names'; queues: Record<string, string>; agents: Record<string, string> }
  /** The service's or the form's messages, each shown beside its field; none clears them. */
  | { type: 'fieldErrors'; errors: FieldMessage[] };

export type ExportFormatChoice = 'csv' | 'jsonl';

export type SearchWebviewMessage =
  | { type: 'ready' }
  | { type: 'search'; criteria: ContactSearchCriteria }
  | { type: 'cancel' }
  | { type: 'open'; contactId: string }
  | { type: 'compare'; contactIds: [string, string] }
  | { type: 'pin'; contactIds: string[] }
  | { type: 'export'; format: ExportFormatChoice };

/** Contact IDs are UUIDs; anything longer or stranger is not one. */
const isContactId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,256}$/.test(v);

export function parseSearchWebviewMessage(raw: unknown): SearchWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'cancel':
      return { type: m.type };
    case 'search': {
      const criteria = parseCriteria(m.criteria);
      return criteria ? { type: 'search', criteria } : undefined;
    }
    case 'open':
      return isContactId(m.contactId) ? { type: 'open', contactId: m.contactId } : undefined;
    case 'compare':
      return Array.isArray(m.contactIds) && m.contactIds.length === 2 && m.contactIds.every(isContactId) ? { type: 'compare', contactIds: [m.contactIds[0], m.contactIds[1]] } : undefined;
    case 'pin':
      return Array.isArray(m.contactIds) && m.contactIds.length > 0 && m.contactIds.length <= 1000 && m.contactIds.every(isContactId) ? { type: 'pin', contactIds: [...m.contactIds] } : undefined;
    case 'export':
      return m.format === 'csv' || m.format === 'jsonl' ? { type: 'export', format: m.format } : undefined;
    default:
      return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a host message in the webview (other code in the page may post too). */
export function parseSearchHostMessage(raw: unknown): SearchHostMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'init':
      return typeof raw.title === 'string' && parseCriteria(raw.criteria) && (raw.timeZone === 'local' || raw.timeZone === 'utc') ? (raw as SearchHostMessage) : undefined;
    case 'options':
      return Array.isArray(raw.queues) && Array.isArray(raw.agents) ? (raw as SearchHostMessage) : undefined;
    case 'rows':
      return typeof raw.searchId === 'number' && Array.isArray(raw.rows) && raw.rows.every((r) => isRecord(r) && typeof r.id === 'string') ? (raw as SearchHostMessage) : undefined;
    case 'status':
      return isRecord(raw.status) && typeof raw.status.searchId === 'number' && typeof raw.status.loaded === 'number' ? (raw as SearchHostMessage) : undefined;
    case 'names':
      return isRecord(raw.queues) && isRecord(raw.agents) ? (raw as SearchHostMessage) : undefined;
    case 'fieldErrors':
      return Array.isArray(raw.errors) && raw.errors.every((e) => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string') ? (raw as SearchHostMessage) : undefined;
    default:
      return undefined;
  }
}
