import type { CanonicalResponse } from '@understudy/compare';
import { formatDelta, formatNumber } from './format.js';

/** Latency, tokens and cost of both sides with the candidate's difference. */
export function DeltaTable(props: { original: CanonicalResponse | undefined; candidate: CanonicalResponse | undefined }) {
  const rows: [string, (r: CanonicalResponse) => number | null, number, string][] = [
    ['duration (ms)', (r) => r.timings.durationMs, 0, ' ms'],
    ['time to first byte (ms)', (r) => r.timings.ttfbMs, 0, ' ms'],
    ['input tokens', (r) => r.usage.inputTokens, 0, ''],
    ['output tokens', (r) => r.usage.outputTokens, 0, ''],
    ['cost (USD)', (r) => r.usage.costUsd, 6, ''],
  ];
  return (
    <table>
      <thead>
        <tr>
          <th />
          <th class="num">original</th>
          <th class="num">candidate</th>
          <th class="num">Δ</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, read, digits, unit]) => {
          const a = props.original === undefined ? null : read(props.original);
          const b = props.candidate === undefined ? null : read(props.candidate);
          return (
            <tr>
              <td>{label}</td>
              <td class="num">{formatNumber(a, digits)}</td>
              <td class="num">{formatNumber(b, digits)}</td>
              <td class="num">{a === null || b === null ? '—' : formatDelta(b - a, digits, unit)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
