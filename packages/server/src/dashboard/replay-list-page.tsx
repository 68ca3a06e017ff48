import { type ReplaySummary, runVerdict } from '@understudy/replay';
import type { ReplayRunRecord } from '@understudy/store';
import { formatPercent, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pill } from './pill.js';

/** Replay runs, newest first. */
export function ReplayListPage(props: { frame: Pick<LayoutProps, 'nonce' | 'who'>; runs: readonly ReplayRunRecord[] }) {
  return (
    <Layout title="Replays" section="replays" refreshSeconds={10} {...props.frame}>
      <h1>Replay runs</h1>
      <table>
        <thead>
          <tr>
            <th>run</th>
            <th>status</th>
            <th>verdict</th>
            <th>target</th>
            <th>baseline</th>
            <th class="num">progress</th>
            <th>started</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((r) => {
            const summary = r.summary as ReplaySummary | null;
            return (
              <tr>
                <td>
                  <a href={`/replays/${r.id}`}>{r.id}</a>
                </td>
                <td>
                  <Pill kind="s" value={r.status} />
                </td>
                <td>{summary?.passed === undefined ? '—' : <Pill kind="v" value={runVerdict(summary)} />}</td>
                <td>{r.target}</td>
                <td>{r.baseline ?? '—'}</td>
                <td class="num">
                  {r.done}
                  {r.planned === null ? '' : ` / ${r.planned} (${formatPercent(r.planned === 0 ? 1 : r.done / r.planned, 0)})`}
                </td>
                <td>{formatTime(r.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.runs.length === 0 ? <p class="muted">No replay run yet. Start one with understudy replay --target VERSION.</p> : null}
    </Layout>
  );
}
