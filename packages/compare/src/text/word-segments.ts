// Scripts written without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar)
// read as one word per sentence to a tokenizer that splits at white space: a changed figure inside a
// Chinese sentence changed "the sentence", and a shorter paraphrase shared no word at all. Their
// runs are split into words here, with the ICU dictionaries of `Intl.Segmenter`, once for the two
// tokenizers (split-clauses.ts for the facts, text-tokens.ts for the similarity); text with no
// character of those scripts is returned as it is, after one scan of its char codes.

/**
 * The mark put between two words of a run: U+200B ZERO WIDTH SPACE. It shows nothing, so a clause
 * quoted as evidence reads as it was written; normalizeText removes it from answers, so one found
 * in a text read here was put there by {@link segmentWords}. Both tokenizers split at it.
 */
export const wordMark = '\u200b';

// A run of one of the scripts split by the segmenter (ー, the prolonged sound mark, is Common
// script but only written inside Katakana words).
const segmented = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\u30fc';
// Hangul is written with spaces between words: a run of it is only parted from a figure or a Latin
// word glued to it ("3월" → "3 월", "18만"), never segmented.
const runs = new RegExp(`[${segmented}]+|\\p{sc=Hangul}+`, 'gu');
const segmentedStart = new RegExp(`^[${segmented}]`, 'u');
/** A word all of a space-less script's characters (one {@link segmentWords} parts from its run). */
export const segmentedWord = new RegExp(`^[${segmented}]+$`, 'u');
const scriptChar = `[${segmented}\\p{sc=Hangul}]`;
// Punctuation glued to a run on its other side, which the runs' own boundaries do not reach: a
// clause or sentence mark after a run, a closing bracket or a percent and before a figure or a word
// ("桥,3月", "收;48小时", "条件:7天", "5%;24"; NFKC made ，；： ASCII) takes a space; an opening bracket after a figure or a word and
// before a run ("G1234(北京") is parted from what it follows; a closing one after a run and before
// a figure or a word ("桥)G1234") from what follows it.
const gluedPunct = new RegExp(
  `(?<=${scriptChar}|[)\\]」』》〉】〕〗）%])([,;:!?、。])(?=[^\\s\\u200b])|(?<=[\\p{L}\\p{N}%])([(\\[「『《〈【〔〖（])(?=${scriptChar})|(?<=${scriptChar})([)\\]」』》〉】〕〗）])(?=[\\p{L}\\p{N}])`,
  'gu',
);

/** Punctuation after which a clause or a sentence goes on: a real space follows it, as in spaced scripts. */
function isClausePunct(c: number): boolean {
  return (
    c === 44 || // ,
    c === 59 || // ;
    c === 58 || // :
    c === 33 || // !
    c === 63 || // ?
    c === 46 || // .
    c === 0x3001 || // 、
    c === 0x3002 || // 。
    c === 0xff0c || // ，
    c === 0xff1b || // ；
    c === 0xff1a || // ：
    c === 0xff01 || // ！
    c === 0xff1f // ？
  );
}

/** Brackets and quotes that open: they stay with the word after them (the tokenizer trims them). */
// A straight quote " opens or closes: it is parted from the run on both sides (the tokenizer drops a
// token of punctuation alone).
function isOpening(c: number): boolean {
  return c === 40 || c === 91 || c === 0x201c || (c >= 0x3008 && c <= 0x3016 && c % 2 === 0) || c === 0xff08;
}

