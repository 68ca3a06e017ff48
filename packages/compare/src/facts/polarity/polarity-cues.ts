import { freeCompoundNoun } from './free-compound.js';
import { scriptDenier, scriptNegation } from './language-negations.js';
import { advice, deniers, necessity, negations, possibility } from './polarity-words.js';

/** Whether a word negates or denies (a negation cue, whatever the clause's count comes to). */
export function isNegationCue(word: string): boolean {
  return (
    word.endsWith("n't") ||
    negations.has(word) ||
    deniers.has(word) ||
    // "no-…" / "non-…": the pattern runs only on a word opening with "no".
    (word.charCodeAt(0) === 110 && word.charCodeAt(1) === 111 && /^non?-\p{L}/u.test(word)) ||
    freeCompoundNoun(word) !== undefined ||
    scriptNegation(word) ||
    scriptDenier(word)
  );
}

/** The cue words of a clause (negations and modals): ignored when aligning clauses, reported as evidence. */
export function isPolarityCue(word: string): boolean {
  return (
    word.endsWith("n't") ||
    negations.has(word) ||
    deniers.has(word) ||
    necessity.has(word) ||
    advice.has(word) ||
    possibility.has(word) ||
    word === 'do' ||
    word === 'free' ||
    word === 'please' ||
    word === 'does' ||
    word === 'will' ||
    word === 'would'
  );
}
