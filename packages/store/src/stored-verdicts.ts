/**
 * The verdicts stored with comparisons (`shadow_comparisons`, `replay_results`), in one place so
 * every query means the same by them. Judged rows are samples of divergence; the others are not.
 */
export const judgedVerdicts = ['match', 'noise', 'regression'] as const;
/** Judged verdicts beyond production's noise floor. */
export const overNoiseVerdicts = ['regression'] as const;
/** Rows that are no sample: no response (`error`), no live parent to compare with (`orphan`), not replayed (`skipped`). */
export const unjudgedVerdicts = ['error', 'orphan', 'skipped'] as const;
