// A split written as two shares of a hundred ("60/40", "70/30", "50/50") says what "60 % … 40 %" says:
// its shares are percent keys beside its own, so either wording states the other. Two figures that do
// not make a hundred ("4/5", "24/7", "555/1234") are no split.

const split = /^(\d{1,2})\/(\d{1,2})$/;

/** The percent keys of a split of a hundred written with a slash, or none. */
export function splitShareKeys(c: string): string[] {
  const m = split.exec(c);
  if (m === null) return [];
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a + b !== 100) return [];
  return a === b ? [`percent:${a}`] : [`percent:${a}`, `percent:${b}`];
}
