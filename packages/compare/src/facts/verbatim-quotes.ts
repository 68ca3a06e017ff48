import { clip } from '../report/clip-text.js';
import type { Difference } from '../report/divergence-report.js';
import type { FactSheet } from './clauses/fact-sheet.js';

// What reading a clause may put between two of its words that the answer does not have: markup
// taken out (`**`, `__`, backticks, `>`/`#` at a line's start, a table's ` | `) or a space where
// words were segmented. Between words as written there is only white space or such markup.
const between = '[\\s*_`>#|]*';

/**
 * Evidence quoted as the answer wrote it. The rules read a clause with its markdown emphasis
 * taken out and its words segmented, and quote that reading: `window.__x` reads `window. x`,
 * `**30 days**` ` 30 days `. A person checking the evidence must find it in the answer, so each
 * quoted clause that is not in its answer as written is found there again (its words in order,
 * with only white space or markup between them) and quoted as written. Messages only: what the
 * rules found is unchanged.
 */
export function verbatimQuotes(differences: Difference[], sheets: readonly FactSheet[]): Difference[] {
  if (differences.length === 0) return differences;
  const said = differences
    .map((d) => `${d.message}\n${typeof d.candidate === 'string' ? d.candidate : ''}\n${typeof d.original === 'string' ? d.original : ''}`)
    .join('\n');
  const rewrites = new Map<string, string>();
  for (const sheet of sheets) {
    for (const clause of sheet.clauses) {
      const read = clause.text;
      if (read === '' || rewrites.has(read) || !said.includes(clip(read)) || sheet.source.includes(read)) continue;
      const written = asWritten(sheet.source, read);
      if (written !== undefined && written !== read) rewrites.set(read, written);
    }
  }
  if (rewrites.size === 0) return differences;
  return differences.map((d) => {
    let message = d.message;
    for (const [read, written] of rewrites) message = message.split(`"${clip(read)}"`).join(`"${clip(written)}"`);
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

/** The span of `source` a clause was read from: its words in order, with only white space or markup between them. */
function asWritten(source: string, read: string): string | undefined {
  const words = read.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join(between), 'u');
  return pattern.exec(source)?.[0];
}
