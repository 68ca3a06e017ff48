import { endpointCells } from './format-summary.js';
import { type ReplaySummary, thresholdBound, type WorstExample } from './replay-summary.js';
import { type RunVerdict, runVerdict } from './run-verdict.js';
import { thresholdActualText } from './threshold-text.js';

export interface MarkdownOptions {
  /** The control plane's public base URL (`https://understudy.example`); links are left out without it. */
  readonly dashboardUrl?: string | undefined;
  /** Endpoint rows shown (busiest first). */
  readonly maxEndpoints?: number;
}

const headline: Record<RunVerdict, string> = {
  pass: '✅ Understudy replay: PASS',
  fail: '❌ Understudy replay: FAIL',
  no_gate: '⚠️ Understudy replay: NO GATE (no threshold set)',
};

const fixed = (n: number | null, digits = 3): string => (n === null ? '–' : n.toFixed(digits));
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

/** A table cell: no line breaks, pipes escaped, HTML neutralised (GitHub renders inline HTML). */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableOf(header: readonly string[], rows: readonly (readonly string[])[], align: string): string[] {
  return [row(header), row(align.split('').map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)];
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * The dashboard page of one comparison, `<base>/comparisons/<id>`, with the id the comparisons API
 * gives it (store's `ComparisonRecord.id`): the candidate exchange's id, or `<run id>:<original
 * exchange id>` for a replay item that got no answer.
 */
export function comparisonUrl(base: string, runId: string, example: Pick<WorstExample, 'candidateId' | 'exchangeId'>): string {
  const id = example.candidateId ?? `${runId}:${example.exchangeId}`;
  return `${trimSlash(base)}/comparisons/${encodeURIComponent(id)}`;
}

/**
 * A compact Markdown report of a run for a CI step summary or a pull-request comment: verdict,
 * thresholds, counts, the worst examples with what changed, and links to the dashboard.
 */
export function formatMarkdown(s: ReplaySummary, options: MarkdownOptions = {}): string {
  const base = options.dashboardUrl === undefined ? undefined : trimSlash(options.dashboardUrl);
  const out: string[] = [];
  const runName = base === undefined ? `\`${s.runId}\`` : `[\`${s.runId}\`](${base}/replays/${encodeURIComponent(s.runId)})`;
  out.push(`### ${headline[runVerdict(s)]}`, '');
  out.push(
    `Run ${runName} against \`${cell(s.target)}\`${s.baseline === null ? ' (no baseline: structural rules only)' : ` with baseline \`${cell(s.baseline)}\``} · ${s.status}`,
  );
  if (s.abortReason !== null) out.push('', `**Aborted:** ${cell(s.abortReason)}`);
  out.push('');
  const v = s.verdicts;
  const d = s.divergence;
  out.push(
    ...tableOf(
      ['items', 'match', 'noise', 'regression', 'error', 'error rate', 'divergence over noise (mean / p95 / max)'],
      [
        [
          `${s.done}`,
          `${v.match}`,
          `${v.noise}`,
          `${v.regression}`,
          `${v.error}`,
          pct(s.errorRate),
          `${fixed(d.mean)} / ${fixed(d.p95)} / ${fixed(d.max)}`,
        ],
      ],
      'rrrrrrr',
    ),
  );
  if (s.thresholds.length > 0) {
    out.push('', '**Thresholds**', '');
    out.push(
      ...tableOf(
        ['threshold', 'limit', 'actual', 'result'],
        s.thresholds.map((t) => [
          t.name,
          `${thresholdBound(t.name)} ${t.limit}`,
          thresholdActualText(t),
          t.breached ? '❌ breached' : '✅ ok',
        ]),
        'lrrl',
      ),
    );
  } else {
    out.push('', '_No thresholds were set: the run cannot fail on divergence._');
  }
  if (s.worst.length > 0) {
    out.push('', '**Worst examples** (original → candidate)', '');
    out.push(
      ...tableOf(
        ['score', 'verdict', 'endpoint', 'exchange', 'what changed'],
        s.worst.map((w) => {
          const ids = `${w.exchangeId} → ${w.candidateId ?? '–'}`;
          const link = base === undefined ? `\`${ids}\`` : `[\`${ids}\`](${comparisonUrl(base, s.runId, w)})`;
          const changed = w.differences.length > 0 ? w.differences.map(cell).join('<br>') : cell(w.reason) || '–';
          return [w.scoreOverNoise.toFixed(3), w.verdict, cell(w.endpoint), link, changed];
        }),
        'rllll',
      ),
    );
  }
  const maxEndpoints = options.maxEndpoints ?? 10;
  if (s.endpoints.length > 0) {
    const hidden = Math.max(0, s.endpoints.length - maxEndpoints) + s.otherEndpoints;
    out.push('', `<details><summary>Endpoints (${s.endpoints.length + s.otherEndpoints})</summary>`, '');
    out.push(
      ...tableOf(
        ['endpoint', 'items', 'match', 'noise', 'regression', 'error', 'status ≠', 'mean divergence'],
        s.endpoints.slice(0, maxEndpoints).map((e) => {
          const [endpoint = '', ...figures] = endpointCells(e);
          return [cell(endpoint), ...figures];
        }),
        'lrrrrrrr',
      ),
    );
    if (hidden > 0) out.push('', `…and ${hidden} more.`);
    const l = s.latencyMs;
    out.push(
      '',
      `Latency p50/p95 ms: original ${fixed(l.original.p50, 1)} / ${fixed(l.original.p95, 1)}, candidate ${fixed(l.candidate.p50, 1)} / ${fixed(l.candidate.p95, 1)} · ` +
        `tokens ${s.tokens.original} → ${s.tokens.candidate} · cost $${s.costUsd.original.toFixed(4)} → $${s.costUsd.candidate.toFixed(4)}`,
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}
