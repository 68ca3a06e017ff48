import { clip } from './clip-text.js';
import { clausePath, type FactDiffContext } from './fact-diff-context.js';
import { keptWithout, wordCount } from './kept-without.js';
import { swappedValue } from './swapped-value.js';
import { valueChange } from './value-change.js';

/**
 * The last pass of `diffFacts`, appended to `ctx.out`: values every production answer states that
 * the candidate leaves out and no difference names yet. Shown, not a regression on their own (a
 * shorter answer drops details and whole sentences; a cut answer is caught by the text rules) —
 * unless the candidate still makes the claim that stated it, without it and with no value in its
 * place ("Additional guests are $35 each" → "Additional guests can be added at the desk", "…costs
 * $450, which covers…" → "…covers…") in an answer about as long as the original. A shorter answer
 * (under three quarters of the original's words) condenses claims as it drops them.
 */
export function diffDroppedValues(ctx: FactDiffContext): void {
  const { original, candidate, options: o, droppedValues, used, out } = ctx;
  const whole = droppedValues.length > 0 && wordCount(candidate) >= 0.75 * wordCount(original);
  for (const v of droppedValues) {
    if (out.length >= o.maxDifferences) break;
    if (used.has(v) || !ctx.stable(v) || v.type === 'entity') continue;
    used.add(v);
    const copied = swappedValue(v, original, candidate, o.maxClauses);
    // The clause copied with another value in its place.
    const swapped = copied?.value;
    if (copied !== undefined && swapped !== undefined) {
      out.push(valueChange(clausePath(copied.clause), v, swapped, ctx.varies(v, swapped)));
      continue;
    }
    // The clause copied without it, or said again without it. A day said relative to the answer
    // ("shipped today") is how the moment is worded, not a figure of the claim: "is on its way" says
    // it without it.
    const kept = whole && !v.keys[0]?.startsWith('relative:') ? (copied?.clause ?? keptWithout(v, original, candidate, o)) : undefined;
    out.push({
      kind: 'fact_dropped',
      path: kept === undefined ? 'text' : clausePath(kept),
      key: `fact:${v.type}`,
      severity: kept === undefined ? 'low' : 'high',
      message: kept === undefined ? `no longer states ${v.text}` : `no longer states ${v.text} in "${clip(kept.text)}"`,
      original: v.text,
    });
  }
}
