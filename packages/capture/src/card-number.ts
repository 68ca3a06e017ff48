/**
 * What a payment card number looks like (ISO/IEC 7812): an issuer prefix with the lengths that
 * issuer uses, a Luhn check digit, and — when grouped — the groups cards are printed in. A digit
 * run that passes Luhn alone is not enough: one number in ten does, so a millisecond timestamp
 * (`"created_at": 1764590000123`, 13 digits from 1) or the fraction of a float would be redacted
 * one time in ten, corrupting captured data.
 */

/**
 * Issuer prefixes and the lengths they issue, from the networks' published IIN ranges: UATP (1,
 * 15 digits); Mir (2200–2204) and Mastercard (2221–2720); Diners Club (30, 36, 38, 39), American
 * Express (34, 37, 15 digits) and JCB (35); Visa (4); Mastercard (51–55) and Maestro (50, 56–58);
 * Discover, UnionPay, RuPay, Maestro (6); UnionPay and RuPay (81, 82), UzCard (86); Troy (9792)
 * and Humo (9860). Ranges are kept a little wider than today's allocations (a new range inside a
 * network's block still counts); what stays out is what no network issues — 0, 7, a 1 that is
 * not 15 digits long — which is where timestamps (1…, 2… from 2033) and most ids fall.
 */
const issuers: readonly { readonly prefix: RegExp; readonly min: number; readonly max: number }[] = [
  { prefix: /^1/, min: 15, max: 15 },
  { prefix: /^2[2-7]/, min: 16, max: 19 },
  { prefix: /^3[47]/, min: 15, max: 15 },
  { prefix: /^3[0689]/, min: 14, max: 19 },
  { prefix: /^35/, min: 16, max: 19 },
  { prefix: /^[456]/, min: 13, max: 19 },
  { prefix: /^8[126]/, min: 16, max: 19 },
  { prefix: /^9(?:792|860)/, min: 16, max: 16 },
];

/** Whether some issuer gives out numbers of these digits' prefix and length. */
export function issued(digits: string): boolean {
  return issuers.some((i) => digits.length >= i.min && digits.length <= i.max && i.prefix.test(digits));
}

/**
 * How cards are printed when grouped: fours with a shorter last group (4-4-4-4, 4-4-4-4-3, 4-4-4-1
 * …), American Express 4-6-5, Diners Club 4-6-4 and the 13-digit 4-3-3-3 / 4-4-5 — one separator
 * throughout. Other groupings (a table of small numbers, a phone number, two ids) are not a card.
 */
