import type { CanonicalResponse } from './canonical-response.js';
import { defaultVolatilePaths } from './canonicalize.js';
import type { CategoryName, CategoryReport, Deltas, Difference, DivergenceReport, Severity, TextFacts } from './divergence-report.js';
import { diffJsonValues } from './json-diff.js';
import { compilePathMatcher } from './json-path.js';
import { type JudgeOptions, judge } from './judge.js';
import type { NoiseLookup } from './noise-lookup.js';
import { looksLikeRefusal } from './refusal.js';
import { combineScores, severityRisk, worstSeverity } from './score.js';
import type { SideEffectSummary } from './side-effects.js';
import { defaultTextLimits, type TextSimilarityLimits, textHunks, textSimilarity } from './text-similarity.js';
import { diffToolCalls } from './tool-call-diff.js';

/** Options of {@link compareResponses}; every field has a default. */
export interface CompareOptions {
  /** The noise-model bucket, conventionally `METHOD path` (`POST /v1/chat/completions`). */
  readonly endpoint?: string;
  /** JSON paths ignored in bodies and structured outputs, on top of the volatile defaults. */
  readonly ignorePaths?: readonly string[];
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
  /** Production's own noise; without it the verdict falls back to structural rules. */
  readonly noise?: NoiseLookup | null;
  readonly judge?: Partial<JudgeOptions>;
}

/** Weights of each category in a pair's score; latency and cost are reported, never scored. */
export const categoryWeights: Readonly<Record<CategoryName, number>> = Object.freeze({
  status: 1,
  error: 1,
  tool_call: 0.9,
  side_effect: 0.9,
  schema: 0.7,
  text: 0.5,
  extension: 0.5,
  latency: 0,
  cost: 0,
});

function category(name: CategoryName, differences: Difference[], omitted: number, score?: number): CategoryReport {
  const s = score ?? combineScores(differences.map((d) => severityRisk[d.severity]));
  return {
    name,
    score: s,
    weight: categoryWeights[name],
    severity: worstSeverity(differences.map((d) => d.severity)),
    differences,
    omitted,
  };
}

function statusClass(status: number | null): string {
  return status === null ? 'none' : `${Math.floor(status / 100)}xx`;
}

function statusCategory(a: CanonicalResponse, b: CanonicalResponse): CategoryReport {
  const out: Difference[] = [];
  if (a.status !== b.status) {
    const sameClass = statusClass(a.status) === statusClass(b.status);
    // Succeeding where production failed is a difference worth showing, not a regression.
    const recovered = (a.status === null || a.status >= 400) && b.status !== null && b.status < 400;
    out.push({
      kind: sameClass ? 'status_code' : 'status_class',
      path: 'status',
      key: 'status',
      severity: recovered ? 'low' : sameClass ? 'medium' : 'critical',
      message: `status ${a.status ?? 'none'} → ${b.status ?? 'none'}`,
      original: a.status,
      candidate: b.status,
    });
  }
  return category('status', out, 0);
}

function errorCategory(a: CanonicalResponse, b: CanonicalResponse): CategoryReport {
  const out: Difference[] = [];
  if (a.error === null && b.error !== null) {
    out.push({
      kind: 'error_presence',
      path: 'error',
      key: 'error',
      severity: 'critical',
      message: `candidate failed: ${b.error.message.slice(0, 160)}`,
      candidate: b.error.type,
    });
  } else if (a.error !== null && b.error === null) {
    out.push({
      kind: 'error_presence',
      path: 'error',
      key: 'error',
      severity: 'low',
      message: 'original failed, candidate did not',
      original: a.error.type,
    });
  } else if (a.error !== null && b.error !== null && (a.error.type !== b.error.type || a.error.source !== b.error.source)) {
    out.push({
      kind: 'error_type',
      path: 'error.type',
      key: 'error.type',
      severity: 'medium',
      message: `error ${a.error.type ?? a.error.source} → ${b.error.type ?? b.error.source}`,
      original: a.error.type,
      candidate: b.error.type,
    });
  }
  return category('error', out, 0);
}

// How finished prose ends: terminal punctuation, a closing quote or bracket, a code fence, a
// digit (a number or a percentage), or an emoji. Only the last character is looked at.
const completeEnding = /[.!?:;)\]}"'`*>%\u2026\d]|\p{Extended_Pictographic}/u;

/** Whether a text ends the way a finished answer does; a cut-off one stops mid-sentence. */
function endsComplete(text: string): boolean {
  const t = text.trimEnd();
  if (t === '') return false;
  const last = String.fromCodePoint(t.codePointAt(t.length - 1) ?? 0);
  // A surrogate pair's low half: look at the whole code point.
  const ch = t.length >= 2 && /[\udc00-\udfff]/.test(last) ? t.slice(-2) : t.slice(-1);
  return completeEnding.test(ch);
}

