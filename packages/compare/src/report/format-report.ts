import type { Difference, DivergenceReport } from './divergence-report.js';

const codes = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

/**
 * A readable, plain-text rendering of a report for terminals (ANSI colour when `color`) and
 * logs. Pure: the CLI decides where it goes.
 */
export function formatReport(report: DivergenceReport, options: { color?: boolean } = {}): string {
  const paint = (code: keyof typeof codes, s: string): string => (options.color ? `\u001b[${codes[code]}m${s}\u001b[0m` : s);
  const verdictColor = report.verdict === 'regression' ? 'red' : report.verdict === 'noise' ? 'yellow' : 'green';
  const lines: string[] = [];
  lines.push(
    `${paint('bold', 'verdict')} ${paint(verdictColor, report.verdict.toUpperCase())}  score ${report.score.toFixed(3)}  over noise ${report.scoreOverNoise.toFixed(3)}  ${report.noiseApplied ? 'noise model applied' : 'no noise model'}`,
  );
  lines.push(paint('dim', `endpoint ${report.endpoint}  protocol ${report.protocol.original} → ${report.protocol.candidate}`));
  for (const c of report.categories) {
    if (c.differences.length === 0 && c.score === 0) continue;
    const name = c.label === undefined ? c.name : `${c.name}:${c.label}`;
    const flag = c.regression === true ? paint('red', ' REGRESSION') : '';
    lines.push(
      `${paint('bold', name)}  score ${c.score.toFixed(3)} × ${c.weight}  ${c.severity}${flag}${c.reason ? paint('dim', `  (${c.reason})`) : ''}`,
    );
    for (const d of c.differences) {
      const noise = d.explainedByNoise === true ? paint('dim', ` [noise${excuseNote(d)}]`) : '';
      const values =
        d.original !== undefined || d.candidate !== undefined
          ? paint('dim', `  ${JSON.stringify(d.original ?? null)} → ${JSON.stringify(d.candidate ?? null)}`)
          : '';
      lines.push(`  ${d.severity.padEnd(8)} ${d.kind} ${d.path}: ${d.message}${noise}${values}`);
    }
    if (c.omitted > 0) lines.push(paint('dim', `  … ${c.omitted} more`));
  }
  if (report.text !== null && report.text.hunks !== undefined && report.text.hunks.length > 0) {
    const t = report.text;
    lines.push(
      `${paint('bold', 'text')}  similarity ${t.similarity.toFixed(3)} (word ${t.word.toFixed(3)}, bag ${t.bag.toFixed(3)}, length ratio ${t.lengthRatio.toFixed(3)}, ${t.method})`,
    );
    const parts = (t.hunks ?? []).map((h) =>
      h.op === 'equal' ? h.text : h.op === 'delete' ? paint('red', `[-${h.text}-]`) : paint('green', `{+${h.text}+}`),
    );
    lines.push(`  ${parts.join(' ')}`);
  }
  const d = report.deltas;
  const fmt = (v: number | null, unit: string): string =>
    v === null ? 'n/a' : `${v > 0 ? '+' : ''}${Number.isInteger(v) ? v : v.toFixed(4)}${unit}`;
  lines.push(
    paint(
      'dim',
      `deltas  latency ${fmt(d.latencyMs, ' ms')}  ttft ${fmt(d.ttftMs, ' ms')}  tokens in ${fmt(d.inputTokens, '')} out ${fmt(d.outputTokens, '')}  cost ${fmt(d.costUsd, ' USD')}`,
    ),
  );
  for (const n of report.notes) lines.push(paint('dim', `note: ${n}`));
  if (report.extensionError !== undefined) lines.push(paint('yellow', `extension error: ${report.extensionError}`));
  return `${lines.join('\n')}\n`;
}

/** Which rule found a difference production's answers excused, and by what: `: edited-sentence, saidByBaseline of baseline 2`. */
function excuseNote(d: Difference): string {
  const e = d.origin?.excuse;
  if (d.origin === undefined || e === undefined) return '';
  return `: ${d.origin.rule}, ${e.test}${e.baseline === undefined ? '' : ` of baseline ${e.baseline + 1}`}`;
}
