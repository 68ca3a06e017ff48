/**
 * bench:canary — a seeded simulation, in one run, of many canaries on synthetic traffic:
 * good candidates (stable's error rate, latency, divergence and cost, with sampling and
 * shared window noise) and bad ones (+3 points of errors, +30 % latency, +10 points of
 * divergence, +25 % cost). It compares Understudy's policy (the controller's own gate and
 * step code) with a Flagger-style policy (fixed window, count of failed checks), reporting the
 * false rollback rate on good candidates and the requests a bad candidate serves before
 * rollback. Flagger's tolerances are swept and the one with the least exposure at a false
 * rollback rate no higher than ours is the one compared. Then it measures how fast a routing
 * change reaches taps: in the writer's process, in other processes over PostgreSQL
 * LISTEN/NOTIFY, and in other processes polling a SQLite file (propagation-report.ts).
 */
import { seededRandom } from '@understudy/core';
import { flaggerPolicy, type Policy, understudyPolicy } from './policies.js';
import { reportRoutingPropagation } from './propagation-report.js';
import { type CandidateKind, candidateModel, sample, stableModel, windowNoise } from './traffic-model.js';

const seed = Number(process.env.SEED ?? 20_260_601);
const goodCount = Number(process.env.GOOD ?? 200);
const badPerKind = Number(process.env.BAD_PER_KIND ?? 50);
const rps = 20;
const intervalMs = 30_000;
/** Every canary is followed for this long; a bad candidate never rolled back serves until the end. */
const horizonWindows = 120;
const mirrorRate = 0.1;
const perWindow = Math.round((rps * intervalMs) / 1000);

interface Outcome {
  readonly result: 'rolled_back' | 'promoted' | 'undecided';
  /** Live requests the candidate served within the horizon. */
  readonly exposure: number;
  /** Windows until the decision (or the horizon). */
  readonly windows: number;
}

function simulate(makePolicy: () => Policy, kind: CandidateKind, canarySeed: number): Outcome {
  const random = seededRandom(canarySeed);
  const policy = makePolicy();
  const cand = candidateModel(kind);
  let weight = policy.initialWeight;
  let exposure = 0;
  let result: Outcome['result'] = 'undecided';
  let decidedAt = horizonWindows;
  for (let w = 0; w < horizonWindows; w++) {
    const noise = windowNoise(random);
    if (result === 'promoted') {
      exposure += perWindow;
      continue;
    }
    const stable = [];
    const candidate = [];
    for (let i = 0; i < perWindow; i++) {
      if (random.next() * 100 < weight) candidate.push(sample(random, cand, noise));
      else stable.push(sample(random, stableModel, noise));
    }
    exposure += candidate.length;
    // The shadow mirror copies a share of all traffic to the candidate for comparison.
    let n = 0;
    let over = 0;
    for (let i = 0; i < perWindow; i++) {
      if (random.next() >= mirrorRate) continue;
      n++;
      if (random.next() < cand.divergence) over++;
    }
    const step = policy.observe({ stable, candidate, comparisons: { n, over } }, (w + 1) * intervalMs);
    if (step.kind === 'rollback') {
      result = 'rolled_back';
      decidedAt = w + 1;
      break;
    }
    if (step.kind === 'promote') {
      result = 'promoted';
      decidedAt = w + 1;
      continue;
    }
    weight = step.weight;
  }
  return { result, exposure, windows: decidedAt };
}

interface Summary {
  readonly falseRollbackRate: number;
  readonly goodPromoted: number;
  readonly goodMedianWindows: number;
  readonly badMeanExposure: number;
  readonly badMissed: number;
  readonly byKind: Record<string, { meanExposure: number; missed: number }>;
}

const badKinds: CandidateKind[] = ['errors', 'latency', 'divergence', 'cost'];