/** Brackets and quotes that close: they stay with the word before them. */
function isClosing(c: number): boolean {
  return c === 41 || c === 93 || c === 0x201d || (c >= 0x3009 && c <= 0x3017 && c % 2 === 1) || c === 0xff09;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceLike(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x200b || (c >= 0x2000 && c <= 0x200a);
}

/**
 * Whether `text` holds a character of a script this module parts: a code point from U+0E00 up
 * (Thai) in one of the ranges of those scripts. Most answers stop at the first test.
 */
function mayHoldRun(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0e00) continue;
    if (
      c <= 0x0eff || // Thai, Lao
      (c >= 0x1000 && c <= 0x109f) || // Myanmar
      (c >= 0x1100 && c <= 0x11ff) || // Hangul Jamo
      (c >= 0x1780 && c <= 0x17ff) || // Khmer
      (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, Hangul compatibility, Han
      (c >= 0xa960 && c <= 0xa97f) ||
      (c >= 0xac00 && c <= 0xd7ff) || // Hangul syllables
      (c >= 0xd840 && c <= 0xd87f) || // Han beyond the BMP (high surrogates of planes 2–3)
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xffef) // full-width forms
    )
      return true;
  }
  return false;
}

// Past this many characters of runs in one text, a run's characters are taken one by one (each Han
// character is a word or a morpheme): the segmenter's dictionary pass stays bounded on a 1 MB answer.
const maxSegmentedChars = 64 * 1024;

// The words of runs seen lately: an answer, its baselines and the candidate repeat most sentences.
const memo = new Map<string, string>();
const maxMemo = 2048;
// Only long runs are memoized (a short one costs less to segment than to keep).
const minMemoChars = 8;

let segmenter: Intl.Segmenter | undefined;

/** A run's words joined by {@link wordMark}. */
function segmentRun(run: string): string {
  if (run.length < 2) return run;
  const known = memo.get(run);
  if (known !== undefined) return known;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let out = '';
  for (const s of segmenter.segment(run)) out += out === '' ? s.segment : wordMark + s.segment;
  if (run.length >= minMemoChars) {
    if (memo.size >= maxMemo) memo.clear();
    memo.set(run, out);
  }
  return out;
}

/** A run's characters (code points) one by one, parted by {@link wordMark}. */
function charsOf(run: string): string {
  return Array.from(run).join(wordMark);
}

/** Full-width digits and Latin letters (U+FF10–FF5A) as ASCII: "７天" reads "7天". */
function foldFullWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * `text` with the words of its runs of space-less scripts parted by {@link wordMark}, a figure or a
 * Latin word glued to such a run parted from it ("G1234次列车" → "G1234|次|列车", "3월" → "3|월"),
 * and a space after punctuation that ends a clause or a sentence inside a run ("退款，前提" →
 * "退款， 前提"), so the tokenizers read words, values and clauses as in spaced scripts. Brackets
 * stay with the word they enclose, closing punctuation with the word before it. Full-width digits
 * and letters are folded to ASCII. Linear in the text's length; returns `text` itself when it has
 * none of those scripts, or when it holds {@link wordMark} already (it was segmented).
 */
export function segmentWords(text: string): string {
  if (!mayHoldRun(text) || text.includes(wordMark)) return text;
  const folded = foldFullWidth(text).replace(gluedPunct, (p: string, mark?: string, opening?: string) =>
    mark !== undefined ? `${p} ` : opening !== undefined ? wordMark + p : p + wordMark,
  );
  let budget = maxSegmentedChars;
  return folded.replace(runs, (run: string, at: number) => {
    const spaced = segmentedStart.test(run);
    let words = run;
    if (spaced) {
      words = budget > 0 ? segmentRun(run) : charsOf(run);
      budget -= run.length;
    }
    const before = at > 0 ? folded.charCodeAt(at - 1) : 32;
    const next = at + run.length < folded.length ? folded.charCodeAt(at + run.length) : 32;
    // "3至5个工作日", "48小时到8天": a range's connector between two figures keeps them one token ("3至5").
    if ((run === '至' || run === '到') && isDigit(before) && isDigit(next)) return run;
    const head = isSpaceLike(before) || isOpening(before) ? '' : isClausePunct(before) ? (spaced ? ' ' : '') : wordMark;
    const tail = isSpaceLike(next) || isClosing(next) || isClausePunct(next) ? '' : wordMark;
    return head + words + tail;
  });
}
