import type { ClauseToken } from '../clauses/split-clauses.js';

// Subjects that name no class of people or things the service grants something to: pronouns (the
// reader's "you can" is how advice is worded as often as a permission), and quantifiers of a
// generalization ("Some people can…", "Most riders can…").
const unnamed = new Set(
  'it its this that these those there they you your i we he she which who what some most many few several one each'.split(' '),
);
// Adverbs between "can" and its verb ("can also bring", "can still join").
const adverbs = new Set(['also', 'still', 'now', 'even', 'always', 'then', 'easily', 'usually', 'often', 'sometimes']);
// Verbs of a state, a change, a likelihood or an effect: "Prices can vary", "Parking can be tricky",
// "Beginners can feel sore", "It can take a while", "Stretching can help": how things go, not what
// anyone is allowed to do.
const happening = new Set(
  'be vary change differ take get happen feel look seem sound appear become cause affect help make mean depend add fill sell run go'.split(
    ' ',
  ),
);
/** Words a subject may have before "can": up to this many. */
const maxSubject = 5;

/**
 * Whether a clause grants a named class of people or things a permission or a capability of the
 * service: a subject that is no pronoun or quantifier, then "can", then a verb of action ("Members
 * can book bays a month ahead", "Children under five can ride on a lap").
 */
export function grantsPermission(t: readonly ClauseToken[]): boolean {
  const at = t.findIndex((x, i) => i > 0 && i <= maxSubject && x.lower === 'can');
  if (at < 1) return false;
  // The subject is one phrase: no word of it a pronoun, no punctuation inside it ("Good question, via ferrata can…").
  for (let i = 0; i < at; i++) {
    const w = t[i];
    if (w === undefined || !/^\p{L}/u.test(w.core) || unnamed.has(w.lower) || (i < at - 1 && /[,;:—–-]/.test(w.after ?? ''))) return false;
  }
  let j = at + 1;
  while (adverbs.has(t[j]?.lower ?? '')) j++;
  const verb = t[j]?.lower ?? '';
  return /^\p{L}+$/u.test(verb) && !happening.has(verb);
}

// Words that make a subject one thing, not a class: "the box can be taped", "your pass can be paused".
const determiners = new Set(['the', 'a', 'an', 'your', 'our', 'their', 'this', 'that', 'my', 'his', 'her', 'its', 'note']);

/**
 * The participle where a clause grants a class of things an action in the passive: a bare plural
 * subject (no pronoun, determiner or quantifier), "can", "be", a regular participle of a verb of
 * action ("Passes can be shared with a friend", "Unused lessons can be carried over"). Not "can be
 * tricky" (no participle) or "can be delayed" (a change that befalls things). Whether it is a new
 * claim depends on production's words (clause-claim-diff.ts).
 */
export function passivePermission(t: readonly ClauseToken[]): ClauseToken | undefined {
  const at = t.findIndex((x, i) => i > 0 && i <= maxSubject && x.lower === 'can');
  if (at < 1) return undefined;
  for (let i = 0; i < at; i++) {
    const w = t[i];
    if (w === undefined || !/^\p{L}/u.test(w.core) || unnamed.has(w.lower) || determiners.has(w.lower) || /[,;:—–-]/.test(w.after ?? ''))
      return undefined;
  }
  let j = at + 1;
  while (adverbs.has(t[j]?.lower ?? '')) j++;
  if (t[j]?.lower !== 'be') return undefined;
  const p = t[j + 1];
  return p !== undefined && passiveAction(p.lower) ? p : undefined;
}

// Participles of changes that befall things rather than acts anyone is allowed: "can be delayed".
const befalling = new Set(['delayed', 'affected', 'changed', 'damaged', 'lost', 'caused']);

/** Whether a word is a regular past participle ("transferred", "carried") of a verb of action. */
function passiveAction(w: string): boolean {
  return w.length > 4 && /^\p{L}+ed$/u.test(w) && !befalling.has(w) && !happening.has(w.slice(0, -1)) && !happening.has(w.slice(0, -2));
}
