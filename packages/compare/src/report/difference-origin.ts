/**
 * What excused a difference: the test that read it (the rule's own name for it) and the baseline
 * whose wording it read (0-based, in the order given); no baseline where the candidate's own words
 * excuse it (a figure it says is rounded).
 */
export interface Excuse {
  readonly test: string;
  readonly baseline?: number;
}

/**
 * Where a difference comes from: the rule (module) that produced it and, when production's answers
 * excuse it, by what. Evidence for `--json` readers and for measuring which rule explains real
 * changes away (docs/benchmarks.md, "What excuses a change"); no verdict reads it.
 */
export interface DifferenceOrigin {
  readonly rule: string;
  readonly excuse?: Excuse;
}

/** The excuse of baseline `index` by `test`, as `findIndex` gives it (none where negative). */
export function byBaseline(test: string, index: number): Excuse | undefined {
  return index < 0 ? undefined : { test, baseline: index };
}

/** The fields a rule spreads into a difference it found: its origin, and `explainedByNoise` where something excuses it. */
export function excusedBy(
  rule: string,
  excuse: Excuse | undefined,
): { readonly explainedByNoise?: true; readonly origin: DifferenceOrigin } {
  return excuse === undefined ? { origin: { rule } } : { explainedByNoise: true, origin: { rule, excuse } };
}

/** `d` with `rule` as its origin unless the rule that made it already named itself. */
export function fromRule<D extends { readonly origin?: DifferenceOrigin }>(rule: string, d: D): D {
  return d.origin === undefined ? { ...d, origin: { rule } } : d;
}
