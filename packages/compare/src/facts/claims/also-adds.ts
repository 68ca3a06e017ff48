import { proseLanguage } from '../../text/text-language.js';
import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';

// "also" before a verb adds one more thing to what the answer says the service or a thing does:
// "The chip also opens our compatible dog flaps", "I'll also give you a printed keepsake copy". A
// clause of that shape whose words production never uses is a claim of its own, though it has no
// word of money, limit or obligation. The reader's "also" ("you can also call us", "you might also
// like") and the verbs of advice, telling, looking and being are how a longer answer helps.

/** Subjects whose "also" is the reader's: advice, not a claim. */
const readers = new Set(['you', "you'll", 'you’ll', 'your', "you're", 'you’re', 'yourself']);
/** Verbs after "also" that advise, tell, look, feel or are: no claim of the service's. */
const helping = new Set(
  (
    'be is are was were been have has had do does recommend suggest advise want need like love note mention check look see ' +
    'let ask call email text send contact reach help happen feel find make get keep think know hope worth consider remember'
  ).split(' '),
);
/** Words between the subject and "also" that are no subject ("will", "can" …), skipped when reading it. */
const modals = new Set(['will', "'ll", 'can', 'could', 'would', 'may', 'might', 'should', 'shall', 'must']);
/** How many words after "also" production must never use. */
const minFresh = 2;

/**
 * Whether candidate clause `c` (of `candidate`) adds, with "also" before a verb of action, things
 * production never names: two words after "also" no production answer uses. English only: German
 * "also" is "so" ("Sie brauchen also nichts mitzubringen").
 */
export function alsoAdds(c: ClauseFacts, candidate: FactSheet, production: readonly FactSheet[]): boolean {
  const t = c.tokens;
  const at = t.findIndex((x, i) => i > 0 && x.lower === 'also');
  if (at < 1) return false;
  for (let i = 0; i < at; i++) if (readers.has(t[i]?.lower ?? '')) return false;
  const verb = t[at + 1]?.lower ?? '';
  if (!/^\p{Ll}+$/u.test(verb) || isFunctionWord(verb) || modals.has(verb) || helping.has(verb)) return false;
  let fresh = 0;
  for (const x of t.slice(at + 1))
    for (const w of contentWords(x.core)) if (!/\d/.test(w) && !production.some((s) => s.vocabulary.has(w))) fresh++;
  if (fresh < minFresh) return false;
  const words = candidate.words;
  const language = proseLanguage(
    candidate.clauses.flatMap((x) => x.tokens.map((k) => words.id(k.lower))),
    words,
  );
  return language === undefined || language === 'English';
}
