// One row of the search results: what the table shows and the CSV holds, built from a
// SearchContacts summary and the names of its queue and agent. Pure.
//
// No disconnect reason column: SearchContacts' ContactSearchSummary has no DisconnectReason member
// (botocore's connect model, ContactSearchSummary: Arn, Id, InitialContactId, PreviousContactId,
// InitiationMethod, Channel, QueueInfo, AgentInfo, InitiationTimestamp, DisconnectTimestamp,
// ScheduledTimestamp, SegmentAttributes, Name, RoutingCriteria, Tags, GlobalResiliencyMetadata),
// and a DescribeContact per row would spend the account's budget on a column.
import type { ContactSummary } from '../aws/types';

export interface SearchRow {
  id: string;
  channel: string;
  initiationMethod: string;
  /** ISO 8601, or '' */
  initiated: string;
  disconnected: string;
  /** Seconds from initiation to disconnect; undefined while it is live or unknown. */
  durationSeconds?: number;
  queueId: string;
  queueName: string;
  agentId: string;
  agentName: string;
}

/** The summary fields a row needs (types only: src/aws/types.ts holds no code). */
export type RowSource = Pick<ContactSummary, 'id' | 'channel' | 'initiationMethod' | 'initiationTimestamp' | 'disconnectTimestamp' | 'queueId' | 'agentId'>;

export function toSearchRow(c: RowSource, names: { queue?: string; agent?: string } = {}): SearchRow {
  const start = c.initiationTimestamp ? Date.parse(c.initiationTimestamp) : NaN;
  const end = c.disconnectTimestamp ? Date.parse(c.disconnectTimestamp) : NaN;
  return {
    id: c.id,
    channel: c.channel ?? '',
    initiationMethod: c.initiationMethod ?? '',
    initiated: c.initiationTimestamp ?? '',
    disconnected: c.disconnectTimestamp ?? '',
    durationSeconds: Number.isFinite(start) && Number.isFinite(end) && end >= start ? Math.round((end - start) / 1000) : undefined,
    queueId: c.queueId ?? '',
    queueName: names.queue ?? '',
    agentId: c.agentId ?? '',
    agentName: names.agent ?? '',
  };
}

export type SearchColumn = 'channel' | 'initiated' | 'duration' | 'queue' | 'agent' | 'initiationMethod' | 'id';
export const searchColumns: readonly { id: SearchColumn; label: string }[] = [
  { id: 'channel', label: 'Channel' },
  { id: 'initiated', label: 'Initiated' },
  { id: 'duration', label: 'Duration' },
  { id: 'queue', label: 'Queue' },
  { id: 'agent', label: 'Agent' },
  { id: 'initiationMethod', label: 'Initiation method' },
  { id: 'id', label: 'Contact ID' },
];

/** `4:05`, `1:02:03`; '' when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A name, else the ID (a name not yet known, or not allowed to be read). */
export const queueText = (r: SearchRow): string => r.queueName || r.queueId;
export const agentText = (r: SearchRow): string => r.agentName || r.agentId;

export function searchSortKey(r: SearchRow, column: SearchColumn): string | number {
  switch (column) {
    case 'channel': return r.channel;
    case 'initiated': return r.initiated;
    case 'duration': return r.durationSeconds ?? -1;
    case 'queue': return queueText(r).toLowerCase();
    case 'agent': return agentText(r).toLowerCase();
    case 'initiationMethod': return r.initiationMethod;
    case 'id': return r.id;
  }
}

/** Row indexes in the column's order (stable: ties keep the service's order). */
export function sortedOrder(rows: readonly SearchRow[], column: SearchColumn, descending: boolean): Uint32Array {
  return sortedOrderBy(rows, (r) => searchSortKey(r, column), descending);
}

/** Row indexes in the order of a key (stable): the search's table and the Insights table sort with it. */
export function sortedOrderBy<R>(rows: readonly R[], key: (row: R) => string | number, descending: boolean): Uint32Array {
  const keys = rows.map(key);
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const dir = descending ? -1 : 1;
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    return x < y ? -dir : x > y ? dir : a - b;
  });
  return order;
}

/** The CSV's columns: the table's, with the IDs behind the names and the disconnect time. */
export const csvHeader: readonly string[] = ['Contact ID', 'Channel', 'Initiated', 'Disconnected', 'Duration (s)', 'Queue', 'Queue ID', 'Agent', 'Agent ID', 'Initiation method'];

/** The contact ID comes first: resuming an export reads it back from each line (exportResume.ts). */
export function csvCellsOf(r: SearchRow): string[] {
  return [r.id, r.channel, r.initiated, r.disconnected, r.durationSeconds === undefined ? '' : String(r.durationSeconds), r.queueName, r.queueId, r.agentName, r.agentId, r.initiationMethod];
}