function run(makePolicy: () => Policy): Summary {
  const good: Outcome[] = [];
  for (let i = 0; i < goodCount; i++) good.push(simulate(makePolicy, 'good', seed + i));
  const byKind: Record<string, { meanExposure: number; missed: number }> = {};
  const bad: Outcome[] = [];
  badKinds.forEach((kind, k) => {
    const outs: Outcome[] = [];
    for (let i = 0; i < badPerKind; i++) outs.push(simulate(makePolicy, kind, seed + 100_000 * (k + 1) + i));
    byKind[kind] = { meanExposure: mean(outs.map((o) => o.exposure)), missed: outs.filter((o) => o.result !== 'rolled_back').length };
    bad.push(...outs);
  });
  const promoted = good.filter((o) => o.result === 'promoted');
  return {
    falseRollbackRate: good.filter((o) => o.result === 'rolled_back').length / good.length,
    goodPromoted: promoted.length,
    goodMedianWindows: median(promoted.map((o) => o.windows)),
    badMeanExposure: mean(bad.map((o) => o.exposure)),
    badMissed: bad.filter((o) => o.result !== 'rolled_back').length,
    byKind,
  };
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] ?? Number.NaN);
};

/** The policy simulation: Understudy's controller against the Flagger-style sweep. */
function reportPolicies(): void {
  const minRequests = [60, 150, 300, 600, 600];
  const ours = run(() => understudyPolicy(intervalMs, minRequests));

  // Flagger-style sweep: tolerances scaled together, and the failed-check threshold.
  const sweep: { scale: number; threshold: number; summary: Summary }[] = [];
  for (const threshold of process.env.OURS_ONLY === '1' ? [] : [2, 5]) {
    for (const scale of [0.5, 1, 1.5, 2, 3, 4]) {
      const tol = { errorRate: 0.02 * scale, latencyP99: 0.15 * scale, divergence: 0.04 * scale, cost: 0.1 * scale };
      sweep.push({ scale, threshold, summary: run(() => flaggerPolicy(tol, threshold)) });
    }
  }
  const eligible = sweep.filter((s) => s.summary.falseRollbackRate <= ours.falseRollbackRate);
  const best = eligible.sort((a, b) => a.summary.badMeanExposure - b.summary.badMeanExposure)[0];

  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const row = (name: string, s: Summary) =>
    `| ${name} | ${pct(s.falseRollbackRate)} | ${s.goodPromoted}/${goodCount} (median ${s.goodMedianWindows} windows) | ${Math.round(s.badMeanExposure)} | ${badKinds
      .map(
        (k) => `${Math.round(s.byKind[k]?.meanExposure ?? 0)}${(s.byKind[k]?.missed ?? 0) > 0 ? ` (${s.byKind[k]?.missed} missed)` : ''}`,
      )
      .join(' / ')} |`;

  console.log(
    `seed ${seed}; ${goodCount} good + ${badPerKind * badKinds.length} bad canaries; ${rps} req/s, ${intervalMs / 1000} s windows, horizon ${horizonWindows} windows`,
  );
  console.log('| policy | false rollbacks (good) | good promoted | bad: mean requests served | errors / latency / divergence / cost |');
  console.log('|---|---|---|---|---|');
  console.log(row('Understudy (sequential bounds + Mann-Whitney)', ours));
  for (const s of sweep) console.log(row(`Flagger-style, tolerance ×${s.scale}, ${s.threshold} failed checks`, s.summary));
  if (best === undefined) {
    console.log('\nno Flagger-style setting reached our false rollback rate');
  } else {
    const ratio = ours.badMeanExposure / best.summary.badMeanExposure;
    console.log(
      `\nbest Flagger-style at ≤ our false rollback rate: tolerance ×${best.scale}, ${best.threshold} failed checks; exposure ratio ours/theirs = ${ratio.toFixed(3)} (target ≤ 0.333); our false rollbacks ${pct(ours.falseRollbackRate)} (target ≤ 1 %)`,
    );
  }
}

const started = performance.now();
// ROUTING_ONLY=1 skips the simulation (~45 s) and measures routing propagation only.
if (process.env.ROUTING_ONLY !== '1') reportPolicies();
await reportRoutingPropagation();
console.log(`elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
