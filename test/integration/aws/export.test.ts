// Export under faults, with the real SDK against the local endpoint: 2,000 contacts while the
// endpoint throttles 5% of requests, fails 1% with HTTP 500 (its seeded fault rates) and resets one connection. The
// file holds every contact exactly once; cancelled half-way and resumed, still exactly once.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/connectServiceError';
import { parseCsvRecord } from '../../../src/contact/csvCells';
import { defaultCriteria, type ContactSearchCriteria } from '../../../src/contact/searchWindows';
import { exportProgressText } from '../../../src/contact/exportText';
import { connectExportCalls, exportContacts, isRetryable, type ExportOptions, type ExportProgress } from '../../../src/search/contactExport';
import type { FaultSpec } from '../../endpoint/faults';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { loadSampleContact } from '../../endpoint/sampleData';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { makeAwsHome, makeService, type AwsHome } from './awsHome';

const count = 2000;
const now = Date.parse('2026-11-30T00:00:00Z');
const target = { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA };
/** 70 days: two SearchContacts windows (8 weeks + 2 weeks), so the export crosses a window boundary. */
const criteria: ContactSearchCriteria = { ...defaultCriteria(), range: { kind: 'absolute', start: new Date(now - 70 * 86400_000).toISOString(), end: new Date(now).toISOString() }, sortOrder: 'ASCENDING' };

