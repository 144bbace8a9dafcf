// The search panel's criteria and the consecutive windows one search is split into. Pure.
//
// Limits, each with its source:
// - Results per page: SearchContacts' MaxResults is 1–100 (botocore's connect model,
//   data/connect/2017-08-08/service-2.json: SearchContactsRequest.MaxResults → shape MaxResult100,
//   {"min": 1, "max": 100}).
// - Searchable contact attributes: at most 15 keys (SearchableContactAttributesCriteriaList, max 15),
//   at most 20 values each (SearchableContactAttributeValueList, max 20), a key of 1–100 characters
//   (SearchableContactAttributeKey) and values of 0–100 (SearchableContactAttributeValue); queues and
//   agents at most 100 each (QueueIdList, AgentResourceIdList, max 100) — the same model.
// - Range per search: 8 weeks; results per search: 10,000; look-back: 2 years. The model's
//   documentation strings do not state these; the Amazon Connect Administrator Guide does, for
//   contact search (docs.aws.amazon.com/connect/latest/adminguide/contact-search.html, gathered in
//   /work/shared/CONNECT-FACTS.md), and contact records are kept 24 months from their initiation
//   (the DescribeContact page). So a longer range is split into windows of at most 8 weeks, a window
//   whose TotalCount passes 10,000 is halved (searchRun.ts), and a start before the look-back is
//   moved to it and said so.
// A criterion the service still refuses comes back as its own message, shown beside the field.

export const searchLimits = {
  pageSize: 100,
  windowMs: 8 * 7 * 24 * 3600_000,
  resultsPerSearch: 10_000,
  lookBackMs: 2 * 365 * 24 * 3600_000,
  attributeKeys: 15,
  attributeValues: 20,
  attributeKeyLength: 100,
  attributeValueLength: 100,
  queues: 100,
  agents: 100,
} as const;

/** A window is never halved below this: a minute holding 10,000 contacts is searched as it is. */
export const smallestWindowMs = 60_000;

export type TimestampType = 'INITIATION_TIMESTAMP' | 'SCHEDULED_TIMESTAMP' | 'CONNECTED_TO_AGENT_TIMESTAMP' | 'DISCONNECT_TIMESTAMP';
export const timestampTypes: readonly TimestampType[] = ['INITIATION_TIMESTAMP', 'SCHEDULED_TIMESTAMP', 'CONNECTED_TO_AGENT_TIMESTAMP', 'DISCONNECT_TIMESTAMP'];
export const timestampLabels: Record<TimestampType, string> = {
  INITIATION_TIMESTAMP: 'Initiation',
  SCHEDULED_TIMESTAMP: 'Scheduled',
  CONNECTED_TO_AGENT_TIMESTAMP: 'Connected to agent',
  DISCONNECT_TIMESTAMP: 'Disconnect',
};

export type Channel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
export const channels: readonly Channel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

/** ContactInitiationMethod (the model's enum). */
export const initiationMethods: readonly string[] = [
  'INBOUND', 'OUTBOUND', 'TRANSFER', 'QUEUE_TRANSFER', 'CALLBACK', 'API', 'DISCONNECT', 'MONITOR', 'EXTERNAL_OUTBOUND', 'WEBRTC_API', 'AGENT_REPLY', 'FLOW',
];

export type MatchType = 'MATCH_ALL' | 'MATCH_ANY' | 'MATCH_EXACT' | 'MATCH_NONE';
export const matchTypes: readonly MatchType[] = ['MATCH_ALL', 'MATCH_ANY', 'MATCH_EXACT', 'MATCH_NONE'];

export type SortOrder = 'ASCENDING' | 'DESCENDING';

export type RangeChoice =
  | { kind: 'preset'; preset: PresetId }
  /** ISO 8601 instants. */
  | { kind: 'absolute'; start: string; end: string };

