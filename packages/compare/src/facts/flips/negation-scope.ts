import { sameWord } from '../../text/word-forms.js';
import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { freeCompoundNoun } from '../polarity/free-compound.js';
import { scriptNegation } from '../polarity/language-negations.js';
import { isNegationCue, isPolarityCue } from '../polarity/polarity-cues.js';
import { liftable, priceWords } from '../polarity/polarity-words.js';
import { ceilingRestated } from '../restatements/ceiling-restated.js';
import { contrastRestated } from '../restatements/contrast-restated.js';
import { partAgrees, saysOnePart } from '../restatements/coordinated-part.js';
import { floorRestated } from '../restatements/floor-restated.js';
import { liftedRestated } from '../restatements/lifted-restated.js';
import { onlyIfRestated } from '../restatements/only-if-restated.js';
import { restrictedToOthers } from '../restatements/only-others.js';
import { boundsMoment } from '../restatements/time-bound.js';
import { negatedAgainst } from './polarity-agreement.js';
import { statesKin } from './predicate-kin.js';

/**
 * Whether the cue at `i` denies a phrase attached to the clause, not the clause: "without wiping
 * it", "a pitch with no electric hookup". A verb's negation ("isn't", "won't", "never") and a
 * negative subject ("No deposit is needed", "There is no fee") deny what the clause asserts.
 */
function attached(tokens: ClauseFacts['tokens'], i: number): boolean {
  const w = tokens[i]?.lower;
  // "excluding" is a preposition as "without" is: "$110, excluding shoes" denies the shoes, not the price.
  return w === 'without' || w === 'excluding' || (w === 'no' && tokens[i - 1]?.lower === 'with');
}

// Particles whose negation is of the word they govern ("don't feed", "no fee", "never share"); a
// word negative in itself ("excluded", "non-refundable", "except") carries what it denies.
const particles = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot']);
// What may stand between a particle and the word it negates and is part of the negation ("no
// longer offered", "not yet shipped", "never ever").
const companions = new Set(['longer', 'yet', 'even', 'ever', 'always', 'really', 'actually', 'necessarily', 'currently']);

/**
 * The negation cue of clause `c` whose scope decides: its first cue other than a "-free" compound,
 * else its first compound that clause `other` does not say too (a compound denies only its noun:
 * "the fragrance-free lotion isn't sold here" negates the selling), else -1.
 */
function firstCue(c: ClauseFacts, other: ClauseFacts): number {
  const cue = c.tokens.findIndex((t) => isNegationCue(t.lower) && freeCompoundNoun(t.lower) === undefined);
  if (cue >= 0) return cue;
  return c.tokens.findIndex((t) => freeCompoundNoun(t.lower) !== undefined && !other.tokens.some((o) => o.lower === t.lower));
}

// Korean, Chinese and Japanese negations ("不", "없습니다", "免费") negate the word they govern too.
const isParticle = (w: string): boolean => particles.has(w) || w.endsWith("n't") || scriptNegation(w);

/** Whether a comma (or another mark inside a sentence) follows the token: the end of a list item. */
function endsItem(t: ClauseFacts['tokens'][number] | undefined): boolean {
  const after = t?.after ?? '';
  return after.includes(',') || after.includes(';');
}

/**
 * The words a negation particle governs: the first content word after it ("don't feed her" →
 * feed, "there is no fee" → fee, "can't be refunded" → refund) and the verb it takes ("don't try
 * to make him…" → try, make), or null where that is a modal ("don't need to", "not allowed": the
 * modal rules judge it) or there is none.
 */
function governed(tokens: ClauseFacts['tokens'], cue: number): string[] | null {
  for (let i = cue + 1; i < tokens.length; i++) {
    // A negation's scope ends at its item's comma ("Appointment: not needed, walk-ins welcome").
    if (endsItem(tokens[i - 1])) return null;
    const w = tokens[i]?.lower ?? '';
    if (companions.has(w) || isFunctionWord(w)) continue;
    if (liftable.has(w)) return lifted(tokens, cue, i);
    if (isPolarityCue(w)) return null;
    const form = contentWords(tokens[i]?.core ?? '')[0];
    if (form === undefined) continue;
    // A verb taking another ("don't try to make him vomit", "never agree to share") negates both.
    if (tokens[i + 1]?.lower !== 'to') return [form];
    const next = governed(tokens, i + 1);
    return next === null ? null : [form, ...next];
  }
  return null;
}

