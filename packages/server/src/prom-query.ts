import { UnderstudyError } from '@understudy/core';
import type { VersionGateReport } from './version-gate.js';

/** The figures a Flagger MetricTemplate can ask for; `null` means no data (an empty vector). */
const figures = {
  /** 1 pass, 0 fail; no value while inconclusive, which Flagger counts as a failed check. */
  understudy_gate_pass: (r: VersionGateReport) => (r.verdict === 'inconclusive' ? null : r.pass ? 1 : 0),
  understudy_gate_divergence_rate: (r: VersionGateReport) => r.divergence.rate,
  understudy_gate_error_rate: (r: VersionGateReport) => r.errorRate.candidate,
  understudy_gate_regressions: (r: VersionGateReport) => r.regressions,
} as const satisfies Record<string, (r: VersionGateReport) => number | null>;

export type PromQuery =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'figure'; readonly labels: Record<string, string>; readonly figure: (r: VersionGateReport) => number | null };

/**
 * The slice of PromQL the gate answers: `vector(N)` (Flagger's provider checks it is online with
 * `vector(1)`) and one selector `understudy_gate_<figure>{version="v2", stable="stable", window="1h", …}`
 * whose equality matchers are the gate query. Anything else is `invalid_input`: this is no
 * Prometheus, and a query it cannot answer exactly must not be answered loosely.
 */
export function parsePromQuery(text: string): PromQuery {
  const q = text.trim();
  const constant = /^vector\(\s*(-?\d+(?:\.\d+)?)\s*\)$/.exec(q);
  if (constant !== null) return { kind: 'constant', value: Number(constant[1]) };
  const selector = /^([a-z_]+)\s*(?:\{(.*)\})?$/s.exec(q);
  const name = selector?.[1] ?? '';
  if (selector === null || !(name in figures))
    throw new UnderstudyError('invalid_input', `query: expected vector(1) or ${Object.keys(figures).join(' | ')}{version="…", …}`);
  const labels: Record<string, string> = {};
  const body = (selector[2] ?? '').trim();
  const matcher = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;
  let at = 0;
  while (at < body.length) {
    matcher.lastIndex = at;
    const m = matcher.exec(body);
    if (m === null || m[1] === undefined || m[2] === undefined)
      throw new UnderstudyError('invalid_input', `query: only label="value" matchers are supported, at "${body.slice(at, at + 30)}"`);
    labels[m[1]] = m[2].replace(/\\(.)/g, '$1');
    at = matcher.lastIndex;
  }
  return { kind: 'figure', labels, figure: figures[name as keyof typeof figures] };
}

/** A Prometheus HTTP API instant-vector answer (`/api/v1/query`): one sample, or none when `value` is null. */
export function promVector(atSeconds: number, value: number | null, metric: Record<string, string>) {
  return {
    status: 'success',
    data: { resultType: 'vector', result: value === null ? [] : [{ metric, value: [atSeconds, String(value)] }] },
  };
}