export function printedGroups(sizes: readonly number[], separators: readonly string[]): boolean {
  if (sizes.length === 1) return true;
  if (separators.some((s) => s !== separators[0])) return false;
  const layout = sizes.join('-');
  if (layout === '4-6-5' || layout === '4-6-4' || layout === '4-3-3-3' || layout === '4-4-5') return true;
  const last = sizes[sizes.length - 1] as number;
  return last >= 1 && last <= 4 && sizes.slice(0, -1).every((n) => n === 4);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * Whether the digits at `[from, to)` of `input` are part of something else: a float's fraction
 * (`0.4234…`, `1.4234…e-5`); a JSON number with a fraction (`"x": -4553648871592.001`); the tail
 * of a word, a hex digest or an id (`f4111…`, `id4111…`). A JSON escape before the digits (`\n`,
 * `\t`, `\u00a0`) is a separator, not a word. A word or a full stop after the digits does not
 * count in text: a card is still a card written before a word or a stop without a space
 * (`…1111please`, `card 4111….42`).
 */
export function glued(input: string, from: number, to: number): boolean {
  const before = input.charCodeAt(from - 1);
  if (before === 46 && isDigit(input.charCodeAt(from - 2))) return true;
  if (isLetter(before) && !afterEscape(input, from)) return true;
  return input.charCodeAt(to) === 46 && isDigit(input.charCodeAt(to + 1)) && jsonValueStart(input, from);
}

/**
 * Whether a JSON number starts at `at`: after a sign and white space, a member's `":`, an array's
 * `[`, or a `,` after another value. Text such as `key: 4111…` is not JSON's `"key": 4111…`.
 */
function jsonValueStart(input: string, at: number): boolean {
  let i = skipBack(input, input.charCodeAt(at - 1) === 45 ? at - 2 : at - 1);
  const c = input.charCodeAt(i);
  if (c === 91) return true;
  if (c !== 58 && c !== 44) return false;
  i = skipBack(input, i - 1);
  return c === 58 ? input.charCodeAt(i) === 34 : valueEnd.test(input.charAt(i));
}

/**
 * What ends a JSON value before a `,`: a digit, a string's quote, a `]` or `}`, the last letter of
 * `true`, `false` or `null`. The regexes of these helpers are made once: a literal in a function is
 * a new RegExp object each time it is evaluated, and they run for every digit run a lead finds
 * (a millisecond timestamp in each event of a stream).
 */
const valueEnd = /[\d"\]}el]/;
const blank = /\s/;
const escapeLetter = /[nrtbf]/;
const unicodeEscape = /^\\u[0-9a-fA-F]{4}$/;
const digitGroups = /\d+/g;
const nonDigits = /\D/g;

/** The last index at or before `i` that is not white space. */
function skipBack(input: string, i: number): number {
  while (i >= 0 && blank.test(input.charAt(i))) i--;
  return i;
}

/**
 * Whether an escape (`\n`, `\r`, `\t`, `\b`, `\f`, `\uXXXX`) ends right before `at`: a JSON
 * string's, or one written out in its text (`my card\\t4111…`), which reads the same to a person.
 */
function afterEscape(input: string, at: number): boolean {
  if (input.charCodeAt(at - 2) === 92 && escapeLetter.test(input.charAt(at - 1))) return true;
  return unicodeEscape.test(input.slice(at - 6, at));
}

/**
 * The card number inside a run of digit groups found at `at` in `input`: the longest span of
 * whole groups (13–19 digits) that an issuer gives out, printed as cards are, passing Luhn and
 * not glued to a number or word — so `4111 1111 1111 1111 123` (a CVV after the number) and
 * `4111111111111111 12` (an expiry) are still found. A single group longer than 19 digits is an
 * id, not a card. Returns `[start, end)` within the run.
 */
export function cardWithin(run: string, input = run, at = 0): readonly [number, number] | undefined {
  // One group (a JSON number, a millisecond timestamp in every event of a stream): what the walk
  // over groups below finds for it, without its arrays and objects.
  if (digitsOnly(run)) {
    const n = run.length;
    return n >= 13 && n <= 19 && issued(run) && luhn(run) && !glued(input, at, at + n) ? [0, n] : undefined;
  }
  const groups: { start: number; end: number }[] = [];
  digitGroups.lastIndex = 0;
  for (let m = digitGroups.exec(run); m !== null; m = digitGroups.exec(run)) groups.push({ start: m.index, end: m.index + m[0].length });
  let best: [number, number] | undefined;
  let bestDigits = 0;
  for (let i = 0; i < groups.length; i++) {
    const sizes: number[] = [];
    const separators: string[] = [];
    let digits = 0;
    for (let j = i; j < groups.length; j++) {
      const g = groups[j] as { start: number; end: number };
      if (j > i) separators.push(run.slice((groups[j - 1] as { end: number }).end, g.start));
      sizes.push(g.end - g.start);
      digits += g.end - g.start;
      if (digits > 19) break;
      if (digits < 13 || digits <= bestDigits) continue;
      const from = (groups[i] as { start: number }).start;
      const to = g.end;
      // One group is digits only: nothing to take out.
      const number = j === i ? run.slice(from, to) : run.slice(from, to).replace(nonDigits, '');
      if (issued(number) && printedGroups(sizes, separators) && luhn(number) && !glued(input, at + from, at + to)) {
        best = [from, to];
        bestDigits = digits;
      }
    }
  }
  return best;
}

function digitsOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** The Luhn checksum over the digits of `s`. */
export function luhn(s: string): boolean {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    digits++;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits >= 13 && sum % 10 === 0;
}
