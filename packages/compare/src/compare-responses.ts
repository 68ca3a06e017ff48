import type { CanonicalResponse } from './adapters/canonical-response.js';
import { defaultVolatilePaths } from './adapters/canonicalize.js';
import { factCategory } from './facts/fact-category.js';
import type { FactDiffOptions } from './facts/fact-diff-options.js';
import { diffJsonValues } from './json/json-diff.js';
import { compilePathMatcher } from './json/json-path.js';
import { type JudgeOptions, judge } from './noise/judge.js';
import type { NoiseLookup } from './noise/noise-lookup.js';
import { category } from './report/category-report.js';
import type { CategoryReport, Deltas, Difference, DivergenceReport } from './report/divergence-report.js';
import { combineScores } from './report/score.js';
import { errorCategory, statusCategory } from './status-categories.js';
import { textCategory } from './text/text-category.js';
import { defaultTextLimits, type TextSimilarityLimits } from './text/text-similarity.js';
import { sideEffectCategory } from './tool-calls/side-effect-category.js';
import type { SideEffectSummary } from './tool-calls/side-effects.js';
import { diffToolCalls } from './tool-calls/tool-call-diff.js';

/** Options of {@link compareResponses}; every field has a default. */
export interface CompareOptions {
  /** The noise-model bucket, conventionally `METHOD path` (`POST /v1/chat/completions`). */
  readonly endpoint?: string;
  /** JSON paths ignored in bodies and structured outputs, on top of the volatile defaults. */
  readonly ignorePaths?: readonly string[];
  /**
   * JSON paths ignored in tool-call arguments, rooted at each call's arguments object
   * (`$.request_id`). The volatile body defaults never apply here: a tool argument named `id` matters.
   */
  readonly ignoreArgumentPaths?: readonly string[];
  /** Ignore `id`, `created`, `system_fingerprint`, `usage`… of generic JSON bodies. Default true. */
  readonly ignoreVolatile?: boolean;
  /** Relative tolerance for numbers in bodies and tool arguments. Default 0. */
  readonly numericTolerance?: number;
  readonly textLimits?: Partial<TextSimilarityLimits>;
  /** Also compute word-level display hunks (for a terminal or a side-by-side page). Default false. */
  readonly textHunks?: boolean;
  /** Differences kept per category (the rest are counted). Default 50. */
  readonly maxDifferencesPerCategory?: number;
  /** Egress side effects per side, when known (issue 5). */
  readonly sideEffects?: { readonly candidate?: SideEffectSummary; readonly original?: SideEffectSummary };
  /**
   * Other production answers to the same input (baseline replays, double sends): a fact or a
   * clause production itself varies on is noise, not a regression. Default none.
   */
  readonly baselines?: readonly CanonicalResponse[];
  /** Thresholds of the fact comparison. */
  readonly facts?: Partial<FactDiffOptions>;
  /**
   * Compare what the two texts state (the `fact` category). Default true; false leaves the
   * category empty, for a pair whose facts no verdict reads: a baseline pair of
   * {@link compareWithBaselines}' noise estimate (the judge never looks a fact difference up in a
   * noise model; production's variation on facts is read from the baselines' own answers).
   */
  readonly readFacts?: boolean;
  /** Production's own noise; without it the verdict falls back to structural rules. */
  readonly noise?: NoiseLookup | null;
  readonly judge?: Partial<JudgeOptions>;
}

// Compiled ignore patterns by their text: the same few lists recur on every pair of a run.
const matcherCache = new Map<string, ReturnType<typeof compilePathMatcher>>();

function cachedMatcher(patterns: readonly string[]): ReturnType<typeof compilePathMatcher> {
  const key = patterns.join('\u0000');
  let m = matcherCache.get(key);
  if (m === undefined) {
    m = compilePathMatcher(patterns);
    // Bounded: a run with ever-new ignore lists recompiles instead of growing the cache.
    if (matcherCache.size >= 64) matcherCache.clear();
    matcherCache.set(key, m);
  }
  return m;
}

function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}

function relativeIncrease(a: number | null, b: number | null): number {
  if (a === null || b === null || b <= a) return 0;
  return Math.min(1, (b - a) / Math.max(a, 1));
}

/**
 * Compares a candidate response with the original (production) one: status and error,
 * tool calls, structured JSON, text, side effects; latency, tokens and cost as deltas. Returns
 * a judged {@link DivergenceReport} (see {@link judge}). Pure and deterministic; never throws
 * on any pair of canonical responses.
 */
export function compareResponses(
  candidate: CanonicalResponse,
  original: CanonicalResponse,
  options: CompareOptions = {},
): DivergenceReport {
  return judge(compareRules(candidate, original, options), options.noise ?? null, options.judge);
}

