import type { Protocol } from '../adapters/canonical-response.js';
import type { JsonValue } from '../json/json-value.js';
import type { TextHunk, TextSimilarity } from '../text/text-similarity.js';
import type { DifferenceOrigin } from './difference-origin.js';

/** The closed set of report categories (design.md vocabulary), plus `extension` for user comparators. */
export const categoryNames = [
  'status',
  'error',
  'tool_call',
  'schema',
  'text',
  'fact',
  'side_effect',
  'latency',
  'cost',
  'extension',
] as const;
export type CategoryName = (typeof categoryNames)[number];

/** Severity of one difference, lowest first. */
export const severities = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** The verdict on one pair. */
export const verdicts = ['match', 'noise', 'regression'] as const;
export type Verdict = (typeof verdicts)[number];

/** Kinds of difference, each with a stable meaning for aggregation. */
export const differenceKinds = [
  'status_class',
  'status_code',
  'error_presence',
  'error_type',
  'missing',
  'extra',
  'type_change',
  'value_change',
  'text_change',
  'array_length',
  'tool_missing',
  'tool_extra',
  'tool_name',
  'tool_arguments_invalid',
  'tool_reordered',
  'text_similarity',
  'text_length',
  'text_incomplete',
  'text_language',
  'refusal',
  'finish_reason',
  'fact_changed',
  'fact_added',
  'fact_dropped',
  'polarity_flip',
  'modality_change',
  'added_claim',
  'protocol',
  'body_bytes',
  'side_effect_unmatched',
  'side_effect_extra',
  'side_effect_blocked',
  'side_effect_missing',
  'extension',
] as const;
export type DifferenceKind = (typeof differenceKinds)[number];

/** One field-level (or call-level) difference between candidate and original. */
export interface Difference {
  readonly kind: DifferenceKind;
  /** Where, for display: `$.items[2].price`, `tool_calls[0].arguments.city`, `status`. */
  readonly path: string;
  /**
   * What the noise model and per-field aggregation count by: the path with array indices as
   * `[*]` and tool calls named by tool (`tool:get_weather.city`).
   */
  readonly key: string;
  readonly severity: Severity;
  readonly message: string;
  readonly original?: JsonValue;
  readonly candidate?: JsonValue;
  /** Set by {@link judge}: production differs here often enough that this one is noise. */
  readonly explainedByNoise?: boolean;
  /** The rule that found it and, where production's answers excuse it, what excused it (evidence only). */
  readonly origin?: DifferenceOrigin;
}

/** A fact difference found by a pass over whole sentences, with the candidate sentence it is in (its path comes from it). */
export type SentenceDifference = Omit<Difference, 'path'> & { readonly sentence: number };

/** One category of the report: its score, weight, worst severity and differences. */
export interface CategoryReport {
  readonly name: CategoryName;
  /** A user label for `extension` categories. */
  readonly label?: string;
  /** 0..1: how far this category diverges, before noise. */
  readonly score: number;
  /** Weight in the pair's score; 0 for reported-only categories (latency, cost). */
  readonly weight: number;
  readonly severity: Severity;
  readonly differences: readonly Difference[];
  /** Differences dropped past the per-category bound. */
  readonly omitted: number;
  /** Set by {@link judge}: whether this category alone makes the pair a regression. */
  readonly regression?: boolean;
  /** Why the judge decided as it did for this category. */
  readonly reason?: string;
  /** Set by {@link judge}: the part of `score` that production's noise does not explain. */
  readonly scoreOverNoise?: number;
}

/** Candidate minus original; `null` when either side does not report it. Not part of the score. */
export interface Deltas {
  readonly latencyMs: number | null;
  readonly ttfbMs: number | null;
  readonly ttftMs: number | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
}

/** Text facts kept for the noise model and for display. */
export interface TextFacts extends TextSimilarity {
  /**
   * When the candidate is shorter: the share of its words found, in order, in the original's
   * opening (1 for a cut answer, low for a shorter rewording). Absent otherwise.
   */
  readonly prefix?: number;
  /**
   * Both answers call tools: the text is the words said before the calls ("Let me check that"),
   * reworded freely run to run. Its drift is shown, not judged; its facts still are.
   */
  readonly preamble?: boolean;
  /**
   * With baselines, when the candidate's text is far from the original's: its similarity to the
   * closest baseline (another production answer to the same input). An answer as close to one
   * of production's answers as production's own wording is not off-topic, however short.
   */
  readonly nearestBaseline?: number;
  /** Word-level display hunks, present when asked for (`textHunks: true`) and cheap enough. */
  readonly hunks?: readonly TextHunk[];
}

/**
 * Candidate vs original: plain JSON-serializable data, stored per pair by the replayer and
 * aggregated by the canary. `score` is before noise; `verdict` says whether the divergence
 * exceeds production's own noise (`noiseApplied`) or, with no baseline, the structural rules.
 */
export interface DivergenceReport {
  readonly schemaVersion: 1;
  /** The noise-model bucket: `METHOD path` (or whatever the caller passed). */
  readonly endpoint: string;
  readonly protocol: { readonly candidate: Protocol; readonly original: Protocol };
  /** 0..1, `1 - Π(1 - weight·score)` over categories. */
  readonly score: number;
  /** Score counting only what noise does not explain (equals `score` before judging). */
  readonly scoreOverNoise: number;
  readonly verdict: Verdict;
  readonly categories: readonly CategoryReport[];
  readonly text: TextFacts | null;
  readonly deltas: Deltas;
  readonly notes: readonly string[];
  readonly noiseApplied: boolean;
  /** Set when a user extension failed on this pair (the rest of the report stands). */
  readonly extensionError?: string;
}