/**
 * What a lifted necessity is about ("don't need to bring a laptop" → bring; "Bringing a laptop is
 * not necessary" → bring, its subject's first word): the obligation is lifted from that, and a clause
 * that says nothing of it ("A laptop will be provided") is not its opposite. Null where neither is
 * said: the modal rules judge it.
 */
function lifted(tokens: ClauseFacts['tokens'], cue: number, modal: number): string[] | null {
  const after = governed(tokens, modal);
  if (after !== null) return after;
  for (let i = 0; i < cue; i++) {
    const w = tokens[i]?.lower ?? '';
    if (isFunctionWord(w) || isPolarityCue(w)) continue;
    const form = contentWords(tokens[i]?.core ?? '')[0];
    if (form !== undefined) return [form];
  }
  return null;
}

// Words that join a second predicate to a clause's subject ("…is for two guests and doesn't have…").
const conjoining = new Set(['and', 'but', 'yet']);

/**
 * Whether every content word of `other` stands in `negated` before a conjunction that comes before the
 * negation at `cue`: `other` says the first predicate only, the negation is of a second one.
 */
function saidBeforeConjoined(other: ClauseFacts, negated: ClauseFacts, cue: number): boolean {
  if (other.content.length === 0) return false;
  const t = negated.tokens;
  let join = -1;
  for (let i = cue - 1; i > 0; i--)
    if (conjoining.has(t[i]?.lower ?? '')) {
      join = i;
      break;
    }
  if (join < 0) return false;
  const before = new Set<string>();
  for (let i = 0; i < join; i++) for (const w of contentWords(t[i]?.core ?? '')) before.add(w);
  return other.content.every((w) => before.has(w));
}

/**
 * Whether `other` says the subject and the second predicate of `negated` only, where the negation at
 * `cue` is of the first: each of its content words stands before the cue or after a conjunction that
 * follows it, and one after ("Fret levelling isn't part of it and costs $120 extra" / "Fret levelling:
 * +$120"); the negated predicate is left out, not turned around.
 */
function saidAfterConjoined(other: ClauseFacts, negated: ClauseFacts, cue: number): boolean {
  const t = negated.tokens;
  const join = t.findIndex((x, i) => i > cue + 1 && conjoining.has(x.lower));
  if (join < 0) return false;
  const words = (from: number, to: number): Set<string> => {
    const out = new Set<string>();
    for (let i = from; i < to; i++) for (const w of contentWords(t[i]?.core ?? '')) out.add(w);
    return out;
  };
  const subject = words(0, cue);
  const second = words(join + 1, t.length);
  return other.content.some((w) => second.has(w)) && other.content.every((w) => subject.has(w) || second.has(w));
}

const relativizers = new Set(['that', 'which', 'who']);
const relativeAuxiliaries = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'will']);

/**
 * Whether clause `x` holds a negation right inside a relative clause ("…that is not attached…",
 * "…who don't live here…") governing words `y` does not say, and another negation after it (the
 * main predicate's): the relative one is about the noun, not what `y` asserts or denies.
 */
function relativeNegationUnsaid(x: ClauseFacts, y: ClauseFacts): boolean {
  const t = x.tokens;
  for (let r = 1; r < t.length - 1; r++) {
    if (!relativizers.has(t[r]?.lower ?? '')) continue;
    let k = r + 1;
    if (relativeAuxiliaries.has(t[k]?.lower ?? '')) k++;
    const w = t[k]?.lower ?? '';
    if (!isParticle(w)) continue;
    const head = governed(t, k);
    if (head === null || head.some((h) => says(y, h) || statesKin(y, h))) return false;
    for (let j = k + 1; j < t.length; j++) if (isParticle(t[j]?.lower ?? '')) return true;
    return false;
  }
  return false;
}

