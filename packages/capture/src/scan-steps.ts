import { inRuns } from './run-lead-gate.js';
import type { RegexPattern, ScanPattern, TextPattern } from './text-patterns.js';

/**
 * One pattern as the scan reads it: every step of one shape, so the scan's reads of them stay
 * monomorphic (an `in` test and optional members over the patterns' mixed shapes were ~40 % of
 * the scan's own time on a stream's events, each a text of ~200 characters).
 */
export interface ScanStep {
  readonly name: string;
  /** A scan pattern's own scan; null for a regex. */
  readonly find: ScanPattern['find'] | null;
  readonly regex: RegexPattern | null;
  readonly lead: RegExp | null;
  /** Looked for in runs of key characters this long (0: not in runs). */
  readonly keyRun: number;
  readonly hints: readonly string[] | null;
}

const scanStepLists = new WeakMap<readonly TextPattern[], readonly ScanStep[]>();

/** The patterns as scan steps, made once per pattern list. */
export function scanSteps(patterns: readonly TextPattern[]): readonly ScanStep[] {
  let steps = scanStepLists.get(patterns);
  if (steps === undefined) {
    steps = patterns.map((p): ScanStep => {
      if ('find' in p) return { name: p.name, find: p.find, regex: null, lead: null, keyRun: 0, hints: p.hints ?? null };
      const runs = inRuns(p);
      return {
        name: p.name,
        find: null,
        regex: p,
        lead: p.lead ?? null,
        keyRun: runs === undefined ? 0 : runs.keyRun,
        hints: runs === undefined ? (p.hints ?? null) : null,
      };
    });
    scanStepLists.set(patterns, steps);
  }
  return steps;
}

export function hinted(text: string, hints: readonly string[]): boolean {
  for (const hint of hints) if (text.includes(hint)) return true;
  return false;
}

const hintGates = new WeakMap<readonly TextPattern[], RegExp | null>();

/**
 * One regex matching any hint of any pattern, made once per pattern list: most texts hold none,
 * and one pass of it costs less than a search per hint — much less on a run of one character
 * (`xxxx…` for the hint `xox`, `AAAA…` for `AKIA`), where each short search retries at every
 * place. Null when no pattern has hints.
 */
export function hintGate(patterns: readonly TextPattern[]): RegExp | null {
  let gate = hintGates.get(patterns);
  if (gate === undefined) {
    const hints = [...new Set(patterns.flatMap((p) => (inRuns(p) === undefined && 'hints' in p ? (p.hints ?? []) : [])))];
    gate = hints.length === 0 ? null : new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
    hintGates.set(patterns, gate);
  }
  return gate;
}
