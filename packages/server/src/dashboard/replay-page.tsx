import { type ReplaySummary, runVerdict, thresholdActualText, thresholdBound } from '@understudy/replay';
import type { ReplayRunRecord } from '@understudy/store';
import { formatDelta, formatNumber, formatPercent, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pill } from './pill.js';
import { Stat } from './stat.js';

/** One replay run: summary, thresholds and verdict, the per-endpoint table and the worst examples. */
export function ReplayPage(props: { frame: Pick<LayoutProps, 'nonce' | 'who'>; run: ReplayRunRecord; verdicts: Record<string, number> }) {
  const r = props.run;
  const s = r.summary as ReplaySummary | null;
  return (
    <Layout title={`Replay ${r.id}`} section="replays" refreshSeconds={r.status === 'running' ? 5 : undefined} {...props.frame}>
      <h1>
        Replay <code>{r.id}</code> <Pill kind="s" value={r.status} /> {s === null ? null : <Pill kind="v" value={runVerdict(s)} />}
      </h1>
      <div class="card grid">
        <Stat label="target" value={r.target} />
        <Stat label="baseline" value={r.baseline ?? '—'} />
        <Stat label="progress" value={`${r.done}${r.planned === null ? '' : ` / ${r.planned}`}`} />
        <Stat label="errors" value={String(r.errors)} />
        <Stat label="started" value={formatTime(r.createdAt)} />
      </div>
      <h2>Verdicts</h2>
      <div class="card grid">
        {['match', 'noise', 'regression', 'error'].map((v) => (
          <div>
            <div class="label">{v}</div>
            <div class="stat">
              <a href={`/comparisons?run=${r.id}&verdict=${v}`}>{props.verdicts[v] ?? 0}</a>
            </div>
          </div>
        ))}
      </div>
      {r.errorMessage === null ? null : <div class="error-box">{r.errorMessage}</div>}
      {s === null ? (
        <p class="muted">The summary appears when the run finishes.</p>
      ) : (
        <div>
          <h2>Thresholds</h2>
          <table>
            <thead>
              <tr>
                <th>threshold</th>
                <th class="num">limit</th>
                <th class="num">actual</th>
                <th>result</th>
              </tr>
            </thead>
            <tbody>
              {s.thresholds.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td class="num">
                    {thresholdBound(t.name)} {Number.isInteger(t.limit) ? `${t.limit}` : formatNumber(t.limit, 3)}
                  </td>
                  <td class="num">{thresholdActualText(t)}</td>
                  <td>{t.breached ? <span class="bad">breached</span> : <span class="good">held</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.thresholds.length === 0 ? <p class="muted">No threshold was set for this run.</p> : null}
          <div class="card grid">
            <Stat label="mean divergence over noise" value={formatNumber(s.divergence.mean, 3)} />
            <Stat label="p95 divergence" value={formatNumber(s.divergence.p95, 3)} />
            <Stat label="error rate" value={formatPercent(s.errorRate)} />
            <Stat
              label="latency p50 original → candidate"
              value={`${formatNumber(s.latencyMs.original.p50)} → ${formatNumber(s.latencyMs.candidate.p50)} ms`}
            />
            <Stat label="tokens Δ" value={formatDelta(s.tokens.delta)} />
            <Stat label="cost Δ (USD)" value={formatDelta(s.costUsd.delta, 4)} />
          </div>
          <h2>Per endpoint</h2>
          <table>
            <thead>
              <tr>
                <th>endpoint</th>
                <th class="num">count</th>
                <th class="num">match</th>
                <th class="num">noise</th>
                <th class="num">regression</th>
                <th class="num">error</th>
                <th class="num">status mismatches</th>
                <th class="num">mean divergence</th>
              </tr>
            </thead>
            <tbody>
              {s.endpoints.map((e) => (
                <tr>
                  <td>{e.endpoint}</td>
                  <td class="num">{e.count}</td>
                  <td class="num">{e.match}</td>
                  <td class="num">{e.noise}</td>
                  <td class="num">{e.regression}</td>
                  <td class="num">{e.error}</td>
                  <td class="num">{e.statusMismatches}</td>
                  <td class="num">{formatNumber(e.meanDivergence, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Worst examples</h2>
          <table>
            <thead>
              <tr>
                <th>comparison</th>
                <th>verdict</th>
                <th>endpoint</th>
                <th class="num">over noise</th>
                <th>why</th>
              </tr>
            </thead>
            <tbody>
              {s.worst.map((w) => {
                const id = w.candidateId ?? `${r.id}:${w.exchangeId}`;
                return (
                  <tr>
                    <td>
                      <a href={`/comparisons/${encodeURIComponent(id)}`}>{id}</a>
                    </td>
                    <td>
                      <Pill kind="v" value={w.verdict} />
                    </td>
                    <td>{w.endpoint}</td>
                    <td class="num">{formatNumber(w.scoreOverNoise, 3)}</td>
                    <td>
                      {w.reason}
                      {(w.differences ?? []).map((d) => (
                        <div class="muted">{d}</div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
