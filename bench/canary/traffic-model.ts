import type { Random } from '@understudy/core';

/** How one version behaves in the simulation. */
export interface ArmModel {
  readonly errorRate: number;
  /** Median latency in ms (lognormal, σ = 0.5). */
  readonly latencyMs: number;
  /** Share of shadow comparisons beyond the noise floor. */
  readonly divergence: number;
  /** Mean cost in USD per request (lognormal, σ = 0.4). */
  readonly costUsd: number;
}

export const stableModel: ArmModel = { errorRate: 0.02, latencyMs: 800, divergence: 0.05, costUsd: 0.002 };

export type CandidateKind = 'good' | 'errors' | 'latency' | 'divergence' | 'cost';

/** Bad candidates: +3 points of errors, +30 % latency, +10 points of divergence, or +25 % cost. */
export function candidateModel(kind: CandidateKind): ArmModel {
  switch (kind) {
    case 'good':
      return stableModel;
    case 'errors':
      return { ...stableModel, errorRate: stableModel.errorRate + 0.03 };
    case 'latency':
      return { ...stableModel, latencyMs: stableModel.latencyMs * 1.3 };
    case 'divergence':
      return { ...stableModel, divergence: stableModel.divergence + 0.1 };
    case 'cost':
      return { ...stableModel, costUsd: stableModel.costUsd * 1.25 };
  }
}

/** One simulated request's outcome. */
export interface Sample {
  readonly error: boolean;
  readonly latencyMs: number;
  readonly costUsd: number;
}

export function gaussian(random: Random): number {
  const u1 = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.next());
}

/**
 * Window-level noise both arms share (load, time of day): error rate ×e^(0.3Z), latency
 * ×e^(0.1Z). Per-window policies see it as noise; a comparison of arms cancels it.
 */
export interface WindowNoise {
  readonly errorFactor: number;
  readonly latencyFactor: number;
}

export function windowNoise(random: Random): WindowNoise {
  return { errorFactor: Math.exp(0.3 * gaussian(random)), latencyFactor: Math.exp(0.1 * gaussian(random)) };
}

export function sample(random: Random, arm: ArmModel, noise: WindowNoise): Sample {
  const costSigma = 0.4;
  return {
    error: random.next() < Math.min(1, arm.errorRate * noise.errorFactor),
    latencyMs: arm.latencyMs * noise.latencyFactor * Math.exp(0.5 * gaussian(random)),
    // Lognormal with the given mean: median = mean·e^(−σ²/2).
    costUsd: arm.costUsd * Math.exp(costSigma * gaussian(random) - (costSigma * costSigma) / 2),
  };
}
