import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliIo, UsageError } from './cli-io.js';

/** The flags of `canary start` that make its spec (parsed, not yet checked). */
export interface CanarySpecFlags {
  readonly spec?: string | undefined;
  readonly candidate?: string | undefined;
  readonly stable?: string | undefined;
  readonly interval?: string | undefined;
  readonly sticky?: string | undefined;
  readonly 'no-fallback'?: boolean | undefined;
  readonly 'require-shadow'?: boolean | undefined;
  readonly steps?: string | undefined;
  readonly 'min-requests'?: string | undefined;
  readonly 'min-duration'?: string | undefined;
  readonly approve?: readonly string[] | undefined;
  readonly gate?: readonly string[] | undefined;
  readonly webhook?: readonly string[] | undefined;
}

/** The canary spec `--spec FILE` and the flags give (flags override the file's fields); the service validates it. */
export function specFromFlags(io: CliIo, v: CanarySpecFlags): Record<string, unknown> {
  let spec: Record<string, unknown> = {};
  if (v.spec !== undefined) {
    try {
      spec = JSON.parse(readFileSync(resolve(io.cwd, v.spec), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`--spec ${v.spec}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (v.candidate !== undefined) spec.candidate = v.candidate;
  if (spec.candidate === undefined) throw new UsageError('canary start needs --candidate NAME');
  if (v.stable !== undefined) spec.stable = v.stable;
  if (v.interval !== undefined) spec.intervalMs = duration('interval', v.interval);
  if (v.sticky !== undefined) spec.sticky = v.sticky;
  if (v['no-fallback'] === true) spec.fallback = false;
  if (v['require-shadow'] === true) spec.requireShadowVerdict = true;
  if (v.steps !== undefined || v['min-requests'] !== undefined || v['min-duration'] !== undefined || v.approve !== undefined) {
    spec.steps = stepsFromFlags(v, spec.steps);
  }
  if (v.gate !== undefined) {
    spec.gates = v.gate.map((g) => {
      const m = /^([a-z][a-z0-9_]*):(\d+(?:\.\d+)?)(:critical)?$/.exec(g);
      if (m === null) throw new UsageError(`--gate must look like KIND:THRESHOLD[:critical], got "${g}"`);
      return { kind: m[1], threshold: Number(m[2]), critical: m[3] !== undefined };
    });
  }
  if (v.webhook !== undefined) spec.webhooks = v.webhook.map((url) => ({ url }));
  return spec;
}

/**
 * The steps `--steps`, `--min-requests`, `--min-duration` and `--approve` ask for. Without
 * `--steps`, the others apply to the spec file's steps (flags override its fields; they used to
 * replace its steps with the default weights), else to 1,5,25,50,100. An `--approve` naming no
 * step is refused: that approval would never be asked for, and the canary would promote unapproved.
 */
function stepsFromFlags(v: CanarySpecFlags, fromSpec: unknown): unknown {
  let steps: Record<string, unknown>[];
  if (v.steps !== undefined) {
    steps = v.steps.split(',').map((w) => {
      if (!/^\d+(\.\d+)?$/.test(w.trim())) throw new UsageError(`--steps must be weights like 1,5,25,50,100, got "${v.steps}"`);
      return { weight: Number(w) };
    });
  } else if (fromSpec === undefined) {
    steps = [1, 5, 25, 50, 100].map((weight) => ({ weight }));
  } else if (Array.isArray(fromSpec) && fromSpec.every((step) => typeof step === 'object' && step !== null)) {
    steps = (fromSpec as Record<string, unknown>[]).map((step) => ({ ...step }));
  } else {
    return fromSpec; // not a list of steps: the spec's validation names it
  }
  const approve = new Set((v.approve ?? []).map((s) => integer('approve', s)));
  for (const step of approve) {
    if (step < 1 || step > steps.length)
      throw new UsageError(`--approve ${step} names no step: the canary has ${steps.length} steps (1-${steps.length})`);
  }
  const minRequests = v['min-requests'] === undefined ? undefined : integer('min-requests', v['min-requests']);
  const minDurationMs = v['min-duration'] === undefined ? undefined : duration('min-duration', v['min-duration']);
  return steps.map((step, i) => ({
    ...step,
    minRequests: minRequests ?? step.minRequests ?? 50,
    minDurationMs: minDurationMs ?? step.minDurationMs ?? 0,
    ...(v.approve === undefined ? {} : { approval: approve.has(i + 1) }),
  }));
}

function duration(flag: string, text: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(text);
  if (m === null) throw new UsageError(`--${flag} must be a duration like 30s, 5m or 500ms, got "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000;
  return Number(m[1]) * unit;
}

/** A whole-number flag's value, or a one-line usage error naming it. */
export function integer(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  return Number(text);
}