export type PresetId = '1h' | '24h' | '7d' | '30d' | '90d' | '1y' | '2y';
export const presets: readonly { id: PresetId; label: string; ms: number }[] = [
  { id: '1h', label: 'Last hour', ms: 3600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 3600_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
  { id: '90d', label: 'Last 90 days', ms: 90 * 24 * 3600_000 },
  { id: '1y', label: 'Last year', ms: 365 * 24 * 3600_000 },
  { id: '2y', label: 'Last 2 years', ms: searchLimits.lookBackMs },
];

/** Everything the panel sends to search (and Export Contacts asks for). */
export interface ContactSearchCriteria {
  range: RangeChoice;
  timestamp: TimestampType;
  /** Empty: every channel. */
  channels: Channel[];
  initiationMethods: string[];
  queueIds: string[];
  agentIds: string[];
  attributes: { key: string; values: string[] }[];
  matchType: MatchType;
  sortOrder: SortOrder;
}

export function defaultCriteria(): ContactSearchCriteria {
  return { range: { kind: 'preset', preset: '24h' }, timestamp: 'INITIATION_TIMESTAMP', channels: [], initiationMethods: [], queueIds: [], agentIds: [], attributes: [], matchType: 'MATCH_ALL', sortOrder: 'DESCENDING' };
}

/** The field of the form a message concerns: the panel shows it beside that field. */
export type CriteriaField = 'range' | 'timestamp' | 'channels' | 'initiationMethods' | 'queues' | 'agents' | 'attributes' | 'sort' | 'form';

export interface FieldMessage {
  field: CriteriaField;
  message: string;
}

export interface ResolvedRange {
  start: number;
  end: number;
  /** Said beside the range when the start was moved to the look-back. */
  note?: string;
}

const lookBackMarginMs = 24 * 3600_000;

/**
 * The earliest instant a search started at `now` may ask for: a day inside the limit, since the
 * service measures 24 months back from when each window's request arrives, and a long search sends
 * its oldest window minutes after this.
 */
export function earliestSearchable(now: number): number {
  return now - searchLimits.lookBackMs + lookBackMarginMs;
}

/** The instants a choice covers at `now`, the start moved to the look-back if before it. */
export function resolveRange(range: RangeChoice, now: number): ResolvedRange | FieldMessage {
  let start: number;
  let end: number;
  if (range.kind === 'preset') {
    const preset = presets.find((p) => p.id === range.preset);
    if (!preset) return { field: 'range', message: `Unknown range "${String(range.preset)}".` };
    start = now - preset.ms;
    end = now;
  } else {
    start = Date.parse(range.start);
    end = Date.parse(range.end);
    if (Number.isNaN(start)) return { field: 'range', message: `The start "${range.start}" is not a date and time.` };
    if (Number.isNaN(end)) return { field: 'range', message: `The end "${range.end}" is not a date and time.` };
    if (end <= start) return { field: 'range', message: 'The end must be after the start.' };
  }
  const earliest = earliestSearchable(now);
  if (end <= earliest) return { field: 'range', message: 'Contact search looks back 2 years at most: the whole range is older than that.' };
  if (start < earliest) return { start: earliest, end, note: `Contacts are searchable for 2 years: searching from ${new Date(earliest).toISOString()}.` };
  return { start, end };
}

/** What the service would refuse, found before any call: each message beside its field. */
export function validateCriteria(c: ContactSearchCriteria, now: number): FieldMessage[] {
  const out: FieldMessage[] = [];
  const range = resolveRange(c.range, now);
  if ('field' in range) out.push(range);
  if (c.queueIds.length > searchLimits.queues) out.push({ field: 'queues', message: `At most ${searchLimits.queues} queues per search.` });
  if (c.agentIds.length > searchLimits.agents) out.push({ field: 'agents', message: `At most ${searchLimits.agents} agents per search.` });
  if (c.attributes.length > searchLimits.attributeKeys) out.push({ field: 'attributes', message: `At most ${searchLimits.attributeKeys} attribute keys per search.` });
  for (const a of c.attributes) {
    if (a.key.trim() === '') out.push({ field: 'attributes', message: 'Each attribute needs a key.' });
    else if (a.values.length === 0) out.push({ field: 'attributes', message: `The attribute "${a.key}" needs at least one value.` });
    else if (a.values.length > searchLimits.attributeValues) out.push({ field: 'attributes', message: `At most ${searchLimits.attributeValues} values for "${a.key}".` });
    // Checked here, not left to the service: its refusal quotes the value. The message never does.
    if (characters(a.key) > searchLimits.attributeKeyLength) {
      out.push({ field: 'attributes', message: `An attribute key is ${characters(a.key)} characters long: keys are at most ${searchLimits.attributeKeyLength}.` });
    } else {
      const long = a.values.find((v) => characters(v) > searchLimits.attributeValueLength);
      if (long !== undefined) out.push({ field: 'attributes', message: `A value of "${a.key}" is ${characters(long)} characters long: values are at most ${searchLimits.attributeValueLength}.` });
    }
  }
  return out;
}

/** A length as the model's limits count it (Smithy's length trait: Unicode code points, not UTF-16 units). */
function characters(text: string): number {
  return [...text].length;
}

export interface SearchWindow {
  start: number;
  end: number;
}

/**
 * Consecutive windows of at most `maxMs` covering [start, end], in the order the sort reads them:
 * newest first when descending. Each window's end is the next one's start: SearchContacts' range
 * is inclusive at both ends, so searchRun.ts drops a contact seen on the shared instant twice.
 */
export function splitRange(start: number, end: number, order: SortOrder, maxMs: number = searchLimits.windowMs): SearchWindow[] {
  const windows: SearchWindow[] = [];
  for (let s = start; s < end; s += maxMs) windows.push({ start: s, end: Math.min(end, s + maxMs) });
  if (windows.length === 0) windows.push({ start, end });
  return order === 'DESCENDING' ? windows.reverse() : windows;
}

/** A window in two halves, in the sort's order; undefined when it is already the smallest. */
export function halveWindow(w: SearchWindow, order: SortOrder): SearchWindow[] | undefined {
  if (w.end - w.start <= smallestWindowMs) return undefined;
  const mid = w.start + Math.floor((w.end - w.start) / 2);
  const halves = [{ start: w.start, end: mid }, { start: mid, end: w.end }];
  return order === 'DESCENDING' ? halves.reverse() : halves;
}

/** A count as people read it: 8,512. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1,240 of 8,512`, `1,240 of 8,512+` while windows are still to be counted. */
export function progressText(loaded: number, total: number | undefined, totalComplete: boolean): string {
  if (total === undefined) return `${formatCount(loaded)}`;
  return `${formatCount(loaded)} of ${formatCount(Math.max(total, loaded))}${totalComplete ? '' : '+'}`;
}

const isStringList = (v: unknown, max = 512): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= max);
/**
 * An attribute's key and values are typed or pasted by the person: this bound only keeps a message
 * sane. Past the service's 100 characters, validateCriteria says so beside the field; refusing the
 * message here would drop the search without a word.
 */
