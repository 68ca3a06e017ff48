import { clip } from '../report/clip-text.js';
import type { Difference } from '../report/divergence-report.js';
import { wordMark } from '../text/word-segments.js';
import type { FactSheet } from './clauses/fact-sheet.js';

// What reading a clause may put between two of its words that the answer does not have: markup
// taken out (`**`, `__`, backticks, `>`/`#` at a line's start, a table's ` | `) or a word mark where
// a space-less script's words were parted. Between words as written there is only white space or such markup.
const between = `[\\s*_\`>#|${wordMark}]*`;
const separator = new RegExp(`[\\s${wordMark}]+`, 'u');

/**
 * Evidence quoted as the answer wrote it. The rules read a clause with its markdown emphasis
 * taken out and the words of space-less scripts parted by a mark, and quote that reading:
 * `window.__x` reads `window. x`, `**30 days**` ` 30 days `, "`猫`" carries invisible marks. A
 * person checking the evidence must find it in the answer, so each quoted clause or value that is
 * in no answer as written is found there again (its words in order, with only white space, markup
 * or word marks between them) and quoted as written. Messages and quoted values only: what the
 * rules found is unchanged.
 */
export function verbatimQuotes(differences: Difference[], sheets: readonly FactSheet[]): Difference[] {
  if (differences.length === 0) return differences;
  const sources = sheets.map((s) => s.source);
  const said = differences.map((d) => d.message).join('\n');
  const rewrites = new Map<string, string>();
  const learn = (read: string) => {
    if (read === '' || rewrites.has(read) || sources.some((source) => source.includes(read))) return;
    for (const source of sources) {
      const written = asWritten(source, read);
      if (written !== undefined) return void rewrites.set(read, written);
    }
  };
  for (const d of differences) {
    if (typeof d.original === 'string') learn(d.original);
    if (typeof d.candidate === 'string') learn(d.candidate);
  }
  for (const sheet of sheets) for (const clause of sheet.clauses) if (said.includes(clip(clause.text))) learn(clause.text);
  if (rewrites.size === 0) return differences;
  return differences.map((d) => {
    let message = d.message;
    for (const [read, written] of rewrites) message = message.split(clip(read)).join(clip(written));
    const original = typeof d.original === 'string' ? (rewrites.get(d.original) ?? d.original) : d.original;
    const candidate = typeof d.candidate === 'string' ? (rewrites.get(d.candidate) ?? d.candidate) : d.candidate;
    return {
      ...d,
      message,
      ...(original === undefined ? {} : { original }),
      ...(candidate === undefined ? {} : { candidate }),
    };
  });
}

/** The span of `source` a clause or value was read from: its words in order, with only white space, markup or word marks between them. */
function asWritten(source: string, read: string): string | undefined {
  const words = read.split(separator).filter((w) => w !== '');
  // A clause past a few hundred words is quoted clipped anyway; reading it again is not worth a pattern that size.
  if (words.length === 0 || words.length > maxWords) return undefined;
  // Only the pattern syntax characters are escaped: under the `u` flag any other escape (`\-`) is an error.
  const pattern = new RegExp(words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join(between), 'u');
  return pattern.exec(source)?.[0];
}

const maxWords = 400;
