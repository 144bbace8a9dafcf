// One row of Find Contacts in Flow Logs' table: a contact, with its newest matching flow-log line
// (time, flow, block, result) and how many lines matched. One row per contact, so selecting,
// comparing and pinning work by contact ID as in the search's table. Pure: host and webview use it.
import { blockLabel } from './blockTypes';
import { contactsOfRows, type InsightsRow } from './insightsTemplates';

export interface InsightsTableRow {
  /** The contact ID. */
  id: string;
  /** ISO 8601 (UTC): the newest matching line's @timestamp. */
  time: string;
  flow: string;
  /** ContactFlowModuleType as the log writes it; `blockLabel` is what the flow designer calls it. */
  block: string;
  blockLabel: string;
  /** The block's Identifier. */
  identifier: string;
  result: string;
  /** Matching lines of this contact. */
  lines: number;
}

/** GetQueryResults' rows read (parseInsightsResults) as table rows, newest contact first. */
export function insightsTableRows(rows: readonly InsightsRow[]): InsightsTableRow[] {
  return contactsOfRows(rows).map(({ row, matches }) => ({
    id: row.contactId,
    time: row.timestamp,
    flow: row.flow ?? '',
    block: row.block ?? '',
    blockLabel: row.block ? blockLabel(row.block) : '',
    identifier: row.identifier ?? '',
    result: row.result ?? '',
    lines: matches,
  }));
}

export type InsightsColumn = 'id' | 'time' | 'flow' | 'block' | 'result' | 'lines';

export const insightsColumns: readonly { id: InsightsColumn; label: string }[] = [
  { id: 'id', label: 'Contact ID' },
  { id: 'time', label: 'Time' },
  { id: 'flow', label: 'Flow' },
  { id: 'block', label: 'Block' },
  { id: 'result', label: 'Result' },
  { id: 'lines', label: 'Lines' },
];

export function insightsSortKey(r: InsightsTableRow, column: InsightsColumn): string | number {
  switch (column) {
    case 'id': return r.id;
    case 'time': return r.time;
    case 'flow': return r.flow.toLowerCase();
    case 'block': return r.blockLabel.toLowerCase();
    case 'result': return r.result.toLowerCase();
    case 'lines': return r.lines;
  }
}

/** `2026-11-20 07:00 – 2026-11-21 07:00 UTC`: the range a query covered, as the title says it. */
export function insightsRangeText(startMs: number, endMs: number): string {
  const f = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${f(startMs)} – ${f(endMs)} UTC`;
}