// Verbs that end the phrase "without" governs: what follows is the clause's predicate ("a cut
// without washing is $30"), not what is done without.
const predicateVerbs = new Set([...relativeAuxiliaries, 'costs', 'cost', 'takes', 'take', 'comes', 'come', 'gets', 'get']);

/** The words a "without …" / "with no …" phrase at `cue` governs: up to its clause's verb or a comma. */
function attachedPhrase(tokens: ClauseFacts['tokens'], cue: number): string {
  let rest = '';
  for (let i = cue + 1; i < tokens.length; i++) {
    if (predicateVerbs.has(tokens[i]?.lower ?? '')) break;
    rest += ` ${tokens[i]?.core ?? ''}`;
    if (endsItem(tokens[i])) break;
  }
  return rest;
}

/** Whether the particle at `cue` negates a necessity ("not needed", "don't have to"). */
function lifts(tokens: ClauseFacts['tokens'], cue: number): boolean {
  for (let i = cue + 1; i < tokens.length; i++) {
    const w = tokens[i]?.lower ?? '';
    if (companions.has(w) || (isFunctionWord(w) && !liftable.has(w))) continue;
    return liftable.has(w);
  }
  return false;
}

const priceList = [...priceWords];

/**
 * Whether a clause says the word a negation governs, or another word of price where that is one
 * ("does not cost a fee" / "is charged": one claim about price).
 */
function says(c: ClauseFacts, head: string): boolean {
  if (c.contentSet.has(head)) return true;
  const price = priceList.some((w) => sameWord(w, head));
  for (const w of c.content) if (sameWord(w, head) || (price && priceList.some((x) => sameWord(x, w)))) return true;
  return false;
}

/** Whether a clause whose "free" is said "for" someone ("free for children") is about them in `other` too (or says it for no one). */
function freeFor(negated: ClauseFacts, other: ClauseFacts): boolean {
  const t = negated.tokens;
  const i = t.findIndex((x, k) => x.lower === 'free' && t[k + 1]?.lower === 'for');
  if (i < 0) return true;
  let rest = '';
  for (let k = i + 2; k < t.length && k < i + 5; k++) rest += ` ${t[k]?.core ?? ''}`;
  const whom = contentWords(rest);
  return whom.length === 0 || whom.some((w) => says(other, w));
}

/**
 * Whether the negation that sets two aligned clauses apart bears on what the other clause says. A
 * verb's negation does when the word it governs is one the other clause uses ("don't feed her for
 * 8 hours" against "hold her food for 8 hours" negates a verb the other clause does not say: two
 * wordings of one instruction, not a flip; "Gluten-free is no problem" denies a problem, not the
 * other clause's claim), or where that word is a modal; "without …" or "with no …" does when the
 * words it governs (what follows it) include one the other clause uses, or there are none. "Site
 * 42 is a tent-only pitch with no electric hookup" against "Site 42 is tent-only" (a paraphrase
 * that says the hookup in a clause of its own) is no flip: the other clause says nothing about a
 * hookup.
 */
export function negationInScope(a: ClauseFacts, b: ClauseFacts): boolean {
  return scopeOf(a, b) === true;
}

/**
 * The words a negation of clause `b` governs where `b` says all that production's clause `a` says and
 * adds that negated predication (see {@link negationInScope}, which reads the pair as no flip); else
 * undefined. Whether the addition turns another claim of production around is added-negation.ts's.
 */
export function negationAddedTo(a: ClauseFacts, b: ClauseFacts): readonly string[] | undefined {
  const scope = scopeOf(a, b);
  return typeof scope === 'object' ? scope.added : undefined;
}

