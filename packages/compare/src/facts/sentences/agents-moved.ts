import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { statesClaim } from '../claims/states-claim.js';
import { holdsCue } from '../clauses/clause-cues.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { sheetReading } from '../clauses/sheet-reading.js';
import { type AgentStretch, agentStretches, whoCue } from './action-agent.js';

// An action moved between the service and the reader in an answer written anew: "Our crew puts the
// marquee up" → "You'll pitch it yourselves", "We cover return shipping" → "Postage for the return is
// at your own cost", "insuring the boat is your responsibility" → "every boat is covered by our
// insurance". Each stretch that says who acts is paired with the original's stretches by the words of
// what the action is about (not the clause's overall overlap, which a rewording lowers): where the
// original's stretch sharing the most of those words puts the action on the other side, and none of
// its stretches on the candidate's side shares as many, the action moved.

/** The fewest words of what the action is about two stretches must share. */
const minShared = 1;

interface Read {
  readonly stretch: AgentStretch;
  readonly clause: ClauseFacts;
}

/** The stretches of a sheet's `max` first clauses that say who acts (conditions and talk about the conversation left out). */
function readSheet(sheet: FactSheet, max: number): readonly Read[] {
  const out: Read[] = [];
  for (const clause of sheet.clauses.slice(0, max)) {
    // A clause without a word that says who acts has no stretch (asked before the framing test, which reads the clause).
    if (clause.condition || !holdsCue(clause, whoCue) || clause.framing) continue;
    for (const stretch of agentStretches(clause)) out.push({ stretch, clause });
  }
  return out;
}

/**
 * Whether two folded words are one word's forms: equal, one the other's start (four letters or more:
 * "insur" / "insurance"), or alike to their last letter or two ("dependenci" / "dependency").
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  return k >= 5 && k >= long.length - 2;
}

/** How many words of `a`'s topic `b`'s says too. */
const sharedWords = (a: AgentStretch, b: AgentStretch): number => {
  let n = 0;
  for (const w of a.topic) {
    if (b.topic.has(w)) n++;
    else
      for (const x of b.topic)
        if (sameWord(w, x)) {
          n++;
          break;
        }
  }
  return n;
};

/** The most words of `s`'s topic one stretch of `reads` on the side `agent` shares, and that stretch. */
function best(s: AgentStretch, reads: readonly Read[], agent: AgentStretch['agent']): { shared: number; read?: Read } {
  let top: { shared: number; read?: Read } = { shared: 0 };
  for (const r of reads) {
    if (r.stretch.agent !== agent) continue;
    const n = sharedWords(s, r.stretch);
    if (n > top.shared) top = { shared: n, read: r };
  }
  return top;
}

/**
 * Whether a baseline's stretch on candidate stretch `s`'s side shares as many words of its topic as
 * the original's stretch on the other side `against` does, and no fewer with `s` than with `against`.
 */
function restatesCandidate(s: AgentStretch, against: Read, reads: readonly Read[]): boolean {
  const floor = sharedWords(s, against.stretch);
  for (const r of reads) {
    if (r.stretch.agent !== s.agent) continue;
    const n = sharedWords(s, r.stretch);
    if (n >= floor && n >= sharedWords(against.stretch, r.stretch)) return true;
  }
  return false;
}

/**
 * Candidate stretches whose action the original puts on the other side (the service's or the
 * reader's): a `polarity_flip` each, with its sentence; noise where a baseline puts it on the
 * candidate's side as closely.
 */
export function agentsMoved(original: FactSheet, candidate: FactSheet, baselines: readonly FactSheet[], max: number): SentenceDifference[] {
  const out: SentenceDifference[] = [];
  if (!holdsCue(original, whoCue) || !holdsCue(candidate, whoCue)) return out;
  // Production's stretches read once per answer (kept read across candidates: sheet-reading.ts).
  const orig = sheetReading(original, max, readSheet);
  if (orig.length === 0) return out;
  const cand = readSheet(candidate, max);
  const base = baselines.map((b) => sheetReading(b, max, readSheet));
  const flagged = new Set<number>();
  for (const { stretch: s, clause: c } of cand) {
    if (flagged.has(c.sentence)) continue;
    const other = s.agent === 'service' ? 'reader' : 'service';
    const against = best(s, orig, other);
    if (against.read === undefined || against.shared < minShared) continue;
    if (best(s, orig, s.agent).shared >= against.shared) continue;
    // Production varies where a baseline puts the action on the candidate's side as closely, in a
    // stretch that restates the candidate's claim at least as closely as the original's: one closer to
    // the original's stretch ("a cracked body is repaired at your expense if you aren't insured" for
    // "…at your cost unless you have the insurance") is the original's claim read on the other side
    // by a word of its condition, not production saying it the candidate's way.
    const from = against.read;
    // …in the baseline's clause that states the candidate's claim (states-claim.ts).
    const by = base.findIndex((reads) =>
      restatesCandidate(
        s,
        from,
        reads.filter((r) => statesClaim(r.clause, c, candidate, max)),
      ),
    );
    flagged.add(c.sentence);
    out.push({
      kind: 'polarity_flip',
      key: 'fact:polarity',
      severity: 'high',
      message: `"${clip(against.read.stretch.text)}" → "${clip(s.text)}" (${against.read.stretch.agent === 'service' ? 'the service' : 'the reader'} → ${s.agent === 'service' ? 'the service' : 'the reader'})`,
      original: against.read.clause.text,
      candidate: c.text,
      sentence: c.sentence,
      ...excusedBy('agents-moved', byBaseline('restatesCandidate', by)),
    });
  }
  return out;
}
