import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { Difference } from '../../report/divergence-report.js';
import { singular } from '../../text/word-forms.js';
import { segmentedWord } from '../../text/word-segments.js';
import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isPolarityCue } from '../polarity/polarity-cues.js';
import { isMeasure } from './measure-conversion.js';
import { otherSpelling } from './name-abbreviations.js';
import { isNumberWord } from './number-words.js';
import { emptiesSlot } from './term-slot.js';

// An acronym: two to five capitals ("LED", "SUV", "GPS").
const acronymWord = /^\p{Lu}{2,5}$/u;
// A word of letters (no digits: values are compared as values).
const letters = /^\p{L}[\p{L}'’-]*$/u;

/**
 * The words of a clause's values ("two times", "weekdays"): compared as values, not as terms. The
 * noun a count counts ("one paperweight") is a term: the count is the value.
 */
function valueWords(c: ClauseFacts): Set<string> {
  const out = new Set<string>();
  for (const v of c.values) {
    const key = v.keys[0] ?? '';
    const noun = v.type === 'quantity' && key.startsWith('quantity:') ? key.split(':')[1] : undefined;
    // A count's noun that names no unit of measure ("kg", "GB") is a term.
    const counted = noun !== undefined && !isMeasure(v) ? noun : undefined;
    for (const w of v.text.toLowerCase().split(/[^\p{L}]+/u))
      if (w !== '' && (counted === undefined || singular(w) !== counted)) out.add(w);
  }
  return out;
}

/**
 * The content forms of a run of tokens of clause `c`, or undefined when the run holds anything but
 * plain lower-case content words.
 */
function termForms(run: readonly ClauseToken[], c: ClauseFacts, acronym = false): string[] | undefined {
  const forms: string[] = [];
  const values = c.values.length > 0 ? valueWords(c) : undefined;
  // An acronym alone ("LED") against a common word ("incandescent"): the entity rule compares names with names only.
  if (acronym && run.length === 1 && acronymWord.test(run[0]?.core ?? '')) return [...contentWords(run[0]?.core ?? '')];
  for (const t of run) {
    // A capitalized word is a name, which the entity rule compares, but for a common word that opens
    // the clause ("Colored vinyl adds…"); a cue is the polarity rules' business; a value's word (a
    // spelled count, a day) the value rules'.
    // A word that opens the clause before a function word is as often a request's verb ("Stop by the
    // desk" / "Come by the desk"), which a paraphrase words its own way.
    const opens = t === c.tokens[0] && /^\p{Lu}\p{Ll}+$/u.test(t.core) && !isFunctionWord(c.tokens[1]?.lower ?? 'the');
    if ((t.upper && !opens) || !letters.test(t.core) || isNumberWord(t.lower) || isPolarityCue(t.lower) || values?.has(t.lower) === true)
      return undefined;
    // A function word in the run ("in place" / "all set") rewords a phrase; a term is content words.
    if (isFunctionWord(t.lower)) return undefined;
    forms.push(...contentWords(t.core));
  }
  return forms.length > 0 ? forms : undefined;
}

/** Whether a token was parted from a run of a space-less script (word-segments.ts). */
function isSegmented(t: ClauseToken): boolean {
  return segmentedWord.test(t.core);
}

/** How many times an answer's clauses say a folded content word. */
function wordCount(sheet: FactSheet, w: string): number {
  let n = 0;
  for (const c of sheet.clauses) for (const x of c.content) if (x === w) n++;
  return n;
}

// Words after which a noun stands: determiners and prepositions (not "to", which also opens a verb).
const nounOpeners = new Set(
  'the a an this that these those our your their its his her my each every any per by via at in on for from with without of into onto through under over'.split(
    ' ',
  ),
);

// Prepositions that say by what way or where something is done: "by post", "through live chat", "in person", "at the desk".
const channels = new Set(['by', 'via', 'through', 'over', 'in', 'on', 'at', 'from']);

/**
 * Whether a term swapped at `pre` (runs `from` → `to`) stands where a noun does: after a determiner
 * or a preposition, or with a short article of its own on each side that changed ("Le" → "La").
 */
function nounSlot(a: readonly ClauseToken[], pre: number, from: readonly ClauseToken[], to: readonly ClauseToken[]): boolean {
  if (pre > 0) return nounOpeners.has(a[pre - 1]?.lower ?? '');
  const article = (run: readonly ClauseToken[]): boolean => run.length === 2 && (run[0]?.core.length ?? 0) <= 3;
  return article(from) && article(to);
}

// Articles, demonstratives and possessives a noun phrase opens with, which a swapped phrase may
// change with its noun. Not quantifiers: "every day" / "each morning" is how a paraphrase words a time.
const determiners = new Set('the a an this that these those our your their its his her my'.split(' '));

// Prepositions a noun phrase follows ("to" also opens a verb, so is not one).
const prepositions = new Set('by via at in on for from with of into onto through under over'.split(' '));

/** Whether a run is a noun phrase after a determiner: the determiner and at least one word, no punctuation within. */
const withDeterminer = (run: readonly ClauseToken[]): boolean =>
  run.length > 1 && determiners.has(run[0]?.lower ?? '') && run.every((t, i) => i === run.length - 1 || (t.after ?? '') === '');

const sameStem = (a: string, b: string): boolean => a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a));