/**
 * What the rules find, before the verdict: {@link compareResponses} is `judge(compareRules(…),
 * noise, options.judge)`. `options.noise` is not read, so the rules can run away from the noise
 * model (a worker thread) and the report be judged where the model lives.
 */
export function compareRules(
  candidate: CanonicalResponse,
  original: CanonicalResponse,
  options: Omit<CompareOptions, 'noise'> = {},
): DivergenceReport {
  const limits = { ...defaultTextLimits, ...options.textLimits };
  const max = options.maxDifferencesPerCategory ?? 50;
  const patterns = [...(options.ignoreVolatile === false ? [] : defaultVolatilePaths), ...(options.ignorePaths ?? [])];
  const ignore = cachedMatcher(patterns);
  const notes: string[] = [];
  if (ignore.invalid.length > 0) notes.push(`ignored invalid ignore path(s): ${ignore.invalid.join(', ')}`);
  const ignoreArguments = cachedMatcher(options.ignoreArgumentPaths ?? []);

  const tools = diffToolCalls(original.toolCalls, candidate.toolCalls, {
    numericTolerance: options.numericTolerance,
    ignoreArguments: ignoreArguments.empty ? undefined : ignoreArguments,
    maxDifferences: max,
  });
  const schemaDiffs: Difference[] = [];
  let schemaOmitted = 0;
  if (original.protocol !== candidate.protocol && original.protocol !== 'empty' && candidate.protocol !== 'empty') {
    schemaDiffs.push({
      kind: 'protocol',
      path: '$',
      key: 'protocol',
      severity: 'high',
      message: `response format ${original.protocol} → ${candidate.protocol}`,
      original: original.protocol,
      candidate: candidate.protocol,
    });
  }
  if (original.json !== undefined || candidate.json !== undefined) {
    const json = diffJsonValues(original.json, candidate.json, { ignore, numericTolerance: options.numericTolerance, maxDifferences: max });
    schemaDiffs.push(...json.differences);
    schemaOmitted += json.omitted;
  } else if (original.protocol === 'bytes' && candidate.protocol === 'bytes' && original.bodyHash !== candidate.bodyHash) {
    schemaDiffs.push({
      kind: 'body_bytes',
      path: '$',
      key: 'body',
      severity: 'medium',
      message: `opaque body ${original.bodyHash} (${original.bodySize} B) → ${candidate.bodyHash} (${candidate.bodySize} B)`,
    });
  }
  const text = textCategory(original, candidate, limits, options.textHunks === true, options.baselines ?? []);

  const deltas: Deltas = {
    latencyMs: delta(original.timings.durationMs, candidate.timings.durationMs),
    ttfbMs: delta(original.timings.ttfbMs, candidate.timings.ttfbMs),
    ttftMs: delta(original.timings.ttftMs, candidate.timings.ttftMs),
    inputTokens: delta(original.usage.inputTokens, candidate.usage.inputTokens),
    outputTokens: delta(original.usage.outputTokens, candidate.usage.outputTokens),
    costUsd: delta(original.usage.costUsd, candidate.usage.costUsd),
  };
  const categories: CategoryReport[] = [
    statusCategory(original, candidate),
    errorCategory(original, candidate),
    category('tool_call', tools.differences, tools.omitted),
    category('schema', schemaDiffs, schemaOmitted),
    text.report,
    options.readFacts === false ? category('fact', [], 0) : factCategory(original, candidate, options.baselines ?? [], max, options.facts),
    sideEffectCategory(options.sideEffects),
    category('latency', [], 0, relativeIncrease(original.timings.durationMs, candidate.timings.durationMs)),
    category('cost', [], 0, relativeIncrease(original.usage.costUsd, candidate.usage.costUsd)),
  ];
  if (original.model !== candidate.model && original.model !== null && candidate.model !== null)
    notes.push(`model ${original.model} → ${candidate.model}`);
  if (original.truncated || candidate.truncated) notes.push('a captured body was truncated: the comparison covers the captured part only');
  for (const n of candidate.notes) notes.push(`candidate: ${n}`);
  for (const n of original.notes) notes.push(`original: ${n}`);
  const score = combineScores(categories.map((c) => c.weight * c.score));
  const report: DivergenceReport = {
    schemaVersion: 1,
    endpoint: options.endpoint ?? '*',
    protocol: { candidate: candidate.protocol, original: original.protocol },
    score,
    scoreOverNoise: score,
    verdict: 'noise',
    categories,
    text: text.facts,
    deltas,
    notes,
    noiseApplied: false,
  };
  return report;
}
