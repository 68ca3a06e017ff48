// The characters a word of a clause is trimmed of, and case (split-clauses.ts reads words with them).

// Punctuation trimmed from a word's edges; what stays inside is kept (`BK-4821`, `$1,200.50`).
// By char code: ( " ' [ { « “ ‘ open; ) " ' ] } » ” ’ . , ; : ! ? … close, and . , ; : ! ? are
// kept as the punctuation after a word.
export function isOpener(c: number): boolean {
  return c === 40 || c === 34 || c === 39 || c === 91 || c === 123 || c === 0xab || c === 0x201c || c === 0x2018 || isCjkOpener(c);
}

// CJK brackets open at an even code point of U+3008–3016 (〈《「『【〔〖) and close at the odd one
// after it; （） are their full-width forms.
function isCjkOpener(c: number): boolean {
  return (c >= 0x3008 && c <= 0x3016 && c % 2 === 0) || c === 0xff08;
}

function isCjkCloser(c: number): boolean {
  return (c >= 0x3009 && c <= 0x3017 && c % 2 === 1) || c === 0xff09;
}

/** 、。 and the full-width ，；：！？: kept as the punctuation after a word, as , ; : ! ? are. */
function isCjkPunct(c: number): boolean {
  return c === 0x3001 || c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f;
}

export function isCloser(c: number): boolean {
  return (
    c === 41 ||
    c === 34 ||
    c === 39 ||
    c === 93 ||
    c === 125 ||
    c === 0xbb ||
    c === 0x201d ||
    c === 0x2019 ||
    isSentencePunct(c) ||
    c === 0x2026 ||
    isCjkCloser(c)
  );
}

export function isSentencePunct(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || isCjkPunct(c);
}

export function isUpper(ch: string): boolean {
  // ASCII fast path; other scripts by case mapping (scripts without case are never "upper").
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
