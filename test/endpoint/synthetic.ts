// `--synthetic N`: N deterministic contacts (from a seed) spread over the two years before now, across the
// sample instances A and B, their queues, agents (with their hierarchy), flows, channels and initiation
// methods, with contact attributes; and, for instance A, flow logs generated per query (eventsBetween)
// rather than stored: 100,000 contacts would be a million log lines.
import { createHash } from 'node:crypto';
import { seededRandom } from './faults';
import type { InstanceResources, WireContact, WireResource } from './sampleData';
import { flowLogIds, sampleIds } from './sampleIds';
import type { LogEvent } from './sampleLogs';

export const defaultSyntheticSeed = 1;

const region = 'us-east-1';
const twoYearsSeconds = 730 * 86400;

const channels = ['VOICE', 'VOICE', 'VOICE', 'CHAT', 'CHAT', 'TASK', 'EMAIL'];
const methodsBy: Record<string, string[]> = {
  VOICE: ['INBOUND', 'INBOUND', 'INBOUND', 'OUTBOUND', 'TRANSFER', 'CALLBACK', 'QUEUE_TRANSFER'],
  CHAT: ['API', 'API', 'TRANSFER'],
  TASK: ['API', 'TRANSFER'],
  EMAIL: ['INBOUND', 'OUTBOUND'],
};
const intents = ['CardDecline', 'Billing', 'Delivery', 'Cancel', 'Upgrade', 'PasswordReset'];
const tiers = ['bronze', 'silver', 'gold', 'platinum'];
const disconnectReasons = ['CUSTOMER_DISCONNECT', 'AGENT_DISCONNECT', 'CONTACT_FLOW_DISCONNECT'];

