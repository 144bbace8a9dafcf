// Loads the contacts, instances, resources and log groups the local endpoint serves, from the bundled samples
// or a directory laid out the same way (<dir>/<instanceId>/<contactId>.json, DescribeContact bodies;
// optionally <dir>/instances.json, <dir>/resources.json and <dir>/logGroups.json).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { bundledDataDir } from './paths';
import { readLogGroups, type LogGroups } from './sampleLogs';
import { defaultSyntheticSeed, syntheticContacts, syntheticEventsBetween, syntheticLogGroup } from './synthetic';

/** A contact in wire form: JSON values only, timestamps as epoch seconds. */
export type WireContact = Record<string, unknown> & { Id: string };
/** An instance in wire form (DescribeInstance's Instance shape). */
export type WireInstance = Record<string, unknown> & { Id: string; Arn: string };

/** A resource or list entry in wire form (JSON values only, timestamps as epoch seconds). */
export type WireResource = Record<string, unknown>;

/** What an instance holds besides contacts: resources.json's value for one instance ID. */
export interface InstanceResources {
  /** DescribeQueue's Queue shapes. */
  Queues: WireResource[];
  /** DescribeUser's User shapes. */
  Users: WireResource[];
  /** DescribeUserHierarchyGroup's HierarchyGroup shapes. */
  HierarchyGroups: WireResource[];
  /** DescribeRoutingProfile's RoutingProfile shapes. */
  RoutingProfiles: WireResource[];
  /** DescribeContactFlow's ContactFlow shapes. */
  ContactFlows: WireResource[];
  /** contactId → ListContactEvaluations's EvaluationSummary entries. */
  Evaluations: Record<string, WireResource[]>;
  /** contactId → ListContactReferences's ReferenceSummary unions. */
  References: Record<string, WireResource[]>;
}

export interface EndpointData {
  instances: WireInstance[];
  /** instanceId → contactId → contact. */
  contacts: Map<string, Map<string, WireContact>>;
  /** instanceId → its resources (an instance without an entry has none). */
  resources: Map<string, InstanceResources>;
  /**
   * The CloudWatch Logs log groups (flow logs, Lambda logs), times shifted like the contacts'. Loaded on
   * first use: the long chat's loop alone is 5,000 events, and most callers never read logs.
   */
  logGroups(): LogGroups;
}

export interface LoadOptions {
  /** A directory of <instanceId>/<contactId>.json files; absent: the bundled samples. */
  contactsDir?: string;
  /** Shift every timestamp so the newest contact began an hour before `now`. */
  rebaseTimes?: boolean;
  /** Epoch milliseconds; defaults to the current time. */
  now?: number;
  /** Add this many deterministic contacts over the two years before `now` (synthetic.ts), with flow logs. */
  synthetic?: number;
  /** Their seed (default 1). */
  seed?: number;
}

const account = '123456789012';
const region = 'us-east-1';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readInstances(file: string): WireInstance[] {
  const json = readJson(file);
  if (!isObject(json) || !Array.isArray(json.Instances)) throw new Error(`${file}: expected {"Instances": [...]}`);
  return json.Instances as WireInstance[];
}

const resourceLists = ['Queues', 'Users', 'HierarchyGroups', 'RoutingProfiles', 'ContactFlows'] as const;

function readResources(file: string): Map<string, InstanceResources> {
  const json = readJson(file);
  if (!isObject(json)) throw new Error(`${file}: expected {"<instanceId>": {"Queues": [...], ...}}`);
  const out = new Map<string, InstanceResources>();
  for (const [instanceId, value] of Object.entries(json)) {
    const r = isObject(value) ? value : {};
    const list = (k: string) => (Array.isArray(r[k]) ? (r[k] as WireResource[]) : []);
    const byContact = (k: string) => (isObject(r[k]) ? (r[k] as Record<string, WireResource[]>) : {});
    out.set(instanceId, {
      ...(Object.fromEntries(resourceLists.map((k) => [k, list(k)])) as Pick<InstanceResources, (typeof resourceLists)[number]>),
      Evaluations: byContact('Evaluations'),
      References: byContact('References'),
    });
  }
  return out;
}

