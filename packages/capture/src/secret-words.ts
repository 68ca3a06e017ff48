import { firstLetterGroups } from './first-letter-groups.js';
import { foreignNameHints } from './foreign-secret-words.js';
import { privateDataHints } from './private-data-name.js';

/**
 * The English words of `secretWord` below, by first letter, each as the rest of the word in regex
 * source (`pwd?`: `pw`, and `pwd` where it is written so): a hint that starts with one of them
 * (`passe`) is found by it.
 */
const englishWords: ReadonlyMap<string, readonly string[]> = new Map([
  ['k', ['ey']],
  ['t', ['oken']],
  ['s', ['ecret', 'ig', 'ession']],
  ['p', ['ass', 'wd?']],
  ['a', ['uth']],
  // `creds` is in no secret name: it labels a user and password written as a pair (`creds: admin /
  // …`; `labelled-user-password.ts`), which that rule reads only where it stands.
  ['c', ['ookie', 'redential', 'reds']],
  // `jwt`, `bearer`, `mfa` and `2fa` name a secret (`isSecretName`) but hold none of the words above:
  // a `{"jwt": …}` or `{"MFA": …}` member was passed over by the member scan and stored in clear
  // (trust audit 9). Each new first letter costs the scan of every body (~+1.2 µs an exchange for
  // the three after `jwt`, s11-leaks' measure): a leak is worth more.
  ['j', ['wt']],
  ['b', ['earer']],
  ['m', ['fa']],
  ['2', ['fa']],
]);

/**
 * Every secret name contains one of key, token, secret, pass, pw, auth, sig, cookie, credential,
 * session, jwt, bearer, mfa, 2fa (see `isSecretName`; `creds` labels a user's pair), a hint of a private datum's name (`privateDataHints`: `pin`, `iban`,
 * `card`…), or a hint of another language's term (`foreignNameHints`:
 * `kennwort`, `contrase`, `senha`, `пароль`, `密码`…). Grouped by first letter, English and other
 * languages in one group each (`k(?:ey|ennwort|…)`): no word is a prefix of another, so at any
 * position the same word matches as in the plain alternation. It runs on every captured JSON body:
 * on a 2 KB reply ~5.3 µs as a plain alternation, ~8 with a group per language and letter, ~4.9 with
 * one group per letter (one process, alternating, load ~7).
 */
export const secretWord = new RegExp(groupedAlternation(foreignNameHints(), privateDataHints), 'gi');

/**
 * `k(?:ey|ennwort|…)|h(?:aslo|eslo)|…`: the English words, then `sources` (regex sources, each
 * starting with a plain letter), then `words` (literal) grouped by their first character, a word that another word (or an English one) starts dropped (the
 * shorter matches there first, and no word is a prefix of another).
 */
function groupedAlternation(words: readonly string[], sources: readonly string[]): string {
  // Each English word in its shortest spelling (`pw`).
  const english = [...englishWords].flatMap(([first, rests]) => rests.map((rest) => first + rest.replace(/.\?$/, '')));
  const unique = [...new Set(words.map((w) => w.toLowerCase()))];
  const kept = unique.filter((w) => ![...unique, ...english].some((o) => o !== w && w.startsWith(o)));
  return firstLetterGroups([
    ...[...englishWords].flatMap(([first, rests]) => rests.map((rest) => [first, rest] as const)),
    ...sources.map((s) => [s.charAt(0), s.slice(1)] as const),
    ...kept.map((w) => [escaped(w.charAt(0)), escaped(w.slice(1))] as const),
  ]);
}

function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One secret word in a text: `[start, end)`. */
export interface SecretWordHit {
  readonly start: number;
  readonly end: number;
}

/** The text whose words `hits` holds (`[start, end, start, end, …]`, a scan of `secretWord` from 0). */
let scanned: string | undefined;
const hits: number[] = [];

/**
 * The secret words of `text`, `[start, end, start, end, …]` left to right: what a global scan of
 * `secretWord` from 0 finds, and the camel-case first words `camelWord` finds (below). Kept for the last text asked about (the member rewrite, the escaped-
 * member gate, the assignment rule and the gates below read a body's words in turn), so each body
 * is scanned once. The array is reused by the next text: read it before asking about another.
 */
