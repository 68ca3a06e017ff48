import { statedLetterPassword } from './foreign-password-word.js';
import { lineBreakAt, lineStartAt, type Span } from './secret-value-spans.js';

/**
 * A password of letters only after a label and a blank alone (`senha girassol`, `Passwort
 * sonnenblume`, `пароль подсолнух`), where it is clearly one: the label starts its statement
 * (a line's, a JSON string's or a clause's start after `,` / `;`, with at most two words before
 * it: `minha senha`), the word ends the line (or the string; a `.` or `!` may follow) and is
 * lower-case, and it reads as no prose about a password — the copula's prose test
 * (`foreignPasswordOfLetters`: `incorreta`, `vergessen`, `oublié`) and, since a label alone is also
 * how a form or a menu names a field or an action, an infinitive (`ändern`, `wijzigen`), a Russian
 * adjective or verb (`неверный`, `введите`) and the words that qualify a field (`atual`, `padrão`).
 * A capitalised word after a label is a noun or a title (`Passwort Richtlinie`, `Senha Atual`).
 * `labelAt` is where the label starts, `from` where the value does.
 */
export function lineEndingLetterPassword(text: string, labelAt: number, from: number): Span | undefined {
  if (!statementStart(text, labelAt)) return undefined;
  const span = statedLetterPassword(text, from);
  if (span === undefined || !lineEndsAt(text, span[1])) return undefined;
  const word = decoded(text.slice(span[0], span[1]));
  if (word !== word.toLowerCase() || fieldWords.has(word) || formEnding.test(word)) return undefined;
  return span;
}

/** At most two words between the label and its statement's start (a line's, a JSON string's, or a clause's after `,` `;` `(`). */
function statementStart(text: string, labelAt: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = labelAt - 1; i >= Math.max(0, labelAt - 40); i--) {
    if (lineStartAt(text, i + 1)) return true;
    const c = text.charAt(i);
    if (c === '"' && text.charAt(i - 1) !== '\\') return true;
    if (',;('.includes(c)) return true;
    if (c === ' ' || c === '\t') {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      if (++words > 2) return false;
    }
  }
  return labelAt - 40 <= 0;
}

/** Whether the line ends at `at`: after an optional `.` or `!` and blanks, the text's end, a line break, or a JSON string's closing quote. */
function lineEndsAt(text: string, at: number): boolean {
  let i = at;
  if (text.charAt(i) === '.' || text.charAt(i) === '!') i++;
  while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
  return i >= text.length || lineBreakAt(text, i) || text.charAt(i) === '"' || text.startsWith('\\"', i);
}

/** A word with its JSON `\uXXXX` escapes read. */
function decoded(word: string): string {
  return word.includes('\\u') ? word.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : word;
}

/**
 * Endings of what a form or a menu writes after a field's label: German and Dutch infinitives
 * (`ändern`, `zurücksetzen`, `wijzigen`), Russian adjectives, participles and verbs (`неверный`,
 * `введён`, `введите`, `изменить`), Turkish `-miş`/`-mış` participles.
 */
const formEnding = /(?:en|ern|eln|ый|ий|ой|ая|яя|ое|ее|ые|ие|ан|ен|ён|ть|ться|те|miş|mış)$/u;

/** Words that qualify a field and states the copula's list does not hold, in the labels' languages (Portuguese, Spanish, French, German, Dutch, Italian, Turkish, Polish, Russian). */
const fieldWords: ReadonlySet<string> = new Set(
  [
    'atual actual actuel aktuell attuale huidige obecne текущий',
    'padrão predeterminada défaut standard predefinita varsayılan domyślne',
    'antiga anterior ancien ancienne precedente vorherige vorige eski poprzednie старый',
    'provisória temporária provisoire temporaire vorläufig tijdelijk provvisoria geçici tymczasowe временный',
    'yanlış doğru gerekli yeni geçersiz tekrar zayıf güçlü',
    'novamente nuevamente encore erneut opnieuw nuovamente ponownie снова',
    'obrigatória obligatoire obbligatoria wymagane',
  ]
    .join(' ')
    .split(' '),
);