function readContacts(dir: string): Map<string, Map<string, WireContact>> {
  const byInstance = new Map<string, Map<string, WireContact>>();
  if (!existsSync(dir)) return byInstance;
  for (const instanceId of readdirSync(dir).sort()) {
    const instanceDir = path.join(dir, instanceId);
    if (!statSync(instanceDir).isDirectory()) continue;
    const contacts = new Map<string, WireContact>();
    for (const file of readdirSync(instanceDir).sort()) {
      if (!file.endsWith('.json')) continue;
      const json = readJson(path.join(instanceDir, file));
      // Accept both a DescribeContact body ({"Contact": {...}}) and a bare contact.
      const contact = (isObject(json) && isObject(json.Contact) ? json.Contact : json) as WireContact;
      const id = typeof contact.Id === 'string' ? contact.Id : file.replace(/\.json$/, '');
      contacts.set(id, contact);
    }
    byInstance.set(instanceId, contacts);
  }
  return byInstance;
}

function syntheticInstance(id: string): WireInstance {
  const alias = `local-${id.slice(0, 8)}`;
  return {
    Id: id,
    Arn: `arn:aws:connect:${region}:${account}:instance/${id}`,
    IdentityManagementType: 'CONNECT_MANAGED',
    InstanceAlias: alias,
    CreatedTime: 1735689600,
    InstanceStatus: 'ACTIVE',
    InboundCallsEnabled: true,
    OutboundCallsEnabled: true,
    InstanceAccessUrl: `https://${alias}.my.connect.aws`,
  };
}

/** Apply `fn` to every number stored under a key ending in `suffix` ("Timestamp" by default), at any depth. */
function mapTimestamps(value: unknown, fn: (t: number) => number, suffix = 'Timestamp'): unknown {
  if (Array.isArray(value)) return value.map((v) => mapTimestamps(v, fn, suffix));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k.endsWith(suffix) && typeof v === 'number' ? fn(v) : mapTimestamps(v, fn, suffix);
  }
  return out;
}

/** Seconds to add so the newest InitiationTimestamp lands an hour before `nowMs`. */
export function rebaseShiftSeconds(contacts: Iterable<WireContact>, nowMs: number): number {
  let newest = -Infinity;
  for (const c of contacts) {
    if (typeof c.InitiationTimestamp === 'number' && c.InitiationTimestamp > newest) newest = c.InitiationTimestamp;
  }
  if (!Number.isFinite(newest)) return 0;
  return Math.round(nowMs / 1000 - 3600 - newest);
}

export function shiftContact(contact: WireContact, shiftSeconds: number): WireContact {
  if (shiftSeconds === 0) return contact;
  return mapTimestamps(contact, (t) => Math.round((t + shiftSeconds) * 1000) / 1000) as WireContact;
}

/**
 * Evaluations happen after their contact, so they move with it (CreatedTime, LastModifiedTime,
 * Acknowledgement.AcknowledgedTime); the resources themselves keep their stored times, as instances do.
 */
function shiftEvaluations(resources: InstanceResources, shiftSeconds: number): InstanceResources {
  if (shiftSeconds === 0) return resources;
  const shift = (t: number) => Math.round((t + shiftSeconds) * 1000) / 1000;
  return { ...resources, Evaluations: mapTimestamps(resources.Evaluations, shift, 'Time') as InstanceResources['Evaluations'] };
}

