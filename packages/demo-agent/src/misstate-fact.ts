import type { Random } from '@understudy/core';

// Share of the regressed variant's answers with a wrong fact: often enough for a canary to see,
// rare enough that one answer looks fine.
const wrongFactRate = 0.35;

/** Facts of the shop's policies and what the regressed prompt sometimes says instead. */
const wrongFacts: readonly (readonly [RegExp, string])[] = [
  [/\b30 days\b/g, '14 days'],
  [/\b3 to 5 business days\b/g, '7 to 10 business days'],
  [/\b3–5 business days\b/g, '7–10 business days'],
  [/\$50\b/g, '$100'],
  [/\b5 business days\b/g, '15 business days'],
];

/** The regressed agent's wrong facts: now and then, one policy figure in the answer is wrong. */
export function misstateFact(text: string, random: Random): string {
  if (random.next() >= wrongFactRate) return text;
  for (const [fact, wrong] of wrongFacts) if (fact.test(text)) return text.replace(fact, wrong);
  return text;
}
