import { asserts } from './claim-assertion.js';
import { isPreamble } from './claim-framing.js';
import { claimSize } from './claim-size.js';
import { align, matchClauses, opposedCounterpart } from './clause-alignment.js';
import { clip } from './clip-text.js';
import { conditionCounterpart } from './condition-counterpart.js';
import { drawsConsequence } from './consequence-clause.js';
import type { Difference } from './divergence-report.js';
import { diffEditedSentences } from './edited-sentence.js';
import { entitySupported } from './entity-support.js';
import { defaultFactDiffOptions, type FactDiffOptions } from './fact-diff-options.js';
import { type ClauseFacts, type FactSheet, onOneTable } from './fact-sheet.js';
import type { FactValue } from './fact-value.js';
import { itemsMoved } from './item-price-status.js';
import { keptWithout, wordCount } from './kept-without.js';
import { knownWords, saidInOneSentence } from './known-words.js';
import { isLeadIn } from './lead-in.js';
import { namesNewThings, onlyChanged } from './lone-addition.js';
import { movedItem } from './moved-item.js';
import { diffPolarity } from './polarity-diff.js';
import { rewordedHedges } from './reworded-hedge.js';
import { excusesChange, saysRounded, spansBoth } from './rounded-value.js';
import { stanceFlip } from './sentence-stance.js';
import { someClauseStates } from './some-clause-states.js';
import { standInTest } from './stand-in-clause.js';
import { swappedTerm } from './swapped-term.js';
import { sheetValues, ValueIndex } from './value-index.js';
import { anchoredElsewhere, clauseStates, countsSame, sameSlot } from './value-slots.js';

const fmt = (v: FactValue): string => v.text;

/**
 * Fact-level differences of a candidate answer against production's (the original and, when
 * known, baseline answers to the same input):
 *
 * - `fact_changed`: the candidate states a value no production answer states where production
 *   states another of the same type (`$35 → $53`); noise when production itself varies there.
 * - `fact_added`: a new value in a clause production also makes, with nothing it replaces.
 * - `fact_dropped`: a value every production answer states and the candidate does not; low, but high
 *   where the candidate keeps the claim that stated it without it (an answer about as long).
 * - `polarity_flip` / `modality_change`: an aligned clause negated, or obligation ↔ permission.
 * - `added_claim`: a candidate clause production does not support (its words or its values).
 */
