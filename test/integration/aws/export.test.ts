// Export under faults, with the real SDK against the local endpoint: 2,000 contacts while the
// endpoint throttles 5% of requests, fails 1% with HTTP 500 (its seeded fault rates) and resets one connection. The
// file holds every contact exactly once; cancelled half-way and resumed, still exactly once.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectService } from '../../../src/aws/connectService';
import { parseCsvRecord } from '../../../src/contact/csvCells';
import { defaultCriteria, type ContactSearchCriteria } from '../../../src/contact/searchWindows';
import { connectExportCalls, exportContacts, type ExportOptions } from '../../../src/search/contactExport';
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

/** `count` contacts copied from the sample voice contact, spread over the last 70 days. */
function writeContacts(dir: string): void {
  const base = loadSampleContact(sampleIds.voice);
  const instanceDir = join(dir, sampleIds.instanceA);
  mkdirSync(instanceDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = contactId(i);
    const initiated = (now - 70 * 86400_000) / 1000 + Math.floor((i * 70 * 86400) / count) + 1;
    const contact = { ...base, Id: id, Arn: `arn:aws:connect:${localRegion}:123456789012:instance/${sampleIds.instanceA}/contact/${id}`, InitialContactId: undefined, PreviousContactId: undefined, RelatedContactId: undefined, InitiationTimestamp: initiated, DisconnectTimestamp: initiated + 120, Attributes: { Note: i % 7 === 0 ? '=HYPERLINK("http://x")' : `n${i}` } };
    writeFileSync(join(instanceDir, `${id}.json`), JSON.stringify({ Contact: contact }));
  }
}

/**
 * The endpoint's fault rates (5% throttled, 1% HTTP 500, seeded: the same run every time), and one
 * connection reset once the export is under way.
 */
function injectFaults(endpoint: RunningEndpoint): () => void {
  const rates = { throttleRate: 0.05, status500Rate: 0.01, seed: 17 };
  endpoint.setFaults(rates);
  const startedAt = endpoint.requests.length;
  const timer = setInterval(() => {
    if (endpoint.requests.length - startedAt < 700) return;
    clearInterval(timer);
    // A counted fault applies before the rates; setting a spec restarts the rates' sequence.
    endpoint.setFaults({ ...rates, seed: 18, reset: 1 });
  }, 1);
  return () => clearInterval(timer);
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

describe('Export against the local endpoint under faults', function () {
  this.timeout(120_000);
  let endpoint: RunningEndpoint;
  let home: AwsHome;
  let dir: string;
  let service: ConnectService;
  let stopFaults = () => {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cce-export-'));
    writeContacts(join(dir, 'contacts'));
    endpoint = await startEndpoint({ quiet: true, contactsDir: join(dir, 'contacts'), rebaseTimes: false });
    home = makeAwsHome();
    // Two SDK attempts only: most failures reach the export's own retries, which must not lose them.
    service = makeService(home, { endpointUrl: endpoint.url, maxAttempts: 2 }).service;
  });
  beforeEach(() => {
    stopFaults = injectFaults(endpoint);
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

  const options = (file: string, format: 'csv' | 'jsonl', signal: AbortSignal, onProgress?: ExportOptions['onProgress']): ExportOptions => ({
    file, format, instanceId: target.instanceId, criteria, now, signal, onProgress, concurrency: 8, retryDelayMs: () => 10, ...connectExportCalls(service, target),
  });

  it('writes every contact exactly once as JSON Lines, then resumes a cancelled export without a duplicate', async () => {
    const file = join(dir, 'all.jsonl');
    const before = endpoint.requests.length;
    const result = await exportContacts(options(file, 'jsonl', new AbortController().signal));
    assert.equal(result.written, count);
    assert.deepEqual(result.missing, []);
    assertExactlyOnce(idsInJsonl(file));
    const statuses = endpoint.requests.slice(before).map((r) => r.status);
    assert.ok(statuses.filter((s) => s === 429).length >= 50, 'the endpoint throttled');
    assert.ok(statuses.filter((s) => s === 500).length >= 10, 'the endpoint failed with HTTP 500');
    assert.ok(endpoint.requests.slice(before).some((r) => r.status === 0), 'the endpoint reset a connection');

    // Cancel half-way, cut the last line in half as a crash would, then resume.
    const half = join(dir, 'half.jsonl');
    const controller = new AbortController();
    await assert.rejects(exportContacts(options(half, 'jsonl', controller.signal, (p) => {
      if (p.written >= count / 2) controller.abort();
    })));
    const partial = readFileSync(half, 'utf8');
    writeFileSync(half, partial + partial.split('\n')[0].slice(0, 40));
    const resumed = await exportContacts(options(half, 'jsonl', new AbortController().signal));
    assert.ok(resumed.skipped >= count / 2, `skipped ${resumed.skipped}`);
    assert.ok(resumed.repairedBytes > 0);
    assertExactlyOnce(idsInJsonl(half));
  });

  it('writes the CSV with a header, one row per contact, formulas neutralised', async () => {
    const file = join(dir, 'all.csv');
    await exportContacts({ ...options(file, 'csv', new AbortController().signal), names: () => Promise.resolve({ queue: '=BasicQueue', agent: 'jdoe' }) });
    const lines = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
    assert.equal(lines.length, count + 1);
    assert.deepEqual(parseCsvRecord(lines[1]).slice(5, 6), ["'=BasicQueue"]);
    assertExactlyOnce(lines.slice(1).map((l) => parseCsvRecord(l)[0]));
  });
});
