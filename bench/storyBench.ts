// The contact's whole story under Connect's default request budget: the maximal contact (its chain
// of linked contacts included), fully enriched through the extension's own ConnectService, name
// cache and enrichment, against a local endpoint that throttles like the service (2 rps, burst 5).
// Baselines in the same run: the same calls (read from the endpoint's request log) made by the
// AWS CLI one after another, and the time the rate limit itself imposes on that many calls.
// Then a second contact in the same queue: the calls it costs with the names cached.
// Usage: node .cache/bench/storyBench.js   (prints one BENCH_RESULT line)
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ConnectService } from '../src/aws/connectService';
import { readableReferenceTypes } from '../src/aws/storyShapes';
import type { ContactRef } from '../src/aws/types';
import { toContactDocument, type ContactDocument } from '../src/contact/contactDocument';
import { enrichContact } from '../src/story/enrichContact';
import { ResourceNames } from '../src/story/resourceNames';
import { storySources } from '../src/story/storySources';
import { loadSampleContacts } from '../test/endpoint/sampleData';
import { startEndpoint, type RequestLogEntry } from '../test/endpoint/server';
import { discardingLogger, fixtureEnv, localProfile, localRegion, sampleIds } from './localAccount';
import { defaultTransport } from '../src/aws/types';

export interface StorySample {
  rate: number;
  burst: number;
  calls: number;
  operations: Record<string, number>;
  treeMs: number;
  overviewMs: number;
  everythingMs: number;
  chainNodes: number;
  /** (calls − burst) / rate: the least time the budget allows for that many calls. */
  rateFloorMs: number;
  cliMs: number;
  cliCalls: number;
  cliFailures: number;
  /** `repeatedNameCalls`: Describe* calls for a name the first contact already had (the cache should answer: 0). */
  second: { contactId: string; calls: number; operations: Record<string, number>; everythingMs: number; repeatedNameCalls: number };
  throttled: number;
}

const rate = 2;
const burst = 5;

/** One logged request → the AWS CLI command that makes the same call. */
function cliArgs(entry: RequestLogEntry, contactId: string): string[] | undefined {
  // The request log keeps the path, not the query: the list calls are all for the story's contact.
  const seg = entry.path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (entry.operation) {
    case 'DescribeContact':
      return ['describe-contact', '--instance-id', seg[1], '--contact-id', seg[2]];
    case 'DescribeInstance':
      return ['describe-instance', '--instance-id', seg[1]];
    case 'GetContactAttributes':
      return ['get-contact-attributes', '--instance-id', seg[2], '--initial-contact-id', seg[3]];
    case 'DescribeQueue':
      return ['describe-queue', '--instance-id', seg[1], '--queue-id', seg[2]];
    case 'DescribeUser':
      return ['describe-user', '--instance-id', seg[1], '--user-id', seg[2]];
    case 'DescribeUserHierarchyGroup':
      return ['describe-user-hierarchy-group', '--instance-id', seg[1], '--hierarchy-group-id', seg[2]];
    case 'DescribeRoutingProfile':
      return ['describe-routing-profile', '--instance-id', seg[1], '--routing-profile-id', seg[2]];
    case 'DescribeContactFlow':
      return ['describe-contact-flow', '--instance-id', seg[1], '--contact-flow-id', seg[2]];
    case 'ListAssociatedContacts':
      return ['list-associated-contacts', '--instance-id', seg[2], '--contact-id', contactId];
    case 'ListContactReferences':
      return ['list-contact-references', '--instance-id', seg[2], '--contact-id', seg[3], '--reference-types', ...readableReferenceTypes];
    case 'ListContactEvaluations':
      return ['list-contact-evaluations', '--instance-id', seg[1], '--contact-id', contactId];
    default:
      return undefined;
  }
}

