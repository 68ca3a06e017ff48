import type { CategoryReport, Difference, DivergenceReport, Verdict } from '../report/divergence-report.js';
import { combineScores } from '../report/score.js';
import { type NoiseLookup, noiseKey, type TextNoise } from './noise-lookup.js';

/** Margins of the verdict; defaults justified in docs/benchmarks.md ("Compare"). */
export interface JudgeOptions {
  /**
   * A field difference is production noise when production itself differs on that field key
   * in at least this share of baseline pairs. Default 0.02.
   */
  readonly fieldNoiseRate: number;
  /** Baseline pairs an endpoint needs before its field rates are trusted. Default 10. */
  readonly minBaselinePairs: number;
  /** Low quantile of production's text similarity used as the bar. Default 0.02. */
  readonly textQuantile: number;
  /** Margin below that quantile before text drift is a regression. Default 0.05. */
  readonly textMargin: number;
  /** Margin below the length-ratio quantile (truncation). Default 0.1. */
  readonly lengthMargin: number;
  /**
   * Weight of the text prior, in baseline pairs: with n pairs of production text the bar is
   * `(k·prior + n·(quantile − margin)) / (k + n)`, so one or two baselines move it a little and
   * hundreds set it. Default 20.
   */
  readonly textPriorPairs: number;
  /**
   * Prior bar for text similarity: what production's low quantile minus the margin is believed
   * to be before any baseline (fitted on the quality sets, docs/benchmarks.md). Default 0.1.
   */
  readonly textPriorSimilarity: number;
  /** Prior bar for the length ratio of a shorter answer that looks cut. Default 0.25. */
  readonly textPriorLengthRatio: number;
}

export const defaultJudgeOptions: JudgeOptions = Object.freeze({
  fieldNoiseRate: 0.02,
  minBaselinePairs: 10,
  textQuantile: 0.02,
  textMargin: 0.05,
  lengthMargin: 0.1,
  textPriorPairs: 20,
  textPriorSimilarity: 0.1,
  textPriorLengthRatio: 0.25,
});

const textKinds = new Set<Difference['kind']>(['text_similarity', 'text_length']);
// Judged against the baseline answers of the same input (diffFacts marks what production varies
// on), never against an endpoint-wide field rate: one endpoint's answers state different values.
const factKinds = new Set<Difference['kind']>([
  'fact_changed',
  'fact_added',
  'fact_dropped',
  'polarity_flip',
  'modality_change',
  'added_claim',
]);

/** A prior worth `k` pairs, moved toward what `n` pairs measured. */
function blend(prior: number, measured: number, k: number, n: number): number {
  return (k * prior + n * Math.max(0, measured)) / (k + n);
}

/** The text bar: the prior, moved toward production's measured quantile as baseline pairs accumulate. */
function textBar(noise: TextNoise | undefined, o: JudgeOptions): { similarity: number; lengthRatio: number; pairs: number } {
  const n = noise?.pairs ?? 0;
  if (noise === undefined || n === 0) return { similarity: o.textPriorSimilarity, lengthRatio: o.textPriorLengthRatio, pairs: 0 };
  const k = o.textPriorPairs;
  return {
    similarity: blend(o.textPriorSimilarity, noise.similarity - o.textMargin, k, n),
    lengthRatio: blend(o.textPriorLengthRatio, noise.lengthRatio - o.lengthMargin, k, n),
    pairs: n,
  };
}

/**
 * Decides a report's verdict against production's own noise. A difference explained by noise
 * (its field key differs in ≥ `fieldNoiseRate` of baseline pairs) never counts. Otherwise
 * critical and high differences are regressions; medium ones are regressions only when a
 * baseline shows the field is stable; low ones never. Text is a regression when similarity (or
 * length ratio) falls below the `textQuantile` of production-vs-production by a margin. With no
 * baseline the fallback is conservative and the report says so. Returns a new report.
 */
