import { type Percentiles, percentiles } from './samples.js';

/** Milliseconds with sub-millisecond precision. */
export const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
export const rate = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;

export const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
};

export const summary = (sorted: Float64Array): Percentiles => percentiles(sorted);

/** Left-aligned first column, right-aligned numbers, two spaces between columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** One figure set beside its target. `pass` is undefined when the figure could not be taken. */
export interface Check {
  readonly label: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean | undefined;
}

export function checks(list: readonly Check[]): string {
  return table(
    ['check', 'figure', 'target', 'verdict'],
    list.map((c) => [c.label, c.value, c.target, c.pass === undefined ? 'n/a' : c.pass ? 'ok' : 'MISSED']),
  );
}
