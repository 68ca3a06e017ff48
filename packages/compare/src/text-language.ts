import type { Difference } from './divergence-report.js';
import { englishShare } from './fact-sheet.js';
import { textTokens } from './text-similarity.js';

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

function dominantScript(text: string): string | undefined {
  const s = text.slice(0, sample);
  // Most answers are ASCII: their only script is Latin, and its letters are A–Z and a–z.
  let letters = 0;
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters++;
    else if (s.charCodeAt(i) > 127) ascii = false;
  }
  if (ascii) return letters >= 12 ? 'Latin' : undefined;
  let best: string | undefined;
  let most = 0;
  for (const [name, re] of scripts) {
    const n = s.match(re)?.length ?? 0;
    if (n > most) {
      most = n;
      best = name;
    }
  }
  return most >= 12 ? best : undefined;
}

/**
 * A candidate answering in another language than production: another writing system, or Latin
 * prose with (almost) none of the English function words production's English answer is full of.
 */
export function languageChange(original: string, candidate: string): Difference | undefined {
  const sa = dominantScript(original);
  const sb = dominantScript(candidate);
  if (sa === undefined || sb === undefined) return undefined;
  let changed = sa !== sb;
  let what = `${sa} → ${sb} script`;
  if (!changed && sa === 'Latin') {
    const wa = textTokens(original.slice(0, sample));
    const wb = textTokens(candidate.slice(0, sample));
    const ea = englishShare(wa);
    const eb = englishShare(wb);
    changed = wa.length >= 8 && wb.length >= 8 && ea >= 0.2 && eb < 0.06;
    what = `English function words ${(ea * 100).toFixed(0)} % → ${(eb * 100).toFixed(0)} %`;
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