export function diffFacts(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[] = [],
  options: Partial<FactDiffOptions> = {},
): Difference[] {
  // Clauses align by word ids: every sheet must come from the candidate's word table.
  if (original.words !== candidate.words || baselines.some((b) => b.words !== candidate.words)) {
    const sheets = onOneTable([original, ...baselines, candidate]);
    return diffFacts(sheets[0] as FactSheet, candidate, sheets.slice(1, -1), options);
  }
  const o: FactDiffOptions = { ...defaultFactDiffOptions, ...options };
  const production = [original, ...baselines];
  // Without baselines production is the original: one index serves both.
  const origIndex = sheetValues(original);
  const prodIndex = baselines.length === 0 ? origIndex : new ValueIndex(production.flatMap((s) => s.values));
  const candIndex = sheetValues(candidate);
  const baseIndexes = baselines.map(sheetValues);
  const stable = (v: FactValue): boolean =>
    v.type === 'entity' ? baselines.every((b) => entitySupported(v, [b])) : baseIndexes.every((b) => b.has(v));
  // Production varies on a value where a baseline leaves the original's out and states the
  // candidate's, or another one of that type the original does not state (a rounded figure, another
  // name). A baseline that just leaves it out (a shorter answer) says nothing: "$35" → "$53" stays a
  // change.
  const inOriginal = (x: FactValue): boolean => (x.type === 'entity' ? entitySupported(x, [original]) : origIndex.has(x));
  const varies = (before: FactValue, v: FactValue): boolean =>
    baselines.some((b, i) => {
      const index = baseIndexes[i] as ValueIndex;
      const states = (x: FactValue): boolean => (x.type === 'entity' ? entitySupported(x, [b]) : index.has(x));
      // A baseline that states both as one range ("6–7 weeks") varies over it.
      if (states(before)) return states(v) && !inOriginal(v) && spansBoth(b.values, before, v);
      if (states(v) && !inOriginal(v)) return true;
      return b.values.some((x) => x.type === before.type && !x.weak && !inOriginal(x) && excusesChange(x, before, v));
    });
  const supported = (v: FactValue): boolean => (v.type === 'entity' ? entitySupported(v, production) : prodIndex.has(v));
  const dropped = (v: FactValue): boolean => !v.weak && (v.type === 'entity' ? !entitySupported(v, [candidate]) : !candIndex.has(v));
  // What the candidate no longer states, computed once (a 1 MB answer has thousands of values).
  const droppedValues = original.values.filter(dropped);
  const droppedSet = new Set(droppedValues);
  const used = new Set<FactValue>();
  const out: Difference[] = [];
  const where = (c: ClauseFacts): string => `text.sentence[${c.sentence}]`;
  const matched = matchClauses(original, candidate, o.maxClauses, isFramed, o.claimPair);
  // A production clause that states a value supports one candidate clause stating it: the one that
  // says what it says. "Each year you get 28 days" supports the candidate's "twenty-eight days of
  // leave", not also its "four weeks' notice" (28 days too) where production gave two weeks.
  const takenBy = (x: ClauseFacts, sheet: FactSheet, v: FactValue, c: ClauseFacts): boolean =>
    someClauseStates(candidate, v, o.maxClauses, (d) => d !== c && align(d, sheet, o.maxClauses)?.clause === x);
  const supportedHere = (v: FactValue, c: ClauseFacts, mine: ClauseFacts | undefined): boolean =>
    (mine !== undefined && clauseStates(mine, v)) ||
    production.some((sheet) => someClauseStates(sheet, v, o.maxClauses, (x) => !takenBy(x, sheet, v, c)));

  // Original clauses no candidate clause was paired with, asked only where a clause would be a new claim.
  const standsIn = standInTest(original.clauses, o.maxClauses, matched, droppedValues.length === 0);
  candidate.clauses.forEach((c, k) => {
    if (out.length >= o.maxDifferences) return;
    const aligned = k < o.maxClauses ? align(c, original, o.maxClauses) : undefined;
    const isAligned = aligned !== undefined && aligned.score >= o.alignClause;
    // A new name counts where it stands in for another (an aligned clause); elsewhere a capitalized
    // word is as likely a paraphrase's term as a claim, and the claim rule below decides.
    // The day in a clause about the conversation ("anything else today?") is when it is said, not a figure.
    // A clause about the conversation that names a value production states ("See you on Saturday!")
    // says it again; it puts it in no claim of its own, so no other clause of production need state it.
    const novel = c.values.filter(
      (v) =>
        !v.weak &&
        !(c.framing && v.keys[0]?.startsWith('relative:')) &&
        (!supported(v) ||
          (v.type !== 'entity' &&
            // A code literal production writes, said again in a clause that says what production's does
            // ("…every user of `chrono` gets `serde` too"), names the same thing, not a new fact.
            !(isAligned && v.keys[0]?.startsWith('code:')) &&
            k < o.maxClauses &&
            !c.framing &&
            !supportedHere(v, c, isAligned ? aligned.clause : undefined))) &&
        (isAligned || v.type !== 'entity' || droppedValues.some((p) => p.type === 'entity' && !used.has(p))),
    );
    for (const v of novel) {
      // What it replaces: a value of the same type the candidate no longer states, in the aligned clause first.
      const before =
        (isAligned ? aligned.clause.values : []).find((p) => !used.has(p) && sameSlot(p, v) && droppedSet.has(p)) ??
        droppedValues.find((p) => !used.has(p) && sameSlot(p, v));
      if (before !== undefined) {
        used.add(before);
        // Production varies there, or the candidate rounds the figure and says so.
        const varying = varies(before, v) || saysRounded(before, v);
        out.push({
          kind: 'fact_changed',
          path: where(c),
          key: `fact:${v.type}`,
          severity: 'high',
          message: `${fmt(before)} → ${fmt(v)}`,
          original: before.text,
          candidate: v.text,
          ...(varying ? { explainedByNoise: true } : {}),
        });
      } else if (isAligned || (c.values.length > 0 && !isPreamble(c))) {
        out.push({
          kind: isAligned ? 'fact_added' : 'added_claim',
          path: where(c),
          key: `fact:${v.type}`,
          severity: 'high',
          message: isAligned
            ? `states ${fmt(v)} (no production answer does)`
            : `adds "${clip(c.text)}" (${fmt(v)} is in no production answer)`,
          candidate: v.text,
        });
      }
    }
    // A value the candidate states that production states too, but in another sentence: where the
    // aligned clause said another value of that slot, which the candidate no longer states, the
    // value changed there ("22 days of leave" → "21 days", with "21 days' notice" elsewhere). A
    // spelled-out count ("one checked bag" → "two checked bags") is compared here as well.
    if (isAligned) {
      for (const v of c.values) {
        if (v.type === 'entity' || novel.includes(v) || (!v.weak && !supported(v)) || clauseStates(aligned.clause, v)) continue;
        const before = aligned.clause.values.find(
          (p) =>
            !used.has(p) &&
            p.type !== 'entity' &&
            sameSlot(p, v) &&
            (!(p.weak || v.weak) ? !candIndex.has(p) : countsSame(p, v) && !candIndex.hasKey(p)),
        );
        if (before === undefined) continue;
        used.add(before);
        // Production varies there when a baseline's clause for it states the candidate's value, or
        // another one than the original's (one that leaves the value out says nothing: "for a
        // single vehicle" against "one car" → "two cars").
        const beforeOnly = new ValueIndex([before]);
        const differs =
          saysRounded(before, v) ||
          baselines.some((b) => spansBoth(b.values, before, v)) ||
          baselines.some((b) => {
            const a = align(c, b, o.maxClauses);
            return (
              a !== undefined &&
              a.score >= o.alignClause &&
              (clauseStates(a.clause, v) ||
                (!clauseStates(a.clause, before) &&
                  a.clause.values.some(
                    (x) => x.type !== 'entity' && sameSlot(x, before) && !beforeOnly.has(x) && excusesChange(x, before, v),
                  )))
            );
          });
        out.push({
          kind: 'fact_changed',
          path: where(c),
          key: `fact:${v.type}`,
          severity: 'high',
          message: `${fmt(before)} → ${fmt(v)}`,
          original: before.text,
          candidate: v.text,
          ...(differs ? { explainedByNoise: true } : {}),
        });
      }
    }
    if (k >= o.maxClauses) return;
    const p = conditionCounterpart(c, k, candidate, original, o);
    // A value anchors a clause: where the candidate's clause states a value the counterpart does
    // not and another clause of the original does, the counterpart is the wrong sentence.
    const anchored = p !== undefined && anchoredElsewhere(c, p, [original], o.maxClauses);
    const context = { original, candidate, baselines };
    // A consequence drawn for the reader from a claim production makes ("…, so you don't need to order
    // those") is judged by that claim, not against whichever clause its words come closest to.
    const consequence = drawsConsequence(c, k, candidate, production, matched, o);
    let flip = consequence ? undefined : diffPolarity(c, p !== undefined && !anchored ? p : undefined, context, o);
    // Where no clause says it closely, the closest wording may be another sentence ("…right away" /
    // "call … right away"): the clause of the other polarity about the same thing is compared too,
    // for a flip only.
    if (flip === undefined && !consequence && (align(c, original, o.maxClauses)?.score ?? 0) < o.alignClause) {
      const q = opposedCounterpart(c, original, candidate, o.alignClause, o.maxClauses);
      const other = q !== undefined && q !== p ? diffPolarity(c, q, context, o) : undefined;
      if (other?.kind === 'polarity_flip') flip = other;
    }
    if (flip !== undefined) out.push({ ...flip, path: where(c) });
    const swap = flip === undefined && p !== undefined && !anchored ? swappedTerm(p, c, candidate, production, baselines) : undefined;
    if (swap !== undefined) out.push({ ...swap, path: where(c) });
    // An item moved to the other side of a negation, each clause keeping its polarity.
    const moved = flip === undefined && swap === undefined ? movedItem(c, original, candidate, baselines, o.maxClauses) : undefined;
    if (moved !== undefined) out.push({ ...moved, path: where(c) });
    // A clause whose values production states is a rewording of something production says.
    if (novel.length > 0 || c.values.some((v) => !v.weak && v.type !== 'entity') || matched.has(c)) return;
    if (claimSize(c, candidate, production, o.claimSupport) < o.claimWords || c.framing || c.condition) return;
    // Production says it in another answer (a sentence it sometimes leaves out).
    if (baselines.some((b) => (align(c, b, o.maxClauses)?.score ?? 0) >= o.alignClause)) return;
    // A generic noun ("this feature", "that part", "the option") refers back to what production
    // named; it is no new word of a claim.
    const known = knownWords(c, production);
    if (known / c.content.length >= o.claimSupport && saidInOneSentence(c, production, o.claimSupport)) return;
    // New words alone are how a paraphrase (or a longer answer's advice) reads too: a new claim
    // also asserts — a negation, an obligation, a quantifier, a fee or a limit.
    // …or it is the one sentence the candidate adds to an answer that repeats production's word for word.
    if (!asserts(c) && !(namesNewThings(c, production) && onlyChanged(original, candidate, c.sentence, true, o.maxClauses))) return;
    // A sentence of the original said in words of its own.
    if (
      standsIn(
        c,
        c.values.every((v) => v.type !== 'entity' || entitySupported(v, production)),
      )
    )
      return;
    // Words before a colon that announce what follows.
    if (isLeadIn(c, candidate)) return;
    // What a claim production makes means for the reader.
    if (consequence) return;
    out.push({
      kind: 'added_claim',
      path: where(c),
      key: 'fact:claim',
      severity: 'high',
      message: `adds "${clip(c.text)}" (no production answer says this)`,
      candidate: c.text,
    });
  });
  // A sentence kept word for word but for a few edits: what the edits change, where the clause rules
  // above saw nothing of that kind there (the clause splitter may have joined the edited words to
  // another claim; where they saw it, their reading of the baselines decides whether production varies).
  for (const d of diffEditedSentences(original, candidate, baselines, o.maxClauses)) {
    if (out.length >= o.maxDifferences) break;
    const path = `text.sentence[${d.sentence}]`;
    if (out.some((x) => x.kind === d.kind && x.path === path)) continue;
    const { sentence: _, ...rest } = d;
    out.push({ ...rest, path });
  }
  // An item moved across what a price covers ("…including the wetsuit" → "wetsuits are rented on site"),
  // or a plain statement said again with a likelihood ("we'll refund that day" → "we may offer a refund").
  for (const d of [
    ...itemsMoved(original, candidate, baselines, o.maxClauses),
    ...rewordedHedges(original, candidate, baselines, o.maxClauses),
  ]) {
    if (out.length >= o.maxDifferences) break;
    const path = `text.sentence[${d.sentence}]`;
    if (out.some((x) => (x.kind === d.kind || x.kind === 'fact_changed' || x.kind === 'polarity_flip') && x.path === path)) continue;
    const { sentence: _, ...rest } = d;
    out.push({ ...rest, path });
  }
  // The one sentence rewritten to take the other side of its rule ("keep pets at home" → "pets can come along").
  const { sentence, ...stance } = stanceFlip(original, candidate, baselines, o) ?? { sentence: -1 };
  const at = `text.sentence[${sentence}]`;
  if ('kind' in stance && !out.some((x) => x.path === at)) out.push({ ...stance, path: at });
  // Values every production answer states that the candidate leaves out: shown, not a regression
  // on their own (a shorter answer drops details and whole sentences; a cut answer is caught by the
  // text rules) — unless the candidate still makes the claim that stated it, without it and with no
  // value in its place ("Additional guests are $35 each" → "Additional guests can be added at the
  // desk", "…costs $450, which covers…" → "…covers…") in an answer about as long as the original.
  // A shorter answer (under three quarters of the original's words) condenses claims as it drops them.
  const whole = droppedValues.length > 0 && wordCount(candidate) >= 0.75 * wordCount(original);
  for (const v of droppedValues) {
    if (out.length >= o.maxDifferences) break;
    if (used.has(v) || !stable(v) || v.type === 'entity') continue;
    used.add(v);
    // A day said relative to the answer ("shipped today") is how the moment is worded, not a figure
    // of the claim: "is on its way" says it without it.
    const kept = whole && !v.keys[0]?.startsWith('relative:') ? keptWithout(v, original, candidate, o) : undefined;
    out.push({
      kind: 'fact_dropped',
      path: kept === undefined ? 'text' : where(kept),
      key: `fact:${v.type}`,
      severity: kept === undefined ? 'low' : 'high',
      message: kept === undefined ? `no longer states ${fmt(v)}` : `no longer states ${fmt(v)} in "${clip(kept.text)}"`,
      original: v.text,
    });
  }
  return out;
}

/** Whether a clause is about the conversation (memoized on the clause). */
function isFramed(c: ClauseFacts): boolean {
  return c.framing;
}
