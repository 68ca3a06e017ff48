import { keyRuns } from './key-runs.js';
import { inRuns } from './run-lead-gate.js';
import type { TextPattern } from './text-patterns.js';

/** A text's runs of key characters (`at`: `[start, end, …]`) and their texts, made once for every pattern looking in them. */
export interface KeyRunTexts {
  readonly at: readonly number[];
  readonly texts: readonly string[];
}

const noRuns: KeyRunTexts = Object.freeze({ at: Object.freeze([]), texts: Object.freeze([]) });

/**
 * The text's runs of key characters at least `min` long in which `gate` (see `runLeadGate`)
 * matches: where some pattern looked for in runs has a lead. Most runs (ids, model names, a
 * stream's padding) hold none, and one search of the union there costs less than each pattern's
 * own search of its lead (nine a run, each with its set-up: most of a stream event's scan).
 * The text is scanned for runs `scanMin` long (at most `min`): the shortest any pattern reads
 * (`scanRun`), so a scan pattern asking `keyRuns` for those finds them made.
 */
export function keyRunTexts(text: string, min: number, gate: RegExp | null, scanMin = min): KeyRunTexts {
  const scanned = keyRuns(text, scanMin);
  const at = scanMin < min ? longRuns(scanned, min) : scanned;
  if (at.length === 0) return noRuns;
  const texts: string[] = [];
  let kept: number[] | undefined;
  for (let r = 0; r < at.length; r += 2) {
    const run = text.slice(at[r], at[r + 1]);
    if (gate === null || gate.test(run)) {
      texts.push(run);
      kept?.push(at[r] as number, at[r + 1] as number);
    } else kept ??= at.slice(0, r);
  }
  if (texts.length === 0) return noRuns;
  return { at: kept ?? at, texts };
}

/** The runs of `runs` at least `min` long (the same array when all are). */
function longRuns(runs: readonly number[], min: number): readonly number[] {
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) >= min) continue;
    const out = runs.slice(0, r);
    for (let k = r + 2; k < runs.length; k += 2)
      if ((runs[k + 1] as number) - (runs[k] as number) >= min) out.push(runs[k] as number, runs[k + 1] as number);
    return out;
  }
  return runs;
}

const scanRuns = new WeakMap<readonly TextPattern[], number>();

/**
 * The shortest runs any pattern reads: the regex patterns' `keyRun` and a scan pattern's own
 * (`ScanPattern.keyRun`, the unlabelled credentials' 11) — one scan of the text finds them for all.
 */
export function scanRun(patterns: readonly TextPattern[]): number {
  let min = scanRuns.get(patterns);
  if (min === undefined) {
    min = Math.min(
      shortestRun(patterns),
      ...patterns.map((p) => ('find' in p ? (p.keyRun ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY)),
    );
    scanRuns.set(patterns, min);
  }
  return min;
}

const shortestRuns = new WeakMap<readonly TextPattern[], number>();

/** The shortest `keyRun` of the patterns looked for in runs (`Infinity` when none is). */
export function shortestRun(patterns: readonly TextPattern[]): number {
  let min = shortestRuns.get(patterns);
  if (min === undefined) {
    min = Math.min(...patterns.map((p) => inRuns(p)?.keyRun ?? Number.POSITIVE_INFINITY));
    shortestRuns.set(patterns, min);
  }
  return min;
}
