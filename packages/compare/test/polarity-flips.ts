import { factSheet } from '../src/facts/clauses/fact-sheet.js';
import { diffFacts } from '../src/facts/fact-diff.js';

/** The polarity flips `diffFacts` reports from answer `a` to answer `b`, as their messages (the rule tests' probe). */
export const flips = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);
