import type { ClauseToken } from './split-clauses.js';

/** What a clause asserts about its action: negated or not, and whether it is an obligation or a permission. */
export interface ClausePolarity {
  /** An odd number of negation cues ("not", "n't", "never", "no", "without", "cannot", "non-…"). */
  readonly negated: boolean;
  /** "free" in its price sense counted among the negations ("is free": no charge). */
  readonly free?: boolean;
  /**
   * Where the clause stands on the modal scale: `necessity` (must, need to, have to, required),
   * `advice` (should, recommended, advised), `possibility` (can, may, optional), or null.
   */
  readonly modality: 'necessity' | 'advice' | 'possibility' | null;
  /** The necessity is only a request's ("Please bring…", "Don't…"): as strong as advice, not more. */
  readonly request?: boolean;
}

// English cues ("unless" is "if not"). Words whose negation is in the word itself ("non-refundable", "unable") count
// once, as "not refundable" would.
const negations = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'nowhere',
  'neither',
  'nor',
  'without',
  'unless',
  'cannot',
  'unable',
  'impossible',
  'ineligible',
  'unavailable',
  'prohibited',
  'forbidden',
]);
// Words that deny their positive counterpart whatever it is worded as: "excluded" is "not included"
// or "not covered", "declined" is "not accepted", "blocked" is "cannot". Counted as one negation each,
// so "excluded" and "not covered" agree and "excluded" / "included" flip. "closed" is not here: a
// connection or an account is closed as an event ("dropped", "terminated"); it is paired with "open"
// among the directions below instead.
const deniers = new Set([
  'excluded',
  'excludes',
  'excluding',
  'except',
  'outside',
  'declined',
  'declines',
  'denied',
  'denies',
  'rejected',
  'rejects',
  'refused',
  'refuses',
  'block',
  'blocks',
  'blocked',
  'prevent',
  'prevents',
  'prevented',
  'banned',
  'disallowed',
  'barred',
]);
// Conjunctions that open a subordinate clause inside a clause; a leading one is split off by
// splitClauses as the clause's condition.
const subordinators = new Set(['if', 'unless', 'because', 'although', 'though', 'whereas', 'whether']);

// Words of price: a clause that says "free" is comparable in polarity with one that uses them.
const priceWords = new Set([
  'free',
  'charge',
  'charged',
  'charges',
  'cost',
  'costs',
  'fee',
  'fees',
  'pay',
  'paid',
  'price',
  'billed',
  'surcharge',
]);
// Verbs that, in a clause about price, say someone else pays: "we cover the cost", "absorbs the fee"
// read as "free" does. ("waived", "refunded", "reversed" undo a charge; they are worded either way.)
const payers = new Set(['cover', 'covers', 'covered', 'absorb', 'absorbs']);
const comparatives = new Set([
  'later',
  'earlier',
  'more',
  'less',
  'longer',
  'sooner',
  'fewer',
  'greater',
  'higher',
  'lower',
  'worse',
  'better',
]);
const necessity = new Set([
  'must',
  'required',
  'require',
  'requires',
  'mandatory',
  'necessary',
  'obligatory',
  'needs',
  'need',
  'needed',
  'have',
  'has',
  'had',
]);
// The middle of the modal scale: what is advised, neither required nor merely allowed.
const advice = new Set([
  'should',
  "shouldn't",
  'ought',
  'recommend',
  'recommends',
  'recommended',
  'advise',
  'advises',
  'advised',
  'advisable',
  'encourage',
  'encourages',
  'encouraged',
  'suggest',
  'suggests',
  'suggested',
  'ideally',
]);
const possibility = new Set(['can', 'could', 'may', 'might', 'optional', 'allowed', 'permitted', 'able', 'possible']);

// Necessity words that, negated, grant a permission ("you don't need to", "no need", "not
// required"): the absence of an obligation, as opposed to "must not", which obliges.
const liftable = new Set([
  'need',
  'needs',
  'needed',
  'have',
  'has',
  'had',
  'required',
  'require',
  'requires',
  'necessary',
  'mandatory',
  'obligatory',
]);
// What may stand between a negation and the necessity it lifts: "not really need", "isn't required".
const between = new Set(['be', 'been', 'is', 'are', 'really', 'actually', 'strictly', 'even', 'any']);
// Openings of a request that oblige no more than a statement does ("Please note that…").
const softRequests = new Set(['note', 'let', 'feel', 'see', 'contact', 'reach', 'allow', 'keep', 'be']);

function isNegationWord(w: string): boolean {
  return w.endsWith("n't") || w === 'not' || w === 'no' || w === 'never' || w === 'cannot';
}

/**
 * Whether the subject that ends at token `j` opens with a negative determiner: "No referral is
 * required", "No photo ID is needed" lift the necessity as "A referral isn't required" does.
 */
function deniedSubject(tokens: readonly ClauseToken[], j: number): boolean {
  for (let k = j; k >= 0 && k >= j - 3; k--) {
    const w = tokens[k]?.lower;
    if (w === 'no' || w === 'none') return true;
  }
  return false;
}

/**
 * The polarity and modality of one clause from its grammar:
 *
 * - negation: "not", "n't", "never", "no" and the negative determiners and pronouns, "without",
 *   words negative by their prefix ("non-refundable", "unable"); "no longer" negates, "no later
 *   than" / "no more than" bound a value instead; "free" in its price sense ("is free", "free of
 *   charge") says "no charge", and "No," opening an answer is a reply, not a negation;
 * - modality: necessity (must, need to, have to, required, a request opening with "please" or a
 *   prohibition opening with "don't" / "never"), advice (should, ought, recommended, advised,
 *   encouraged, suggested), possibility (can, may, optional, allowed, a lifted necessity: "don't
 *   need to", "no need", "not required"). Advice beside a possibility ("recommended but
 *   optional") is a possibility; beside a necessity, a necessity.
 */
