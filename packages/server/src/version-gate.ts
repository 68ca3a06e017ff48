import {
  collectArmStats,
  type DivergenceCounts,
  evaluateGates,
  type GateVerdict,
  parseCanarySpec,
  storeDivergenceSource,
} from '@understudy/canary';
import { type Clock, isValidVersionName, UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { z } from 'zod';

const durationUnits: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const duration = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, 'a duration like 30m, 1h or 7d')
  .transform((v) => Number(v.slice(0, -1)) * (durationUnits[v.slice(-1)] ?? 1))
  .refine((ms) => ms > 0 && ms <= 30 * 86_400_000, 'from 1s to 30d');
const rate = z.coerce.number().min(0).max(1);
const versionName = z.string().refine(isValidVersionName, 'a version name');

/**
 * What a rollout controller asks: judge `version` against `stable` over the last `window`.
 * Strings, because they arrive as query parameters (Argo) or webhook metadata (Flagger).
 */
export const gateQuerySchema = z.strictObject({
  version: versionName,
  stable: versionName.default('stable'),
  window: duration.prefault('1h'),
  /** A replay run whose comparisons stand for the divergence (else live shadow and replays in the window). */
  run: z.string().min(1).max(64).optional(),
  /** Tolerated share of comparisons beyond the noise floor above `baselineRate`. */
  maxDivergence: rate.default(0.02),
  baselineRate: rate.default(0.05),
  /** Tolerated error-rate increase over stable (absolute). */
  maxErrorRate: rate.default(0.01),
  /** Regressions tolerated in the evidence (a plain count; absent: not checked). */
  maxRegressions: z.coerce.number().int().min(0).optional(),
  /** Regressions tolerated as a share of the judged comparisons (0..1; absent: not checked); holds below `minSamples`. */
  maxRegressionRate: rate.optional(),
  /** Comparisons / requests each check needs before it can decide; below it the answer is inconclusive. */
  minSamples: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Flagger's webhook has no "wait": what an inconclusive verdict answers there. */
  onInconclusive: z.enum(['pass', 'fail']).default('fail'),
});
export type GateQuery = z.output<typeof gateQuerySchema>;

/** One check of the verdict. */
export interface GateCheck {
  readonly name: 'divergence' | 'error_rate' | 'regressions' | 'regression_rate';
  readonly outcome: 'pass' | 'fail' | 'hold';
  readonly reason: string;
  readonly evidence: Readonly<Record<string, number | string | boolean | null>>;
}

/** Understudy's verdict on a version, shaped for Argo Rollouts' `jsonPath`/`successCondition`. */
export interface VersionGateReport {
  readonly version: string;
  readonly stable: string;
  /** `pass`, `fail`, or `inconclusive` (too little evidence: a controller should wait). */
  readonly verdict: 'pass' | 'fail' | 'inconclusive';
  readonly pass: boolean;
  readonly window: { readonly from: string; readonly to: string };
  readonly divergence: {
    readonly source: string;
    readonly compared: number;
    readonly beyondNoise: number;
    readonly rate: number | null;
  };
  readonly errorRate: {
    readonly candidate: number | null;
    readonly stable: number | null;
    readonly nCandidate: number;
    readonly nStable: number;
  };
  readonly regressions: number;
  readonly checks: readonly GateCheck[];
  readonly reason: string;
}

