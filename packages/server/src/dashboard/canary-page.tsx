import type { CanaryEvent, CanaryRecord, Routing } from '@understudy/store';
import { CanaryActions } from './canary-actions.js';
import { CanaryChart } from './canary-chart.js';
import { canarySeries } from './canary-series.js';
import { formatNumber, formatPercent, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { LedgerTable } from './ledger-table.js';
import { Pill } from './pill.js';
import { Stat } from './stat.js';

export interface StepView {
  readonly weight: number;
  readonly minDurationMs: number;
  readonly minRequests: number;
  readonly approval: boolean;
}

/** One canary: state, progress toward the next step, the chart over time, the ledger and the actions. */
export function CanaryPage(props: {
  frame: Pick<LayoutProps, 'nonce' | 'who'>;
  canary: CanaryRecord;
  steps: readonly StepView[];
  events: readonly CanaryEvent[];
  routing: Routing | null;
  candidateRequestsInStep: number | null;
  now: number;
}) {
  const c = props.canary;
  const next = props.steps[c.stepIndex + 1];
  const current = props.steps[c.stepIndex];
  const elapsed = c.stepStartedAt === null ? 0 : props.now - c.stepStartedAt;
  const timeShare = current === undefined || current.minDurationMs === 0 ? 1 : Math.min(1, elapsed / current.minDurationMs);
  const requestShare =
    current === undefined || current.minRequests === 0 ? 1 : Math.min(1, (props.candidateRequestsInStep ?? 0) / current.minRequests);
  const live = ['pending', 'shadow', 'progressing', 'paused', 'awaiting_approval'].includes(c.state);
  return (
    <Layout title={`Canary ${c.id}`} section="canaries" refreshSeconds={live ? 3 : undefined} {...props.frame}>
      <h1>
        Canary <code>{c.id}</code>: {c.stable} → {c.candidate}{' '}
        <span id="canary-state">
          <Pill kind="s" value={c.state} />
        </span>
      </h1>
      <div class="card grid">
        <Stat big label="candidate weight" value={`${formatNumber(c.weight)} %`} />
        <Stat big label="step" value={c.stepIndex < 0 ? 'not started' : `${c.stepIndex + 1} of ${props.steps.length}`} />
        <Stat big label="route now" value={props.routing === null ? '—' : `${props.routing.route} (primary ${props.routing.primary})`} />
        <Stat big label="started by" value={c.createdBy} />
        <Stat big label="created" value={formatTime(c.createdAt)} />
      </div>
      {c.reason === null ? null : <div class={c.state === 'rolled_back' ? 'error-box' : 'card'}>{c.reason}</div>}
      {live && current !== undefined ? (
        <div class="card" id="progress">
          <h2>Progress toward {next === undefined ? 'promotion' : `step ${c.stepIndex + 2} (${next.weight} %)`}</h2>
          <p>
            time in step {formatNumber(elapsed / 1000)} s of {formatNumber(current.minDurationMs / 1000)} s ({formatPercent(timeShare, 0)})
          </p>
          <div class="bar">
            <span class={`w${Math.round(timeShare * 20) * 5}`} />
          </div>
          <p>
            candidate requests {props.candidateRequestsInStep ?? '—'} of {current.minRequests} ({formatPercent(requestShare, 0)})
            {next?.approval === true ? ' · the next step needs an approval' : ''}
          </p>
          <div class="bar">
            <span class={`w${Math.round(requestShare * 20) * 5}`} />
          </div>
        </div>
      ) : null}
      <CanaryActions canary={c} role={props.frame.who?.role ?? 'read'} />
      <h2>Over time</h2>
      <CanaryChart series={canarySeries(props.events, props.now)} />
      <h2>
        Ledger <a href={`/comparisons?canary=${c.id}`}>(comparisons of {c.candidate} during this canary)</a>
      </h2>
      <LedgerTable events={props.events} canaryId={c.id} />
    </Layout>
  );
}
