import type { ClauseToken } from '../clauses/split-clauses.js';

// A word negated by an affix of its own, read against the plain word on the other side of an edit:
// the Slavic and Baltic prefix "ne-" / Polish "nie-" ("hradí" → "nehradí", "dirba" → "nedirba",
// "płatny" → "niepłatny"), Swahili "ha-" ("kuna" → "hakuna"), and the Turkic negative suffix "-mA-"
// after the verb's stem ("gerekir" → "gerekmez", "alınır" → "alınmaz", "gerekiyor" → "gerekmiyor").
// Read only where the other side says the same word without it, so a word that merely begins so
// ("nebo", "network") negates nothing; English prefixes are negating-prefix.ts's.

/** Prefixes that negate the word they open, longest first. */
const prefixes = ['nie', 'ne', 'ha'] as const;
/** The plain word a prefix negates has this many letters at least. */
const minPlain = 4;
/** The shortest stem the Turkic suffix follows, and the longest ending the plain form may have after it. */
const minStem = 3;
const maxEnding = 6;
/** The negative "-mA-" with what follows it only in a negated form: "-mez"/"-maz", "-meyen", "-medi", "-miyor". */
const turkicNegative = /^m(?:[ae](?:z|y[aei]|d[ıi])|[ıiuü]yor)/u;

/** Whether a lower-cased word may be negated by its affix (what {@link affixNegated} reads), whatever the other side says. */
export function mayBeAffixNegated(w: string): boolean {
  if (prefixes.some((p) => w.length >= p.length + minPlain && w.startsWith(p))) return true;
  for (let i = minStem; i < w.length - 2; i++) if (w.charCodeAt(i) === 109 && turkicNegative.test(w.slice(i))) return true;
  return false;
}

/** Whether lower-cased word `w` is a word of `other` negated by an affix (see the module's comment). */
export function affixNegated(w: string, other: readonly ClauseToken[]): boolean {
  for (const p of prefixes) {
    if (w.length < p.length + minPlain || !w.startsWith(p)) continue;
    const plain = w.slice(p.length);
    if (other.some((x) => x.lower === plain)) return true;
  }
  return other.some((x) => turkicNegated(w, x.lower));
}

/** Whether `w` is `plain`'s stem with the Turkic negative suffix where `plain` has an ending of its own. */
function turkicNegated(w: string, plain: string): boolean {
  let k = 0;
  while (k < w.length && k < plain.length && w[k] === plain[k]) k++;
  if (k < minStem) return false;
  const ending = plain.slice(k);
  return ending.length <= maxEnding && !ending.startsWith('m') && turkicNegative.test(w.slice(k));
}
