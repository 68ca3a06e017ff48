/**
 * Whether a word of letters only, stated as a password after another language's copula (`la mia
 * password è gattorosso`, `mein Passwort ist sonnenblume`), is one: the counterpart of
 * `passwordOfLetters` (English) for the languages whose labels `foreign-password.ts` reads. A
 * passphrase of letters is a password as often as not, so it counts unless it reads as what prose
 * says about a password in one of those languages — a closed-class word or a state (`troppo`,
 * `nicht`, `obligatoire`, `nueva`), or an inflectional or derivational ending that makes a
 * participle, an adverb or an adjective of a state (`scaduta`, `olvidada`, `geändert`, `expiré`,
 * `verlopen`, `-mente`, `-lich`, `-bile`). The language is not known (the copula `is` is English
 * and Dutch, `es` Spanish and Catalan), so prose in any of them counts. Erring toward redaction:
 * a word taken wrongly becomes a placeholder, a password left is stored.
 */
export function foreignPasswordOfLetters(word: string): boolean {
  if (cjkWord.test(word)) return cjkPasswordWord(word);
  if (word.length < minLetters || !letters.test(word)) return false;
  const lower = word.toLowerCase();
  return !proseWords.has(lower) && !proseEnding.test(lower) && !germanParticiple.test(lower);
}

/**
 * The word of letters from `from` — letters as written or as a JSON encoder escapes them
 * (`s\u0142onecznik`, `expir\u00e9`) — when it ends at a blank, punctuation, a quote or the text's
 * end (not inside a longer word of other characters) and is a password by
 * {@link foreignPasswordOfLetters}: its `[start, end)`, escapes included.
 */
