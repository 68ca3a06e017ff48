import type { CanaryRecord, ComparisonRecord, ReplayRunRecord, Routing } from '@understudy/store';
import { formatNumber, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pill } from './pill.js';
import { Stat } from './stat.js';

export interface OverviewData {
  readonly routes: readonly Routing[];
  /** Versions by name with their upstream (for routes never written by a canary yet). */
  readonly versions: readonly { readonly name: string; readonly upstream: string }[];
  readonly canaries: readonly CanaryRecord[];
  readonly capturesPerMinute: number;
  readonly captured: number;
  /** Dropped captures, shadows and recordings counted by this process's metrics. */
  readonly drops: number;
  readonly shadowVerdicts: Record<string, number>;
  readonly recentRegressions: readonly ComparisonRecord[];
  readonly replays: readonly ReplayRunRecord[];
}

/** The landing page: what serves what, what is ramping, what is being captured and compared. */
export function OverviewPage(props: { frame: Pick<LayoutProps, 'nonce' | 'who'>; data: OverviewData }) {
  const d = props.data;
  const canaryOn = (route: string) => d.canaries.find((c) => d.routes.find((r) => r.route === route)?.canaryId === c.id);
  return (
    <Layout title="Overview" section="overview" refreshSeconds={5} {...props.frame}>
      <h1>Overview</h1>
      <div class="card grid">
        <Stat big label="captures / minute (last 5 min)" value={formatNumber(d.capturesPerMinute, 1)} />
        <Stat big label="exchanges captured" value={formatNumber(d.captured)} />
        <Stat big label="dropped (this process)" value={<span class={d.drops > 0 ? 'bad' : undefined}>{formatNumber(d.drops)}</span>} />
        <Stat big label="active canaries" value={String(d.canaries.length)} />
      </div>
      <h2>Routes</h2>
      <table id="routes">
        <thead>
          <tr>
            <th>route</th>
            <th>serves</th>
            <th>canary</th>
            <th class="num">candidate weight</th>
            <th>updated</th>
          </tr>
        </thead>
        <tbody>
          {d.routes.map((r) => {
            const canary = canaryOn(r.route);
            return (
              <tr>
                <td>{r.route}</td>
                <td>
                  <strong>{r.primary}</strong>
                </td>
                <td>
                  {r.candidate === null ? (
                    '—'
                  ) : (
                    <span>
                      {r.candidate} {canary === undefined ? null : <a href={`/canaries/${canary.id}`}>{canary.id}</a>}{' '}
                      {canary === undefined ? null : <Pill kind="s" value={canary.state} />}
                    </span>
                  )}
                </td>
                <td class="num">{r.candidate === null ? '—' : `${formatNumber(r.weight)} %`}</td>
                <td>{formatTime(r.updatedAt)}</td>
              </tr>
            );
          })}
          {d.routes.length === 0
            ? d.versions.map((v) => (
                <tr>
                  <td>{v.name}</td>
                  <td>
                    <strong>{v.name}</strong> <span class="muted">{v.upstream}</span>
                  </td>
                  <td>—</td>
                  <td class="num">—</td>
                  <td />
                </tr>
              ))
            : null}
        </tbody>
      </table>
      {d.routes.length === 0 && d.versions.length === 0 ? (
        <p class="muted">No route yet. A tap creates its route when it starts: understudy tap --upstream URL.</p>
      ) : null}
      {d.canaries.length === 0 ? null : (
        <div>
          <h2>Canaries in progress</h2>
          <table>
            <tbody>
              {d.canaries.map((c) => (
                <tr>
                  <td>
                    <a href={`/canaries/${c.id}`}>{c.id}</a>
                  </td>
                  <td>
                    {c.stable} → {c.candidate}
                  </td>
                  <td>
                    <Pill kind="s" value={c.state} />
                  </td>
                  <td class="num">{formatNumber(c.weight)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Live shadow verdicts</h2>
      <div class="card grid" id="shadow-verdicts">
        {['match', 'noise', 'regression'].map((v) => (
          <Stat big label={v} value={<a href={`/comparisons?source=shadow&verdict=${v}`}>{formatNumber(d.shadowVerdicts[v] ?? 0)}</a>} />
        ))}
      </div>
      {d.recentRegressions.length === 0 ? null : (
        <table>
          <tbody>
            {d.recentRegressions.map((r) => (
              <tr>
                <td>
                  <a href={`/comparisons/${r.id}`}>{r.id}</a>
                </td>
                <td>
                  <Pill kind="v" value={r.verdict} />
                </td>
                <td>{r.endpoint}</td>
                <td>{formatTime(r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Replay runs</h2>
      {d.replays.length === 0 ? <p class="muted">None yet.</p> : null}
      <table>
        <tbody>
          {d.replays.map((r) => (
            <tr>
              <td>
                <a href={`/replays/${r.id}`}>{r.id}</a>
              </td>
              <td>
                <Pill kind="s" value={r.status} />
              </td>
              <td>{r.target}</td>
              <td class="num">
                {r.done}
                {r.planned === null ? '' : ` / ${r.planned}`}
              </td>
              <td>{formatTime(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
