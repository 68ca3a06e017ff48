import { fromRule } from '../report/difference-origin.js';
import type { SentenceDifference } from '../report/divergence-report.js';
import { addedParts } from './claims/added-part.js';
import { clausePath, type FactDiffContext } from './fact-diff-context.js';
import { adviceWeakened, adviceWeakenedRule } from './modality/advice-weakened.js';
import { modalShifts } from './modality/modal-shift.js';
import { rewordedHedges } from './modality/reworded-hedge.js';
import { type DeclaredRule, mayFire } from './rule-precondition.js';
import { agentsMoved } from './sentences/agents-moved.js';
import { deniedExtended, deniedExtendedRule } from './sentences/denied-extended.js';
import { diffEditedSentences } from './sentences/edited-sentence.js';
import { exchangedTerms } from './sentences/exchanged-terms.js';
import { itemsMoved } from './sentences/item-price-status.js';
import { listPastOnly, onlyListRule } from './sentences/only-list.js';
import { stanceFlip } from './sentences/sentence-stance.js';

/**
 * The passes of `diffFacts` over whole sentences, after the clause rules, appended to `ctx.out`
 * where those rules found nothing of the kind in that sentence: a sentence kept but for a few
 * edits, an item moved across what a price covers, a statement hedged, a sentence taking the
 * other side of its rule.
 */
export function diffSentenceRewrites(ctx: FactDiffContext): void {
  const { original, candidate, baselines, options: o, out } = ctx;
  // A rule that declares a precondition (rule-precondition.ts) is asked only where it holds.
  const may = (rule: DeclaredRule): boolean => mayFire(rule, original, candidate, baselines.length);
  // A sentence kept word for word but for a few edits: what the edits change, where the clause rules
  // saw nothing of that kind there (the clause splitter may have joined the edited words to
  // another claim; where they saw it, their reading of the baselines decides whether production varies).
  for (const d of diffEditedSentences(original, candidate, baselines, o.maxClauses)) {
    if (out.length >= o.maxDifferences) break;
    const path = clausePath(d);
    if (out.some((x) => x.kind === d.kind && x.path === path)) continue;
    const { sentence: _, ...rest } = d;
    out.push(fromRule('edited-sentence', { ...rest, path }));
  }
  // An item moved across what a price covers ("…including the wetsuit" → "wetsuits are rented on site"),
  // or a plain statement said again with a likelihood ("we'll refund that day" → "we may offer a refund").
  for (const d of [
    ...fromRules('item-price-status', itemsMoved(original, candidate, baselines, o.maxClauses)),
    ...rewordedHedges(original, candidate, baselines, o.maxClauses),
    // …or an obligation said again as advice ("An adult must supervise" → "We recommend having an adult keep an eye on it").
    ...(may(adviceWeakenedRule) ? adviceWeakened(original, candidate, baselines, o.maxClauses) : []),
    // …or a stretch of a clause moved across necessity where another modal in its clause hid it ("You need to be a confident swimmer, able to…" → "It helps to be…").
    ...modalShifts(original, candidate, baselines, o.maxClauses),
    // …or an action moved between the service and the reader ("our crew puts it up" → "you'll put it up yourselves").
    ...agentsMoved(original, candidate, baselines, o.maxClauses),
    // …or what the original denies extended to it ("we don't tune electronic organs" → "pipe and electronic organs alike").
    ...(may(deniedExtendedRule) ? deniedExtended(original, candidate, baselines, o) : []),
    // …or a list past what "only" bounds ("mechanical film cameras only" → "mechanical and electronic film cameras alike").
    ...(may(onlyListRule) ? listPastOnly(original, candidate, baselines, o) : []),
    // …or a predication joined to a reworded clause that claims what production never says ("…, and every replica carries a lifetime guarantee").
    ...fromRules('added-part', addedParts(original, candidate, baselines, o)),
    // …or two terms of a sentence that exchange places ("welcome in the outdoor pools … instead of the indoor pools").
    ...exchangedTerms(original, candidate, baselines, o),
  ]) {
    if (out.length >= o.maxDifferences) break;
    const path = clausePath(d);
    if (out.some((x) => (x.kind === d.kind || x.kind === 'fact_changed' || x.kind === 'polarity_flip') && x.path === path)) continue;
    const { sentence: _, ...rest } = d;
    out.push({ ...rest, path });
  }
  // The one sentence rewritten to take the other side of its rule ("keep pets at home" → "pets can come along").
  const { sentence, ...stance } = stanceFlip(original, candidate, baselines, o) ?? { sentence: -1 };
  const at = clausePath({ sentence });
  if ('kind' in stance && !out.some((x) => x.path === at)) out.push({ ...stance, path: at });
}

/** Each of a rule's differences with the rule as its origin, unless it named itself. */
function fromRules(rule: string, ds: readonly SentenceDifference[]): SentenceDifference[] {
  return ds.map((d) => fromRule(rule, d));
}
