import {
  applyExtension,
  type CanonicalResponse,
  type CompareExtension,
  type DivergenceReport,
  type JudgeOptions,
  type NoiseLookup,
} from '@understudy/compare';

/** What every second opinion on a pair is told besides the pair itself. */
export interface SecondOpinionContext {
  readonly noise: NoiseLookup | null;
  readonly judge?: Partial<JudgeOptions>;
  /** Other production answers to the same input (a replay's baseline answer, `diff --baseline`). */
  readonly baselines?: readonly CanonicalResponse[];
  /** Aborted when the caller gives up on the pair (a stopped run, a stopping worker). */
  readonly signal?: AbortSignal;
}

/**
 * Folds the second opinions on one compared pair into its report, in order (the user comparator
 * of `compare.extension`, then the LLM judge of `compare.judge`), each after the rules. A failing
 * one is recorded on the pair (`extensionError`) by `applyExtension` and never thrown; the one
 * place replay runs, the live shadow's comparisons and `understudy diff` ask them.
 */
export async function applyExtensions(
  report: DivergenceReport,
  extensions: readonly CompareExtension[],
  candidate: CanonicalResponse,
  original: CanonicalResponse,
  context: SecondOpinionContext,
): Promise<DivergenceReport> {
  let out = report;
  for (const extension of extensions) {
    out = await applyExtension(out, extension, candidate, original, {
      noise: context.noise,
      ...(context.judge === undefined ? {} : { judge: context.judge }),
      ...(context.baselines === undefined ? {} : { baselines: context.baselines }),
      ...(context.signal === undefined ? {} : { signal: context.signal }),
    });
  }
  return out;
}
