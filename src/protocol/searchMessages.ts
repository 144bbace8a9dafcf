// The typed messages between the host and the search panel's webview, and their validators
// (the contact panel's are in messages.ts). Types and pure checks only: both bundles import it.
// Every message from the webview is checked with `parseSearchWebviewMessage` before use.
import { parseCriteria, type ContactSearchCriteria, type FieldMessage } from '../contact/searchWindows';
import type { SearchRow } from '../contact/searchRows';
import type { InsightsTableRow } from '../timeline/insightsRows';

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

/** Find Contacts in Flow Logs: what the panel's heading says about the query it shows. */
export interface InsightsHeading {
  /** The template's name, or "Custom query". */
  template: string;
  instance: string;
  query: string;
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
}

/** Starting: before the first GetQueryResults; then the service's own status. */
export type InsightsPhase = 'Starting' | 'Scheduled' | 'Running' | 'Complete' | 'Cancelled' | 'Failed';

/** What the person can do about a problem; each is a button in the panel. */
export type InsightsAction = 'editQuery' | 'rerun' | 'flowLogSettings';
export const insightsActions: readonly InsightsAction[] = ['editQuery', 'rerun', 'flowLogSettings'];

/** Why the table is empty or stopped, and what to do about it. */
export interface InsightsProblem {
  kind: 'noResults' | 'noLogGroup' | 'accessDenied' | 'malformedQuery' | 'timeout' | 'cancelled' | 'failed';
  title: string;
  message: string;
  /** What to do, in words. */
  fix: string;
  /** MalformedQueryException: the service's words and where in the query (shown beside it). */
  queryError?: { message: string; startCharOffset?: number; endCharOffset?: number };
  actions: InsightsAction[];
}

export interface InsightsRunStatus {
  searchId: number;
  phase: InsightsPhase;
  /** Known once the instance's alias is (DescribeInstance) or the setting names it. */
  logGroup?: string;
  contacts: number;
  lines: number;
  recordsScanned?: number;
  recordsMatched?: number;
  problem?: InsightsProblem;
}

export type SearchHostMessage =
  | { type: 'init'; title: string; criteria: ContactSearchCriteria; timeZone: 'local' | 'utc' }
  /** The panel shows a Logs Insights query's contacts (no criteria form); sent again when the query changes. */
  | { type: 'insightsInit'; heading: InsightsHeading; timeZone: 'local' | 'utc' }
  /** Every contact the query `searchId` has found so far: replaces the table's rows (GetQueryResults returns all rows each time). */
  | { type: 'insightsRows'; searchId: number; rows: InsightsTableRow[] }
  | { type: 'insightsStatus'; status: InsightsRunStatus }
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
  | { type: 'export'; format: ExportFormatChoice }
  | { type: 'copyIds'; contactIds: string[] }
  | { type: 'insightsAction'; action: InsightsAction };

/** Contacts one action takes: pins are kept in the explorer; an Insights query returns at most 10,000 rows to copy. */
const maxSelected = { pin: 1000, copyIds: 10_000 } as const;

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
    case 'copyIds':
      return Array.isArray(m.contactIds) && m.contactIds.length > 0 && m.contactIds.length <= maxSelected[m.type] && m.contactIds.every(isContactId) ? { type: m.type, contactIds: [...m.contactIds] } : undefined;
    case 'insightsAction':
      return (insightsActions as readonly unknown[]).includes(m.action) ? { type: 'insightsAction', action: m.action as InsightsAction } : undefined;
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
    case 'insightsInit':
      return isRecord(raw.heading) && typeof raw.heading.query === 'string' && typeof raw.heading.template === 'string' && typeof raw.heading.startMs === 'number' && typeof raw.heading.endMs === 'number' && (raw.timeZone === 'local' || raw.timeZone === 'utc') ? (raw as SearchHostMessage) : undefined;
    case 'insightsRows':
      return typeof raw.searchId === 'number' && Array.isArray(raw.rows) && raw.rows.every((r) => isRecord(r) && typeof r.id === 'string' && typeof r.time === 'string') ? (raw as SearchHostMessage) : undefined;
    case 'insightsStatus':
      return isRecord(raw.status) && typeof raw.status.searchId === 'number' && typeof raw.status.phase === 'string' && typeof raw.status.contacts === 'number' && (raw.status.problem === undefined || (isRecord(raw.status.problem) && typeof raw.status.problem.message === 'string' && Array.isArray(raw.status.problem.actions))) ? (raw as SearchHostMessage) : undefined;
    case 'fieldErrors':
      return Array.isArray(raw.errors) && raw.errors.every((e) => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string') ? (raw as SearchHostMessage) : undefined;
    default:
      return undefined;
  }
}
