import type { ClauseToken } from '../clauses/split-clauses.js';
import { cue, cueBits } from '../polarity/polarity-words.js';

// Words of time that open a subordinate clause when a subject follows ("before you can sit it
// again", "until it can turn"): the modal there bounds the main clause's action in time, it does not
// oblige or permit it.
export const timeSubordinators = new Set(['before', 'until', 'till', 'once', 'after']);
const subjectPronouns = new Set(['you', 'we', 'they', 'it', 'he', 'she', 'i']);
const modal = cue.necessity | cue.advice | cue.possibility;

/**
 * Whether the modal at `k` is a time clause's own verb, after a time word and its subject ("before
 * you can sit it again"). A modal after a time clause ("Before you book, you must…") is the main
 * clause's; a relative clause's ("…pg_repack, which needs a primary key") states a claim of its own
 * about its noun, so it is not read away.
 */
function subordinateModal(tokens: readonly ClauseToken[], k: number): boolean {
  return k >= 3 && subjectPronouns.has(tokens[k - 1]?.lower ?? '') && timeSubordinators.has(tokens[k - 2]?.lower ?? '');
}

/**
 * Whether every modal word of a clause is a time clause's own ({@link subordinateModal}): then the
 * clause's main part states no modality of its own ("There's a two-week gap before you can sit it
 * again" says what "You must wait two weeks before sitting it again" says). English only: other
 * languages' clauses keep their modality as read.
 */
export function modalOutsideMainPart(tokens: readonly ClauseToken[]): boolean {
  // A request ("Please …", "Don't …") obliges in the main part by its opening.
  const first = tokens[0]?.lower;
  if (first === 'please' || first === "don't" || first === 'never') return false;
  let found = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined || (cueBits(t, undefined) & modal) === 0) continue;
    if (!subordinateModal(tokens, k)) return false;
    found = true;
  }
  return found;
}
