// Export: the search's contacts to a file the person chose, as CSV of the result columns or as
// JSON Lines of full DescribeContact records (the CLI's document, one line each). No vscode: the
// command wraps it in a progress notification, the reliability test drives it against the endpoint.
//
// - Resumable: the file is read back first (exportResume.ts); contacts in it are skipped, and a
//   half-written last line is cut off and written again. Each line goes to the file in one write.
// - Memory stays flat: pages are read as they are written; only contact IDs are kept (to skip), and
//   the IDs of contacts the service no longer finds.
// - The progress says the search's true total from the first line: every window's first page (and
//   so its TotalCount) is read before any row is written, not summed as the windows are reached.
// - Every call goes through the request scheduler at background priority (the caller's functions
//   pass it): a person's own lookups go first, and several describes wait in line at once so the
//   export uses whatever budget is left. A call the service throttled or failed is tried again
//   after a pause, not lost; only a contact the service says is gone is left out, and counted.
import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { ConnectServiceError } from '../aws/connectServiceError';
import type { ConnectService } from '../aws/connectService';
import type { AccountTarget, ContactSummary } from '../aws/types';
import { toContactDocument, type ContactDocument } from '../contact/contactDocument';
import { csvLine } from '../contact/csvCells';
import { ResumeScanner, type ExportFormat, type ResumeState } from '../contact/exportResume';
import { csvCellsOf, csvHeader, toSearchRow } from '../contact/searchRows';
import type { ContactSearchCriteria } from '../contact/searchWindows';
import { searchPages, type SearchPageFn } from './searchRun';

export interface ExportProgress {
  written: number;
  /** Contacts already in the file. */
  skipped: number;
  /** Contacts the search listed that DescribeContact no longer finds. */
  missing: number;
  /** Summaries without an Id, left out. */
  withoutId: number;
  /** Contacts the search holds (undefined when the service sends no TotalCount). */
  total?: number;
  /** `total` is the whole search's, not the windows' read so far. */
  totalComplete: boolean;
  /** Since the first page came back (the scan of an existing file and the count are not writing time). */
  elapsedMs: number;
}

export interface ExportOptions {
  file: string;
  format: ExportFormat;
  instanceId: string;
  criteria: ContactSearchCriteria;
  /** The instant presets count back from. */
  now: number;
  /** One SearchContacts page, at background priority. */
  search: SearchPageFn;
  /** CSV: the queue's and agent's names (cached by the caller: one call per queue or agent, not per contact). */
  names?: (c: ContactSummary, signal: AbortSignal) => Promise<{ queue?: string; agent?: string }>;
  /** JSON Lines: the contact's DescribeContact document, at background priority. */
  describe?: (contactId: string, signal: AbortSignal) => Promise<ContactDocument>;
  signal: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /** Describes in flight at once (JSON Lines). */
  concurrency?: number;
  /** Pause before the n-th retry of a failed call (n from 1); the test shortens it. */
  retryDelayMs?: (attempt: number) => number;
  /** Tries of one call before the export stops with its error. */
  maxTries?: number;
}

export interface ExportResult {
  written: number;
  skipped: number;
  /** Contacts the search listed that DescribeContact no longer finds. */
  missing: string[];
  /** Summaries the search listed without an Id (a malformed answer): left out, as no line could name them. */
  withoutId: number;
  /** Bytes of a half-written line cut off before resuming. */
  repairedBytes: number;
  resumed: boolean;
}

/** Errors worth trying again: the service's throttling and its own failures, and the network's. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ConnectServiceError)) return false;
  return ['Throttling', 'ServiceError', 'Network', 'Timeout', 'ConnectionRefused', 'MalformedResponse'].includes(error.kind);
}

const defaultDelay = (attempt: number): number => Math.min(30_000, 500 * 2 ** (attempt - 1));

/** Reads an existing file back: the IDs in it and where its whole lines end. */
export async function readExisting(file: string, format: ExportFormat): Promise<ResumeState | undefined> {
  try {
    await stat(file);
  } catch {
    return undefined;
  }
  const scanner = new ResumeScanner(format);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) scanner.push(chunk as Buffer);
  return scanner.finish();
}

