// Reading back an export file to resume it: the contacts already written, and where the last
// whole record ends (a record cut short by a crash or a cancel is cut off there and written again).
// Pure: it is fed the file's bytes in chunks, so memory holds the IDs only, never the records.
import { csvHeader } from './searchRows';
import { parseCsvRecord } from './csvCells';

export type ExportFormat = 'csv' | 'jsonl';

export interface ResumeState {
  /** Contact IDs already in the file. */
  ids: Set<string>;
  /** Bytes to keep: every whole record. The file is truncated to this before appending. */
  keepBytes: number;
  /** Bytes after the last whole record (a half-written line) that the truncation drops. */
  droppedBytes: number;
  /** The CSV header is in the kept part. */
  headerPresent: boolean;
}

/** The file is not an export of this format: resuming would mix two kinds of file. */
export class NotAnExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAnExportError';
  }
}

const LF = 0x0a;
const QUOTE = 0x22;

export class ResumeScanner {
  private readonly ids = new Set<string>();
  private parts: Uint8Array[] = [];
  private readonly decoder = new TextDecoder();
  private offset = 0;
  private keep = 0;
  private inQuotes = false;
  private records = 0;
  private headerPresent = false;

  constructor(private readonly format: ExportFormat) {}

  push(chunk: Uint8Array): void {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      // '"' and LF are single bytes in UTF-8 and never part of a longer character.
      if (b === QUOTE && this.format === 'csv') this.inQuotes = !this.inQuotes;
      else if (b === LF && !this.inQuotes) {
        this.parts.push(chunk.subarray(from, i + 1));
        from = i + 1;
        this.record(this.decoder.decode(concat(this.parts)).replace(/\r?\n$/, ''));
        this.parts = [];
        this.keep = this.offset + i + 1;
      }
    }
    if (from < chunk.length) this.parts.push(chunk.slice(from));
    this.offset += chunk.length;
  }

  finish(): ResumeState {
    return { ids: this.ids, keepBytes: this.keep, droppedBytes: this.offset - this.keep, headerPresent: this.headerPresent };
  }

  private record(text: string): void {
    const n = ++this.records;
    if (this.format === 'jsonl') {
      let id: unknown;
      try {
        id = (JSON.parse(text) as { Contact?: { Id?: unknown } }).Contact?.Id;
      } catch {
        id = undefined;
      }
      if (typeof id !== 'string') throw new NotAnExportError(`Line ${n} is not a DescribeContact record: this file is not a JSON Lines export of contacts.`);
      this.ids.add(id);
      return;
    }
    const cells = parseCsvRecord(text);
    if (n === 1) {
      if (cells.join(',') !== csvHeader.join(',')) throw new NotAnExportError('The first line is not this export\'s CSV header: this file is not a CSV export of contacts.');
      this.headerPresent = true;
      return;
    }
    if (!cells[0]) throw new NotAnExportError(`Line ${n} has no contact ID: this file is not a CSV export of contacts.`);
    this.ids.add(cells[0]);
  }
}

/** Scans a whole buffer at once (tests, small files). */
export function scanExport(format: ExportFormat, bytes: Uint8Array): ResumeState {
  const s = new ResumeScanner(format);
  s.push(bytes);
  return s.finish();
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
