// Export at scale, the extension's own path: exportContacts (JSON Lines: SearchContacts pages, one
// DescribeContact per contact) through ConnectService, its one request scheduler and the real SDK,
// against a local endpoint of its own (another process) serving written contact files.
//
// throughput: the endpoint enforces `rate` requests per second (burst `burst`), and the scheduler is
//   told the same rate and burst, as a person sets connectContacts.requestsPerSecond / requestBurst
//   to the account's quota. Achieved rate = requests the endpoint answered ÷ the export's wall time;
//   failures and duplicates read back from the file. Baseline in the same run, against the same
//   endpoint: what a person would script, a bash loop of `aws connect describe-contact` appending to
//   a file, for a fixed time (the CLI starts a Python process per call).
// memory: 10,000 contacts exported with no rate limit (so it ends quickly), memory sampled every
//   10 ms; baseline: the same process exporting 100 contacts just before.
// Usage: node exportBench.js throughput <rate> <burst> <contacts> <cliSeconds>
//        node --expose-gc exportBench.js memory <contacts> <baselineContacts>
// Prints one BENCH_RESULT line.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConnectService } from '../src/aws/connectService';
import { defaultTransport, type RequestBudget } from '../src/aws/types';
import { defaultCriteria, type ContactSearchCriteria } from '../src/contact/searchWindows';
import { connectExportCalls, exportContacts, type ExportResult } from '../src/search/contactExport';
import { loadSampleContact } from '../test/endpoint/sampleData';
import { startEndpointProcess, type EndpointProcess } from './endpointProcess';
import { discardingLogger, fixtureEnv, localProfile, localRegion, sampleIds } from './localAccount';

const benchDir = __dirname;
const instanceId = sampleIds.instanceA;
const target = { profile: localProfile, region: localRegion, instanceId };
const hour = 3600_000;
const day = 24 * hour;

export interface ExportRun {
  contacts: number;
  written: number;
  missing: number;
  /** Contacts expected in the file and not there, plus the export's own error if it stopped. */
  failures: number;
  error?: string;
  /** Lines in the file less distinct contact IDs. */
  duplicates: number;
  ms: number;
  /** Requests the endpoint answered with 200, by operation. */
  answered: Record<string, number>;
  /** Answered with 429 ThrottlingException (retried by the SDK or the export). */
  throttled: number;
  otherStatus: number;
  fileBytes: number;
}

export interface CliRun {
  seconds: number;
  calls: number;
  written: number;
  failures: number;
  duplicates: number;
  throttled: number;
  ms: number;
  version: string;
}

export interface ThroughputSample {
  rate: number;
  burst: number;
  export: ExportRun;
  cli: CliRun;
  loadAverage: [number, number];
}

export interface MemoryPoint {
  contacts: number;
  ms: number;
  fileBytes: number;
  heapBefore: number;
  rssBefore: number;
  /** Highest heapUsed and RSS sampled during the export. */
  heapPeak: number;
  rssPeak: number;
  /** After the export and full GCs. */
  heapAfter: number;
  rssAfter: number;
  failures: number;
  duplicates: number;
}

export interface ExportMemorySample {
  baseline: MemoryPoint;
  large: MemoryPoint;
  loadAverage: [number, number];
}

