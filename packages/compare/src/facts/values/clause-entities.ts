import { isFunctionWord } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { insideSpelledName } from './acronym-expansion.js';
import { isCalendarWord } from './calendar-value.js';
import type { FactValue } from './fact-value.js';

// The names of a clause: runs of capitalized words that are not capitalized by grammar (a
// sentence's first word), by style (a heading) or as a calendar word, nor a value's token.

const nameStoppers = new Set(['i', "i'm", "i'll", "i've", "i'd", 'ok', 'okay']);

// A capital letter or a Roman numeral after a name is part of it ("Gate B", "Mark IV"); alone, a
// short capital word is mostly a word ("A", "ID", "OK").
const continuesName = /^(?:[A-Z]|[IVX]{2,4})$/;

/**
 * The name a run of capitalized words makes, if any, pushed to `into` (see {@link entities} on
 * German). A module function, not a closure in entities: tsx names a named closure with an
 * Object.defineProperty each time it is made, once per clause.
 */
function pushEntity(run: readonly string[], into: FactValue[], language: (() => string | undefined) | undefined): void {
  if (language?.() !== 'German') {
    pushRun(run, into);
    return;
  }
  const name = politeGerman.has(run[0]?.toLowerCase() ?? '') ? run.slice(1) : run;
  if (name.length > 1 || (name.length === 1 && acronymWord.test(name[0] ?? ''))) pushRun(name, into);
}

/**
 * The names of a clause's tokens. `language`, when given, is the answer's: German capitalizes every
 * noun and its polite pronouns ("Ihr Konto", "Sie"), so there one capitalized word alone (after a
 * polite pronoun) is a noun, not a name; a run of two or more ("Deutsche Bank", "Herr Weber") and
 * an acronym still are.
 */
export function entities(
  tokens: readonly ClauseToken[],
  initial: boolean,
  consumed: ReadonlySet<number>,
  language?: () => string | undefined,
): FactValue[] {
  const out: FactValue[] = [];
  let run: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.upper && (isName(t, i, initial, consumed) || (run.length > 0 && !consumed.has(i) && continuesName.test(t.core)))) {
      // A comma or other mark between two names parts them ("Amex, Visa or Mastercard"); a period may end an abbreviation ("St. Mary's").
      if (run.length > 0 && listMark.test(tokens[i - 1]?.after ?? '')) {
        pushEntity(run, out, language);
        run = [];
      }
      run.push(t.core);
    } else if (run.length > 0 && joinsName(tokens, i, initial, consumed)) {
      // "Department of Motor Vehicles", "Bank of America": one name, whose initials ("DMV") an answer may use.
      run.push(tokens[i]?.core ?? '');
    } else if (run.length > 0 && stepsInto(tokens, i, initial, consumed)) {
      // "Settings > Subscription", "Account → Billing": a menu path is one name, however its steps are marked.
      run.push('>');
    } else if (run.length > 0) {
      pushEntity(run, out, language);
      run = [];
    }
  }
  if (run.length > 0) pushEntity(run, out, language);
  return out;
}

// Marks after a word that end a name: a list's comma, a colon, brackets, a slash.
const listMark = /[,;:!?()[\]/|]/;

/** Whether token `i` is "of" between two words of a name, with no punctuation around it. */
function joinsName(tokens: readonly ClauseToken[], i: number, initial: boolean, consumed: ReadonlySet<number>): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return (
    // "Free Application for Federal Student Aid (FAFSA)": any small word the acronym after it skips.
    (t?.lower === 'of' || insideSpelledName(tokens, i)) &&
    (tokens[i - 1]?.after ?? '') === '' &&
    (t?.after ?? '') === '' &&
    next?.upper === true &&
    isName(next, i + 1, initial, consumed)
  );
}

// Marks between the steps of a menu path ("Settings > Privacy", "Account › Billing", "File → Export").
const pathSteps = new Set(['>', '→', '›', '»', '->', '=>', '＞']);

/** Whether token `i` marks a step of a menu path between two capitalized words ("Settings > Billing"). */
function stepsInto(tokens: readonly ClauseToken[], i: number, initial: boolean, consumed: ReadonlySet<number>): boolean {
  const next = tokens[i + 1];
  return pathSteps.has(tokens[i]?.core ?? '') && next?.upper === true && isName(next, i + 1, initial, consumed);
}

// Two capital letters are mostly a word ("ID", "OK", "PM", "TV"); these name a place or a union of them.
const regionCodes = new Set(['US', 'UK', 'EU', 'NZ', 'HK', 'NY', 'DC', 'LA', 'SF']);

const possessive = /^\p{Lu}\p{Ll}+['’]s$/u;
// "Here's", "Let's", "Today's": contractions and common words, not names.
const notPossessors = new Set('here let everyone everything nothing someone somebody today tomorrow yesterday tonight one'.split(' '));

function possessiveName(t: ClauseToken): boolean {
  if (!possessive.test(t.core)) return false;
  const base = t.lower.slice(0, -2);
  return !isFunctionWord(base) && !notPossessors.has(base);
}

/** Whether a capitalized token reads as (part of) a name. */
function isName(t: ClauseToken, i: number, initial: boolean, consumed: ReadonlySet<number>): boolean {
  // Acronyms of three letters or more ("IBAN", "NASA", "APRs"); two-letter ones are mostly words ("ID", "OK", "PM").
  const acronym = t.core.length >= 3 && /^\p{Lu}[\p{Lu}\d&-]+s?$/u.test(t.core);
  return (
    !consumed.has(i) &&
    // A sentence's first word is capitalized by grammar; it is a name when it is an acronym or a
    // possessive ("Bella's booster is due").
    (i > 0 || !initial || acronym || possessiveName(t)) &&
    /^\p{L}[\p{L}'’.&-]*$/u.test(t.core) &&
    !nameStoppers.has(t.lower) &&
    !(t.core.length <= 2 && /^\p{Lu}+$/u.test(t.core) && !regionCodes.has(t.core)) &&
    !isCalendarWord(t.core) &&
    !(i === 0 && isFunctionWord(t.lower))
  );
}

// German's polite "you" and "your", capitalized by grammar wherever they stand.
const politeGerman = new Set(['sie', 'ihr', 'ihre', 'ihrer', 'ihres', 'ihrem', 'ihren', 'ihnen']);
const acronymWord = /^\p{Lu}[\p{Lu}\d&-]{2,}$/u;

/** Pushes a run of capitalized words as one entity. */
function pushRun(run: readonly string[], out: FactValue[]): void {
  const text = run.join(' ');
  const key = `entity:${text.toLowerCase()}`;
  // "RICS-accredited", "FDA-approved": the acronym is the name; the suffix says what it did. A plural
  // ("ATMs") names its singular too.
  const acronym = run.length === 1 ? (acronymOf(text) ?? acronymPlural.exec(text)?.[1]) : undefined;
  const keys = acronym === undefined ? [key] : [key, `entity:${acronym.toLowerCase()}`];
  out.push({ type: 'entity', keys, text, weak: false });
}

const acronymSuffix = /^(\p{Lu}[\p{Lu}\d]{2,})-\p{Ll}{3,}$/u;
// "APRs", "ATMs", "LEDs": an acronym in the plural names what its singular names.
const acronymPlural = /^(\p{Lu}[\p{Lu}\d]{1,})s$/u;

/** The acronym a name of one word with a suffix names ("RICS" of "RICS-accredited"), else undefined. */
export function acronymOf(name: string): string | undefined {
  return acronymSuffix.exec(name)?.[1];
}
