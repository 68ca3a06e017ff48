import { isFunctionWord } from '../facts/clauses/content-words.js';
import type { Difference } from '../report/divergence-report.js';
import { textTokenIds } from './text-tokens.js';
import { memoSlots, type WordIds } from './word-ids.js';

const scripts: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/gu],
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Han', /\p{Script=Han}/gu],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['Hangul', /\p{Script=Hangul}/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Devanagari', /\p{Script=Devanagari}/gu],
  ['Thai', /\p{Script=Thai}/gu],
];

// Only the opening is looked at: enough letters to tell a language, bounded on a 1 MB answer.
const sample = 4000;
const nonAscii = /[^\0-\x7f]/;

function dominantScript(text: string): string | undefined {
  const s = text.slice(0, sample);
  // Most answers are ASCII: their only script is Latin, and its letters are A–Z and a–z (twelve
  // are enough). A pattern finds a non-ASCII character faster than a loop over char codes.
  if (!nonAscii.test(s)) {
    let letters = 0;
    for (let i = 0; i < s.length && letters < 12; i++) {
      const c = s.charCodeAt(i) | 32;
      if (c >= 97 && c <= 122) letters++;
    }
    return letters >= 12 ? 'Latin' : undefined;
  }
  let best: string | undefined;
  let most = 0;
  let han = 0;
  let kana = 0;
  for (const [name, re] of scripts) {
    const n = s.match(re)?.length ?? 0;
    if (name === 'Han') han = n;
    if (name === 'Kana') kana = n;
    if (n > most) {
      most = n;
      best = name;
    }
  }
  // Japanese is written in kanji (Han) and kana together, a terse list mostly in kanji
  // ("収集日：毎週水曜日"): a few kana make Han text Japanese; Chinese uses none.
  if (kana >= minKana && (best === 'Han' || best === 'Kana')) return han + kana >= 12 ? 'Japanese' : undefined;
  return most >= 12 ? best : undefined;
}

/** The kana that mark Han text as Japanese (a particle or two, a katakana word). */
const minKana = 3;

// Function words frequent in one language and rare in English prose (no word shared with English
// or with another list), for telling Latin-script languages apart.
const functionWords: readonly [string, ReadonlySet<string>][] = [
  ['Spanish', new Set('el la los las del que y en por para con una es está son pero su sus usted le lo muy más como también'.split(' '))],
  ['French', new Set('le la les des du et est pour avec une vous nous dans pas sont être votre vos sur ce cette qui que il'.split(' '))],
  ['German', new Set('der die das und ist nicht mit ein eine sie wir für auf ihr ihre zu den dem des sich oder auch wird'.split(' '))],
  ['Portuguese', new Set('o os as não com uma para você seu sua em do da dos das que é está são mas também'.split(' '))],
  ['Italian', new Set('il lo gli che di non per sono è una della del con questo anche suo sua ma più'.split(' '))],
  ['Dutch', new Set('het een en van niet voor met zijn je u wij op ook maar dat deze wordt naar bij'.split(' '))],
  // Danish, Norwegian and Swedish as one: their function words and number words barely differ.
  [
    'Scandinavian',
    new Set('og och ikke inte ikkje på av til till eller har som det er är jeg jag att ett skal ska vil blir fra från deg dig'.split(' ')),
  ],
];

// Function word → bit k set for each language k of functionWords that lists it; bit `english` for
// an English function word.
const english = functionWords.length;
const languagesOf = new Map<string, number>();
functionWords.forEach(([, set], k) => {
  for (const w of set) languagesOf.set(w, (languagesOf.get(w) ?? 0) | (1 << k));
});

/** The language bits of a word id (memoized per word). */
function languageBits(id: number, words: WordIds, memo: (number | undefined)[]): number {
  let bits = memo[id];
  if (bits === undefined) {
    const w = words.words[id] as string;
    bits = (languagesOf.get(w) ?? 0) | (isFunctionWord(w) ? 1 << english : 0);
    memo[id] = bits;
  }
  return bits;
}

/**
 * The language of Latin-script prose from its function words: English, or the listed language
 * whose function words make at least 12 % of its words and outnumber English ones. Undefined when
 * it cannot tell (too few words, or a terse list with hardly any function words at all).
 */
function latinLanguage(ids: readonly number[], words: WordIds): string | undefined {
  if (ids.length < 8) return undefined;
  // One pass over the words counts every language (a word can be in several lists).
  const counts = new Array<number>(functionWords.length + 1).fill(0);
  const memo = words.memo(memoSlots.language);
  for (const id of ids) {
    const bits = languageBits(id, words, memo);
    if (bits !== 0) for (let k = 0; k <= english; k++) if ((bits & (1 << k)) !== 0) counts[k] = (counts[k] ?? 0) + 1;
  }
  let best: string | undefined;
  let most = 0;
  functionWords.forEach(([name], k) => {
    const n = counts[k] ?? 0;
    if (n > most) {
      most = n;
      best = name;
    }
  });
  const englishShare = (counts[english] ?? 0) / ids.length;
  const other = most / ids.length;
  if (other >= 0.12 && other > englishShare) return best;
  return englishShare >= 0.15 ? 'English' : undefined;
}

/** The folded words of a text's opening: the whole text's words when it is no longer than that. */
function openingWords(text: string, words: WordIds, ids: readonly number[] | undefined): readonly number[] {
  return ids !== undefined && text.length <= sample ? ids : textTokenIds(text.slice(0, sample), words);
}

/**
 * A candidate answering in another language than production: another writing system, or Latin
 * prose whose function words are another language's. Covers scripts by Unicode script property
 * and, within Latin, English, Spanish, French, German, Portuguese, Italian, Dutch and the Scandinavian languages.
 * `idsOriginal` / `idsCandidate`, when given, are the texts' words as ids of `words` (not re-read).
 */
export function languageChange(
  original: string,
  candidate: string,
  words: WordIds,
  idsOriginal?: readonly number[],
  idsCandidate?: readonly number[],
): Difference | undefined {
  const sa = dominantScript(original);
  const sb = dominantScript(candidate);
  if (sa === undefined || sb === undefined) return undefined;
  let changed = sa !== sb;
  let what = `${sa} → ${sb} script`;
  if (!changed && sa === 'Latin') {
    const la = latinLanguage(openingWords(original, words, idsOriginal), words);
    const lb = latinLanguage(openingWords(candidate, words, idsCandidate), words);
    changed = la !== undefined && lb !== undefined && la !== lb;
    what = `${la} → ${lb}`;
  }
  if (!changed) return undefined;
  return {
    kind: 'text_language',
    path: 'text',
    key: 'text.language',
    severity: 'high',
    message: `candidate answers in another language (${what})`,
  };
}

/**
 * The language of Latin-script prose given as its words' ids (lower case, of `words`): English,
 * Spanish, French, German, Portuguese, Italian, Dutch or Scandinavian by their function words; undefined when it
 * cannot tell (too few words, another script, a terse list).
 */
export function proseLanguage(ids: readonly number[], words: WordIds): string | undefined {
  return latinLanguage(ids, words);
}
