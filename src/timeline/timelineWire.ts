// The Timeline as it crosses to the webview: its records (the events table's rows, each flow
// lane's marks) as columns, every string an index into one table of distinct strings. A long
// chat's 5,000 rows repeat the same flow ARN, contact ID, block and flow names on every row and
// each mark repeats its row's event ID: as objects the message was 3.7 MB and cloning it into the
// webview was a third of the Timeline's first render. `unpackTimeline(packTimeline(s))` equals `s`.
import type { FlowLane, LaneGroup, TimelineMark } from './timelineModel';
import type { TimelineRow, TimelineState } from './timelineState';

/** One field of every record: string indices (-1: absent), or plain values (null: absent). */
type PackedColumn = { s: number[] } | { v: unknown[] };

/** Records of one shape as columns. */
export interface PackedRecords {
  count: number;
  columns: Record<string, PackedColumn>;
}

type WireLane = Exclude<LaneGroup['lanes'][number], FlowLane> | (Omit<FlowLane, 'marks'> & { marks: PackedRecords });

export interface TimelineWire extends Omit<TimelineState, 'rows' | 'model'> {
  strings: string[];
  rows: PackedRecords;
  model: Omit<TimelineState['model'], 'groups'> & { groups: (Omit<LaneGroup, 'lanes'> & { lanes: WireLane[] })[] };
}

class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

function pack(records: readonly object[], table: StringTable): PackedRecords {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  const columns: Record<string, PackedColumn> = {};
  for (const key of keys) {
    const values = records.map((r) => (r as Record<string, unknown>)[key]);
    columns[key] = values.every((v) => v === undefined || typeof v === 'string')
      ? { s: values.map((v) => (v === undefined ? -1 : table.of(v))) }
      : { v: values.map((v) => (v === undefined ? null : v)) };
  }
  return { count: records.length, columns };
}

function unpack<T>(packed: PackedRecords, strings: readonly string[]): T[] {
  // Record by record, each one's fields set in the same order, so they share one shape.
  const keys = Object.keys(packed.columns);
  const indices = keys.map((k) => { const c = packed.columns[k]; return c && 's' in c ? c.s : undefined; });
  const values = keys.map((k) => { const c = packed.columns[k]; return c && 'v' in c ? c.v : undefined; });
  const records = new Array<T>(packed.count);
  for (let n = 0; n < packed.count; n++) {
    const record: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const s = indices[k];
      const i = s ? (s[n] ?? -1) : -1;
      const value = s ? (i >= 0 ? strings[i] : undefined) : values[k]?.[n];
      if (value !== undefined && value !== null) record[keys[k]] = value;
    }
    records[n] = record as T;
  }
  return records;
}

export function packTimeline(state: TimelineState): TimelineWire {
  const table = new StringTable();
  const { rows, model, ...rest } = state;
  const packedRows = pack(rows, table);
  const groups = model.groups.map((g) => ({ ...g, lanes: g.lanes.map((lane): WireLane => (lane.type === 'flow' ? { ...lane, marks: pack(lane.marks, table) } : lane)) }));
  return { ...rest, strings: table.strings, rows: packedRows, model: { ...model, groups } };
}

export function unpackTimeline(wire: TimelineWire): TimelineState {
  const { strings, rows, model, ...rest } = wire;
  const groups = model.groups.map((g) => ({
    ...g,
    lanes: g.lanes.map((lane) => (lane.type === 'flow' ? { ...lane, marks: unpack<TimelineMark>(lane.marks, strings) } : lane)),
  }));
  return { ...rest, rows: unpack<TimelineRow>(rows, strings), model: { ...model, groups } };
}

function isPackedRecords(value: unknown): value is PackedRecords {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<PackedRecords>;
  if (typeof p.count !== 'number' || typeof p.columns !== 'object' || p.columns === null) return false;
  return Object.values(p.columns as Record<string, unknown>).every((c) => {
    const col = c as { s?: unknown; v?: unknown } | null;
    const values = col && typeof col === 'object' ? (Array.isArray(col.s) ? col.s : col.v) : undefined;
    return Array.isArray(values) && values.length === p.count;
  });
}

/** The shape checks the webview's message validator makes (the values are the host's own). */
export function isTimelineWire(value: unknown): value is TimelineWire {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<Record<keyof TimelineWire, unknown>>;
  const model = t.model as { groups?: unknown } | undefined;
  return (t.mode === 'contact' || t.mode === 'chain') && typeof t.loading === 'boolean' && Array.isArray(t.strings) && isPackedRecords(t.rows) &&
    Array.isArray(t.notices) && typeof model === 'object' && model !== null && Array.isArray(model.groups);
}
