import type { Span } from './secret-value-spans.js';

/**
 * `your verification code is 482913`, `2FA code: 482913`, `one-time code 482913`: a code that proves
 * who one is, labelled in prose by what it is for and the word `code`, then (after `is`, `was` or a
 * colon) 3 to 8 digits. A name in JSON (`verification_code`) is one word and read as a secret name;
 * prose writes the label as two, which no name scan joins. `zip code 94107`, `status code 404` and
 * `promo code SAVE20` name none.
 */
const statement =
  /(?<![A-Za-z])(?:verification|security|confirmation|one[- ]?time|2FA|MFA|SMS|login|access|recovery|backup|authentication|auth)[ -]codes?[ \t]*(?::|is|was)?[ \t]*(\d{3,8})(?![\d\w])/gi;

/** Ranges of the codes such labels state, left to right. */
export function codeStatements(text: string): Span[] {
  const out: Span[] = [];
  // A native search first: most text has no `code` in any case.
  if (!text.includes('code') && !text.includes('Code') && !text.includes('CODE')) return out;
  statement.lastIndex = 0;
  for (let m = statement.exec(text); m !== null; m = statement.exec(text)) {
    const end = m.index + m[0].length;
    out.push([end - (m[1] as string).length, end]);
  }
  return out;
}
