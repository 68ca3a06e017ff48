// Negation cues of the languages other than English that answers are read in, one entry per
// language: its words of negation ("not", "never", "no …") and its words that deny their positive
// counterpart ("excluded", "prohibited"), counted as English "not" and "excluded" are
// (polarity-words.ts). A word is looked up in the entry of the script it is written in: Latin words
// in the Latin languages' entries (no word below is an English word), Hangul words in Korean's, Kana
// in Japanese's, Han in Chinese's and Japanese's. Words of those three scripts are cut by
// Intl.Segmenter (word-segments.ts) or by spaces (Korean), so a cue there is a whole token or, for
// Korean's verb endings, how a token begins.

interface LatinCues {
  /** Words that negate ("nicht", "jamais"), and the language's "without" ("ohne", "sin", "sem", "sans", "senza"), as English "without" does. */
  readonly negations: readonly string[];
  /** Words that deny their positive counterpart ("ausgeschlossen" = "not included"). */
  readonly deniers: readonly string[];
}

/** Latin-script languages; French "ne" is left out ("pas"/"jamais" count once for "ne … pas"). */
export const latinNegationCues: Readonly<Record<string, LatinCues>> = Object.freeze({
  German: {
    negations: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'ohne'],
    deniers: ['ausgeschlossen', 'verboten', 'untersagt'],
  },
  Spanish: {
    negations: ['nunca', 'ningún', 'ninguna', 'ninguno', 'nada', 'tampoco', 'sin'],
    deniers: ['excluido', 'excluida', 'excluidos', 'excluidas', 'prohibido', 'prohibida', 'prohibidos', 'prohibidas'],
  },
  Portuguese: {
    negations: ['não', 'nunca', 'nenhum', 'nenhuma', 'nada', 'sem'],
    deniers: ['excluído', 'excluída', 'excluídos', 'excluídas', 'proibido', 'proibida', 'proibidos', 'proibidas'],
  },
  French: {
    negations: ['pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans'],
    deniers: ['exclu', 'exclue', 'exclus', 'exclues', 'interdit', 'interdite', 'interdits', 'interdites'],
  },
  Italian: {
    negations: ['mai', 'nessun', 'nessuno', 'nessuna', 'senza'],
    deniers: ['escluso', 'esclusa', 'esclusi', 'escluse', 'vietato', 'vietata', 'vietati', 'vietate'],
  },
});

// Negations of other languages read only inside an edit of a kept sentence (edit-negations.ts), no
// English cue nor a clause cue above spelling them, each a word standing alone (a language that
// negates inside its verbs, "edemezsiniz", "nemůžete", "huwezi", has its change read by its affix
// against the plain verb, affix-negation.ts, or as a changed word). Read only inside an edit, where the
// rest of the sentence is kept word for word: as cues of whole clauses they made paraphrases read as
// flips (docs/benchmarks.md, "-free" rule); the clause cues above are the languages whose paraphrases
// the clause rules read. One home for both: a word is in one of the two tables, never both. Left
// out where another language spells the same word otherwise: French "en" and "et" (Finnish "I don't",
// "you don't"), Polish "tak" ("yes"; Indonesian "not"), German "Mitte" (Estonian "not"), Dutch "nu"; "ne" counts only where French has no second word of "ne … pas" (see negates).
export const editNegations: ReadonlySet<string> = new Set([
  // Romance and Germanic beyond the clause cues ({@link latinNegationCues}): Italian/Spanish "non", Dutch, Scandinavian.
  'non',
  'niet',
  'geen',
  'nooit',
  'inte',
  'ingen',
  'aldrig',
  'ej',
  'ikke',
  'aldri',
  'ekki',
  // Romanian (its "nu" is Dutch "now": left out).
  'niciodată',
  // Slavic: Polish, Czech and Slovak, South Slavic (Croatian, Serbian, Bosnian, Slovenian), East Slavic, Bulgarian.
  'nigdy',
  'żaden',
  'ne',
  'není',
  'nejsou',
  'nelze',
  'nikdy',
  'nije',
  'nisu',
  'nema',
  'nikad',
  'nikada',
  'не',
  'нет',
  'ні',
  'немає',
  'никогда',
  'ніколи',
  'няма',
  'никога',
  // Greek.
  'δεν',
  'δε',
  'μην',
  'μη',
  'όχι',
  'ποτέ',
  // Finnish (the negative verb but for "en" and "et"), Hungarian.
  'ei',
  'emme',
  'ette',
  'eivät',
  'nem',
  'nincs',
  'nincsenek',
  'soha',
  // Turkish, Indonesian and Malay, Tagalog, Vietnamese.
  'değil',
  'yok',
  'asla',
  'tidak',
  'bukan',
  'belum',
  'jangan',
  'hindi',
  'huwag',
  'không',
  'chưa',
  'chẳng',
  'đừng',
]);

