// Small statistics and formatting helpers shared by the benchmark parts.

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** Spread worth reporting beside a median: the lowest and highest sample. */
export function range(values: readonly number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : [Number.NaN, Number.NaN];
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function ms(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n >= 100 ? `${n.toFixed(0)} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`;
}

export const KB = 1024;
export const MB = 1024 * 1024;

export function bytes(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n >= MB ? `${(n / MB).toFixed(2)} MB` : `${(n / KB).toFixed(1)} KB`;
}

export function megabytes(n: number): string {
  return Number.isFinite(n) ? `${(n / MB).toFixed(2)} MB` : 'n/a';
}