function contactId(prefix: string, i: number): string {
  return `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** `count` copies of the sample voice contact, initiated evenly over [from, to), as the endpoint's contact files. */
function writeContacts(dir: string, prefix: string, count: number, from: number, to: number): string[] {
  const base = loadSampleContact(sampleIds.voice);
  const instanceDir = join(dir, instanceId);
  mkdirSync(instanceDir, { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = contactId(prefix, i);
    const initiated = Math.floor((from + ((to - from) * i) / count) / 1000);
    const contact = { ...base, Id: id, Arn: `arn:aws:connect:${localRegion}:123456789012:instance/${instanceId}/contact/${id}`, InitialContactId: undefined, PreviousContactId: undefined, RelatedContactId: undefined, InitiationTimestamp: initiated, DisconnectTimestamp: initiated + 120 };
    writeFileSync(join(instanceDir, `${id}.json`), JSON.stringify({ Contact: contact }));
    ids.push(id);
  }
  return ids;
}

function criteriaFor(from: number, to: number): ContactSearchCriteria {
  return { ...defaultCriteria(), range: { kind: 'absolute', start: new Date(from).toISOString(), end: new Date(to).toISOString() }, sortOrder: 'ASCENDING' };
}

function service(url: string, budget?: RequestBudget): ConnectService {
  return new ConnectService({ env: fixtureEnv(), transport: () => ({ ...defaultTransport, endpointUrl: url }), logger: discardingLogger(), ...(budget ? { requestBudget: () => budget } : {}) });
}

/** Failures and duplicates as the file shows them: every expected ID once. */
function readBack(ids: string[], file: string): { lines: number; duplicates: number; absent: number } {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // no file: every contact absent
  }
  const lines = text.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { Contact: { Id: string } }).Contact.Id);
  const found = new Set(lines);
  return { lines: lines.length, duplicates: lines.length - found.size, absent: ids.filter((id) => !found.has(id)).length };
}

/** `sampler`: started and stopped around the export alone (not the request log's fetch after it). */
async function runExport(connect: ConnectService, endpoint: EndpointProcess, ids: string[], file: string, criteria: ContactSearchCriteria, now: number, sampler?: { start(): void; stop(): void }): Promise<ExportRun> {
  await endpoint.clearRequests();
  sampler?.start();
  const t0 = performance.now();
  let result: ExportResult | undefined;
  let error: string | undefined;
  try {
    result = await exportContacts({ file, format: 'jsonl', instanceId, criteria, now, signal: new AbortController().signal, ...connectExportCalls(connect, target) });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const ms = performance.now() - t0;
  sampler?.stop();
  const requests = await endpoint.requests();
  const answered: Record<string, number> = {};
  for (const r of requests) if (r.status === 200) answered[r.operation] = (answered[r.operation] ?? 0) + 1;
  const back = readBack(ids, file);
  return {
    contacts: ids.length,
    written: result?.written ?? 0,
    missing: result?.missing.length ?? 0,
    failures: back.absent,
    ...(error ? { error } : {}),
    duplicates: back.duplicates,
    ms,
    answered,
    throttled: requests.filter((r) => r.status === 429).length,
    otherStatus: requests.filter((r) => r.status !== 200 && r.status !== 429).length,
    fileBytes: statSync(file, { throwIfNoEntry: false })?.size ?? 0,
  };
}

/** The person's script: describe-contact per ID, appended to one file, until the time is up. */
const cliLoop = String.raw`
deadline=$((SECONDS + BUDGET))
while IFS= read -r id; do
  [ "$SECONDS" -ge "$deadline" ] && break
  if ! aws connect describe-contact --instance-id "$INSTANCE" --contact-id "$id" --endpoint-url "$URL" --profile "$PROFILE" --region "$REGION" --output json >> "$OUT"; then
    echo "$id" >> "$FAILED"
  fi
done < "$IDS"
`;

function runCli(dir: string, ids: string[], url: string, seconds: number): Promise<Omit<CliRun, 'throttled' | 'version'>> {
  const idsFile = join(dir, 'ids.txt');
  const out = join(dir, 'cli.json');
  const failed = join(dir, 'cli-failed.txt');
  writeFileSync(idsFile, `${ids.join('\n')}\n`);
  const env = { ...fixtureEnv(), BUDGET: String(seconds), INSTANCE: instanceId, URL: url, PROFILE: localProfile, REGION: localRegion, OUT: out, FAILED: failed, IDS: idsFile };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', cliLoop], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - t0;
      let text = '';
      try {
        text = readFileSync(out, 'utf8');
      } catch {
        // nothing written
      }
      // `--output json` prints each record indented, its braces at the line start: one document per `{` there.
      const written = text.split(/^(?=\{)/m).filter((d) => d.trim() !== '').map((d) => (JSON.parse(d) as { Contact: { Id: string } }).Contact.Id);
      let failures = 0;
      try {
        failures = readFileSync(failed, 'utf8').split('\n').filter(Boolean).length;
      } catch {
        // none failed
      }
      if (failures) process.stderr.write(`[export] aws CLI: ${stderr.trim().split('\n').pop() ?? ''}\n`);
      resolve({ seconds, calls: written.length + failures, written: written.length, failures, duplicates: written.length - new Set(written).size, ms });
    });
  });
}

function cliVersion(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('aws', ['--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
    child.on('error', () => resolve('not found'));
    child.on('close', () => resolve(text.trim()));
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = (): [number, number] => [os.loadavg()[0], 0];

async function throughput(rate: number, burst: number, count: number, cliSeconds: number): Promise<ThroughputSample> {
  const dir = mkdtempSync(join(os.tmpdir(), 'cce-bench-export-'));
  const now = Date.now();
  const from = now - 7 * day;
  const ids = writeContacts(join(dir, 'contacts'), 'e0000000', count, from + hour, now - hour);
  const endpoint = await startEndpointProcess(benchDir, ['--contacts', join(dir, 'contacts'), '--rate', String(rate), '--burst', String(burst)]);
  const connect = service(endpoint.url, { requestsPerSecond: rate, burst });
  const loadAverage = load();
  try {
    // Warm-up (the SDK chunk, credentials, a socket), then a full bucket on both sides.
    await connect.describeContact({ ...target, contactId: ids[0] });
    await pause((burst / rate) * 1000 + 500);
    const exported = await runExport(connect, endpoint, ids, join(dir, 'export.jsonl'), criteriaFor(from, now), now);
    await pause((burst / rate) * 1000 + 500);
    await endpoint.clearRequests();
    const cli = await runCli(dir, ids, endpoint.url, cliSeconds);
    const cliThrottled = (await endpoint.requests()).filter((r) => r.status === 429).length;
    loadAverage[1] = os.loadavg()[0];
    return { rate, burst, export: exported, cli: { ...cli, throttled: cliThrottled, version: await cliVersion() }, loadAverage };
  } finally {
    await connect.dispose();
    await endpoint.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

declare const gc: (() => void) | undefined;

function settle(): { heap: number; rss: number } {
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

async function measured(connect: ConnectService, endpoint: EndpointProcess, ids: string[], file: string, criteria: ContactSearchCriteria, now: number): Promise<MemoryPoint> {
  const before = settle();
  let heapPeak = before.heap;
  let rssPeak = before.rss;
  const sample = () => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  };
  let timer: NodeJS.Timeout | undefined;
  const r = await runExport(connect, endpoint, ids, file, criteria, now, {
    start: () => void (timer = setInterval(sample, 10)),
    stop: () => {
      clearInterval(timer);
      sample();
    },
  });
  const after = settle();
  return { contacts: ids.length, ms: r.ms, fileBytes: r.fileBytes, heapBefore: before.heap, rssBefore: before.rss, heapPeak, rssPeak, heapAfter: after.heap, rssAfter: after.rss, failures: r.failures, duplicates: r.duplicates };
}

async function memory(count: number, baselineCount: number): Promise<ExportMemorySample> {
  const dir = mkdtempSync(join(os.tmpdir(), 'cce-bench-export-memory-'));
  const now = Date.now();
  // The large export in the last week, the baseline's contacts the week before: two ranges, one endpoint.
  const large = writeContacts(join(dir, 'contacts'), 'e1000000', count, now - 7 * day + hour, now - hour);
  const small = writeContacts(join(dir, 'contacts'), 'e2000000', baselineCount, now - 14 * day + hour, now - 8 * day);
  const largeRange = criteriaFor(now - 7 * day, now);
  const smallRange = criteriaFor(now - 14 * day, now - 7 * day - hour);
  const endpoint = await startEndpointProcess(benchDir, ['--contacts', join(dir, 'contacts')]);
  // No client-side pacing: the endpoint has no limit either, so 10,000 contacts take seconds.
  const connect = service(endpoint.url);
  const loadAverage = load();
  try {
    // Warm-up: the SDK chunk, credentials, sockets, JIT; its file removed.
    await runExport(connect, endpoint, small, join(dir, 'warm.jsonl'), smallRange, now);
    rmSync(join(dir, 'warm.jsonl'));
    const baseline = await measured(connect, endpoint, small, join(dir, 'baseline.jsonl'), smallRange, now);
    rmSync(join(dir, 'baseline.jsonl'));
    const measuredLarge = await measured(connect, endpoint, large, join(dir, 'large.jsonl'), largeRange, now);
    loadAverage[1] = os.loadavg()[0];
    return { baseline, large: measuredLarge, loadAverage };
  } finally {
    await connect.dispose();
    await endpoint.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const n = args.map(Number);
  const sample = mode === 'throughput' ? await throughput(n[0], n[1], n[2], n[3]) : mode === 'memory' ? await memory(n[0], n[1]) : undefined;
  if (!sample) throw new Error(`unknown mode ${mode}: throughput <rate> <burst> <contacts> <cliSeconds> | memory <contacts> <baselineContacts>`);
  writeSync(1, `BENCH_RESULT ${JSON.stringify(sample)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