export function judge(report: DivergenceReport, noise: NoiseLookup | null = null, options: Partial<JudgeOptions> = {}): DivergenceReport {
  const o: JudgeOptions = { ...defaultJudgeOptions, ...options };
  const endpoint = report.endpoint;
  const pairs = noise?.pairs(endpoint) ?? 0;
  const fieldsTrusted = noise !== null && pairs >= o.minBaselinePairs;
  const bar = textBar(noise?.textQuantile(endpoint, o.textQuantile), o);
  const notes = report.notes.filter((n) => !n.startsWith('verdict: '));
  if (!fieldsTrusted) {
    notes.push(
      noise === null
        ? 'verdict: no baseline: conservative structural rules (critical/high differences only; text only below the prior floors)'
        : `verdict: only ${pairs} baseline pair(s) for ${endpoint} (need ${o.minBaselinePairs}): structural rules`,
    );
  }

  const categories: CategoryReport[] = report.categories.map((c) => {
    // Nothing to judge: keep the category as it is (the common case for most of them).
    if (c.differences.length === 0 && (c.name !== 'text' || report.text === null)) return c;
    let regression = false;
    const reasons: string[] = [];
    const differences = c.differences.map((d): Difference => {
      if (textKinds.has(d.kind) || d.explainedByNoise === true) return d;
      // A success that became a failure (status class, critical) is never production noise: that
      // production sometimes fails on an endpoint is its error rate, not a licence for the candidate.
      const excusable = !factKinds.has(d.kind) && !(d.kind === 'status_class' && d.severity === 'critical');
      const rate = fieldsTrusted && excusable ? noise?.fieldRate(endpoint, noiseKey(d)) : undefined;
      const explained = rate !== undefined && rate.rate >= o.fieldNoiseRate;
      if (explained) return { ...d, explainedByNoise: true };
      if (d.severity === 'critical' || d.severity === 'high') {
        regression = true;
        reasons.push(`${d.kind} at ${d.path}`);
      } else if (d.severity === 'medium' && fieldsTrusted) {
        regression = true;
        reasons.push(`${d.kind} at ${d.path} (stable in production)`);
      }
      return d;
    });
    let excess = differences.some((d) => !textKinds.has(d.kind) && d.explainedByNoise !== true && d.severity !== 'low') ? c.score : 0;
    // Text drift is judged against an original that had text; new text where there was none is shown, not scored as loss.
    if (c.name === 'text' && report.text !== null && report.text.wordsA > 0 && report.text.preamble !== true) {
      const t = report.text;
      const simFloor = bar.similarity;
      const lenFloor = bar.lengthRatio;
      const source = bar.pairs === 0 ? 'prior' : `prior updated by ${bar.pairs} baseline pair(s)`;
      // Far from the original but as close to another production answer: production's wording.
      const similarity = Math.max(t.similarity, t.nearestBaseline ?? 0);
      if (similarity < simFloor) {
        regression = true;
        reasons.push(`text similarity ${similarity.toFixed(3)} < ${simFloor.toFixed(3)} (${source})`);
        excess = Math.max(excess, (simFloor - similarity) / Math.max(simFloor, 1e-9));
      }
      // A shorter answer is a paraphrase unless it looks cut: its words are the original's opening.
      const cut = (t.prefix ?? 1) >= 0.8;
      if (t.lengthRatio < lenFloor && t.wordsB < t.wordsA && cut) {
        regression = true;
        reasons.push(`length ratio ${t.lengthRatio.toFixed(3)} < ${lenFloor.toFixed(3)} (${source})`);
        excess = Math.max(excess, (lenFloor - t.lengthRatio) / Math.max(lenFloor, 1e-9));
      }
    }
    const judged: CategoryReport = { ...c, differences, regression, scoreOverNoise: Math.min(1, excess) };
    return reasons.length > 0 ? { ...judged, reason: reasons.join('; ') } : judged;
  });
  const anyDifference = categories.some((c) => c.differences.length > 0 || c.omitted > 0);
  const verdict: Verdict = categories.some((c) => c.regression === true) ? 'regression' : anyDifference ? 'noise' : 'match';
  const scoreOverNoise = combineScores(categories.map((c) => c.weight * (c.scoreOverNoise ?? 0)));
  return { ...report, categories, verdict, scoreOverNoise, notes, noiseApplied: fieldsTrusted || bar.pairs > 0 };
}
