import type { TextPattern } from './text-patterns.js';

/** The lead and run length of a pattern looked for in long runs of key characters only (`keyRun` and a lead). */
export function inRuns(p: TextPattern): { readonly lead: RegExp; readonly keyRun: number } | undefined {
  return 'regex' in p && p.lead !== undefined && p.keyRun !== undefined ? { lead: p.lead, keyRun: p.keyRun } : undefined;
}

const runLeadGates = new WeakMap<readonly TextPattern[], RegExp | null>();

/**
 * One regex matching wherever any lead of the patterns looked for in runs matches, made once per
 * pattern list: it matches in a run exactly when one of those leads does (a lead has no
 * look-around, so each alternative matches in the run's text as it does alone). Null (every run
 * read by every lead, as before) when there is none, or when the leads cannot be joined as they
 * are: flags other than `g` that differ, or a back-reference or named group, whose numbering or
 * names an alternation would change.
 */
export function runLeadGate(patterns: readonly TextPattern[]): RegExp | null {
  let gate = runLeadGates.get(patterns);
  if (gate === undefined) {
    const leads = patterns.flatMap((p) => {
      const runs = inRuns(p);
      return runs === undefined ? [] : [runs.lead];
    });
    const flags = new Set(leads.map((l) => l.flags.replace(/[gy]/g, '')));
    const joinable = leads.length > 0 && flags.size === 1 && leads.every((l) => !/\\[1-9k]|\(\?</.test(l.source.replace(/\(\?<[=!]/g, '')));
    gate = joinable ? new RegExp(leads.map((l) => `(?:${l.source})`).join('|'), [...flags][0]) : null;
    runLeadGates.set(patterns, gate);
  }
  return gate;
}
