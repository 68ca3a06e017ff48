import type { FactSheet } from '../clauses/fact-sheet.js';
import type { FactValue } from './fact-value.js';

// A code span is a value (fact-sheet.ts keys it `code:<span>`), but the backticks are markup: an answer
// that writes the same literal plainly ("open config.yaml", "run make -j4") states it too. Only a
// code value is read so; the literal must stand as a whole, not inside a longer word ("max_retries"
// does not state `_retries`).

const prefix = 'code:';
// A literal no prose would write: a mark or a digit inside ("config.yaml", "max_retries", "--force",
// "dependency:tree") or a capital inside a word ("getUser"). A plain word in backticks (`provided`,
// `runtime`, `test`) names a setting; the same word in prose ("supplied at runtime") is prose.
const literal = /[^\p{L}\s]|\p{Ll}\p{Lu}/u;

function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether an answer among `sheets` writes the literal of code value `v`, with or without its backticks. */
export function codeSpelledOut(v: FactValue, sheets: readonly FactSheet[]): boolean {
  const key = v.keys[0];
  if (key === undefined || !key.startsWith(prefix)) return false;
  const span = key.slice(prefix.length);
  if (!literal.test(span)) return false;
  const lower = span.toLowerCase();
  let pattern: RegExp | undefined;
  for (const s of sheets) {
    // Most answers do not hold the literal at all: a plain search first.
    if (!s.source.toLowerCase().includes(lower)) continue;
    pattern ??= new RegExp(`(?<![\\p{L}\\p{N}_])${escaped(span)}(?![\\p{L}\\p{N}_])`, 'iu');
    if (pattern.test(s.source)) return true;
  }
  return false;
}
