/** How often production differs from itself on one field key, over `pairs` baseline pairs. */
export interface FieldNoise {
  readonly rate: number;
  readonly pairs: number;
}

/** Low quantiles of production-vs-production text measures for one endpoint. */
export interface TextNoise {
  readonly similarity: number;
  readonly lengthRatio: number;
  /** Baseline pairs that had text on either side. */
  readonly pairs: number;
}

/** What {@link judge} reads from a noise model; `NoiseModel` implements it. */
export interface NoiseLookup {
  /** Baseline pairs seen for an endpoint (0 when none). */
  pairs(endpoint: string): number;
  fieldRate(endpoint: string, key: string): FieldNoise | undefined;
  /** The `q` quantile (e.g. 0.02) of similarity and length ratio, or undefined without text pairs. */
  textQuantile(endpoint: string, q: number): TextNoise | undefined;
}

/**
 * The key a difference is counted under in a noise model: its field key for value changes,
 * and field key plus kind for everything else. A field whose value wobbles in production
 * (a confidence score) must not excuse a change of its type or its disappearance.
 */
export function noiseKey(difference: { readonly kind: string; readonly key: string }): string {
  return difference.kind === 'value_change' || difference.kind === 'text_change' ? difference.key : `${difference.key}#${difference.kind}`;
}
