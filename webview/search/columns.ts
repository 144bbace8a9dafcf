// The columns of the two tables the search panel draws with ResultsTable: the search's contacts
// and the contacts a Logs Insights query found in the flow logs (Find Contacts in Flow Logs).
import { formatTimestamp } from '../../src/contact/format';
import { agentText, formatDuration, queueText, searchColumns, searchSortKey, type SearchColumn, type SearchRow } from '../../src/contact/searchRows';
import { insightsColumns, insightsSortKey, type InsightsColumn, type InsightsTableRow } from '../../src/timeline/insightsRows';
import type { TableColumn } from './resultsTable';

const searchWidths: Record<SearchColumn, string> = {
  channel: '70px',
  initiated: '190px',
  duration: '80px',
  queue: 'minmax(120px, 1fr)',
  agent: 'minmax(120px, 1fr)',
  initiationMethod: '130px',
  id: '300px',
};

function searchText(r: SearchRow, column: SearchColumn, timeZone: Parameters<typeof formatTimestamp>[1]): string {
  switch (column) {
    case 'channel': return r.channel;
    case 'initiated': return r.initiated ? formatTimestamp(r.initiated, timeZone) : '';
    case 'duration': return formatDuration(r.durationSeconds);
    case 'queue': return queueText(r);
    case 'agent': return agentText(r);
    case 'initiationMethod': return r.initiationMethod;
    case 'id': return r.id;
  }
}

export const searchTableColumns: readonly TableColumn<SearchRow>[] = searchColumns.map((c) => ({
  id: c.id,
  label: c.label,
  width: searchWidths[c.id],
  text: (r, timeZone) => searchText(r, c.id, timeZone),
  sortKey: (r) => searchSortKey(r, c.id),
  descendingFirst: c.id === 'initiated' || c.id === 'duration',
}));

const insightsWidths: Record<InsightsColumn, string> = {
  id: '300px',
  time: '215px',
  flow: 'minmax(140px, 1fr)',
  block: 'minmax(140px, 1fr)',
  result: 'minmax(140px, 1.2fr)',
  lines: '60px',
};

function insightsText(r: InsightsTableRow, column: InsightsColumn, timeZone: Parameters<typeof formatTimestamp>[1]): string {
  switch (column) {
    case 'id': return r.id;
    case 'time': return r.time ? formatTimestamp(r.time, timeZone) : '';
    case 'flow': return r.flow;
    case 'block': return r.blockLabel || r.block;
    case 'result': return r.result;
    case 'lines': return String(r.lines);
  }
}

export const insightsTableColumns: readonly TableColumn<InsightsTableRow>[] = insightsColumns.map((c) => ({
  id: c.id,
  label: c.label,
  width: insightsWidths[c.id],
  text: (r, timeZone) => insightsText(r, c.id, timeZone),
  // The block's type as the log writes it, and which block (its Identifier).
  ...(c.id === 'block' ? { title: (r: InsightsTableRow) => [r.blockLabel, r.block !== r.blockLabel ? r.block : '', r.identifier].filter(Boolean).join(' · ') } : {}),
  sortKey: (r) => insightsSortKey(r, c.id),
  descendingFirst: c.id === 'time' || c.id === 'lines',
}));
