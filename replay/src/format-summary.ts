import { type EndpointRow, type ReplaySummary, thresholdBound } from './replay-summary.js';
import type { ReplayProgress } from './replayer.js';
import { runVerdictLine } from './run-verdict.js';
import { thresholdActualText, thresholdBreachText } from './threshold-text.js';

const fixed = (n: number | null, digits = 3): string => (n === null ? '-' : n.toFixed(digits));
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
const signed = (n: number, digits = 0): string => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;

function table(rows: readonly (readonly string[])[], rightFrom = 1): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One endpoint row's cells: endpoint, counts by verdict, status mismatches, mean divergence. */
export function endpointCells(e: EndpointRow): string[] {
  return [
    e.endpoint,
    `${e.count}`,
    `${e.match}`,
    `${e.noise}`,
    `${e.regression}`,
    `${e.error}`,
    `${e.statusMismatches}`,
    fixed(e.meanDivergence),
  ];
}

/** The human report of a run, for a terminal. */
export function formatSummary(s: ReplaySummary): string {
  const out: string[] = [];
  out.push(`replay ${s.runId}  target ${s.target}${s.baseline === null ? '' : `  baseline ${s.baseline}`}  ${s.status}`);
  if (s.abortReason !== null) out.push(`aborted: ${s.abortReason}`);
  const v = s.verdicts;
  out.push(
    `items ${s.done}  match ${v.match}  noise ${v.noise}  regression ${v.regression}  error ${v.error}  (error rate ${pct(s.errorRate)})`,
  );
  if (s.skipped.total > 0) {
    const reasons = Object.entries(s.skipped.reasons)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    out.push(`skipped ${s.skipped.total} unreplayable captures (${reasons}); --include-unreplayable replays them`);
  }
  const b = s.baselineCoverage;
  if (b !== null && (b.share === null || b.share < b.minShare)) {
    out.push(
      `baseline: only ${b.pairs} of ${b.replayed} replayed requests got a baseline answer (${b.share === null ? 'none' : pct(b.share)}, ` +
        `minimum ${pct(b.minShare)}): the noise floor is missing${b.allowed ? ' (allowed by --allow-missing-baseline)' : ''}`,
    );
  }
  const d = s.divergence;
  out.push(`divergence over noise: mean ${fixed(d.mean)}  p50 ${fixed(d.p50)}  p95 ${fixed(d.p95)}  max ${fixed(d.max)}`);
  const most = Math.max(1, ...d.histogram.map((h) => h.count));
  for (const h of d.histogram) out.push(`  ≤ ${h.le.toFixed(2)}  ${'█'.repeat(Math.round((h.count / most) * 30)).padEnd(30)} ${h.count}`);
  out.push('');
  out.push(
    table([['endpoint', 'items', 'match', 'noise', 'regression', 'error', 'status≠', 'mean div'], ...s.endpoints.map(endpointCells)]),
  );
  if (s.otherEndpoints > 0) out.push(`(+${s.otherEndpoints} more endpoints)`);
  out.push('');
  const pairs = s.statusMismatches.pairs.map((p) => `${p.original ?? 'none'}→${p.candidate ?? 'none'} ×${p.count}`).join(', ');
  out.push(`status mismatches: ${s.statusMismatches.total}${pairs === '' ? '' : ` (${pairs})`}`);
  const l = s.latencyMs;
  out.push(
    table([
      ['latency ms', 'p50', 'p95'],
      ['original', fixed(l.original.p50, 1), fixed(l.original.p95, 1)],
      ['candidate', fixed(l.candidate.p50, 1), fixed(l.candidate.p95, 1)],
    ]),
  );
  out.push(`tokens  original ${s.tokens.original}  candidate ${s.tokens.candidate}  (Δ ${signed(s.tokens.delta)})`);
  out.push(
    `cost    original $${s.costUsd.original.toFixed(4)}  candidate $${s.costUsd.candidate.toFixed(4)}  (Δ $${signed(s.costUsd.delta, 4)})`,
  );
  if (s.worst.length > 0) {
    out.push('', 'worst examples (original → candidate):');
    for (const w of s.worst)
      out.push(
        `  ${w.scoreOverNoise.toFixed(3)}  ${w.verdict.padEnd(10)} ${w.exchangeId} → ${w.candidateId ?? '-'}  ${w.endpoint}  ${w.reason}`,
      );
  }
  if (s.thresholds.length > 0) {
    out.push('', 'thresholds:');
    for (const t of s.thresholds)
      out.push(`  ${t.name.padEnd(17)} limit ${t.limit}  actual ${thresholdActualText(t)}  ${t.breached ? 'BREACHED' : 'ok'}`);
  }
  out.push('', runVerdictLine(s));
  return `${out.join('\n')}\n`;
}

/** One line of live progress: bar, done/planned, rate and ETA. */
export function formatProgress(p: ReplayProgress, width = 30): string {
  const share = p.planned === null || p.planned === 0 ? 0 : Math.min(1, p.done / p.planned);
  const filled = Math.round(share * width);
  const eta = p.etaSeconds === null ? '?' : `${Math.ceil(p.etaSeconds)}s`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.planned ?? '?'} ${pct(share)}  ${p.rate.toFixed(0)} req/s  errors ${p.errors}  ETA ${eta}`;
}

const xml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c] ?? c};`);

/**
 * JUnit XML for CI systems: one test case per threshold (failed when breached) and one for the
 * run's completion; the endpoint table goes to `system-out`.
 */
export function formatJunit(s: ReplaySummary): string {
  const cases: string[] = [];
  cases.push(
    `    <testcase classname="understudy.replay" name="run completed">${s.abortReason === null ? '' : `\n      <failure message="${xml(s.abortReason)}"/>\n    `}</testcase>`,
  );
  for (const t of s.thresholds) {
    const failure = t.breached ? `\n      <failure message="${xml(thresholdBreachText(t))}"/>\n    ` : '';
    cases.push(
      `    <testcase classname="understudy.replay.thresholds" name="${t.name} ${thresholdBound(t.name)} ${t.limit}">${failure}</testcase>`,
    );
  }
  const failures = (s.abortReason === null ? 0 : 1) + s.thresholds.filter((t) => t.breached).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="understudy replay" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="replay ${xml(s.runId)} → ${xml(s.target)}" tests="${cases.length}" failures="${failures}" errors="0">`,
    ...cases,
    `    <system-out>${xml(formatSummary(s))}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