export async function exportContacts(o: ExportOptions): Promise<ExportResult> {
  const existing = await readExisting(o.file, o.format);
  if (existing && existing.droppedBytes > 0) await truncate(o.file, existing.keepBytes);
  const done = existing?.ids ?? new Set<string>();
  const result: ExportResult = { written: 0, skipped: 0, missing: [], withoutId: 0, repairedBytes: existing?.droppedBytes ?? 0, resumed: (existing?.ids.size ?? 0) > 0 };
  const retry = <T>(what: () => Promise<T>) => withRetries(what, o.signal, o.retryDelayMs ?? defaultDelay, o.maxTries ?? 12);
  const search: SearchPageFn = (query, signal) => retry(() => o.search(query, signal));
  let total: number | undefined;
  let totalComplete = false;
  let started: number | undefined;
  const progress = () => o.onProgress?.({
    written: result.written, skipped: result.skipped, missing: result.missing.length, withoutId: result.withoutId, total, totalComplete,
    elapsedMs: started === undefined ? 0 : performance.now() - started,
  });
  const handle = await open(o.file, 'a');
  try {
    if (o.format === 'csv' && !existing?.headerPresent) await writeWhole(handle, csvLine(csvHeader));
    for await (const page of searchPages(search, o.instanceId, o.criteria, o.now, o.signal, { countFirst: true })) {
      started ??= performance.now();
      total = page.total;
      totalComplete = page.totalComplete;
      const fresh: ContactSummary[] = [];
      for (const c of page.contacts) {
        // A line with no ID is one the next run cannot resume from (nor DescribeContact ask for).
        if (c.id.trim() === '') result.withoutId++;
        else if (done.has(c.id)) result.skipped++;
        else {
          done.add(c.id);
          fresh.push(c);
        }
      }
      if (fresh.length < page.contacts.length) progress();
      if (o.format === 'csv') {
        for (const c of fresh) {
          const names = o.names ? await retry(() => o.names!(c, o.signal)) : {};
          await writeWhole(handle, csvLine(csvCellsOf(toSearchRow(c, names))));
          result.written++;
          progress();
        }
      } else {
        await describeAll(fresh, o, retry, async (line) => {
          await writeWhole(handle, line);
          result.written++;
          progress();
        }, (id) => {
          result.missing.push(id);
          progress();
        });
      }
    }
  } finally {
    await handle.close();
  }
  return result;
}

/** Describes a page's contacts with `concurrency` in flight, writing each line as it arrives. */
async function describeAll(
  contacts: ContactSummary[],
  o: ExportOptions,
  retry: <T>(what: () => Promise<T>) => Promise<T>,
  write: (line: string) => Promise<void>,
  missing: (id: string) => void,
): Promise<void> {
  const describe = o.describe;
  if (!describe) throw new Error('A JSON Lines export needs DescribeContact.');
  let next = 0;
  let stopped = false;
  let writes = Promise.resolve();
  const worker = async () => {
    while (!stopped && next < contacts.length) {
      const c = contacts[next++];
      let doc: ContactDocument;
      try {
        doc = await retry(() => describe(c.id, o.signal));
      } catch (error) {
        if (error instanceof ConnectServiceError && error.kind === 'NotFound') {
          missing(c.id);
          continue;
        }
        stopped = true;
        throw error;
      }
      // One line, one write; writes in turn so two lines never interleave.
      const line = `${JSON.stringify(doc)}\n`;
      writes = writes.then(() => write(line));
      await writes;
    }
  };
  // Every worker settles before the error is thrown: no line is written after the file is closed.
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 8, contacts.length)) }, worker));
  await writes;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

async function withRetries<T>(what: () => Promise<T>, signal: AbortSignal, delay: (attempt: number) => number, maxTries: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    try {
      return await what();
    } catch (error) {
      if (signal.aborted || !isRetryable(error) || attempt >= maxTries) throw error;
      await sleep(delay(attempt), signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('Cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Writes all of `text` at the end of the file (a short write is continued, never left half). */
async function writeWhole(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
}

/** The export's calls through ConnectService (and so the one scheduler), at background priority. */
export function connectExportCalls(connect: Pick<ConnectService, 'searchContacts' | 'describeContact'>, target: AccountTarget & { instanceId: string }): Pick<ExportOptions, 'search' | 'describe'> {
  return {
    search: (query, signal) => connect.searchContacts(target, query, signal, { priority: 'background' }),
    describe: async (contactId, signal) => toContactDocument((await connect.describeContact({ ...target, contactId }, signal, { priority: 'background' })).output),
  };
}
