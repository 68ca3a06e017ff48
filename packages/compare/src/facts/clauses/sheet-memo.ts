import type { IdSet } from '../../text/id-set.js';
import type { ClausesByValue } from '../values/some-clause-states.js';
import type { ValueIndex } from '../values/value-index.js';
import type { Aligned } from './clause-alignment.js';
import type { ClauseFacts, FactSheet } from './fact-sheet.js';

// What the fact rules derive from an answer's sheet or one of its clauses, kept on that object
// rather than in module-level WeakMaps. A WeakMap entry whose key dies young still has its value
// copied by the next scavenge (V8 traces ephemeron values before it can tell the key is dead), and
// an alignment reaches another answer's clauses: in the throughput bench ~2 MB were copied at every
// scavenge (5 ms each, ~12 % of a pair's CPU) for memos of pairs already compared.

/** Per-sheet results of the rules (clause-alignment.ts, entity-support.ts, content-vocabulary.ts, fact-diff.ts), each built on first use. */
export class SheetMemo {
  /** Every value of the answer, indexed (fact-diff.ts): a replay's original is compared with its baseline, then the candidate. */
  values: ValueIndex | undefined;
  /** Content words of the clauses end to end, and where each clause starts (clause-alignment.ts). */
  flatWords: { readonly ids: Int32Array; readonly starts: Int32Array } | undefined;
  /** Ids of the words used in one clause only (clause-alignment.ts). */
  distinctive: IdSet | undefined;
  /** Ids of every lower-cased word, for names (fact-sheet.ts). */
  wordIds: IdSet | undefined;
  /** Ids of the content words (content-vocabulary.ts). */
  vocabulary: IdSet | undefined;
  /** Whether any clause (of the first `max`) is negated, and any is not (moved-item.ts). */
  sides: { readonly max: number; readonly negated: boolean; readonly plain: boolean } | undefined;
  /** The clauses (of the first `max`) that use each content word (moved-item.ts). */
  clausesByWord: { readonly max: number; readonly byWord: Map<string, ClauseFacts[]> } | undefined;
  /** The clauses holding each value key and number (some-clause-states.ts). */
  clausesByValue: ClausesByValue | undefined;
  /** The answer's text in lower case (glued-restatement.ts). */
  lowerSource: string | undefined;
  /** The rules' own readings of the answer alone, by reader (sheet-reading.ts). */
  readonly readings = new Map<unknown, { readonly max: number; readonly value: unknown }>();
}

/** One remembered alignment: the best clause of `sheet` (of its `max` first) for the clause holding it. */
interface Alignment {
  readonly sheet: FactSheet;
  readonly max: number;
  readonly found: Aligned | undefined;
}

// Sheets a clause remembers its alignment with (the original and a few baselines); past it the
// oldest is forgotten (asked again, it is recomputed: the same answer).
const maxAlignments = 8;

/** Per-clause results of the rules, each built on first use. */
export class ClauseMemo {
  readonly #alignments: Alignment[] = [];

  /** The remembered best clause of `sheet` for this clause, `null` when none is remembered. */
  aligned(sheet: FactSheet, max: number): Aligned | undefined | null {
    for (const a of this.#alignments) if (a.sheet === sheet && a.max === max) return a.found;
    return null;
  }

  /** Remembers the best clause of `sheet` for this clause (unless known). */
  remember(sheet: FactSheet, max: number, found: Aligned | undefined): void {
    if (this.aligned(sheet, max) !== null) return;
    if (this.#alignments.length >= maxAlignments) this.#alignments.shift();
    this.#alignments.push({ sheet, max, found });
  }

  /**
   * Forgets the alignments with `sheet`: a production answer kept read (fact-category.ts) would
   * otherwise hold the last candidates it was compared with, each asked of it once.
   */
  forget(sheet: FactSheet): void {
    for (let i = this.#alignments.length - 1; i >= 0; i--) if (this.#alignments[i]?.sheet === sheet) this.#alignments.splice(i, 1);
  }
}
