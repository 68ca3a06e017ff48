import type { KeyRunTexts } from './key-run-texts.js';
import type { SecretRange } from './secret-range.js';
import type { RegexPattern } from './text-patterns.js';

/** Every match of the pattern, left to right (the pattern's own scan). */
export function scanAll(p: RegexPattern, text: string, found: SecretRange[]): void {
  p.regex.lastIndex = 0;
  for (let m = p.regex.exec(text); m !== null; m = p.regex.exec(text)) {
    if (m[0].length === 0) {
      p.regex.lastIndex++;
      continue;
    }
    accepted(p, m, found);
  }
}

/**
 * The same matches as {@link scanAll}, found by trying the pattern (anchored) only where its
 * lead matches: every match starts at such a place, so nothing is skipped, and after a match
 * the scan resumes at its end as a global scan would. The lead is looked for in `within`, the
 * part of `text` from `from` on (the whole text by default).
 */
export function scanFromLeads(p: RegexPattern, lead: RegExp, text: string, found: SecretRange[], within = text, from = 0): void {
  const anchored = stickyCopy(p.regex);
  lead.lastIndex = 0;
  for (let l = lead.exec(within); l !== null; l = lead.exec(within)) {
    anchored.lastIndex = from + l.index;
    const m = anchored.exec(text);
    if (m === null || m[0].length === 0) {
      lead.lastIndex = l.index + 1;
      continue;
    }
    accepted(p, m, found);
    lead.lastIndex = l.index + m[0].length;
  }
}

/**
 * The same matches as {@link scanFromLeads} over the whole text, for a pattern whose every match
 * is a run of at least `p.keyRun` key characters: its lead is looked for only in the text's runs
 * that long (`runs`, from {@link keyRuns}). A match lies inside one run and starts where the lead
 * matches, and a lead (no look-around) matches a run's text where it matches the whole text's;
 * outside those runs no match can start, so nothing is skipped.
 */
export function scanInRuns(p: RegexPattern, lead: RegExp, minRun: number, text: string, runs: KeyRunTexts, found: SecretRange[]): void {
  for (let r = 0; r < runs.texts.length; r++) {
    const run = runs.texts[r] as string;
    if (run.length >= minRun) scanFromLeads(p, lead, text, found, run, runs.at[2 * r] as number);
  }
}

function accepted(p: RegexPattern, m: RegExpExecArray, found: SecretRange[]): void {
  const within = p.accept === undefined ? ([0, m[0].length] as const) : p.accept(m[0], m.input, m.index);
  if (within !== undefined) found.push({ start: m.index + within[0], end: m.index + within[1], kind: p.name });
}

const stickyCopies = new WeakMap<RegExp, RegExp>();

/** The regex anchored at `lastIndex` (flag `y`), made once per pattern. */
function stickyCopy(regex: RegExp): RegExp {
  let sticky = stickyCopies.get(regex);
  if (sticky === undefined) {
    sticky = new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
    stickyCopies.set(regex, sticky);
  }
  return sticky;
}
