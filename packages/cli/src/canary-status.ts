import { type GateVerdict, gateName, parseCanarySpec, samplesInStep } from '@understudy/canary';
import type { CanaryEvent, CanaryRecord } from '@understudy/store';

/** Where a canary stands against its step's minimums and its gates' evidence. */
export interface CanaryProgress {
  /** The step being worked toward (1-based), or null once final or before the first step. */
  readonly nextStep: number | null;
  readonly requests: { readonly n: number; readonly min: number };
  readonly elapsedMs: number;
  readonly minDurationMs: number;
  /** Gates still short of their minimum samples in the step (webhook and optional gates aside). */
  readonly waitingFor: readonly { readonly gate: string; readonly n: number; readonly min: number }[];
  /** When the figures were taken: the last analysis. */
  readonly at: number | null;
}

interface AnalysisData {
  readonly look?: number;
  readonly gates?: readonly GateVerdict[];
  readonly n?: {
    stable?: number;
    candidate?: number;
    candidateInStep?: number;
    comparisonsInStep?: number;
    costInStep?: number;
    tokensInStep?: number;
  };
  readonly decision?: { action?: string; reason?: string };
}

/** The last analysis in a ledger, with its figures. */
export function lastAnalysis(events: readonly CanaryEvent[]): { event: CanaryEvent; data: AnalysisData } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'analysis') return { event: e, data: e.data as AnalysisData };
  }
  return undefined;
}

/** Progress toward the next step, from the spec and the last analysis of this step. */
export function canaryProgress(c: CanaryRecord, events: readonly CanaryEvent[], now: number): CanaryProgress {
  const spec = parseCanarySpec(c.spec);
  const step = spec.steps[c.stepIndex];
  const active = ['progressing', 'awaiting_approval', 'paused'].includes(c.state) && step !== undefined;
  const last = lastAnalysis(events);
  const fresh = last !== undefined && c.stepStartedAt !== null && last.event.at >= c.stepStartedAt ? last.data : undefined;
  const n = fresh?.n;
  const inStep = {
    candidateRequestsInStep: n?.candidateInStep ?? 0,
    candidateComparisonsInStep: n?.comparisonsInStep ?? 0,
    // Recorded by controllers since the cost and tokens gates count reported usage (older analyses: requests).
    ...(n?.costInStep === undefined || n.tokensInStep === undefined
      ? {}
      : { candidateUsageInStep: { cost: n.costInStep, tokens: n.tokensInStep } }),
  };
  const waitingFor = active
    ? spec.gates.flatMap((g) => {
        const n = samplesInStep(g, inStep);
        return n === null || n >= g.minSamples ? [] : [{ gate: gateName(g), n, min: g.minSamples }];
      })
    : [];
  return {
    nextStep: active ? c.stepIndex + 2 : null,
    requests: { n: inStep.candidateRequestsInStep, min: step?.minRequests ?? 0 },
    elapsedMs: active && c.stepStartedAt !== null ? Math.max(0, now - c.stepStartedAt) : 0,
    minDurationMs: step?.minDurationMs ?? 0,
    waitingFor,
    at: fresh === undefined ? null : (last?.event.at ?? null),
  };
}

/** The last `tail` events of a ledger (all when `tail` is undefined; none for 0, where `slice(-0)` would give all). */
export function lastEvents<E>(events: readonly E[], tail: number | undefined): readonly E[] {
  if (tail === undefined) return events;
  return tail === 0 ? [] : events.slice(-tail);
}

/** `canary status` as text: state, progress, each gate's last verdict with its numbers, then the ledger (last `tail`). */
export function formatCanaryStatus(c: CanaryRecord, events: readonly CanaryEvent[], now: number, tail?: number): string {
  const spec = parseCanarySpec(c.spec);
  const progress = canaryProgress(c, events, now);
  const lines = [
    `canary ${c.id}: ${c.stable} → ${c.candidate}${spec.route === undefined ? '' : ` (route ${spec.route})`}`,
    `state ${c.state}, step ${c.stepIndex + 1}/${spec.steps.length}, candidate weight ${c.weight}%${c.reason === null ? '' : `\nreason: ${c.reason}`}`,
  ];
  if (progress.nextStep !== null) {
    const to = progress.nextStep > spec.steps.length ? 'promotion' : `step ${progress.nextStep}`;
    const waiting = progress.waitingFor.map((w) => `${w.gate} ${w.n}/${w.min}`).join(', ');
    lines.push(
      `progress to ${to}: requests ${progress.requests.n}/${progress.requests.min}, time ${seconds(progress.elapsedMs)}/${seconds(progress.minDurationMs)}` +
        (waiting === '' ? '' : `; waiting for evidence: ${waiting}`) +
        (progress.at === null ? ' (no analysis in this step yet)' : ''),
    );
  }
  const last = lastAnalysis(events);
  if (last?.data.gates !== undefined) {
    lines.push('', `gates (analysis ${last.data.look ?? '?'} at ${new Date(last.event.at).toISOString()}):`);
    for (const g of last.data.gates) lines.push(`  ${g.gate.padEnd(12)} ${g.outcome.padEnd(4)} ${gateFigures(g)} — ${g.reason}`);
  }
  const shown = lastEvents(events, tail);
  lines.push('', shown.length < events.length ? `ledger (last ${shown.length} of ${events.length}):` : 'ledger:');
  for (const e of shown) lines.push(`  #${e.seq} ${new Date(e.at).toISOString()} ${e.type} by ${e.actor}${describeEvent(e)}`);
  return `${lines.join('\n')}\n`;
}

/** estimate, bound and n of a verdict, as far as its evidence has them. */
function gateFigures(g: GateVerdict): string {
  const e = g.evidence as Record<string, unknown>;
  const num = (k: string) => (typeof e[k] === 'number' ? (e[k] as number) : undefined);
  const parts: string[] = [];
  const estimate = num('estimate');
  if (estimate !== undefined) parts.push(`estimate ${signed(estimate)}`);
  const lower = num('lower');
  const upper = num('upper');
  if (lower !== undefined && upper !== undefined) parts.push(`bound [${signed(lower)}, ${signed(upper)}]`);
  const nc = num('nCandidate');
  const ns = num('nStable');
  // A gate judged over a window of its own (the divergence gate: the current step) names it.
  const over = typeof e.window === 'string' ? ` in ${e.window}` : '';
  if (nc !== undefined) parts.push(`n ${nc}${ns === undefined ? '' : `/${ns} stable`}${over}`);
  return parts.join('  ');
}

function describeEvent(e: CanaryEvent): string {
  const d = e.data as AnalysisData & { reason?: string; toWeight?: number };
  if (e.type === 'analysis' && d.gates !== undefined) {
    const gates = d.gates.map((g) => `${g.gate}=${g.outcome}`).join(' ');
    const fails = d.gates.filter((g) => g.outcome === 'fail').map((g) => `\n      ${g.gate}: ${g.reason}`);
    return ` — n stable ${d.n?.stable ?? 0}, candidate ${d.n?.candidate ?? 0}; ${gates}; ${d.decision?.action ?? ''}${fails.join('')}`;
  }
  if (d.toWeight !== undefined) return ` — weight ${d.toWeight}%`;
  if (typeof d.reason === 'string') return ` — ${d.reason}`;
  return '';
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
const seconds = (ms: number) => `${Math.round(ms / 1000)}s`;
