import { formatValue } from './format.js';

/** A report category as stored (the dashboard reads it generically: new categories render too). */
export interface CategoryView {
  readonly name: string;
  readonly label?: string;
  readonly score: number;
  readonly severity?: string;
  readonly regression?: boolean;
  readonly reason?: string;
  readonly omitted?: number;
  readonly differences: readonly DifferenceView[];
}

export interface DifferenceView {
  readonly kind: string;
  readonly path: string;
  readonly severity?: string;
  readonly message?: string;
  readonly original?: unknown;
  readonly candidate?: unknown;
  readonly explainedByNoise?: boolean;
}

/** Field-level differences with their risk grade, the noise's say, and before/after values. */
export function DifferenceTable(props: { differences: readonly DifferenceView[]; omitted?: number }) {
  if (props.differences.length === 0) return <p class="muted">No differences listed.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>risk</th>
          <th>where</th>
          <th>what</th>
          <th>original</th>
          <th>candidate</th>
        </tr>
      </thead>
      <tbody>
        {props.differences.map((d) => (
          <tr>
            <td class={`sev-${d.severity ?? 'none'}`}>
              {d.severity ?? '—'}
              {d.explainedByNoise === true ? <span class="muted"> (noise)</span> : null}
            </td>
            <td>
              <code>{d.path}</code>
            </td>
            <td>{d.message ?? d.kind}</td>
            <td>
              <pre>{formatValue(d.original)}</pre>
            </td>
            <td>
              <pre>{formatValue(d.candidate)}</pre>
            </td>
          </tr>
        ))}
        {(props.omitted ?? 0) > 0 ? (
          <tr>
            <td colspan={5} class="muted">
              … and {props.omitted} more
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