/** {@link negationInScope}'s reading: in scope, not, or a negated predication `b` adds to `a`. */
function scopeOf(a: ClauseFacts, b: ClauseFacts): boolean | { readonly added: readonly string[] } {
  let negated = negatedAgainst(a.polarity, b.tokens, b.polarity.free === true) ? a : b;
  let other = negated === a ? b : a;
  // "Free" negates in the price sense; its scope is the clause's subject, before it, or whom it is
  // free for: "Admission is $18 for adults and free for children under 12" says nothing against
  // "Adults pay $18".
  if (negated.polarity.free === true) return freeFor(negated, other);
  // "can't take more than 10 people" / "up to 10 people": one ceiling, worded from either side.
  if (ceilingRestated(negated, other) || floorRestated(negated, other)) return false;
  // Two predications joined after a comma: the one about what the other clause says decides.
  if (partAgrees(negated, other) || partAgrees(other, negated) || saysOnePart(negated, other)) return false;
  // "to the card, never in cash" / "to the card only": the negation is of the alternative excluded.
  if (contrastRestated(negated.tokens, other.tokens) || onlyIfRestated(negated.tokens, other.tokens)) return false;
  // "aren't allowed in the pens" / "the pens are staff only": one rule, said of the class it keeps.
  if (restrictedToOthers(negated, other)) return false;
  // "No appointment is needed" / "Appointments are optional": the choice a lifted necessity leaves.
  if (liftedRestated(negated.tokens, other.tokens)) return false;
  let cue = firstCue(negated, other);
  if (cue < 0) {
    // A "-free" compound both clauses say sets nothing apart ("make the cake gluten-free" / "a
    // gluten-free cake is no problem"): the other clause's own negation is what differs.
    const own = firstCue(other, negated);
    // Nothing else negates either clause: the compound is read as the predicate in one and before
    // its noun in the other ("plans are interest-free" / "interest-free plans are available"), one claim.
    if (own < 0) return !negated.tokens.some((t) => freeCompoundNoun(t.lower) !== undefined);
    [negated, other, cue] = [other, negated, own];
  }
  const noun = freeCompoundNoun(negated.tokens[cue]?.lower ?? '');
  if (noun !== undefined) {
    const scope = contentWords(noun);
    return scope.length === 0 || scope.some((w) => says(other, w)) || other.content.every((w) => negated.contentSet.has(w));
  }
  if (!attached(negated.tokens, cue)) {
    if (!isParticle(negated.tokens[cue]?.lower ?? '')) return true;
    // The other clause's count is even only by a negation inside a relative clause about its subject
    // ("A deck that is not attached … doesn't need a permit" / "No permit if it's freestanding").
    if (relativeNegationUnsaid(other, negated)) return false;
    // "isn't due until June" says when it is due ("due in June"), not that it is not.
    if (boundsMoment(negated.tokens, cue, other.tokens)) return false;
    // A lifted necessity is a permission: against a clause that grants one ("isn't needed" / "You
    // can leave it at home") the negation is spent on the modal, not opposed to the claim.
    if (other.polarity.modality === 'possibility' && negated.polarity.modality !== 'necessity' && lifts(negated.tokens, cue)) return false;
    const head = governed(negated.tokens, cue);
    // The other clause says the negated word (or its kin): the negation bears on what it says. One
    // that does not say it leaves the negated predication out, whatever it keeps: "We paint the fins,
    // we don't varnish them" / "The fins get painted", "Making extra payments early carries no
    // penalty" / "Early or extra payments" - it says less, not the opposite. Where `b` says all of
    // `a` and adds the negated predication ("Carpet and one draped table are included with the booth"
    // / "…, so electrical never has to be ordered"), not as a second predicate after "and" / "but" /
    // "yet" that `a` leaves out ("Room 4 is for two guests" / "…and doesn't have a balcony"), that
    // addition is read apart ({@link negationAddedTo}).
    if (head === null || head.some((w) => says(other, w) || statesKin(other, w))) return true;
    return negated === b &&
      other.content.every((w) => negated.contentSet.has(w)) &&
      !saidBeforeConjoined(other, negated, cue) &&
      !saidAfterConjoined(other, negated, cue)
      ? { added: head }
      : false;
  }
  // "A wash and cut is $45 and a cut without washing is $30" against "Wash and cut: $45": the
  // other clause says the predication before the one "without" qualifies.
  if (saidBeforeConjoined(other, negated, cue)) return false;
  const scope = contentWords(attachedPhrase(negated.tokens, cue));
  return scope.length === 0 || scope.some((w) => other.contentSet.has(w));
}