const maxTypedText = 32_768;
const isAttribute = (a: unknown): boolean =>
  typeof a === 'object' && a !== null && typeof (a as { key?: unknown }).key === 'string' &&
  (a as { key: string }).key.length <= maxTypedText && isStringList((a as { values?: unknown }).values, maxTypedText);

/** Checks criteria from the webview or a command's argument; undefined when malformed. */
export function parseCriteria(raw: unknown): ContactSearchCriteria | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Record<string, unknown>;
  const r = c.range as Record<string, unknown> | undefined;
  const rangeOk = typeof r === 'object' && r !== null &&
    ((r.kind === 'preset' && presets.some((p) => p.id === r.preset)) || (r.kind === 'absolute' && typeof r.start === 'string' && typeof r.end === 'string'));
  if (!rangeOk) return undefined;
  if (!timestampTypes.includes(c.timestamp as TimestampType)) return undefined;
  if (!isStringList(c.channels) || !c.channels.every((x) => channels.includes(x as Channel))) return undefined;
  if (!isStringList(c.initiationMethods) || !isStringList(c.queueIds) || !isStringList(c.agentIds)) return undefined;
  if (!Array.isArray(c.attributes) || !c.attributes.every(isAttribute)) return undefined;
  if (!matchTypes.includes(c.matchType as MatchType)) return undefined;
  if (c.sortOrder !== 'ASCENDING' && c.sortOrder !== 'DESCENDING') return undefined;
  return {
    range: r.kind === 'preset' ? { kind: 'preset', preset: r.preset as PresetId } : { kind: 'absolute', start: r.start as string, end: r.end as string },
    timestamp: c.timestamp as TimestampType,
    channels: [...(c.channels as Channel[])],
    initiationMethods: [...c.initiationMethods],
    queueIds: [...c.queueIds],
    agentIds: [...c.agentIds],
    attributes: (c.attributes as { key: string; values: string[] }[]).map((a) => ({ key: a.key, values: [...a.values] })),
    matchType: c.matchType as MatchType,
    sortOrder: c.sortOrder,
  };
}

/** The field a service error concerns, from the member it names (InvalidParameterException's message). */
export function fieldOfServiceMessage(message: string): CriteriaField {
  const rules: [RegExp, CriteriaField][] = [
    [/TimeRange|StartTime|EndTime|time range|look ?back/i, 'range'],
    [/SearchableContactAttributes|attribute/i, 'attributes'],
    [/QueueIds|queue/i, 'queues'],
    [/AgentIds|agent/i, 'agents'],
    [/InitiationMethods/i, 'initiationMethods'],
    [/Channels|channel/i, 'channels'],
    [/Sort/i, 'sort'],
  ];
  return rules.find(([re]) => re.test(message))?.[1] ?? 'form';
}