/** Whole tokens that negate in Chinese and Japanese text (Han and Kana), as Intl.Segmenter cuts them. */
const cjkNegations = new Set([
  // Chinese: 不 / 没(有) / 无 / 未 / 非 / 别 / 勿 and the words they make ("can't", "needn't", "no longer").
  '不',
  '没',
  '沒',
  '没有',
  '沒有',
  '无',
  '無',
  '未',
  '非',
  '别',
  '別',
  '勿',
  '不能',
  '不可',
  '不会',
  '不要',
  '不用',
  '不必',
  '不得',
  '不再',
  '无法',
  '無法',
  // "免(收)" ("exempt from charging"), "免费" / "無料" ("free of charge"): no charge, as "free" says in
  // English where it is about price (their texts name the charge right beside them).
  '免',
  '免收',
  '免费',
  '免費',
  '無料',
  // Japanese: the negative endings as the segmenter leaves them ("でき|ない", "ま|せん", "なし").
  'ない',
  'せん',
  'ず',
  'なし',
  'なく',
]);
/** Han / Kana tokens that deny: "prohibited", "excluded" / "not covered". */
const cjkDeniers = new Set(['禁止', '除外', '対象外']);

// Korean (Hangul, words cut by spaces): "안" and "못" before the verb; "않-", "없-" and "아니-"/"아닙-"
// opening a word ("부과되지 않습니다", "없습니다", "아닙니다"); "불가" opening one ("불가합니다",
// "불가능"); "무료" ("free of charge"). "금지" ("prohibited") denies.
const koreanWords = new Set(['안', '못']);
const koreanOpenings = ['않', '없', '아니', '아닙', '불가', '무료'];
const koreanDenierOpenings = ['금지'];

/** The first code point of a word, classified by script. */
function scriptOf(w: string): 'latin' | 'hangul' | 'cjk' | 'other' {
  const c = w.codePointAt(0) ?? 0;
  if (c < 0x2e80) return c < 0x250 ? 'latin' : 'other';
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return 'hangul';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return 'cjk';
  return 'other';
}

/** Whether a lower-cased word of Korean, Chinese or Japanese negates (Latin words: see {@link latinNegationCues}). */
export function scriptNegation(w: string): boolean {
  switch (scriptOf(w)) {
    case 'hangul':
      return koreanWords.has(w) || koreanOpenings.some((p) => w.startsWith(p));
    case 'cjk':
      return cjkNegations.has(w);
    default:
      return false;
  }
}

/** Whether a lower-cased word of Korean, Chinese or Japanese denies its positive counterpart ("禁止", "금지됩니다"). */
export function scriptDenier(w: string): boolean {
  switch (scriptOf(w)) {
    case 'hangul':
      return koreanDenierOpenings.some((p) => w.startsWith(p));
    case 'cjk':
      return cjkDeniers.has(w);
    default:
      return false;
  }
}