/** Runs a command to its end; resolves with its exit status. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', () => resolve(-1));
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(`[story] ${args.slice(0, 2).join(' ')}: ${stderr.trim().split('\n').pop() ?? ''}\n`);
      resolve(code);
    });
  });
}

function count(entries: RequestLogEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.operation] = (out[e.operation] ?? 0) + 1;
  return out;
}

async function main(): Promise<void> {
  const endpoint = await startEndpoint({ rate, burst, quiet: true });
  try {
    const env = fixtureEnv();
    const transport = () => ({ ...defaultTransport, endpointUrl: endpoint.url });
    const service = new ConnectService({ env, transport, logger: discardingLogger(), requestBudget: () => ({ requestsPerSecond: rate, burst }) });
    const names = new ResourceNames(() => service);
    const docs = new Map<string, ContactDocument>();
    const contact = async (ref: ContactRef, signal?: AbortSignal): Promise<ContactDocument> => {
      const cached = docs.get(ref.contactId);
      if (cached) return cached;
      const doc = toContactDocument((await service.describeContact(ref, signal, { priority: 'visible' })).output);
      docs.set(ref.contactId, doc);
      return doc;
    };
    const ref: ContactRef = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.maximal };

    // Warm-up on another instance's contact: SDK loaded, credentials resolved, sockets open. Then a
    // pause so the bucket is full again, and the request log starts empty.
    await service.describeContact({ ...ref, instanceId: sampleIds.instanceB, contactId: sampleIds.salesOutbound });
    await new Promise((r) => setTimeout(r, 3000));
    endpoint.requests.length = 0;

    const story = async (r: ContactRef) => {
      const t0 = performance.now();
      const doc = toContactDocument((await service.describeContact(r)).output);
      const treeMs = performance.now() - t0;
      let overviewMs = 0;
      const controller = new AbortController();
      const done = await enrichContact(doc.Contact, storySources(r, { connect: () => service, names, contact: (cr, s) => contact(cr, s) }), controller.signal, (s) => {
        // The Overview's own sections are in once names, attributes, instance and lists are.
        if (!overviewMs && s.attributes && s.instance && s.references && s.evaluations && s.chain) overviewMs = performance.now() - t0;
      }, { reportEveryMs: 0 });
      const everythingMs = performance.now() - t0;
      return { treeMs, overviewMs: overviewMs || everythingMs, everythingMs, story: done };
    };

    const first = await story(ref);
    const firstRequests = [...endpoint.requests];
    const throttled = firstRequests.filter((e) => e.status === 429).length;

    // A second contact in the same queue, names cached: only what no cache can answer.
    const samples = loadSampleContacts();
    const maximal = samples.get(sampleIds.maximal)?.contact;
    const queueId = (maximal?.QueueInfo as { Id?: string } | undefined)?.Id;
    // A contact the first story did not describe, in a queue whose name it has (the maximal
    // contact's own queue has no other contact in the samples): what no cache answers is its own.
    const inChain = new Set(first.story.chain?.nodes.map((n) => n.contactId) ?? []);
    const queueOf = (c: Record<string, unknown>) => (c.QueueInfo as { Id?: string } | undefined)?.Id;
    const namedQueues = new Set(Object.values(first.story.names).filter((n) => n.kind === 'queue').map((n) => n.id));
    const sibling =
      [...samples.values()].find((s) => s.instanceId === sampleIds.instanceA && !inChain.has(s.contact.Id) && queueOf(s.contact) === queueId) ??
      [...samples.values()].find((s) => s.instanceId === sampleIds.instanceA && !inChain.has(s.contact.Id) && namedQueues.has(queueOf(s.contact) ?? ''));
    await new Promise((r) => setTimeout(r, 3000));
    endpoint.requests.length = 0;
    let second: StorySample['second'] = { contactId: '', calls: 0, operations: {}, everythingMs: 0, repeatedNameCalls: 0 };
    if (sibling) {
      const s = await story({ ...ref, contactId: sibling.contact.Id });
      const named = new Set(firstRequests.filter((e) => /^Describe(Queue|User|UserHierarchyGroup|RoutingProfile|Instance|ContactFlow)$/.test(e.operation)).map((e) => e.path));
      second = {
        contactId: sibling.contact.Id,
        calls: endpoint.requests.length,
        operations: count(endpoint.requests),
        everythingMs: s.everythingMs,
        repeatedNameCalls: endpoint.requests.filter((e) => named.has(e.path)).length,
      };
    }

    // The same calls with the AWS CLI, one after another (the bucket refilled first).
    await new Promise((r) => setTimeout(r, 3000));
    let cliFailures = 0;
    const c0 = performance.now();
    // The CLI follows NextToken itself (list-contact-evaluations' two pages are one command).
    const commands = [...new Map(firstRequests.map((e) => [JSON.stringify(cliArgs(e, ref.contactId)), cliArgs(e, ref.contactId)])).values()];
    for (const args of commands) {
      if (!args) continue;
      // Not spawnSync: the endpoint answering the CLI runs in this very process.
      const status = await run('aws', ['connect', ...args, '--endpoint-url', endpoint.url, '--profile', localProfile, '--region', localRegion, '--output', 'json'], env);
      if (status !== 0) cliFailures += 1;
    }
    const cliMs = performance.now() - c0;

    const sample: StorySample = {
      rate,
      burst,
      calls: firstRequests.length,
      operations: count(firstRequests),
      treeMs: first.treeMs,
      overviewMs: first.overviewMs,
      everythingMs: first.everythingMs,
      chainNodes: first.story.chain?.nodes.length ?? 0,
      rateFloorMs: (Math.max(0, firstRequests.length - burst) / rate) * 1000,
      cliMs,
      cliCalls: commands.filter(Boolean).length,
      cliFailures,
      second,
      throttled,
    };
    writeSync(1, `BENCH_RESULT ${JSON.stringify(sample)}\n`);
    await service.dispose();
  } finally {
    await endpoint.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
