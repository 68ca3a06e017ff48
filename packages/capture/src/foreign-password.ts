import { plainAsciiText } from './ascii-text.js';
import { lineEndingLetterPassword } from './blank-label-password.js';
import { firstLetterGroups } from './first-letter-groups.js';
import { cjkPasswordWord, statedLetterPassword } from './foreign-password-word.js';
import { foreignPasswordLabels as labels } from './foreign-secret-words.js';
import type { Span } from './secret-value-spans.js';
import { nearSecretWord } from './secret-words.js';

/**
 * Each label as written and as a JSON encoder that escapes every non-ASCII character writes it
 * (Python's `json.dumps` does by default: `contrase\u00f1a`), a space also as a no-break space.
 */
function spelled(label: string): string {
  let out = '';
  for (const c of label) {
    const code = c.charCodeAt(0);
    if (c === ' ') out += '[ \\u00a0]';
    else if (code < 128) out += c.replace(/[-.]/g, '\\$&');
    else {
      // Escaped in either case (`\u041f\u0430…` for `Пароль`): the regex's `i` flag folds the raw letters only.
      const escapes = [...new Set([c, c.toLowerCase(), c.toUpperCase()].filter((v) => v.length === 1))].map(
        (v) => `\\\\u${v.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      out += `(?:${c}|${escapes.join('|')})`;
    }
  }
  return out;
}

/**
 * A label, then what states its value: blanks and a colon (`:`, `：`), `=`, a dash between blanks,
 * a copula (`ist`, `lautet`, `es`, `est`, `é`, `è`, `is`, `to`, `jest`, `er`, `är`, `on`, `是`, `为`,
 * `は`, `는`), or a blank alone (`senha GatoAzul55`) — the value follows. Without a colon the value
 * must read as a credential (see `foreignPasswordValues`).
 */
const labelled = new RegExp(
  `(${labels.map(spelled).join('|')})(?:[ \\t\\u00a0\\u202f\\u3000]*(?:[:=：]|\\\\uff1a)|[ \\t]+[-\\u2013\\u2014](?=[ \\t])|[ \\t]+(?:ist|lautet|es|est|é|è|\\\\u00e[89]|is|era|was|to|jest|er|är|\\\\u00e4r|on)(?=[ \\t])|[ \\t]*(?:是|为|為|は|는|은|\\\\u662f|\\\\u4e3a|\\\\u70ba|\\\\u306f|\\\\ub294|\\\\uc740)|(?=[ \\t\\u3000]))[ \\t\\u00a0\\u3000]*`,
  'gi',
);

/** The labels written in ASCII only: text with no other character and no `\\u` escape holds one of these or none. */
const asciiLabels = labels.filter((l) => Buffer.byteLength(l) === l.length);

/** Whether one of {@link asciiLabels} stands in a text. Grouped by first letter: only whether one stands anywhere is asked. */
const asciiLabel = new RegExp(firstLetterGroups(asciiLabels.map((l) => [spelled(l.charAt(0)), spelled(l.slice(1))] as const)), 'i');

/** The longest ASCII label: how far from a secret word one may stand (each holds one: `kennwort`, `senha`, `mot de passe`). */
const asciiLabelReach = Math.max(...asciiLabels.map((l) => l.length));

/** Letters of scripts written with spaces: a label of theirs must start a word (`Passwort`, not `Einpasswort`). */
const spacedLetter = /[A-Za-z\u00c0-\u024f\u0370-\u04ff]/;

/** Whether a letter precedes `at` (a JSON escape's letter, `\nPasswort`, does not count). */
function insideWord(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  return spacedLetter.test(before) && !('nrt'.includes(before) && text.charAt(at - 2) === '\\');
}

/** Where a value ends: a blank, a quote, a bracket, an escape, or CJK punctuation. */
const valueEnd = ' \t\r\n"\'`,;()[]{}<>\\\u3000\u3001\u3002\uff0c\uff1b\u300c\u300d';

/** The longest value read. */
const maxValue = 128;

/** Ranges of the values that a password label in another language than English states. */
export function foreignPasswordValues(text: string): Span[] {
  // Most bodies are ASCII with no label: a native length check, then the ASCII labels looked for
  // only near the text's secret words (every such label holds one), say so.
  if (plainAsciiText(text) && !nearSecretWord(text, asciiLabel, asciiLabelReach)) return [];
  return labelledValues(text);
}

/** {@link foreignPasswordValues} without its gate: the labels looked for in the whole text. */
export function labelledValues(text: string): Span[] {
  const out: Span[] = [];
  labelled.lastIndex = 0;
  for (let m = labelled.exec(text); m !== null; m = labelled.exec(text)) {
    const label = m[1] ?? '';
    if (spacedLetter.test(label.charAt(0)) && insideWord(text, m.index)) continue;
    // The kind of a placeholder (`[redacted:passwort:…]`, a member named so) names no value.
    if (text.endsWith('[redacted:', m.index)) continue;
    const from = m.index + m[0].length;
    let to = valueEndAt(text, from);
    while (to > from && '.:!?'.includes(text.charAt(to - 1))) to--;
    // Its shape is read as the characters its escapes write (`padr\u00e3o` holds no digit).
    const value = decodeEscapes(text.slice(from, to));
    const stated = m[0].slice(label.length);
    const colon = /[:=：\uff1a-]|\\uff1a/.test(stated);
    // With a colon any word of five or more (two of Han, kana or Hangul); after a copula a credential's shape and no date or
    // amount, or a word of letters that reads as no prose (`ist sonnenblume`, not `ist falsch`);
    // after a blank alone a credential's shape, or a lower-case word of letters ending a short
    // statement (`senha girassol`, not `senha incorreta`, `Passwort vergessen`).
    const taken = colon
      ? credentialish(value) || value.length >= 5 || cjkPasswordWord(value)
      : credentialish(value) && !ordinaryFigure.test(value);
    // After a blank alone, a word of letters only where the statement is clearly one (`blank-label-password.ts`).
    const letters =
      taken || colon ? undefined : copula.test(stated) ? statedLetterPassword(text, from) : lineEndingLetterPassword(text, m.index, from);
    if (letters !== undefined) {
      out.push(letters);
      labelled.lastIndex = letters[1];
    } else if ((value.length >= 4 || cjkPasswordWord(value)) && !value.startsWith('[redacted:') && taken) {
      out.push([from, to]);
      labelled.lastIndex = to;
    }
  }
  return out;
}

/** A value with its JSON `\uXXXX` escapes read. */
function decodeEscapes(value: string): string {
  return value.includes('\\u')
    ? value.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    : value;
}

/**
 * Where a value from `from` ends: at a character of {@link valueEnd}, or at most {@link maxValue}
 * characters on. A JSON `\uXXXX` escape counts as the character it writes (a value written by an
 * encoder that escapes every non-ASCII character, `\u043f\u043e…`, is not cut at its first `\`).
 */
function valueEndAt(text: string, from: number): number {
  let to = from;
  while (to < text.length && to - from < maxValue) {
    const c = text.charAt(to);
    if (c === '\\' && text.charAt(to + 1) === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(to + 2, to + 6))) {
      if (valueEnd.includes(String.fromCharCode(Number.parseInt(text.slice(to + 2, to + 6), 16)))) break;
      to += 6;
    } else if (valueEnd.includes(c)) break;
    else to++;
  }
  return to;
}

/** A label's statement that is a copula (a word, or `是` / `は` and the like right after the label). */
const copula = /[^\s\u00a0\u202f\u3000]/;

/** A date, a time, an amount or a count (`2026-12-03`, `10:30`, `1.299,00`): prose, not a password. */
const ordinaryFigure = /^[$€£¥]?\d{1,4}(?:[-/.:,]\d{1,4})*%?$/;

/** A digit, a symbol or a mixed case: read as a credential, not a word (`falsch`, `incorrecta`). */
function credentialish(value: string): boolean {
  return /\d/.test(value) || /[!-/:-@[-`{-~]/.test(value) || /[a-z][A-Z]/.test(value);
}