/** A UUID (version 4 form) from the seed and index: the same contact on every run. */
function syntheticId(seed: number, i: number): string {
  const h = createHash('sha1').update(`synthetic/${seed}/${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Pools {
  queues: string[];
  agents: { id: string; groups: Record<string, { Arn: string }> }[];
}

const levelNames: [string, string][] = [
  ['LevelOne', 'Level1'],
  ['LevelTwo', 'Level2'],
  ['LevelThree', 'Level3'],
  ['LevelFour', 'Level4'],
  ['LevelFive', 'Level5'],
];

/** The plain (not hostile) queues and agents of an instance, each agent with its hierarchy path as AgentInfo names it. */
function pools(resources: InstanceResources | undefined): Pools {
  const plain = /^[0-9a-f-]{36}$/;
  const groups = new Map((resources?.HierarchyGroups ?? []).map((g) => [String(g.Id), g]));
  const queues = (resources?.Queues ?? []).map((q) => String(q.QueueId)).filter((id) => plain.test(id));
  const agents = (resources?.Users ?? [])
    .filter((u) => plain.test(String(u.Id)))
    .map((u) => {
      const path = (groups.get(String(u.HierarchyGroupId))?.HierarchyPath ?? {}) as Record<string, WireResource>;
      const out: Record<string, { Arn: string }> = {};
      for (const [from, to] of levelNames) {
        const arn = path[from]?.Arn;
        if (typeof arn === 'string') out[to] = { Arn: arn };
      }
      return { id: String(u.Id), groups: out };
    });
  return { queues, agents };
}

/** One synthetic contact per index: the same fields for the same seed and `nowSeconds`. */
export function syntheticContacts(count: number, seed: number, nowSeconds: number, resources: Map<string, InstanceResources>): Map<string, WireContact[]> {
  const instances = [sampleIds.instanceA, sampleIds.instanceB];
  const byInstance = new Map<string, WireContact[]>(instances.map((id) => [id, []]));
  const pool = new Map(instances.map((id) => [id, pools(resources.get(id))]));
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  // Newest an hour before now, oldest a day inside the 24 months the service keeps.
  const newest = nowSeconds - 3600;
  const span = twoYearsSeconds - 86400 - 3600;
  for (let i = 0; i < count; i++) {
    // Three in four in instance A (the one with flow logs).
    const instanceId = random() < 0.75 ? instances[0] : instances[1];
    const { queues, agents } = pool.get(instanceId)!;
    const id = syntheticId(seed, i);
    const channel = pick(channels);
    const method = pick(methodsBy[channel]);
    const initiation = Math.round(newest - random() * span);
    const queued = initiation + 20 + Math.floor(random() * 60);
    const answered = random() < 0.85 && agents.length > 0;
    const connected = queued + 5 + Math.floor(random() * 300);
    const end = (answered ? connected : queued) + 30 + Math.floor(random() * 900);
    const contact: WireContact = {
      Arn: `arn:aws:connect:${region}:${sampleIds.account}:instance/${instanceId}/contact/${id}`,
      Id: id,
      InitialContactId: id,
      InitiationMethod: method,
      Channel: channel,
      InitiationTimestamp: initiation,
      DisconnectTimestamp: end,
      LastUpdateTimestamp: end,
      DisconnectReason: pick(disconnectReasons),
      Attributes: { intent: pick(intents), customerTier: pick(tiers), synthetic: 'true' },
    };
    if (queues.length > 0) contact.QueueInfo = { Id: pick(queues), EnqueueTimestamp: queued };
    if (answered) {
      const agent = pick(agents);
      contact.AgentInfo = { Id: agent.id, ConnectedToAgentTimestamp: connected, HierarchyGroups: agent.groups };
    }
    byInstance.get(instanceId)!.push(contact);
  }
  for (const list of byInstance.values()) list.sort((a, b) => (a.InitiationTimestamp as number) - (b.InitiationTimestamp as number));
  return byInstance;
}

const flowArn = (flowId: string) => `arn:aws:connect:${region}:${sampleIds.account}:instance/${sampleIds.instanceA}/contact-flow/${flowId}`;
const mainFlow = { id: 'f1f1f1f1-1111-4aaa-8bbb-00000000f101', name: 'Acme inbound main' };
const billingFlow = { id: 'f1f1f1f1-7777-4aaa-8bbb-00000000f107', name: 'Acme billing menu' };
const lambdaArn = `arn:aws:lambda:${region}:${sampleIds.account}:function:acme-customer-lookup`;

/** A small hash of the contact ID in [0, 1): decides which of its blocks fail, the same every time. */
function unit(id: string, salt: string): number {
  return parseInt(createHash('sha1').update(`${salt}/${id}`).digest('hex').slice(0, 8), 16) / 2 ** 32;
}

/** A synthetic contact's flow-log lines, in time order, one second apart from its initiation. */
export function syntheticFlowLog(c: WireContact): LogEvent[] {
  const id = c.Id;
  const attributes = c.Attributes as Record<string, string>;
  const lambdaFails = unit(id, 'lambda') < 0.05;
  const input = unit(id, 'input') < 0.1 ? 'Timeout' : String(1 + Math.floor(unit(id, 'digit') * 3));
  const queue = (c.QueueInfo as { Id?: string } | undefined)?.Id;
  const lines: [typeof mainFlow, string, string, Record<string, string>, Record<string, unknown>][] = [
    [mainFlow, 'SetLoggingBehavior', 'enable-logging', { LoggingBehavior: 'Enable' }, {}],
    [mainFlow, 'SetAttributes', 'set-intent', { Key: 'intent', Value: attributes.intent }, {}],
    [mainFlow, 'TransferToFlow', 'to-billing', { ContactFlowId: flowArn(billingFlow.id) }, {}],
    [billingFlow, 'GetUserInput', 'billing-menu', { Text: 'For card payments press 1, for invoices press 2.', TimeLimit: '3' }, { Results: input }],
    [
      billingFlow,
      'InvokeExternalResource',
      'customer-lookup',
      { FunctionArn: lambdaArn, ResponseValidation: 'ResponseType=STRING_MAP', TimeLimit: '3000' },
      lambdaFails ? { Results: 'The Lambda Function Returned An Error.' } : { ExternalResults: { customerTier: attributes.customerTier } },
    ],
    [billingFlow, 'SetAttributes', 'set-tier', { Key: 'customerTier', Value: attributes.customerTier }, {}],
  ];
  if (queue) lines.push([billingFlow, 'SetQueue', 'set-queue', { Queue: `arn:aws:connect:${region}:${sampleIds.account}:instance/${sampleIds.instanceA}/queue/${queue}` }, {}]);
  const start = (c.InitiationTimestamp as number) * 1000;
  return lines.map(([flow, type, identifier, parameters, rest], i) => {
    const timestamp = start + 1000 * (i + 1);
    const message = JSON.stringify({
      ContactId: id,
      ContactFlowId: flowArn(flow.id),
      ContactFlowName: flow.name,
      ContactFlowModuleType: type,
      Identifier: identifier,
      Timestamp: new Date(timestamp).toISOString(),
      Parameters: parameters,
      ...rest,
    });
    const eventId = BigInt(`0x${createHash('sha1').update(`${id}/${i}`).digest('hex')}`).toString().padStart(56, '0').slice(0, 56);
    return { logStreamName: flow.id, timestamp, ingestionTime: timestamp + 400, message, eventId };
  });
}

/** The first index whose contact began at or after `t` seconds (contacts in initiation order). */
function firstFrom(contacts: WireContact[], t: number): number {
  let lo = 0;
  let hi = contacts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((contacts[mid].InitiationTimestamp as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The flow-log group's generated events between two times (ms, inclusive), in time order. */
export function syntheticEventsBetween(contacts: WireContact[]): (startMs: number, endMs: number) => LogEvent[] {
  return (startMs, endMs) => {
    const out: LogEvent[] = [];
    // A contact's lines follow its initiation by at most ten seconds.
    for (let i = firstFrom(contacts, Math.floor(startMs / 1000) - 10); i < contacts.length && (contacts[i].InitiationTimestamp as number) * 1000 <= endMs; i++) {
      for (const e of syntheticFlowLog(contacts[i])) if (e.timestamp >= startMs && e.timestamp <= endMs) out.push(e);
    }
    return out.sort((a, b) => a.timestamp - b.timestamp);
  };
}

export const syntheticLogGroup = flowLogIds.logGroup;