/**
 * A term the candidate's clause names where the original's aligned clause names another, the rest
 * of the clause word for word: "quartz countertops" → "granite countertops", "our airport branch"
 * → "our central station branch", "the door sensor" → "the brake sensor". A lower-case noun is as
 * much a fact as a name, and a one-word change keeps the text almost identical, so only the words
 * can tell. It is one run of one or two words in the original against one to three in the
 * candidate, of plain lower-case content words (no function word, name, number or polarity cue), at least three
 * words of the clause kept around it; the original's term is nowhere in the candidate (else it
 * moved) and the candidate's nowhere in production. Noise where a baseline says the candidate's
 * term, or leaves the original's out (production words that slot its own way).
 */
export function swappedTerm(
  p: ClauseFacts,
  c: ClauseFacts,
  candidate: FactSheet,
  production: readonly FactSheet[],
  baselines: readonly FactSheet[],
): Omit<Difference, 'path'> | undefined {
  const a = p.tokens;
  const b = c.tokens;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre]?.lower === b[pre]?.lower) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf]?.lower === b[b.length - 1 - suf]?.lower) suf++;
  // A term said with another preposition of the same role ("through live chat" → "by email", "in
  // person" → "by phone"): the prepositions go with the terms, the terms are compared.
  const lead = channels.has(a[pre]?.lower ?? '') && channels.has(b[pre]?.lower ?? '') && a.length - suf > pre + 1 ? 1 : 0;
  const from = a.slice(pre + lead, a.length - suf);
  const to = b.slice(pre + lead, b.length - suf);
  // A noun phrase swapped with its determiner ("go to the front desk" → "go to your bank"): the terms
  // are compared after the determiners, and stand in a noun's slot.
  // After a preposition ("via bank transfer" → "via your wallet") one side may say it with none.
  const both = withDeterminer(from) && withDeterminer(to);
  const afterPreposition = prepositions.has(a[pre + lead - 1]?.lower ?? '');
  const dropFrom = both || (afterPreposition && withDeterminer(from)) ? 1 : 0;
  const dropTo = both || (afterPreposition && withDeterminer(to)) ? 1 : 0;
  const evidence = { from, to };
  return swapOf(
    a,
    pre + lead + dropFrom,
    pre + suf,
    from.slice(dropFrom),
    to.slice(dropTo),
    evidence,
    p,
    c,
    candidate,
    production,
    baselines,
  );
}

/**
 * {@link swappedTerm} for the runs `from` → `to`, the original's run at `at` of its tokens `a`, with
 * `around` words of the clause kept around them.
 */
function swapOf(
  a: readonly ClauseToken[],
  at: number,
  around: number,
  from: readonly ClauseToken[],
  to: readonly ClauseToken[],
  evidence: { readonly from: readonly ClauseToken[]; readonly to: readonly ClauseToken[] },
  p: ClauseFacts,
  c: ClauseFacts,
  candidate: FactSheet,
  production: readonly FactSheet[],
  baselines: readonly FactSheet[],
): Omit<Difference, 'path'> | undefined {
  // A word of a space-less script is a character or two ("上海虹桥" is three): such a term may be twice as many words.
  const scale = from.every(isSegmented) && to.every(isSegmented) ? 2 : 1;
  if (from.length < 1 || from.length > 2 * scale || to.length < 1 || to.length > 3 * scale || around < 3) return undefined;
  // An acronym spelled out ("AGM" → "annual general meeting") is the same term.
  if (
    from.length === 1 &&
    to
      .map((t) => t.core[0] ?? '')
      .join('')
      .toUpperCase() === from[0]?.core
  )
    return undefined;
  const old = termForms(from, p, true);
  const now = termForms(to, c);
  if (old === undefined || now === undefined || old.some((x) => now.some((y) => sameStem(x, y) || otherSpelling(x) === y)))
    return undefined;
  // The original's term is kept where the candidate says it as often as the original does (it moved
  // to another clause); said once fewer, this clause lost it, however often the answer uses the word
  // elsewhere (a path's `{zone_id}`, an article: "Le cuir et le daim" → "La soie et le daim").
  // Only a noun's slot is read so: after a determiner or a preposition ("per zone" → "per account"), or
  // an article that changed with the noun ("Le cuir" → "La soie"); a verb ("; create a new one" →
  // "; make a new one") is how a paraphrase words its own way.
  const original = nounSlot(a, at, from, to) ? production[0] : undefined;
  const kept = (w: string): boolean =>
    candidate.vocabulary.has(w) && (original === undefined || wordCount(candidate, w) >= wordCount(original, w));
  // The candidate's term is production's where production says it as often as the candidate does; said
  // once more than the original does (and no baseline says it as often), this clause put it in where
  // the original named another ("in the premium plan" → "in the basic plan", with the basic plan's
  // own sentence kept).
  const produced = (w: string): boolean =>
    original === undefined
      ? production.some((s) => s.vocabulary.has(w))
      : production.some((s) => s.vocabulary.has(w) && wordCount(s, w) >= wordCount(candidate, w));
  if (old.some(kept) || now.some(produced)) return undefined;
  // A baseline that says an acronym in the plural ("LEDs") says it.
  const says = (s: FactSheet, w: string): boolean => s.vocabulary.has(w) || s.vocabulary.has(`${w}s`);
  // Not one that says the clause with nothing in the term's place (term-slot.ts).
  const by = baselines.findIndex((s) => !old.every((w) => says(s, w)) && !emptiesSlot(a, at, from.length, s, s.clauses.length));
  const said = (run: readonly ClauseToken[]): string => run.map((t) => t.core).join(' ');
  return {
    kind: 'fact_changed',
    key: 'fact:entity',
    severity: 'high',
    message: `${said(evidence.from)} → ${said(evidence.to)}`,
    original: said(evidence.from),
    candidate: said(evidence.to),
    ...excusedBy('swapped-term', byBaseline('a baseline leaves the old term out', by)),
  };
}
