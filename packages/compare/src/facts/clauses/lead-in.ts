import type { ClauseFacts, FactSheet } from './fact-sheet.js';

/**
 * Whether clause `c` of `sheet` is a lead-in: the words before a colon that open what the rest of its
 * sentence says ("Start with the paperwork deadline: the quarantine office must hear from you 40
 * days ahead", "That includes all the gear: crampons, an ice axe and a helmet"). It announces the
 * claim that follows, which is judged on its own; it states no value, negates nothing and sets no
 * modality of its own. Asked only of a clause that would otherwise be a new claim.
 */
export function isLeadIn(c: ClauseFacts, sheet: FactSheet): boolean {
  if (c.values.length > 0 || c.polarity.negated || c.polarity.modality !== null || c.polarity.free === true) return false;
  const i = sheet.clauses.indexOf(c);
  const next = sheet.clauses[i + 1];
  if (i < 0 || next === undefined || next.sentence !== c.sentence) return false;
  // The splitter cuts at a colon before a lower-case word and keeps neither: the source shows it.
  const at = sheet.source.indexOf(c.text);
  return at >= 0 && sheet.source.startsWith(':', at + c.text.length);
}

/**
 * Whether clause `c` is a heading over what follows: a line of its own that ends with a colon
 * ("Returns:", "Cabin rules:", "Here's the key info:"), with no value and no negation. It names the
 * topic of the lines below it and claims nothing, so no clause is compared with it.
 */
export function isHeading(c: ClauseFacts): boolean {
  if (c.values.length > 0 || c.polarity.negated || c.polarity.free === true) return false;
  const t = c.text.trimEnd();
  return t.endsWith(':') && c.tokens.length <= 6;
}
