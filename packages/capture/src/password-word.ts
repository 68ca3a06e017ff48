/**
 * Whether a word of letters only, stated as a password (`my password is sunshine`), is one: a
 * passphrase of letters is a password as often as not, so it counts unless it reads as what prose
 * says about a password — a closed-class word (`not`, `still`, `there`), a state (`required`,
 * `incorrect`, `too`), or a word with an English derivational or inflectional ending (`changed`,
 * `expiring`, `currently`, `sensitive`, `encryption`). Erring toward redaction: a word taken
 * wrongly becomes a placeholder, a password left is stored.
 */
export function passwordOfLetters(word: string): boolean {
  if (word.length < minLetters || !/^[A-Za-z]+$/.test(word)) return false;
  const lower = word.toLowerCase();
  return !proseWords.has(lower) && !proseEnding.test(lower);
}

/** Shorter words of letters are too often prose (`the password is fine`) to take. */
const minLetters = 5;

const proseEnding = /(?:ed|ing|ly|able|ible|ive|ous|ful|less|ment|ness|tion|sion|ance|ence|ity)$/;

/** States a password is in, and the function words and adverbs that follow `password is` in prose. */
const proseWords: ReadonlySet<string> = new Set(
  [
    'required incorrect correct wrong invalid valid empty blank short strong secure insecure different same',
    'private personal confidential unique temporary hidden shown known unknown visible optional mandatory',
    'forgotten reset weak right fine great okay there where which while these those their about above below',
    'under until after before since still never always often again already maybe perhaps probably please',
    'because whatever something nothing anything everything another either neither other longer shorter',
    'stronger weaker easier harder simple secret safe unsafe public plain clear stale broken locked taken',
    'given written sent set new old same also just only even exactly really quite rather almost',
  ]
    .join(' ')
    .split(' '),
);
