import type { ToolCall } from '@understudy/compare';
import type { DifferenceView } from './difference-table.js';
import { formatValue } from './format.js';

/**
 * The two sides' tool calls aligned by position, each pair with the differences the report
 * found in it (by `tool_calls[i]` path).
 */
export function ToolCallAlignment(props: {
  original: readonly ToolCall[];
  candidate: readonly ToolCall[];
  differences: readonly DifferenceView[];
}) {
  const count = Math.max(props.original.length, props.candidate.length);
  if (count === 0) return <p class="muted">Neither side called a tool.</p>;
  const rows = Array.from({ length: count }, (_, i) => ({
    i,
    original: props.original[i],
    candidate: props.candidate[i],
    differences: props.differences.filter((d) => d.path.startsWith(`tool_calls[${i}]`)),
  }));
  return (
    <table>
      <thead>
        <tr>
          <th>#</th>
          <th>original</th>
          <th>candidate</th>
          <th>differences</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.i + 1}</td>
            <td>{r.original === undefined ? <span class="muted">—</span> : <CallCell call={r.original} />}</td>
            <td>{r.candidate === undefined ? <span class="muted">—</span> : <CallCell call={r.candidate} />}</td>
            <td>
              {r.differences.length === 0 ? (
                <span class="good">same</span>
              ) : (
                r.differences.map((d) => <div class={`sev-${d.severity ?? 'none'}`}>{d.message ?? `${d.kind} at ${d.path}`}</div>)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CallCell(props: { call: ToolCall }) {
  return (
    <div>
      <strong>{props.call.name}</strong>
      <pre>{formatValue(props.call.arguments, 600)}</pre>
    </div>
  );
}