function textCategory(
  a: CanonicalResponse,
  b: CanonicalResponse,
  limits: TextSimilarityLimits,
  withHunks: boolean,
): { report: CategoryReport; facts: TextFacts | null } {
  const out: Difference[] = [];
  const refusalA = a.refusal !== null || looksLikeRefusal(a.text);
  const refusalB = b.refusal !== null || looksLikeRefusal(b.text);
  if (refusalB && !refusalA)
    out.push({
      kind: 'refusal',
      path: 'text',
      key: 'refusal',
      severity: 'high',
      message: 'candidate refused',
      candidate: (b.refusal ?? b.text).slice(0, 200),
    });
  if (a.finishReason !== b.finishReason && a.finishReason !== null && b.finishReason !== null) {
    // Truncation is the costly change; the rest follow from differences reported elsewhere.
    const truncated = b.finishReason === 'length' || b.finishReason === 'content_filter';
    out.push({
      kind: 'finish_reason',
      path: 'finish_reason',
      key: 'finish_reason',
      severity: truncated ? 'high' : 'low',
      message: `finish reason ${a.finishReason} → ${b.finishReason}`,
      original: a.finishReason,
      candidate: b.finishReason,
    });
  }
  const textA = a.refusal !== null && a.text === '' ? a.refusal : a.text;
  const textB = b.refusal !== null && b.text === '' ? b.refusal : b.text;
  if (textA === '' && textB === '') return { report: category('text', out, 0), facts: null };
  if (endsComplete(textA) && !endsComplete(textB) && textB !== '') {
    out.push({
      kind: 'text_incomplete',
      path: 'text',
      key: 'text',
      severity: 'high',
      message: `candidate stops mid-sentence: "…${textB.slice(-40)}"`,
    });
  }
  const sim = textSimilarity(textA, textB, limits);
  if (sim.similarity < 1) {
    out.push({
      kind: 'text_similarity',
      path: 'text',
      key: 'text',
      severity: 'low',
      message: `text similarity ${sim.similarity.toFixed(3)} (word ${sim.word.toFixed(3)}, bag ${sim.bag.toFixed(3)})`,
    });
  }
  if (sim.lengthRatio < 1 && sim.wordsB < sim.wordsA) {
    out.push({
      kind: 'text_length',
      path: 'text',
      key: 'text.length',
      severity: 'low',
      message: `candidate has ${sim.wordsB} words, original ${sim.wordsA}`,
      original: sim.wordsA,
      candidate: sim.wordsB,
    });
  }
  const structural = combineScores(
    out
      .filter((d) => d.kind === 'refusal' || d.kind === 'finish_reason' || d.kind === 'text_incomplete')
      .map((d) => severityRisk[d.severity]),
  );
  const score = 1 - (1 - structural) * sim.similarity;
  const hunks = withHunks && sim.similarity < 1 ? textHunks(textA, textB, limits) : undefined;
  return { report: category('text', out, 0, score), facts: hunks === undefined ? sim : { ...sim, hunks } };
}

function sideEffectCategory(options: CompareOptions): CategoryReport {
  const c = options.sideEffects?.candidate;
  if (c === undefined) return category('side_effect', [], 0);
  const o = options.sideEffects?.original ?? { matched: 0, unmatched: 0, extra: 0, blocked: 0 };
  const out: Difference[] = [];
  const add = (kind: Difference['kind'], field: keyof SideEffectSummary, severity: Severity, what: string): void => {
    if (c[field] > o[field])
      out.push({
        kind,
        path: `side_effects.${field}`,
        key: `side_effects.${field}`,
        severity,
        message: `${c[field] - o[field]} more ${what}`,
        original: o[field],
        candidate: c[field],
      });
  };
  add('side_effect_unmatched', 'unmatched', 'high', 'unrecorded write(s)');
  add('side_effect_blocked', 'blocked', 'high', 'blocked call(s)');
  add('side_effect_extra', 'extra', 'medium', 'call(s) the recording does not have');
  if (c.matched < o.matched)
    out.push({
      kind: 'side_effect_missing',
      path: 'side_effects.matched',
      key: 'side_effects.matched',
      severity: 'medium',
      message: `${o.matched - c.matched} recorded call(s) not made`,
      original: o.matched,
      candidate: c.matched,
    });
  return category('side_effect', out, 0);
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
  const limits = { ...defaultTextLimits, ...options.textLimits };
  const max = options.maxDifferencesPerCategory ?? 50;
  const patterns = [...(options.ignoreVolatile === false ? [] : defaultVolatilePaths), ...(options.ignorePaths ?? [])];
  const ignore = cachedMatcher(patterns);
  const notes: string[] = [];
  if (ignore.invalid.length > 0) notes.push(`ignored invalid ignore path(s): ${ignore.invalid.join(', ')}`);

  const tools = diffToolCalls(original.toolCalls, candidate.toolCalls, { numericTolerance: options.numericTolerance, maxDifferences: max });
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
  const text = textCategory(original, candidate, limits, options.textHunks === true);

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
    sideEffectCategory(options),
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
  return judge(report, options.noise ?? null, options.judge);
}