export function statedLetterPassword(text: string, from: number): [number, number] | undefined {
  let word = '';
  let to = from;
  while (to < text.length && to - from < maxWord) {
    const c = text.charAt(to);
    if (c === '\\' && text.charAt(to + 1) === 'u') {
      const code = Number.parseInt(text.slice(to + 2, to + 6), 16);
      const decoded = Number.isNaN(code) ? '' : String.fromCharCode(code);
      if (!letter.test(decoded)) break;
      word += decoded;
      to += 6;
    } else if (letter.test(c)) {
      word += c;
      to++;
    } else break;
  }
  // A digit, `_`, `-` or the like after the letters: a word of another shape, another rule's.
  if (to < text.length && /[\p{N}_\-+/=@#$%&*~]/u.test(text.charAt(to))) return undefined;
  return foreignPasswordOfLetters(word) ? [from, to] : undefined;
}

/** The longest word read. */
const maxWord = 128;

/** Han, kana and Hangul (and the kana's long-vowel mark): scripts written without spaces, where a character is a syllable or more. */
const cjkWord = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+$/u;

/** A character of those scripts carries what two or three Latin letters do: two of them are as long as five letters. */
const minCjk = 2;

/**
 * What prose says after `密码是` / `パスワードは` / `비밀번호는`: a state (`错误`, `無効`, `틀림`), or a
 * sentence's ending — a particle or an inflection (`错误的`, `过期了`, `間違っています`, `틀렸습니다`).
 */
const cjkProse =
  /(?:的|了|吗|呢|吧|ます|です|ません|ました|でした|った|ない|니다|어요|아요|에요|해요|이다|했다)$|^(?:错误|錯誤|正确|正確|无效|無效|無効|有效|有効|不对|不對|不正确|过期|過期|已过期|忘记|忘記|什么|什麼|多少|必填|必需|相同|一样|一樣|間違い|空白|なし|不明|同じ|틀림|없음|만료|같음)$/u;

/**
 * Whether a word of Han, kana or Hangul stated as a password is one (`天地玄黄`, `猫狗`): two
 * characters or more, and not a state or a sentence's ending ({@link cjkProse}). Trust audit 5
 * (2026-12-03) found such passwords under five characters stored: the Latin letters' floor was applied.
 */
export function cjkPasswordWord(word: string): boolean {
  return cjkWord.test(word) && [...word].length >= minCjk && !cjkProse.test(word);
}

const letter = /^\p{L}$/u;

/** Shorter words of letters are too often prose (`la password è nuova`) to take. */
const minLetters = 5;

const letters = /^\p{L}+$/u;

/**
 * Endings of participles, adverbs and adjectives of a state, by language: Italian, Spanish and
 * Portuguese past participles (`-ato/-ata`, `-ito`, `-uto`, `-ado`, `-ido` and their plurals),
 * adverbs (`-mente`) and `-bile/-ble/-vel`, `-oso/-osa`, `-ivo/-iva`; French participles and
 * adjectives (`-é(e)(s)`, `-ment`, `-if/-ive`, `-eux/-euse`, `-aire`, `-oire`); German adjectives (`-lich`,
 * `-ig`, `-bar`, `-los`, `-isch`, `-haft`); Dutch (`-lijk`, `-baar`, `-ig`, participles `ge…d/t`
 * and `ver…en`); Swedish `-igt`, `-akt`; Polish adjectives and participles of a neuter noun
 * (`hasło`: `-owe`, `-ne`, `-ane`, `-one`).
 */
const proseEnding = new RegExp(
  [
    '(?:at|it|ut|ad|id)(?:[oa]|[ie]|os|as)$',
    '(?:mente|ment|bile|bili|ble|bles|vel|veis)$',
    '(?:os[oa]s?|iv[oa]s?|ive|if|ifs|ives|eux|euse|aire|aires|oire|oires)$',
    '(?:é|ée|és|ées)$',
    '(?:lich|liche|ig|ige|bar|los|lose|isch|ische|haft|lijk|lijke|baar|igt|akt|igen)$',
    '(?:owe|owy|owa|ne|ny|na|ane|any|ana|one|ony|ona)$',
    '^(?:ge|ver|be|ont|on)\\p{L}{3,}(?:d|t|en)$',
  ].join('|'),
  'u',
);

/**
 * A German or Dutch participle of a separable verb (`abgelaufen`, `zurückgesetzt`, `aangepast`):
 * a particle, `ge`, the stem, `t`/`en`/`d`.
 */
const germanParticiple = /^(?:ab|an|auf|aus|ein|um|zurück|vor|nach|aan|af|op|uit|in|door)ge\p{L}{2,}(?:t|en|d)$/u;

/**
 * States a password is in, and the function words and adverbs that follow a copula in prose, in
 * Italian, Spanish, Portuguese, French, German, Dutch, Swedish and Polish — those the endings
 * above do not already cover.
 */
const proseWords: ReadonlySet<string> = new Set(
  [
    // Italian
    'errata errato corretta corretto giusta giusto valida valido invalida vuota nuova nuovo vecchia vecchio',
    'debole forte sicura sicuro insicura lunga lungo corta corto troppo ancora sempre molto poco stata stato',
    'uguale diversa diverso personale segreta segreto temporanea richiesta necessaria obbligatoria quella',
    'questa stessa altra proprio scritta',
    // Spanish
    'incorrecta incorrecto correcta correcto inválida invalida válida nueva vieja viejo débil fuerte',
    'segura seguro larga largo corta corto demasiado todavía siempre igual distinta distinto diferente',
    'secreta secreto temporal requerida necesaria obligatoria vacía esta misma otra única',
    // Portuguese
    'incorreta incorreto correta correto inválido velha velho fraca fraco longa longo curta curto muito',
    'ainda sempre demais secreta obrigatória necessária vazia mesma outra única',
    // French
    'incorrect incorrecte correct correcte invalide valide nouveau nouvelle vieux vieille faible forte',
    'court courte longue trop très encore toujours différent différente identique secret secrète',
    'personnel personnelle requis requise vide juste fausse faux bonne mauvaise même autre unique',
    // German
    'falsch richtig ungültig gültig korrekt inkorrekt leer schwach stark sicher unsicher kurz lang',
    'nicht noch immer schon sehr gleich anders geheim vergessen veraltet erforderlich neues altes',
    'dasselbe derselbe dieselbe identisch zu',
    // Dutch
    'onjuist juist fout ongeldig geldig verplicht leeg nieuw zwak sterk veilig onveilig niet nog',
    'altijd anders geheim vergeten verkeerd kort lang hetzelfde incorrect correct',
    // Swedish
    'felaktigt fel ogiltigt giltigt korrekt tomt nytt gammalt svagt starkt säkert osäkert inte fortfarande',
    'alltid annorlunda hemligt glömt kort långt',
    // Polish
    'nieprawidłowe prawidłowe poprawne niepoprawne błędne puste nowe stare słabe silne bezpieczne',
    'zbyt jeszcze zawsze wymagane zmienione tajne inne takie samo',
  ]
    .join(' ')
    .split(' '),
);