/** Parses a gate query from query parameters or webhook metadata; a bad one is `invalid_input` naming the key. */
export function parseGateQuery(input: Record<string, unknown>): GateQuery {
  const result = gateQuerySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') ?? '';
    throw new UnderstudyError('invalid_input', `${key === '' ? 'query' : key}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

async function runDivergence(store: Store, runId: string, version: string): Promise<DivergenceCounts> {
  const run = await store.replays.getRun(runId);
  if (run === undefined) throw new UnderstudyError('not_found', `no replay run "${runId}"`);
  if (run.target !== version)
    throw new UnderstudyError('invalid_input', `run: replay run ${runId} targeted "${run.target}", not "${version}"`);
  const counts = await store.replays.countByVerdict(runId);
  const compared = (counts.match ?? 0) + (counts.noise ?? 0) + (counts.regression ?? 0);
  return { candidate: { n: compared, events: counts.regression ?? 0 }, baseline: null };
}

/**
 * Judges a version with the canary's own statistics (anytime-valid bounds, holds on small
 * samples): divergence beyond noise from live shadow and replays (or one replay run), the error
 * rate against stable's over the window, and optionally a count of regressions.
 */
export async function judgeVersion(store: Store, clock: Clock, q: GateQuery): Promise<VersionGateReport> {
  // A name nobody registered or served is a typo, not a version without evidence: "inconclusive"
  // would let Flagger's onInconclusive=pass (or a lenient Argo condition) through (user audit 3).
  for (const [key, name] of [
    ['', q.version],
    ['stable: ', q.stable],
  ] as const) {
    if (!(await store.analysis.knowsVersion(name)))
      throw new UnderstudyError(
        'not_found',
        `${key}no version named "${name}": not registered, never served, shadowed or replayed against`,
      );
  }
  const until = clock.now();
  const since = until - q.window;
  const divergence =
    q.run === undefined
      ? await storeDivergenceSource(store).counts({ candidate: q.version, stable: q.stable, since, until })
      : await runDivergence(store, q.run, q.version);
  const [candidate, stable] = await Promise.all([
    collectArmStats(store, { version: q.version, since, until }, { latencies: false }),
    collectArmStats(store, { version: q.stable, since, until }, { latencies: false }),
  ]);
  const spec = parseCanarySpec({
    candidate: q.version,
    stable: q.stable,
    gates: [
      { kind: 'divergence', threshold: q.maxDivergence, baselineRate: q.baselineRate, minSamples: q.minSamples },
      { kind: 'error_rate', threshold: q.maxErrorRate, minSamples: q.minSamples },
    ],
  });
  // One look over one window: the whole alpha is spent on it.
  const window = { name: 'the window', from: since, to: until, of: 1 };
  const verdicts = evaluateGates(spec, { stable, candidate, divergence: [{ counts: divergence, window }], look: 1, webhooks: new Map() });
  const checks: GateCheck[] = verdicts.map((v: GateVerdict) => ({
    name: v.kind === 'divergence' ? 'divergence' : 'error_rate',
    outcome: v.outcome,
    reason: v.reason,
    evidence: v.evidence,
  }));
  const regressions = divergence?.candidate.events ?? 0;
  if (q.maxRegressions !== undefined) {
    const broke = regressions > q.maxRegressions;
    checks.push({
      name: 'regressions',
      outcome: broke ? 'fail' : 'pass',
      reason: `${regressions} regression${regressions === 1 ? '' : 's'} beyond noise (at most ${q.maxRegressions})`,
      evidence: { regressions, limit: q.maxRegressions },
    });
  }
  if (q.maxRegressionRate !== undefined) {
    const judged = divergence?.candidate.n ?? 0;
    const share = judged === 0 ? null : regressions / judged;
    const enough = judged >= q.minSamples;
    const broke = enough && share !== null && share > q.maxRegressionRate;
    checks.push({
      name: 'regression_rate',
      outcome: !enough ? 'hold' : broke ? 'fail' : 'pass',
      reason: enough
        ? `${regressions} of ${judged} comparisons beyond noise (${share === null ? '-' : share.toFixed(4)}, at most ${q.maxRegressionRate})`
        : `${judged} comparisons, fewer than the ${q.minSamples} a rate needs`,
      evidence: { regressions, judged, rate: share, limit: q.maxRegressionRate },
    });
  }
  const verdict = checks.some((c) => c.outcome === 'fail') ? 'fail' : checks.some((c) => c.outcome === 'hold') ? 'inconclusive' : 'pass';
  const compared = divergence?.candidate.n ?? 0;
  const deciding = checks.filter((c) => c.outcome === (verdict === 'pass' ? 'pass' : verdict === 'fail' ? 'fail' : 'hold'));
  return {
    version: q.version,
    stable: q.stable,
    verdict,
    pass: verdict === 'pass',
    window: { from: new Date(since).toISOString(), to: new Date(until).toISOString() },
    divergence: {
      source: q.run === undefined ? 'shadow+replay' : `replay:${q.run}`,
      compared,
      beyondNoise: regressions,
      rate: compared === 0 ? null : regressions / compared,
    },
    errorRate: {
      candidate: candidate.n === 0 ? null : candidate.errors / candidate.n,
      stable: stable.n === 0 ? null : stable.errors / stable.n,
      nCandidate: candidate.n,
      nStable: stable.n,
    },
    regressions,
    checks,
    reason: deciding.map((c) => `${c.name}: ${c.reason}`).join('; '),
  };
}
