import { align } from '../clauses/clause-alignment.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { coverage, type Opposed } from './baseline-reading.js';

/**
 * Whether candidate clause `c`, read as the opposite of the original's clause `p`, reads as a
 * baseline's wording of that same claim that reads as `p` itself: each baseline has a clause that is
 * both `c`'s and `p`'s mutual best match, says most of `c`'s content words (three in five), agrees
 * with `p` (no difference in negations at all) and with `c` (none the scope rules see). Agreement is
 * a chain: production said the claim twice, the same way, and the candidate says it as one of those
 * wordings does; the opposition read between `c` and `p` is then the rules' misreading of two
 * wordings ("Puppies under a year aren't allowed on the agility course" / "The agility course isn't open
 * to puppies under a year" / "Agility course: dogs over a year only"), not a flip. The candidate's
 * clause must be worded at least as near the baseline's as the original's: a flip made by editing the
 * original's words is nearer the original, and the scope rules, reading it against another verb
 * ("isn't open" / "are allowed"), could find no opposition there (a blind hold-out lost a caught
 * negation without this guard).
 */
export function agreesThroughBaseline(
  c: ClauseFacts,
  p: ClauseFacts,
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly alignClause: number; readonly maxClauses: number },
  opposed: Opposed,
): boolean {
  if (baselines.length === 0 || c.content.length === 0) return false;
  const toOriginal = align(c, original, o.maxClauses)?.score ?? 0;
  return baselines.every((b) => {
    const a = align(c, b, o.maxClauses);
    const x = a?.clause;
    // Worded nearer the baseline than the original: a flip made by editing the original's words is not.
    if (x === undefined || a === undefined || a.score < o.alignClause || a.score < toOriginal || x.condition || x.framing) return false;
    if (align(x, candidate, o.maxClauses)?.clause !== c || align(x, original, o.maxClauses)?.clause !== p) return false;
    let said = 0;
    for (const w of c.content) if (x.contentSet.has(w)) said++;
    if (said < coverage * c.content.length) return false;
    return !opposed(x, p, false) && !opposed(x, c);
  });
}