function contactId(i: number): string {
  return `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/**
 * `count` contacts copied from the sample voice contact, spread over the last 70 days; contact 0 on
 * the instant the two windows share, so both windows' TotalCount count it and both searches list it.
 */
function writeContacts(dir: string): void {
  const base = loadSampleContact(sampleIds.voice);
  const instanceDir = join(dir, sampleIds.instanceA);
  mkdirSync(instanceDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = contactId(i);
    const initiated = i === 0 ? (now - 14 * 86400_000) / 1000 : (now - 70 * 86400_000) / 1000 + Math.floor((i * 70 * 86400) / count) + 1;
    const contact = { ...base, Id: id, Arn: `arn:aws:connect:${localRegion}:123456789012:instance/${sampleIds.instanceA}/contact/${id}`, InitialContactId: undefined, PreviousContactId: undefined, RelatedContactId: undefined, InitiationTimestamp: initiated, DisconnectTimestamp: initiated + 120, Attributes: { Note: i % 7 === 0 ? '=HYPERLINK("http://x")' : `n${i}` } };
    writeFileSync(join(instanceDir, `${id}.json`), JSON.stringify({ Contact: contact }));
  }
}

/**
 * The endpoint's fault rates (5% throttled, 1% HTTP 500, seeded: the same run every time), and one
 * connection reset once the export is under way (after `resetAfter` requests).
 */
function injectFaults(endpoint: RunningEndpoint, resetAfter: number, alsoThen: FaultSpec = {}): () => void {
  const rates = { throttleRate: 0.05, status500Rate: 0.01, seed: 17 };
  endpoint.setFaults(rates);
  const startedAt = endpoint.requests.length;
  const timer = setInterval(() => {
    if (endpoint.requests.length - startedAt < resetAfter) return;
    clearInterval(timer);
    // A counted fault applies before the rates; setting a spec restarts the rates' sequence.
    endpoint.setFaults({ ...rates, seed: 18, reset: 1, ...alsoThen });
  }, 1);
  return () => clearInterval(timer);
}

/** Connections the endpoint itself dropped without an answer (its `reset` fault), since `from`. */
function resetsSince(endpoint: RunningEndpoint, from: number): number {
  return endpoint.requests.slice(from).filter((r) => r.status === 0 && !r.abandoned).length;
}

function idsInCsv(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
  assert.equal(lines.filter((l) => l.startsWith('Contact ID,')).length, 1, 'one header');
  return lines.slice(1).map((l) => parseCsvRecord(l)[0]);
}

function idsInJsonl(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { Contact: { Id: string } }).Contact.Id);
}

function assertExactlyOnce(ids: string[]): void {
  assert.equal(ids.length, count, `${ids.length} lines for ${count} contacts`);
  assert.equal(new Set(ids).size, count, 'a contact written twice');
  const all = new Set(ids);
  for (let i = 0; i < count; i++) assert.ok(all.has(contactId(i)), `contact ${i} missing`);
}

/**
 * What a person reads in the notification: from the first report on, the search's true total, and
 * the count (written + already in the file + gone) rising to it contact by contact.
 */
function assertTruthfulProgress(reports: ExportProgress[], expectedTotal: number, firstText: string): void {
  assert.ok(reports.length > 0, 'no progress reported');
  for (const p of reports) {
    assert.equal(p.total, expectedTotal, `a report said "${exportProgressText(p)}"`);
    assert.equal(p.totalComplete, true);
  }
  assert.ok(exportProgressText(reports[0]).startsWith(firstText), `the first report said "${exportProgressText(reports[0])}"`);
  const done = reports.map((p) => p.written + p.skipped + p.missing);
  for (let i = 1; i < done.length; i++) assert.ok(done[i] - done[i - 1] <= 100 && done[i] >= done[i - 1], `the count went ${done[i - 1]} → ${done[i]}`);
  const written = reports.map((p) => p.written);
  for (let i = 1; i < written.length; i++) assert.ok(written[i] - written[i - 1] <= 1, `written jumped ${written[i - 1]} → ${written[i]}: the count lags`);
}

describe('Export against the local endpoint under faults', function () {
  this.timeout(120_000);
  let endpoint: RunningEndpoint;
  let home: AwsHome;
  let dir: string;
  let service: ConnectService;
  let stopFaults = () => {};
  /** Calls that still failed (retryably) after the SDK's own attempts: the export's retries took them. */
  let retried = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cce-export-'));
    writeContacts(join(dir, 'contacts'));
    endpoint = await startEndpoint({ quiet: true, contactsDir: join(dir, 'contacts'), rebaseTimes: false });
    home = makeAwsHome();
    // Two SDK attempts only: most failures reach the export's own retries, which must not lose them.
    service = makeService(home, { endpointUrl: endpoint.url, maxAttempts: 2 }).service;
  });
  beforeEach(() => {
    retried = 0;
  });
  afterEach(() => {
    stopFaults();
    endpoint.clearFaults();
  });
  after(async () => {
    await service?.dispose();
    await endpoint?.close();
    home?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  const counted = <A extends unknown[], T>(call: (...args: A) => Promise<T>) => async (...args: A): Promise<T> => {
    try {
      return await call(...args);
    } catch (error) {
      if (error instanceof ConnectServiceError && isRetryable(error)) retried++;
      throw error;
    }
  };

  const options = (file: string, format: 'csv' | 'jsonl', signal: AbortSignal, onProgress?: ExportOptions['onProgress']): ExportOptions => {
    const calls = connectExportCalls(service, target);
    return {
      file, format, instanceId: target.instanceId, criteria, now, signal, onProgress, concurrency: 8, retryDelayMs: () => 10,
      search: counted(calls.search),
      describe: counted(calls.describe!),
      names: () => Promise.resolve({ queue: '=BasicQueue', agent: 'jdoe' }),
    };
  };

  it('writes every contact exactly once as JSON Lines, saying the true total as it goes', async () => {
    stopFaults = injectFaults(endpoint, 700);
    const file = join(dir, 'all.jsonl');
    const before = endpoint.requests.length;
    const reports: ExportProgress[] = [];
    const signal = new AbortController().signal;
    // Memory stays flat: what each call hangs on the export's one signal goes with the call.
    let listeners = 0;
    const result = await exportContacts(options(file, 'jsonl', signal, (p) => {
      reports.push(p);
      listeners = Math.max(listeners, getEventListeners(signal, 'abort').length);
    }));
    assert.ok(listeners <= 3 * 8, `${listeners} abort listeners at once for 8 describes in flight`);
    assert.equal(getEventListeners(signal, 'abort').length, 0);
    assert.equal(result.written, count);
    assert.deepEqual(result.missing, []);
    assertExactlyOnce(idsInJsonl(file));
    const statuses = endpoint.requests.slice(before).map((r) => r.status);
    assert.ok(statuses.filter((s) => s === 429).length >= 50, 'the endpoint throttled');
    assert.ok(statuses.filter((s) => s === 500).length >= 10, 'the endpoint failed with HTTP 500');
    assert.equal(resetsSince(endpoint, before), 1, 'the endpoint reset one connection');
    // With two SDK attempts, some calls fail twice in a row: only the export's retries save them.
    assert.ok(retried >= 1, 'no call needed the export\'s own retries: dropping them would go unnoticed');
    assertTruthfulProgress(reports, count, '1 of 2,000');
    assert.equal(reports.at(-1)?.written, count);
  });

  it('resumes a JSON Lines export cancelled half-way, repairing its half-written last line', async () => {
    stopFaults = injectFaults(endpoint, 300);
    const half = join(dir, 'half.jsonl');
    const before = endpoint.requests.length;
    const controller = new AbortController();
    await assert.rejects(exportContacts(options(half, 'jsonl', controller.signal, (p) => {
      if (p.written >= count / 2) controller.abort();
    })));
    const partial = readFileSync(half, 'utf8');
    const whole = partial.split('\n').filter((l) => l !== '').length;
    assert.ok(whole >= count / 2 && whole < count, `${whole} lines when cancelled`);
    // Cut off as a crash mid-write would leave it.
    writeFileSync(half, partial + partial.split('\n')[0].slice(0, 40));
    const reports: ExportProgress[] = [];
    const resumed = await exportContacts(options(half, 'jsonl', new AbortController().signal, (p) => reports.push(p)));
    assert.equal(resumed.skipped, whole);
    assert.equal(resumed.written, count - whole);
    assert.equal(resumed.repairedBytes, 40);
    assertExactlyOnce(idsInJsonl(half));
    assert.equal(resetsSince(endpoint, before), 1, 'the endpoint reset one connection');
    // Resumed: the first page is all in the file already, and the count says so.
    assertTruthfulProgress(reports, count, '100 of 2,000 · 100 already in the file');
  });

  it('writes the CSV with a header, one row per contact, formulas neutralised, through a reset and failed pages', async () => {
    // The CSV needs only SearchContacts (22 calls): a reset, a throttle and a 500 in a row, so that
    // one page fails both SDK attempts and only the export's retry brings it back.
    stopFaults = injectFaults(endpoint, 4, { throttle: 1, status500: 1 });
    const file = join(dir, 'all.csv');
    const before = endpoint.requests.length;
    const reports: ExportProgress[] = [];
    const result = await exportContacts(options(file, 'csv', new AbortController().signal, (p) => reports.push(p)));
    assert.equal(result.written, count);
    const lines = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
    assert.equal(lines.length, count + 1);
    assert.deepEqual(parseCsvRecord(lines[1]).slice(5, 6), ["'=BasicQueue"]);
    assertExactlyOnce(idsInCsv(file));
    assert.equal(resetsSince(endpoint, before), 1, 'the endpoint reset one connection');
    assert.ok(retried >= 1, 'no page needed the export\'s own retries');
    assertTruthfulProgress(reports, count, '1 of 2,000');
  });

  it('resumes a CSV export cancelled half-way, repairing its half-written last row', async () => {
    stopFaults = injectFaults(endpoint, 4, { throttle: 1 });
    const half = join(dir, 'half.csv');
    const controller = new AbortController();
    await assert.rejects(exportContacts(options(half, 'csv', controller.signal, (p) => {
      if (p.written >= count / 2) controller.abort();
    })));
    const partial = readFileSync(half, 'utf8');
    const rows = partial.split('\r\n').filter((l) => l !== '').length - 1;
    assert.ok(rows >= count / 2 && rows < count, `${rows} rows when cancelled`);
    writeFileSync(half, partial + partial.split('\r\n')[1].slice(0, 30));
    const resumed = await exportContacts(options(half, 'csv', new AbortController().signal));
    assert.deepEqual([resumed.skipped, resumed.written, resumed.repairedBytes], [rows, count - rows, 30]);
    assertExactlyOnce(idsInCsv(half));
  });
});
