import type { Span } from './secret-value-spans.js';
import { nearSecretWord } from './secret-words.js';

/**
 * `your verification code is 482913`, `2FA code: 482913`, `one-time code 482913`: a code that proves
 * who one is, labelled in prose by what it is for and the word `code`, then (after `is`, `was` or a
 * colon) 3 to 8 digits. A name in JSON (`verification_code`) is one word and read as a secret name;
 * prose writes the label as two, which no name scan joins. `zip code 94107`, `status code 404` and
 * `promo code SAVE20` name none.
 */
const statement =
  /(?<![A-Za-z])(?:verification|security|confirmation|one[- ]?time|2FA|MFA|SMS|login|access|recovery|backup|authentication|auth)[ -]codes?[ \t]*(?::|is|was)?[ \t]*(\d{3,8})(?![\d\w])/gi;

/** `code` in any case: every statement holds it, and the secret-word scan finds it. */
const codeWord = /code/i;

/** Ranges of the codes such labels state, left to right. */
export function codeStatements(text: string): Span[] {
  // Most text has no `code`: it is looked for only near the text's secret words, which the member
  // and assignment scans found already (three native searches of the whole text cost ~0.6 µs an exchange).
  return nearSecretWord(text, codeWord, codeWord.source.length) ? statedCodes(text) : [];
}

/** {@link codeStatements} without its gate: the statements looked for in the whole text. */
export function statedCodes(text: string): Span[] {
  const out: Span[] = [];
  statement.lastIndex = 0;
  for (let m = statement.exec(text); m !== null; m = statement.exec(text)) {
    const end = m.index + m[0].length;
    out.push([end - (m[1] as string).length, end]);
  }
  return out;
}
