import { isStickyKey, isValidVersionName, UnderstudyError } from '@understudy/core';
import { z } from 'zod/v4';

/** The webhook moments a canary can call out on. */
export const webhookKinds = ['pre-rollout', 'step', 'confirm-promotion', 'rollback', 'event'] as const;
export type WebhookKind = (typeof webhookKinds)[number];

/** The gates a canary can check each analysis window. */
export const gateKinds = ['error_rate', 'latency', 'latency_p95', 'latency_p99', 'divergence', 'cost', 'tokens', 'webhook'] as const;
export type GateKind = (typeof gateKinds)[number];

const versionName = z.string().refine(isValidVersionName, 'expected a version name (letters, digits, ".", "_" or "-")');
const durationMs = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600 * 1000);

const stepSchema = z.strictObject({
  /** Percent of live traffic on the candidate, 0 < weight ≤ 100. */
  weight: z.number().gt(0).max(100),
  /** The step lasts at least this long before the next may start. */
  minDurationMs: durationMs.default(0),
  /** …and until the candidate has served at least this many requests in it. */
  minRequests: z.number().int().min(0).default(0),
  /** Wait for a manual `approve` before entering this step. */
  approval: z.boolean().default(false),
});

const gateSchema = z.strictObject({
  kind: z.enum(gateKinds),
  /** Defaults to the kind; names must be unique within a canary. */
  name: z.string().min(1).max(64).optional(),
  /**
   * Tolerated worsening of candidate vs stable: an absolute rate difference for `error_rate` and
   * `divergence` (0.01 = one point), a relative increase for `latency`, `latency_p95`, `latency_p99`, `cost`,
   * `tokens` (0.1 = 10 %).
   */
  threshold: z.number().min(0).default(0.01),
  /** Which way is worse: `increase` (errors, latency, cost) or `decrease`. */
  direction: z.enum(['increase', 'decrease']).default('increase'),
  /** A critical gate rolls back on its first failing window. */
  critical: z.boolean().default(false),
  /**
   * Smallest sample per arm before the gate can decide; below it the outcome is hold. A step
   * does not end before the candidate has this many samples in it (requests, or comparisons
   * for `divergence`), unless the gate is `optional`.
   */
  minSamples: z.number().int().min(1).default(30),
  /** An optional gate still fails or passes, but a step does not wait for its samples. */
  optional: z.boolean().default(false),
  /** `webhook` gates only: where to POST, and how long to wait. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  timeoutMs: z.number().int().positive().max(60_000).default(5_000),
  /** `divergence` only: the expected share of comparisons over the noise floor when nothing changed. */
  baselineRate: z.number().min(0).max(1).default(0.05),
});

/** core's one sticky-key grammar, as the tap's split and the shadow mirror read it. */
const stickySchema = z.string().refine(isStickyKey, 'expected header:NAME, cookie:NAME or json:$.path');

const webhookSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  kinds: z
    .array(z.enum(webhookKinds))
    .min(1)
    .default([...webhookKinds]),
  timeoutMs: z.number().int().positive().max(60_000).default(5_000),
});

/** The canary specification as accepted by the API and the CLI. */
export const canarySpecSchema = z.strictObject({
  candidate: versionName,
  stable: versionName.default('stable'),
  steps: z
    .array(stepSchema)
    .min(1)
    .max(20)
    .default(
      [{ weight: 1 }, { weight: 5 }, { weight: 25 }, { weight: 50 }, { weight: 100 }].map((s) => ({
        ...s,
        minDurationMs: 0,
        minRequests: 50,
        approval: false,
      })),
    ),
  intervalMs: z.number().int().min(100).max(3600_000).default(30_000),
  gates: z
    .array(gateSchema)
    .max(16)
    .default([
      {
        kind: 'error_rate',
        threshold: 0.01,
        direction: 'increase',
        critical: false,
        minSamples: 30,
        optional: false,
        timeoutMs: 5000,
        baselineRate: 0.05,
      },
      {
        kind: 'latency',
        threshold: 0.1,
        direction: 'increase',
        critical: false,
        minSamples: 30,
        optional: false,
        timeoutMs: 5000,
        baselineRate: 0.05,
      },
    ]),
  /** `header:NAME`, `cookie:NAME` or `json:$.path`; without it requests are split one by one. */
  sticky: stickySchema.nullable().default(null),
  /** On a candidate connection error or 5xx, serve the user from stable and count it against the candidate. */
  fallback: z.boolean().default(true),
  webhooks: z.array(webhookSchema).max(8).default([]),
  /** Require a passing replay or live-shadow verdict for the candidate before the first live step. */
  requireShadowVerdict: z.boolean().default(false),
  /** Consecutive failing windows of a non-critical gate before rolling back. */
  failureThreshold: z.number().int().min(1).max(100).default(2),
  /**
   * The tap route whose routing this canary drives: the version name taps were started with.
   * Defaults to the route currently served by `stable`, else `stable` itself.
   */
  route: versionName.optional(),
  /** Overall false-alarm budget per gate family, spent across gates and looks. */
  alpha: z.number().gt(0).lt(0.5).default(0.01),
  /**
   * Accept a `divergence` gate with no source of comparisons for the candidate yet (no live
   * shadow of it, no replay run against it), which `create` refuses otherwise; the CLI's
   * `--allow-weak-evidence` also allows a `--min-requests` below a gate's `minSamples`.
   */
  allowWeakEvidence: z.boolean().default(false),
});

export type CanarySpec = z.infer<typeof canarySpecSchema>;
export type CanarySpecInput = z.input<typeof canarySpecSchema>;
export type GateSpec = CanarySpec['gates'][number];
export type StepSpec = CanarySpec['steps'][number];
export type WebhookSpec = CanarySpec['webhooks'][number];

/** Validates a spec; a failure names the offending key path (`steps.2.weight: …`). */
export function parseCanarySpec(input: unknown): CanarySpec {
  const result = canarySpecSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'spec' : issue.path.join('.');
    const message = issue?.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
    throw new UnderstudyError('invalid_input', `${where}: ${message}`, { details: { path: where } });
  }
  const spec = result.data;
  if (spec.candidate === spec.stable) throw new UnderstudyError('invalid_input', 'candidate: must differ from stable');
  for (let i = 1; i < spec.steps.length; i++) {
    if ((spec.steps[i]?.weight ?? 0) <= (spec.steps[i - 1]?.weight ?? 0)) {
      throw new UnderstudyError('invalid_input', `steps.${i}.weight: weights must increase step by step`);
    }
  }
  const names = new Set<string>();
  spec.gates.forEach((g, i) => {
    const name = gateName(g);
    if (names.has(name)) throw new UnderstudyError('invalid_input', `gates.${i}.name: duplicate gate name "${name}"`);
    names.add(name);
    if (g.kind === 'webhook' && g.url === undefined)
      throw new UnderstudyError('invalid_input', `gates.${i}.url: required for a webhook gate`);
  });
  return spec;
}

/**
 * The strictest gate that decides from traffic requests (not webhook, divergence or optional):
 * a step `minRequests` below its `minSamples` promises a decision the gate cannot make in it.
 */
export function strictestRequestGate(spec: Pick<CanarySpec, 'gates'>): GateSpec | undefined {
  const need = spec.gates.filter((g) => g.kind !== 'webhook' && g.kind !== 'divergence' && !g.optional);
  return need.reduce<GateSpec | undefined>((a, g) => (a === undefined || g.minSamples > a.minSamples ? g : a), undefined);
}

/** A gate's name: its own, or its kind. */
export function gateName(gate: GateSpec): string {
  return gate.name ?? gate.kind;
}
