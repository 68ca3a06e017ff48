import type { CanaryEvent } from '@understudy/store';
import { formatTime, formatValue } from './format.js';

interface GateRow {
  readonly gate?: string;
  readonly outcome?: string;
  readonly reason?: string;
}

/** The canary's ledger: every decision with who made it and its evidence (gate verdicts, reasons). */
export function LedgerTable(props: { events: readonly CanaryEvent[]; canaryId: string }) {
  return (
    <table id="ledger">
      <thead>
        <tr>
          <th class="num">#</th>
          <th>at</th>
          <th>event</th>
          <th>actor</th>
          <th>evidence</th>
        </tr>
      </thead>
      <tbody>
        {props.events.map((e) => {
          const data = (e.data ?? {}) as Record<string, unknown>;
          const gates = (Array.isArray(data.gates) ? data.gates : []) as GateRow[];
          const decision = data.decision as { action?: string; reason?: string } | undefined;
          return (
            <tr class="ledger-row" data-type={e.type}>
              <td class="num">{e.seq}</td>
              <td>{formatTime(e.at)}</td>
              <td>
                <strong>{e.type.replace(/_/g, ' ')}</strong>
                {typeof data.toWeight === 'number' ? <span class="muted"> → {data.toWeight} %</span> : null}
              </td>
              <td>{e.actor}</td>
              <td>
                {typeof data.reason === 'string' ? <div>{data.reason}</div> : null}
                {decision === undefined ? null : (
                  <div>
                    decision: <strong>{decision.action}</strong>{' '}
                    {decision.reason === undefined ? null : <span class="muted">{decision.reason}</span>}
                  </div>
                )}
                {gates.map((g) => (
                  <div class={g.outcome === 'fail' ? 'bad' : g.outcome === 'pass' ? 'good' : 'muted'}>
                    {g.gate}: {g.outcome} — {g.reason}
                  </div>
                ))}
                {e.type === 'shadow_verdict' ? (
                  <div>
                    {formatValue(data, 200)} · <a href={`/comparisons?canary=${props.canaryId}`}>comparisons</a>
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