export function loadEndpointData(opts: LoadOptions = {}): EndpointData {
  const bundled = bundledDataDir();
  const bundledInstances = readInstances(path.join(bundled, 'instances.json'));
  let instances: WireInstance[];
  let contacts: Map<string, Map<string, WireContact>>;
  // A contacts directory may bring its own resources; otherwise the bundled ones serve its instances.
  const ownResources = opts.contactsDir ? path.join(opts.contactsDir, 'resources.json') : undefined;
  const resources = readResources(ownResources && existsSync(ownResources) ? ownResources : path.join(bundled, 'resources.json'));
  if (opts.contactsDir) {
    contacts = readContacts(opts.contactsDir);
    const ownFile = path.join(opts.contactsDir, 'instances.json');
    if (existsSync(ownFile)) {
      instances = readInstances(ownFile);
    } else {
      instances = [...contacts.keys()].map((id) => bundledInstances.find((i) => i.Id === id) ?? syntheticInstance(id));
    }
  } else {
    contacts = readContacts(path.join(bundled, 'contacts'));
    instances = bundledInstances;
  }
  const rebase = opts.rebaseTimes ?? !opts.contactsDir;
  let shift = 0;
  if (rebase) {
    const all = [...contacts.values()].flatMap((m) => [...m.values()]);
    shift = rebaseShiftSeconds(all, opts.now ?? Date.now());
    for (const m of contacts.values()) for (const [id, c] of m) m.set(id, shiftContact(c, shift));
    for (const [id, r] of resources) resources.set(id, shiftEvaluations(r, shift));
  }
  // Synthetic contacts are made at "now" already: they are added after the rebase.
  let syntheticA: WireContact[] = [];
  if (opts.synthetic) {
    const made = syntheticContacts(opts.synthetic, opts.seed ?? defaultSyntheticSeed, Math.floor((opts.now ?? Date.now()) / 1000), resources);
    for (const [instanceId, list] of made) {
      let m = contacts.get(instanceId);
      if (!m) contacts.set(instanceId, (m = new Map<string, WireContact>()));
      for (const c of list) m.set(c.Id, c);
    }
    syntheticA = made.get(instances[0]?.Id ?? '') ?? [];
  }
  // Logs belong to their contacts: a contacts directory brings its own or has none. They move by the contacts' shift.
  const logsFile = path.join(opts.contactsDir ?? bundled, 'logGroups.json');
  let logGroups: LogGroups | undefined;
  const loadLogs = (): LogGroups => {
    const groups = readLogGroups(logsFile, shift * 1000);
    const flowLogs = groups.get(syntheticLogGroup);
    if (flowLogs && syntheticA.length > 0) flowLogs.eventsBetween = syntheticEventsBetween(syntheticA);
    return groups;
  };
  return { instances, contacts, resources, logGroups: () => (logGroups ??= loadLogs()) };
}

/** The bundled log groups, rebased like a server started at `now` (or as stored without it). */
export function loadSampleLogGroups(opts: { now?: number; rebaseTimes?: boolean } = {}): LogGroups {
  return loadEndpointData({ rebaseTimes: opts.rebaseTimes ?? opts.now !== undefined, now: opts.now }).logGroups();
}

export interface SampleContact {
  instanceId: string;
  contact: WireContact;
}

/**
 * The bundled sample contacts keyed by contact ID (IDs are unique across instances), for tests
 * that need the expected values. With `now`, timestamps are rebased like a server started then.
 */
export function loadSampleContacts(opts: { now?: number; rebaseTimes?: boolean } = {}): Map<string, SampleContact> {
  const data = loadEndpointData({ rebaseTimes: opts.rebaseTimes ?? opts.now !== undefined, now: opts.now });
  const out = new Map<string, SampleContact>();
  for (const [instanceId, m] of data.contacts) for (const [id, contact] of m) out.set(id, { instanceId, contact });
  return out;
}

/** One bundled sample contact exactly as stored (no rebasing). */
export function loadSampleContact(contactId: string): WireContact {
  const c = loadSampleContacts({ rebaseTimes: false }).get(contactId);
  if (!c) throw new Error(`No sample contact ${contactId}`);
  return c.contact;
}