export function clausePolarity(tokens: readonly ClauseToken[]): ClausePolarity {
  let negs = 0;
  let free = false;
  let nec = false;
  let stated = false;
  let advised = false;
  let pos = false;
  let start = 0;
  const aboutPrice = tokens.some((t) => priceWords.has(t.lower));
  let subordinate = false;
  tokens.forEach((t, i) => {
    const w = t.lower.includes('’') ? t.lower.replace(/’/g, "'") : t.lower;
    // A subordinate clause after the main one ("…unless a vet tells you to", "…because it isn't in
    // stock") is a condition or a reason: the clause asserts what its main clause says.
    if (subordinate || (i > start && subordinators.has(w))) {
      subordinate = true;
      return;
    }
    const next = tokens[i + 1]?.lower;
    // "No," opening an answer replies; "Yes," or "Sure," likewise starts nothing.
    if (
      i === start &&
      (w === 'no' || w === 'yes' || w === 'sure' || w === 'okay' || w === 'ok') &&
      t.after !== undefined &&
      t.after !== ''
    ) {
      start = i + 1;
      return;
    }
    // "Please bring…", "Don't…", "Never…": a request or a prohibition obliges.
    if (i === start && w === 'please' && next !== undefined && !softRequests.has(next)) nec = true;
    if (
      (i === start || (i === start + 1 && tokens[start]?.lower === 'please')) &&
      (w === "don't" || w === 'never' || (w === 'do' && next === 'not'))
    )
      nec = true;
    // "no later than", "no more than": a bound on a value, not a negation; "no longer" is one.
    const bound = w === 'no' && comparatives.has(next ?? '') && tokens[i + 2]?.lower === 'than';
    if (w === 'free') {
      // "free to leave" permits; "is free", "free of charge" mean no charge.
      if (next === 'to') pos = true;
      else {
        negs++;
        free = true;
      }
      return;
    }
    if (aboutPrice && payers.has(w)) {
      negs++;
      free = true;
      return;
    }
    if (deniers.has(w)) {
      negs++;
      return;
    }
    if (advice.has(w)) advised = true;
    if (w.endsWith("n't") || (negations.has(w) && !bound)) {
      // "neither … nor", "not … nor": one negation, its "nor" continues it.
      if (w === 'nor' && negs > 0) return;
      // "won't", "can't", "don't need": the negation; "can't"/"cannot" also carry possibility.
      negs++;
      if (w === 'cannot' || w === "can't" || w === "couldn't") pos = true;
      if (w === "mustn't") {
        nec = true;
        stated = true;
      }
      if (w === "needn't") pos = true;
      return;
    }
    if ((w.startsWith('non-') || w.startsWith('no-')) && /^no[n]?-\p{L}/u.test(w)) {
      negs++;
      return;
    }
    if (necessity.has(w)) {
      const counts =
        !(w === 'have' || w === 'has' || w === 'had' || w === 'needs' || w === 'need' || w === 'needed') ||
        next === 'to' ||
        ((w === 'need' || w === 'needs') && next !== undefined);
      if (!counts) return;
      let j = i - 1;
      while (j >= 0 && between.has(tokens[j]?.lower ?? '')) j--;
      if (liftable.has(w) && j >= 0 && (isNegationWord((tokens[j]?.lower ?? '').replace(/’/g, "'")) || deniedSubject(tokens, j)))
        pos = true;
      else {
        nec = true;
        stated = true;
      }
      return;
    }
    if (possibility.has(w) && (w !== 'able' || tokens[i - 1]?.lower !== 'un')) pos = true;
  });
  const modality = nec && !pos ? 'necessity' : pos && !nec ? 'possibility' : advised && !nec && !pos ? 'advice' : null;
  return {
    negated: negs % 2 === 1,
    ...(free ? { free } : {}),
    modality,
    ...(modality === 'necessity' && !stated ? { request: true } : {}),
  };
}

/**
 * Whether two clauses stand at different points of the modal scale (must / should / may). A
 * request ("Please bring your ID") is as strong as advice ("You should bring your ID"): those two
 * agree.
 */
export function modalityDiffers(a: ClausePolarity, b: ClausePolarity): boolean {
  if (a.modality === null || b.modality === null || a.modality === b.modality) return false;
  const soft = (x: ClausePolarity, y: ClausePolarity): boolean => x.request === true && y.modality === 'advice';
  return !soft(a, b) && !soft(b, a);
}

/**
 * Whether two aligned clauses differ in polarity. "Free" negates only against a clause about
 * price ("no charge" / "is free"): "towing is included free" says nothing against "it covers
 * towing", so there the word is left out of the count.
 */
export function polarityDiffers(
  a: ClausePolarity,
  aTokens: readonly ClauseToken[],
  b: ClausePolarity,
  bTokens: readonly ClauseToken[],
): boolean {
  if (a.negated === b.negated) return false;
  if (a.free !== true && b.free !== true) return true;
  const aboutPrice = (tokens: readonly ClauseToken[]): boolean => tokens.some((t) => priceWords.has(t.lower));
  if (aboutPrice(a.free === true ? bTokens : aTokens)) return true;
  // Without the price sense of "free", the two agree.
  return (a.free === true) === (b.free === true);
}

/** Whether a word negates or denies (a negation cue, whatever the clause's count comes to). */
export function isNegationCue(word: string): boolean {
  return word.endsWith("n't") || word.endsWith('n’t') || negations.has(word) || deniers.has(word) || /^non?-\p{L}/u.test(word);
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
