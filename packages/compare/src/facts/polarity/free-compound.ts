// A compound of a noun and "-free" denies the noun: "interest-free" is "no interest",
// "commission-free" is "without a commission". It counts as one negation of its clause
// (clause-polarity.ts), whose scope is that noun (negation-scope.ts): "Payment plans are
// interest-free" / "Payment plans carry interest" is a flip, "Returns are hassle-free" / "Returns
// are easy" is none (the other clause says nothing of a hassle).
const compound = /^(\p{L}{2,})-free$/u;

/** The noun a "-free" compound denies ("interest" of "interest-free"), or undefined for any other word. */
export function freeCompoundNoun(word: string): string | undefined {
  if (!word.endsWith('-free')) return undefined;
  return compound.exec(word)?.[1];
}
