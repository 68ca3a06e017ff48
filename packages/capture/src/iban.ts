import type { Span } from './secret-value-spans.js';

/**
 * The length of an IBAN in each country that issues them (the SWIFT IBAN registry), by its
 * country code. A code not listed issues none: `GB12ABCD…` of the right length checks, `US12…` never.
 */
const lengths: ReadonlyMap<string, number> = new Map(
  Object.entries({
    AD: 24,
    AE: 23,
    AL: 28,
    AT: 20,
    AZ: 28,
    BA: 20,
    BE: 16,
    BG: 22,
    BH: 22,
    BI: 27,
    BR: 29,
    BY: 28,
    CH: 21,
    CR: 22,
    CY: 28,
    CZ: 24,
    DE: 22,
    DJ: 27,
    DK: 18,
    DO: 28,
    EE: 20,
    EG: 29,
    ES: 24,
    FI: 18,
    FK: 18,
    FO: 18,
    FR: 27,
    GB: 22,
    GE: 22,
    GI: 23,
    GL: 18,
    GR: 27,
    GT: 28,
    HR: 21,
    HU: 28,
    IE: 22,
    IL: 23,
    IQ: 23,
    IS: 26,
    IT: 27,
    JO: 30,
    KW: 30,
    KZ: 20,
    LB: 28,
    LC: 32,
    LI: 21,
    LT: 20,
    LU: 20,
    LV: 21,
    LY: 25,
    MC: 27,
    MD: 24,
    ME: 22,
    MK: 19,
    MN: 20,
    MR: 27,
    MT: 31,
    MU: 30,
    NI: 28,
    NL: 18,
    NO: 15,
    OM: 23,
    PK: 24,
    PL: 28,
    PS: 29,
    PT: 25,
    QA: 29,
    RO: 24,
    RS: 22,
    RU: 33,
    SA: 24,
    SC: 31,
    SD: 18,
    SE: 24,
    SI: 19,
    SK: 24,
    SM: 27,
    SO: 23,
    ST: 25,
    SV: 28,
    TL: 23,
    TN: 24,
    TR: 26,
    UA: 29,
    VA: 22,
    VG: 24,
    XK: 20,
    YE: 30,
  }),
);

/**
 * Whether `iban` (compact, upper case) is one: its country's length, and the ISO 13616 check —
 * the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. A string
 * of the shape that is not an IBAN passes one time in 97 *and* must have the length its two
 * letters name.
 */
export function ibanChecks(iban: string): boolean {
  if (lengths.get(iban.slice(0, 2)) !== iban.length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  let rest = 0;
  for (const c of iban.slice(4) + iban.slice(0, 4)) {
    const code = c.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1;
}

/** Where an IBAN may start: two capitals and two digits (a plain regex, no look-behind tried everywhere). */
const start = /[A-Z]{2}\d{2}/g;

const isAlnum = (c: string): boolean => /[A-Za-z0-9]/.test(c);

/**
 * IBANs written in text, compact (`DE89370400440532013000`) or printed in groups of four with
 * single spaces (`DE89 3704 0044 0532 0130 00`): from two capitals and two check digits, as many
 * characters as the country's IBANs have, spaces between groups skipped; not inside a word or
 * run on into one; checked by {@link ibanChecks}.
 */
export function ibansIn(text: string): Span[] {
  const out: Span[] = [];
  start.lastIndex = 0;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    const from = m.index;
    const length = lengths.get(m[0].slice(0, 2));
    if (length === undefined || (from > 0 && isAlnum(text.charAt(from - 1)) && !escapeLetter(text, from))) continue;
    let compact = '';
    let at = from;
    let grouped: boolean | undefined;
    while (compact.length < length && at < text.length) {
      const c = text.charAt(at);
      if (/[A-Z0-9]/.test(c)) {
        compact += c;
        at++;
      } else if (c === ' ' && compact.length % 4 === 0 && grouped !== false && /[A-Z0-9]/.test(text.charAt(at + 1))) {
        grouped = true;
        at++;
      } else break;
      if (compact.length % 4 === 0 && compact.length < length && grouped === undefined && compact.length === 4)
        grouped = text.charAt(at) === ' ';
    }
    if (compact.length !== length || isAlnum(text.charAt(at)) || !ibanChecks(compact)) continue;
    out.push([from, at]);
    start.lastIndex = at;
  }
  return out;
}

/** A JSON escape's letter before `at` (`\nDE89…`) is no word the IBAN runs on from. */
function escapeLetter(text: string, at: number): boolean {
  return 'nrt'.includes(text.charAt(at - 1)) && text.charAt(at - 2) === '\\';
}
