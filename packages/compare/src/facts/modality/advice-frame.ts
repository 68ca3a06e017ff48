import type { ClauseToken } from '../clauses/split-clauses.js';

// Advice said by a frame around the advised act rather than by a modal: "it's best to sign in", "it
// is best if the car is parked", "it helps to bring a towel", "it's a good idea to book", "it's good
// practice to rotate the keys". Each sits where "you should" does on the modal scale. The frame
// words alone say nothing of the kind ("the best way", "works best for", "it helps us improve"): the
// frame holds only with a form of "be" (or "it" for "helps") before and "to" / "if" after.

/** The frame's key words: the {@link cue} bit `adviceFrame` of polarity-words.ts marks them. */
export const adviceFrameWords: ReadonlySet<string> = new Set(['best', 'helps', 'idea', 'practice']);

const beForms = new Set(['is', "it's", 'its', 'be', 'are', "that's", "'s", 'was', "they're"]);
const opens = new Set(['to', 'if']);

/** Whether the frame word at `i` ({@link adviceFrameWords}) advises the act after it. */
export function advisesByFrame(tokens: readonly ClauseToken[], i: number): boolean {
  const w = tokens[i]?.lower;
  if (!opens.has(tokens[i + 1]?.lower ?? '')) return false;
  const prev = tokens[i - 1]?.lower ?? '';
  if (w === 'best') return beForms.has(prev);
  if (w === 'helps') return prev === 'it';
  // "a good idea to", "good practice to", after a form of "be": "it's a good idea", "it is good practice".
  if (prev !== 'good') return false;
  const before = w === 'idea' ? tokens[i - 3]?.lower : tokens[i - 2]?.lower;
  return (w === 'practice' || tokens[i - 2]?.lower === 'a') && beForms.has(before ?? '');
}

// A condition on the reader's ability that closes an instruction softens it to advice: "book 48 hours
// ahead if you can", "send a photo if possible". (Opening the clause, "Where possible," is read as a
// possibility by the clause's own words; not changed here.)
const softeners: readonly (readonly string[])[] = [
  ['if', 'you', 'can'],
  ['when', 'you', 'can'],
  ['if', 'possible'],
  ['where', 'possible'],
  ['whenever', 'possible'],
  ['if', "you're", 'able'],
];

/** Whether a clause's words close on a condition of the reader's ability ({@link softeners}). */
export function softenedByAbility(tokens: readonly ClauseToken[]): boolean {
  return softeners.some((s) => {
    const end = tokens.length - s.length;
    return end > 0 && s.every((w, k) => tokens[end + k]?.lower === w);
  });
}
