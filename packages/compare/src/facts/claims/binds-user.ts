import { defineCue, holdsCue } from '../clauses/clause-cues.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { necessity } from '../polarity/polarity-words.js';
import { startsWithDigit } from '../polarity/word-roles.js';

// A clause binds the user when it says what they must do or bring, what they will be charged beyond
// the price of what they buy, or how far they may go: "You'll need your EIN", "a $25 fee applies to
// late returns", "the daily limit is $25,000", "There's a 4-hour minimum per shift". A shorter answer
// may drop an example, an extra option or a courtesy; one that drops such a clause lets the user
// walk into a charge, a refusal or a missed deadline. Read by word: the word that binds is the
// clause's own (its head or its verb), in English and in the Latin-script languages whose negations
// are read (language-negations.ts). Korean, Chinese and Japanese are not read here.

// Words of necessity, of a charge and of a bound, per language. "have" / "has" oblige only before
// "to" ("you have to"), "least" only after "at", "later" only after "no" (below).
const words: Readonly<Record<string, readonly string[]>> = Object.freeze({
  English: [
    ...[...necessity].filter((w) => w !== 'have' && w !== 'has' && w !== 'had'),
    'fee',
    'fees',
    'charge',
    'charges',
    'charged',
    'surcharge',
    'surcharges',
    'deposit',
    'deposits',
    'penalty',
    'penalties',
    'limit',
    'limits',
    'limited',
    'maximum',
    'minimum',
    'deadline',
    'cost',
    'costs',
    'unless',
    'except',
    'provided',
    'providing',
    'assumes',
    'assuming',
    'only',
  ],
  German: [
    'muss',
    'müssen',
    'musst',
    'erforderlich',
    'notwendig',
    'pflicht',
    'gebühr',
    'gebühren',
    'zuschlag',
    'kaution',
    'limit',
    'mindestens',
    'höchstens',
    'spätestens',
    'kostet',
    'kosten',
    'nur',
    'außer',
    'sofern',
    'vorausgesetzt',
  ],
  Spanish: [
    'debe',
    'deben',
    'obligatorio',
    'obligatoria',
    'necesario',
    'necesaria',
    'cargo',
    'recargo',
    'comisión',
    'fianza',
    'depósito',
    'penalización',
    'límite',
    'máximo',
    'mínimo',
    'cuesta',
    'cuestan',
    'solo',
    'sólo',
    'salvo',
    'excepto',
  ],
  Portuguese: [
    'deve',
    'devem',
    'obrigatório',
    'obrigatória',
    'necessário',
    'necessária',
    'taxa',
    'sobretaxa',
    'caução',
    'depósito',
    'multa',
    'limite',
    'máximo',
    'mínimo',
    'custa',
    'custam',
    'apenas',
    'somente',
    'exceto',
  ],
  French: [
    'doit',
    'doivent',
    'devez',
    'obligatoire',
    'obligatoires',
    'nécessaire',
    'requis',
    'requise',
    'frais',
    'supplément',
    'caution',
    'pénalité',
    'limite',
    'maximum',
    'minimum',
    'coûte',
    'coûtent',
    'seulement',
    'uniquement',
    'sauf',
  ],
  Italian: [
    'deve',
    'devono',
    'obbligatorio',
    'obbligatoria',
    'necessario',
    'necessaria',
    'commissione',
    'supplemento',
    'cauzione',
    'deposito',
    'penale',
    'limite',
    'massimo',
    'minimo',
    'costa',
    'costano',
    'soltanto',
    'tranne',
  ],
});
const binding: ReadonlySet<string> = new Set(Object.values(words).flat());
// A word that binds only beside another: the word before it, or after it.
const after: ReadonlyMap<string, string> = new Map([
  ['least', 'at'],
  ['later', 'no'],
]);
const before: ReadonlyMap<string, string> = new Map([
  ['have', 'to'],
  ['has', 'to'],
]);

// A bound set on a figure: "orders over 1 tonne", "up to 50 guests", "more than 3 bags", "within 14
// days". Binds only before the figure ("over the weekend", "up to you" bind no one).
const bounds: ReadonlySet<string> = new Set(['over', 'above', 'under', 'below', 'exceeding', 'within']);
const boundPairs: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['to', new Set(['up'])],
  ['than', new Set(['more', 'less', 'fewer'])],
  ['most', new Set(['at'])],
]);
const currencySigns = new Set(['$', '£', '€', '¥', '₹']);
const figureAt = (t: ClauseToken | undefined): boolean => t !== undefined && (startsWithDigit(t) || currencySigns.has(t.core.charAt(0)));

const bindingCue = defineCue('binds user', (w) => binding.has(w) || after.has(w) || before.has(w) || bounds.has(w) || boundPairs.has(w));

/**
 * Whether a clause binds the user: a necessity, a charge or a bound on what they may do (see above).
 * A clause about the conversation ("let me know if you need anything") binds no one.
 */
export function bindsUser(c: ClauseFacts): boolean {
  if (c.framing) return false;
  if (c.polarity.forbids === true) return true;
  // Negated, a necessity or a charge is lifted ("you don't need to", "no fee"): it binds only by a
  // bound the clause states ("no per-invoice fee up to 500 invoices a month").
  if ((c.polarity.negated && !c.values.some((v) => !v.weak)) || !holdsCue(c, bindingCue)) return false;
  const t = c.tokens;
  return t.some(
    ({ lower: w }, i) =>
      binding.has(w) ||
      (after.has(w) && t[i - 1]?.lower === after.get(w)) ||
      (before.has(w) && t[i + 1]?.lower === before.get(w)) ||
      ((bounds.has(w) || boundPairs.get(w)?.has(t[i - 1]?.lower ?? '') === true) && figureAt(t[i + 1])),
  );
}