export function secretWordHits(text: string): readonly number[] {
  if (text !== scanned) {
    hits.length = 0;
    secretWord.lastIndex = 0;
    for (let m = secretWord.exec(text); m !== null; m = secretWord.exec(text)) hits.push(m.index, m.index + m[0].length);
    addCamelHits(text);
    scanned = text;
  }
  return hits;
}

/**
 * `pin` and `otp` (`tp`) before a capital: the first word of a camel-case name (`otpValue`,
 * `totpSeed`, `pinHash`). `secretWord` is case-insensitive, so its `pin(?![a-z])` and `tp(?![a-z])`
 * cannot tell `pinHash` from `ping`, and `isSecretName` reads the first as the words `pin hash`: such
 * members were stored in clear. Not case-insensitive, on purpose; `PINHash` is one word (`pinhash`).
 */
const camelWord = /(?:[pP][iI]n|[tT]p)(?=[A-Z])/g;

/** The first word `secretWord` or `camelWord` finds in `text` from `from` (the first's on a tie). */
function firstWordFrom(text: string, from: number): SecretWordHit | undefined {
  secretWord.lastIndex = from;
  const m = secretWord.exec(text);
  camelWord.lastIndex = from;
  const c = camelWord.exec(text);
  const first = m === null || (c !== null && c.index < m.index) ? c : m;
  return first === null ? undefined : { start: first.index, end: first.index + first[0].length };
}

/** Adds `camelWord`'s matches to `hits`, kept in order of their start. */
function addCamelHits(text: string): void {
  camelWord.lastIndex = 0;
  for (let m = camelWord.exec(text); m !== null; m = camelWord.exec(text)) {
    let at = hits.length;
    while (at > 0 && (hits[at - 2] as number) > m.index) at -= 2;
    hits.splice(at, 0, m.index, m.index + m[0].length);
  }
}

/**
 * The first secret word of `text` at or after `from`: what `secretWord.exec(text)` (or `camelWord`'s,
 * if earlier) finds with `lastIndex = from`, read from {@link secretWordHits}. A scan resumed inside a kept word (after a
 * value that ended in one) may find another word there, so that one case is scanned from `from` anew.
 */
export function nextSecretWord(text: string, from: number): SecretWordHit | undefined {
  const words = secretWordHits(text);
  // The first kept word that does not start before `from` (binary search over the starts).
  let lo = 0;
  let hi = words.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[2 * mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && (words[2 * lo - 1] as number) > from) return firstWordFrom(text, from);
  return lo < words.length / 2 ? { start: words[2 * lo] as number, end: words[2 * lo + 1] as number } : undefined;
}

/**
 * Whether `probe` matches in `text` within `reach` characters of a secret word (from `reach` before
 * a word's start to `reach` after its end): a gate for a rule whose every match is at most `reach`
 * long and holds a secret word, whatever stands around it (a label such as `kennwort` or `senha`,
 * the `code` of `verification code`). Most text holds a few secret words (`prompt_tokens` in every
 * chat reply) or none, so the probe reads a few short windows instead of the whole text, and the
 * words are those the member and assignment scans already found there.
 *
 * Such a match is never missed: the scan finds the word inside it, or else an earlier word that
 * overlaps that one's start (the scan resumes after it), and the match lies within `reach` of
 * either. `probe` is neither global nor sticky, and holds no look-behind: a window's edge may make
 * it match where the whole text would not (a wasted full scan, never a missed one), never the reverse.
 */
export function nearSecretWord(text: string, probe: RegExp, reach: number): boolean {
  const words = secretWordHits(text);
  let from = -1;
  let to = -1;
  for (let i = 0; i < words.length; i += 2) {
    const start = Math.max(0, (words[i] as number) - reach);
    const end = Math.min(text.length, (words[i + 1] as number) + reach);
    // Windows that touch are read as one, so no character is read twice.
    if (start <= to) {
      to = end;
      continue;
    }
    if (to > from && probe.test(text.slice(from, to))) return true;
    from = start;
    to = end;
  }
  return to > from && probe.test(text.slice(from, to));
}
