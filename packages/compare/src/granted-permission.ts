import type { ClauseToken } from './split-clauses.js';

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
