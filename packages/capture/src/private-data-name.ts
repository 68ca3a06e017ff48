/**
 * Words that name private data of no shape of its own: a PIN, a card's verification code, an
 * IBAN, a social security number, a one-time or TOTP code. `4821` or `123-45-6789` read as an
 * order number to a pattern; only the name says what they are. Whole words only (`pinned`,
 * `spinner`, `option` hold none).
 */
const privateWords: ReadonlySet<string> = new Set(['pin', 'cvv', 'cvv2', 'cvc', 'cvc2', 'csc', 'iban', 'ssn', 'otp', 'totp', 'hotp']);

/** Two words that together name one (`security_answer`, `card_number`), the first before the second. */
const pairs: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[] = [
  [new Set(['security', 'secret']), new Set(['answer', 'answers'])],
  [new Set(['card', 'cc']), new Set(['number', 'num', 'no'])],
];

/** Names written as one word (`cardnumber`, `securityanswer`). */
const joined: ReadonlySet<string> = new Set(
  pairs.flatMap(([firsts, seconds]) => [...firsts].flatMap((f) => [...seconds].filter((s) => s !== 'no').map((s) => f + s))),
);

/**
 * A code that proves who one is, by what it is for: `verification_code`, `security code`, `one-time
 * code`, `2FA code`, `mfaCode`, `recovery_codes` (words joined by `_`; `one time` also as `onetime`).
 */
const codeName = /(?:^|_)(?:verification|security|confirmation|one_?time|2_?fa|mfa|sms|login|access|recovery|backup)_codes?(?:_|$)/;

/**
 * Whether a name's words (lower-case, split on `_`, `-`, `.` and camelCase: `pinCode` is `pin`,
 * `code`) name private data: one of the words above anywhere, or a pair in order
 * (`user_security_answer`, `cardNumber`, `cc_no`).
 */
export function privateDataName(words: readonly string[]): boolean {
  if (codeName.test(words.join('_'))) return true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (privateWords.has(w) || joined.has(w)) return true;
    for (const [firsts, seconds] of pairs) if (firsts.has(w) && seconds.has(words[i + 1] as string)) return true;
  }
  return false;
}

/**
 * What may stand between a pair's words in a name, as `isSecretName` splits one: `-`, `_`, `.`, a
 * blank or a bracket (`card no`, `security answer` were secret names the scan passed over: trust
 * audit 10's property test of the two).
 */
const separator = String.raw`[-_.\s[\]]?`;

/**
 * Regex sources of a part of every name {@link privateDataName} accepts (`otp`, `totp`, `hotp` by their
 * `tp` at a word's end, in the `t` group that `token` opens anyway: an `o` group of its own cost
 * ~10 % of the scan), for the scan that finds
 * names by a word they hold (`secretWord`, case-insensitive), each starting with a plain letter. Kept
 * narrow, since every place one matches is read as a possible name: `pin` and `otp` only where no
 * letter follows, or as `pinCode` / `pinNumber` / `otpCode` (`shipping`, `opinion`, `footprint` are
 * no names); `card`, `cc` and `security` only before what their pair's second word starts with;
 * `code` for every name of a code (`verification_code`, `mfaCode`: a name, so one word). Each
 * alternative costs at every place its first letter stands in every body: the words a code is for
 * (`access`, `login`, `backup`…) as hints made the scan ~60 % slower.
 */
export const privateDataHints: readonly string[] = [
  'pin(?![a-z])',
  'pinco',
  'pinnu',
  'cvv',
  'cvc',
  'csc',
  'iban',
  'ssn',
  'tp(?![a-z])',
  `security${separator}a`,
  'code',
  `card${separator}n`,
  `cc${separator}n`,
];
