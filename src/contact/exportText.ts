// What a person reads about an export: the progress notification's text and the closing message.
// Pure; the counts come from src/search/contactExport.ts.
import { formatCount } from './searchWindows';

export interface ExportCounts {
  written: number;
  /** Already in the file (a resumed export). */
  skipped: number;
  /** Listed by the search, no longer found by DescribeContact. */
  missing: number;
  /** Listed by the search without an ID (a malformed answer), so left out. */
  withoutId?: number;
}

/** A rate from under a second of writing says more about the start than about the export. */
const minRateMs = 1000;

/**
 * The notification's line: `1,240 of 8,512 · 300 already in the file · 2 no longer exist · 9.8/s ·
 * 12 min 30 s left`. The count is every contact dealt with (written, skipped, gone), so it reaches
 * the total; the rate is of contacts written, and the time left is what remains at that rate.
 */
export function exportProgressText(p: ExportCounts & { total?: number; totalComplete?: boolean; elapsedMs: number }): string {
  const done = p.written + p.skipped + p.missing + (p.withoutId ?? 0);
  const parts = [p.total !== undefined ? `${formatCount(done)} of ${formatCount(Math.max(p.total, done))}${p.totalComplete === false ? '+' : ''}` : formatCount(done)];
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} already in the file`);
  if (p.missing > 0) parts.push(`${formatCount(p.missing)} no longer ${p.missing === 1 ? 'exists' : 'exist'}`);
  if (p.withoutId) parts.push(`${formatCount(p.withoutId)} without an ID`);
  const rate = p.elapsedMs >= minRateMs ? (p.written * 1000) / p.elapsedMs : 0;
  if (rate > 0) {
    parts.push(`${rate < 10 ? rate.toFixed(1) : formatCount(Math.round(rate))}/s`);
    if (p.total !== undefined && p.totalComplete !== false) parts.push(`${formatSeconds(Math.max(0, p.total - done) / rate)} left`);
  }
  return parts.join(' · ');
}

/** The closing message: what the file gained, what it held already, what the service no longer has. */
export function exportSummaryText(r: ExportCounts, file: string): string {
  const out = [`Exported ${contacts(r.written)} to ${file}.`];
  if (r.skipped > 0) out.push(`${contacts(r.skipped)} ${r.skipped === 1 ? 'was' : 'were'} in the file already.`);
  if (r.missing > 0) out.push(`${contacts(r.missing)} the search listed no longer ${r.missing === 1 ? 'exists' : 'exist'}.`);
  if (r.withoutId) out.push(`${contacts(r.withoutId)} the search listed had no ID and ${r.withoutId === 1 ? 'was' : 'were'} left out.`);
  return out.join(' ');
}

/** The message when the person cancelled: what is in the file, and how to carry on. */
export function exportCancelledText(r: ExportCounts, file: string): string {
  const held = r.skipped > 0 ? ` (${formatCount(r.skipped)} more were in it already)` : '';
  return `Export cancelled: ${contacts(r.written)} written to ${file}${held}. Export again to the same file to resume where it stopped.`;
}

function contacts(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'contact' : 'contacts'}`;
}

function formatSeconds(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
