import type { CanaryEvent } from '@understudy/store';

/** A point in time with a value (epoch ms, value). */
export type Point = readonly [number, number];

/** What the canary chart draws, read from the ledger alone (so it shows the evidence decisions were made on). */
export interface CanarySeries {
  readonly from: number;
  readonly to: number;
  /** Candidate weight (percent) as a step function. */
  readonly weight: Point[];
  readonly errorRate: { readonly stable: Point[]; readonly candidate: Point[] };
  /** A latency quantile (ms) per arm, from the latency gate's evidence. */
  readonly latency: { readonly stable: Point[]; readonly candidate: Point[]; readonly label: string | null };
  /** Share of the candidate's comparisons over the noise floor minus production's own share. */
  readonly divergence: Point[];
  /** When a step began, and its weight. */
  readonly steps: { readonly at: number; readonly weight: number }[];
  /** The rollback or promotion, if any. */
  readonly end: { readonly at: number; readonly kind: 'rolled_back' | 'promoted' | 'aborted' } | null;
}

interface GateData {
  readonly kind?: string;
  readonly evidence?: Record<string, unknown>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Builds the chart's series from a canary's ledger, oldest event first. */
export function canarySeries(events: readonly CanaryEvent[], now: number): CanarySeries {
  const weight: Point[] = [];
  const stableErr: Point[] = [];
  const candidateErr: Point[] = [];
  const stableLat: Point[] = [];
  const candidateLat: Point[] = [];
  const divergence: Point[] = [];
  const steps: { at: number; weight: number }[] = [];
  let latencyLabel: string | null = null;
  let end: CanarySeries['end'] = null;
  let current = 0;
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'created') weight.push([e.at, 0]);
    if (e.type === 'step') {
      current = num(data.toWeight) ?? current;
      weight.push([e.at, current]);
      steps.push({ at: e.at, weight: current });
    }
    if (e.type === 'rolled_back' || e.type === 'promoted' || e.type === 'aborted') {
      current = e.type === 'promoted' ? 100 : 0;
      weight.push([e.at, current]);
      end = { at: e.at, kind: e.type };
    }
    if (e.type === 'analysis') {
      const n = (data.n ?? {}) as Record<string, unknown>;
      const errors = (data.errors ?? {}) as Record<string, unknown>;
      const rate = (k: string) => {
        const total = num(n[k]);
        const bad = num(errors[k]);
        return total === null || bad === null || total === 0 ? null : bad / total;
      };
      const s = rate('stable');
      const c = rate('candidate');
      if (s !== null) stableErr.push([e.at, s]);
      if (c !== null) candidateErr.push([e.at, c]);
      for (const gate of (Array.isArray(data.gates) ? data.gates : []) as GateData[]) {
        const ev = gate.evidence ?? {};
        if (gate.kind === 'latency') {
          const key = Object.keys(ev).find((k) => /^p\d+Stable$/.test(k));
          if (key !== undefined) {
            latencyLabel = key.replace('Stable', '');
            const ls = num(ev[key]);
            const lc = num(ev[`${latencyLabel}Candidate`]);
            if (ls !== null) stableLat.push([e.at, ls]);
            if (lc !== null) candidateLat.push([e.at, lc]);
          }
        }
        if (gate.kind === 'divergence') {
          const rc = num(ev.rateCandidate);
          if (rc !== null) divergence.push([e.at, Math.max(0, rc - (num(ev.rateBaseline) ?? 0))]);
        }
      }
    }
  }
  const from = events[0]?.at ?? now;
  const to = end?.at ?? Math.max(now, events.at(-1)?.at ?? now);
  if (end === null) weight.push([to, current]);
  return {
    from,
    to,
    weight,
    errorRate: { stable: stableErr, candidate: candidateErr },
    latency: { stable: stableLat, candidate: candidateLat, label: latencyLabel },
    divergence,
    steps,
    end,
  };
}
