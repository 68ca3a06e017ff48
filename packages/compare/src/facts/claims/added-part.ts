import { clip } from '../../report/clip-text.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { contentWords } from '../clauses/content-words.js';
import { type ClauseFacts, type FactSheet, factSheetWith } from '../clauses/fact-sheet.js';
import { pricePole, priceWording } from '../polarity/price-pole.js';
import { sheetValues } from '../values/value-index.js';
import { asserts } from './claim-assertion.js';
import { namesNewThings } from './lone-addition.js';

// A predication joined to a reworded clause after a comma ("Merchant deliveries come in on weekdays,
// and we photograph and log every bottle on arrival"; "…, and every replica carries a lifetime
// guarantee"): the clause splitter keeps "…, and …" in one clause, and that clause pairs with the
// production clause its first part rewords, so what the second part adds is read by no rule. The part
// is read as a clause of its own: a new claim where the first part says what production says, and the
// part extends what is covered or promised ("every…", "also…", a value of its own) in words production
// never uses — at least two, and more new words than known ones (a restatement of another production
// sentence uses its words). An elaboration that hedges ("can…") or explains is left alone.

/** Words that extend a claim to all of a kind or to one thing more ("every booking", "also covers", "everyone leaves with…"). */
const adding = new Set(['every', 'everyone', 'everybody', 'also']);

/** A participle of money given back to the customer: "refunded", "reimbursed", "credited", "waived". */
function paysBack(w: string): boolean {
  return /^(?:refund|reimburs|waiv|credit|compensat)(?:ed|d)$/.test(w);
}

/** Where a clause joins a second predication: a comma, then "and" or "plus". */
const joined = /,\s+(?:and|plus)\s+/g;

/** How many of `words` a clause of production says: the first part must reword one of them. */
function sharedWithProduction(words: readonly string[], production: readonly FactSheet[]): number {
  let best = 0;
  for (const s of production)
    for (const x of s.clauses) {
      let n = 0;
      for (const w of words) if (x.contentSet.has(w)) n++;
      if (n > best) best = n;
    }
  return best;
}

// Indefinite pronouns (folded, as claim-size.ts reads them): they refer, they name nothing.
const pronouns = new Set('anyth someth everyth noth anyon someon everyon anybody somebody nobody whatev'.split(' '));

/**
 * Whether a production clause gives for free something `p` names, or `p` names nothing of its own
 * (then it speaks of what the clause's first part names): a word of what `p` is about (not its words
 * of price) in a clause of production that says the free pole ("Water is included" /
 * "…, and water is included - there are taps at the end of the rows").
 */
function givenInProduction(p: ClauseFacts, production: readonly FactSheet[]): boolean {
  const about = new Set(p.tokens.filter((t) => !priceWording(t.lower)).flatMap((t) => contentWords(t.core)));
  // "…, and it costs nothing": a part that names no thing of its own gives what the first part names.
  if (![...about].some((w) => !pronouns.has(w))) return true;
  return production.some((s) =>
    s.clauses.some((x) => pricePole(x.tokens) === 'free' && x.content.some((w) => about.has(w) && !priceWording(w))),
  );
}

/** Content words of `p` no production answer uses (not names, not figures), and those it does. */
function novelty(p: ClauseFacts, production: readonly FactSheet[]): { fresh: number; known: number } {
  let fresh = 0;
  let known = 0;
  for (const w of new Set(p.content)) {
    if (/\d/.test(w)) continue;
    if (production.some((s) => s.vocabulary.has(w))) known++;
    else fresh++;
  }
  return { fresh, known };
}

/**
 * The parts of the candidate's clauses, joined after a comma by "and" / "plus", that claim what no
 * production answer supports: the clause's first part shares two content words with a production
 * clause; the part is one clause, no condition, no possibility, names new things ({@link namesNewThings}:
 * not advice, an aside, the speaker's or the reader's state), asserts ({@link asserts}), states no value
 * production states and either a value of its own or a universal or additive word, and has at least
 * two words production never uses and more of those than of its words it uses.
 */
export function addedParts(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly maxClauses: number },
): SentenceDifference[] {
  const production = [original, ...baselines];
  const out: SentenceDifference[] = [];
  for (const c of candidate.clauses.slice(0, o.maxClauses)) {
    if (c.condition || c.framing || !c.text.includes(',')) continue;
    for (const m of c.text.matchAll(joined)) {
      const at = m.index ?? 0;
      if (sharedWithProduction(contentWords(c.text.slice(0, at)), production) < 2) continue;
      const rest = c.text.slice(at + m[0].length);
      const parts = factSheetWith(rest, candidate.words).clauses;
      const p = parts[0];
      if (parts.length !== 1 || p === undefined || p.condition || p.framing) continue;
      // A possibility is how an elaboration hedges ("runs can start late when…", "every retouch can be removed").
      if (p.polarity.modality === 'possibility' || !namesNewThings(p, production)) continue;
      // Something given at no charge ("…, and fall aeration is included", "…, a guard is on site at our expense").
      const given = pricePole(p.tokens) === 'free' && !givenInProduction(p, production);
      if (!given && !asserts(p)) continue;
      if (p.values.some((v) => production.some((s) => sheetValues(s).has(v)))) continue;
      // It adds to what is covered or promised: a universal or additive word, a value of its own, something
      // given, or money given back ("…, and failed messages are refunded to your balance").
      if (p.values.length === 0 && !given && !p.tokens.some((k) => adding.has(k.lower) || paysBack(k.lower))) continue;
      const { fresh, known } = novelty(p, production);
      if (fresh < 2 || fresh <= known) continue;
      out.push({
        kind: 'added_claim',
        key: 'fact:claim',
        severity: 'high',
        message: `adds "${clip(rest)}" (no production answer says this)`,
        candidate: rest,
        sentence: c.sentence,
      });
      break;
    }
  }
  return out;
}
