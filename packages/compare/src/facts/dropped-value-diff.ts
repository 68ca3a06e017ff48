import { clip } from '../report/clip-text.js';
import { byBaseline } from '../report/difference-origin.js';
import { bindsUser } from './claims/binds-user.js';
import { diffDroppedPieces, illustrates } from './claims/dropped-piece.js';
import { sameClause } from './clauses/clause-signature.js';
import type { ClauseFacts, FactSheet } from './clauses/fact-sheet.js';
import { clausePath, type FactDiffContext } from './fact-diff-context.js';
import type { FactValue } from './values/fact-value.js';
import { keptWithout, wordCount } from './values/kept-without.js';
import { swappedValue } from './values/swapped-value.js';
import { valueChange } from './values/value-change.js';
import { clauseStates } from './values/value-slots.js';

/**
 * The last pass of `diffFacts`, appended to `ctx.out`: values every production answer states that
 * the candidate leaves out and no difference names yet. Shown, not a regression on their own (a
 * shorter answer drops details and whole sentences; a cut answer is caught by the text rules) —
 * unless the candidate still makes the claim that stated it, without it and with no value in its
 * place ("Additional guests are $35 each" → "Additional guests can be added at the desk", "…costs
 * $450, which covers…" → "…covers…") in an answer about as long as the original. A shorter answer
 * (under three quarters of the original's words) condenses claims as it drops them.
 *
 * A value dropped with the whole clause that stated it is a regression too where that clause binds
 * the user (binds-user.ts: "the daily limit is $25,000", "A $200 refundable deposit is held on your
 * card") and every production answer states the value, in an answer about as long: what the user must
 * do, pay or keep within is not a detail a rewording leaves out. With no baseline nothing shows that
 * production always says it, so the candidate must also have kept every other clause word for word:
 * an edit that took the clause out, not a rewording that condensed it.
 *
 * Any other value the original and every baseline (one at least) state, left out of an answer about
 * as long, is a regression too: production always says it, so a rewording that loses it ("takes about
 * eight weeks" gone from a quote) changed the answer. A value only echoed in framing or given in an
 * example (claimedIn) is not a claim a later answer must repeat.
 */
export function diffDroppedValues(ctx: FactDiffContext): void {
  const { original, candidate, options: o, droppedValues, used, out } = ctx;
  const whole = droppedValues.length > 0 && wordCount(candidate) >= 0.75 * wordCount(original);
  // One difference per dropped clause that binds the user, however many values it stated.
  const bound = new Set<ClauseFacts>();
  let edit: boolean | undefined;
  const onlyRemoved = (): boolean => {
    edit ??= onlyClausesRemoved(original, candidate, o.maxClauses);
    return edit;
  };
  for (const v of droppedValues) {
    if (out.length >= o.maxDifferences) break;
    if (used.has(v) || !ctx.stable(v) || v.type === 'entity') continue;
    used.add(v);
    const copied = swappedValue(v, original, candidate, o.maxClauses);
    // The clause copied with another value in its place.
    const swapped = copied?.value;
    if (copied !== undefined && swapped !== undefined) {
      out.push(valueChange(clausePath(copied.clause), v, swapped, 'swapped-value', byBaseline('variesIn', ctx.variesIn(v, swapped))));
      continue;
    }
    // The clause copied without it, or said again without it. A day said relative to the answer
    // ("shipped today") is how the moment is worded, not a figure of the claim: "is on its way" says
    // it without it.
    const kept = whole && !v.keys[0]?.startsWith('relative:') ? (copied?.clause ?? keptWithout(v, original, candidate, o)) : undefined;
    const binding = kept === undefined && whole ? bindingClause(ctx, v, onlyRemoved) : undefined;
    if (binding !== undefined) {
      if (bound.has(binding)) continue;
      bound.add(binding);
      out.push({
        kind: 'fact_dropped',
        origin: { rule: 'binds-user' },
        path: clausePath(binding),
        key: `fact:${v.type}`,
        severity: 'high',
        message: `dropped: "${clip(binding.text)}"`,
        original: v.text,
      });
      continue;
    }
    const everywhere = kept === undefined && whole && ctx.baselines.length > 0 && claimedIn(original, v, o.maxClauses);
    out.push({
      kind: 'fact_dropped',
      origin: { rule: 'dropped-value-diff' },
      path: kept === undefined ? 'text' : clausePath(kept),
      key: `fact:${v.type}`,
      severity: kept === undefined && !everywhere ? 'low' : 'high',
      message: kept === undefined ? `no longer states ${v.text}` : `no longer states ${v.text} in "${clip(kept.text)}"`,
      original: v.text,
    });
  }
  diffDroppedPieces(ctx, bound, onlyRemoved);
}

/**
 * The original clause stating `v` that binds the user, where the candidate left it out: no clause of
 * the candidate states `v` (a dropped value) and, with no baseline, every candidate clause is a
 * clause of the original word for word (`onlyRemoved`, asked once per comparison).
 */
function bindingClause(ctx: FactDiffContext, v: FactValue, onlyRemoved: () => boolean): ClauseFacts | undefined {
  const { original, baselines, options: o } = ctx;
  if (v.keys[0]?.startsWith('relative:')) return undefined;
  const x = original.clauses.find((c, i) => i < o.maxClauses && clauseStates(c, v));
  if (x === undefined || !bindsUser(x)) return undefined;
  return baselines.length > 0 || onlyRemoved() ? x : undefined;
}

/** Whether every clause of the candidate is a clause of the original word for word (answers of at most `max` clauses). */
export function onlyClausesRemoved(original: FactSheet, candidate: FactSheet, max: number): boolean {
  if (candidate.clauses.length > max || original.clauses.length > max) return false;
  return candidate.clauses.every((c) => original.clauses.some((y) => sameClause(c, y)));
}

/**
 * Whether the original states `v` in a claim about the world: not in framing (a tool preamble's "Let
 * me look up WD-88213") nor in an example ("A three-hour visit, for example, comes to $12").
 */
function claimedIn(original: FactSheet, v: FactValue, max: number): boolean {
  return original.clauses.some((c, i) => i < max && clauseStates(c, v) && !c.framing && !illustrates(c));
}
