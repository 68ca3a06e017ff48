import { sameWord } from '../../text/word-forms.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { withoutNegatingPrefix } from '../polarity/negating-prefix.js';
import { isNegationCue, isPolarityCue } from '../polarity/polarity-cues.js';
import { subordinators } from '../polarity/polarity-words.js';

// Where a clause negates, and what about: each negation cue with the content words around it, and
// each word negative by its prefix ("unused") with the word it negates ("use"). Two wordings of one
// sentence negate the same things, wherever each negation attaches ("applicants whose first
// language isn't English" / "if English isn't your first language"; "unused seats are not
// refundable" / "seats you don't use can't be refunded"), while the polarity count reads a
// negation in a relative clause as the clause's own and one after "if" as none.

/** One negation of a clause: the words it stands with, and whether it must find its like in a clause that says the same. */
interface NegationSite {
  readonly words: readonly string[];
  /** A cue ("not", "n't", "without", "excluded"); a prefixed word only partners one. */
  readonly cue: boolean;
}

// How many content words before and after a cue stand with it: the subject or head before
// ("language isn't"), what it governs after ("isn't your first language").
const before = 2;
const after = 3;
// Words that open another clause inside one: a cue's words stop there ("Do not make him vomit unless
// a vet tells you not to": the first "not" is about vomiting, the second about the vet).
const openers = new Set([
  ...subordinators,
  'when',
  'whenever',
  'while',
  'until',
  'once',
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'where',
  'so',
  'and',
  'or',
  'but',
]);

function sitesOf(c: ClauseFacts): NegationSite[] {
  const t = c.tokens;
  const sites: NegationSite[] = [];
  // The content form of token k, or undefined for a cue or a function word.
  const form = (k: number): string | undefined => (isPolarityCue(t[k]?.lower ?? '') ? undefined : contentWords(t[k]?.core ?? '')[0]);
  t.forEach((tok, i) => {
    if (isNegationCue(tok.lower)) {
      const words: string[] = [];
      // Back to the clause's opener or a comma, forward to the next.
      for (let k = i - 1, n = 0; k >= 0 && n < before && (t[k]?.after ?? '') === '' && !openers.has(t[k]?.lower ?? ''); k--) {
        const f = form(k);
        if (f !== undefined) {
          words.push(f);
          n++;
        }
      }
      for (let k = i + 1, n = 0; k < t.length && n < after && !openers.has(t[k]?.lower ?? ''); k++) {
        const f = form(k);
        if (f !== undefined) {
          words.push(f);
          n++;
        }
        if ((t[k]?.after ?? '') !== '') break;
      }
      sites.push({ words, cue: true });
      return;
    }
    const plain = withoutNegatingPrefix(tok.lower).flatMap((w) => contentWords(w));
    if (plain.length > 0) sites.push({ words: plain, cue: false });
  });
  return sites;
}

const meets = (x: NegationSite, y: NegationSite): boolean => x.words.some((w) => y.words.some((v) => sameWord(w, v)));

/**
 * Whether every negation cue of each clause has its own counterpart in the other (one to one: a
 * negation about the same words, a cue or a word negative by its prefix), and there is at least one:
 * the two clauses negate the same things however the count reads them. A cue with no counterpart
 * ("can't cancel online" / "can cancel online") leaves the count to judge.
 */
export function sameNegations(a: ClauseFacts, b: ClauseFacts): boolean {
  const sa = sitesOf(a);
  const sb = sitesOf(b);
  if (!sa.some((s) => s.cue) || !sb.some((s) => s.cue)) return false;
  const usedA = new Set<NegationSite>();
  const usedB = new Set<NegationSite>();
  const pair = (
    mine: readonly NegationSite[],
    theirs: readonly NegationSite[],
    usedMine: Set<NegationSite>,
    usedTheirs: Set<NegationSite>,
  ): boolean => {
    for (const s of mine) {
      if (!s.cue || usedMine.has(s)) continue;
      const partner = theirs.find((x) => !usedTheirs.has(x) && meets(s, x));
      if (partner === undefined) return false;
      usedMine.add(s);
      usedTheirs.add(partner);
    }
    return true;
  };
  return pair(sa, sb, usedA, usedB) && pair(sb, sa, usedB, usedA);
}
