import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTextCases, type TextCase } from '../../test/open-text-cases.js';
import { currentWordIds } from '../text/word-ids.js';
import { contentBits, freeTrait, modalityTraits, negatedTrait } from './clauses/clause-traits.js';
import { type FactSheet, factSheetWith } from './clauses/fact-sheet.js';
// diffFacts' modules declare every rule with a precondition when they load.
import { diffFacts } from './fact-diff.js';
import { polarityRule } from './flips/polarity-diff.js';
import { type DeclaredRule, declaredRules, declareRule, mayFire, type Occasion } from './rule-precondition.js';

// A rule's precondition must follow from its own guard: wherever it is false the rule finds nothing,
// so that diffFacts, which asks the rule only where it holds, reports what it reported before. Checked
// for every declared rule over every pair of the open labelled text sets (restatements, probes,
// hold-outs 11-13; each against production alone and with its baselines; for a clause rule every
// candidate clause against every clause of the original) and over pairs fast-check makes from them
// by putting words the rules read into the candidate. A rule whose guard is widened without its
// precondition fails here.

interface Tally {
  /** Pairs where the precondition was false (the rule was run to check it finds nothing). */
  readonly passed: number;
  /** Pairs where the precondition held. */
  readonly asked: number;
  /** Pairs where the rule found something though its precondition was false. */
  readonly wrong: string[];
}

/** Runs `rule` on every pair of one comparison where its precondition is false. */
function check(rule: DeclaredRule, original: string, candidate: string, baselines: readonly string[], into: Tally[]): void {
  const words = currentWordIds();
  const o = factSheetWith(original, words);
  const c = factSheetWith(candidate, words);
  const b = baselines.map((x) => factSheetWith(x, words));
  const input = { original: o, candidate: c, baselines: b };
  let passed = 0;
  let asked = 0;
  const wrong: string[] = [];
  const pairs: [FactSheet | FactSheet['clauses'][number], FactSheet | FactSheet['clauses'][number]][] =
    rule.level === 'answers' ? [[o, c]] : c.clauses.flatMap((y) => o.clauses.map((x): [typeof x, typeof y] => [x, y]));
  for (const [x, y] of pairs) {
    if (mayFire(rule, x, y, b.length)) {
      asked++;
      continue;
    }
    passed++;
    const found = rule.level === 'answers' ? rule.probe(input) : rule.probe(input, x as never, y as never);
    if (found) wrong.push(`${rule.name}: ${'text' in x ? `"${x.text}" / "${(y as { text: string }).text}"` : candidate.slice(0, 120)}`);
  }
  into.push({ passed, asked, wrong });
}

const sum = (t: readonly Tally[]) => ({
  passed: t.reduce((n, x) => n + x.passed, 0),
  asked: t.reduce((n, x) => n + x.asked, 0),
  wrong: t.flatMap((x) => x.wrong),
});

/** Every pair of the open sets, against production alone and with the baselines. */
function overOpenSets(rule: DeclaredRule, cases: readonly TextCase[]) {
  const t: Tally[] = [];
  for (const k of cases) {
    check(rule, k.original, k.candidate, [], t);
    if (k.baselines.length > 0) check(rule, k.original, k.candidate, k.baselines, t);
  }
  return sum(t);
}

const cases = openTextCases();

// Words the declared rules read (negation, modality, "free", directions, negating prefixes, "only",
// extending and listing words), put into candidates so that every occasion of a precondition is met
// and missed in turn.
const cueWords = [
  'not',
  "don't",
  'never',
  'no',
  'must',
  'should',
  'recommend',
  'may',
  'can',
  'free',
  'increase',
  'decrease',
  'open',
  'closed',
  'unavailable',
  'available',
  'only',
  'too',
  'also',
  'every',
  'and',
  'or',
  'please',
];
/** A candidate made from a case: its words with cue words put in or words taken out. */
const mutated = fc
  .tuple(
    fc.nat(cases.length - 1),
    fc.boolean(),
    fc.array(fc.tuple(fc.nat(60), fc.option(fc.constantFrom(...cueWords), { nil: undefined })), { minLength: 1, maxLength: 4 }),
  )
  .map(([i, fromOriginal, edits]) => {
    const k = cases[i] as TextCase;
    const w = (fromOriginal ? k.original : k.candidate).split(' ');
    for (const [at, word] of edits) {
      const j = at % (w.length + 1);
      if (word === undefined) w.splice(j, 1);
      else w.splice(j, 0, word);
    }
    return { original: k.original, candidate: w.join(' '), baselines: k.baselines };
  });

describe('rule preconditions', () => {
  it('are declared by the rules diffFacts asks (polarity, denied extended, list past only, advice weakened)', () => {
    expect(diffFacts).toBeTypeOf('function');
    expect(declaredRules().map((r) => r.name)).toEqual(
      expect.arrayContaining(['polarity flip or modality change', 'denied extended', 'list past only', 'advice weakened']),
    );
  });

  it('follow from each rule’s guard: where one is false the rule finds nothing, on every pair of the open sets', () => {
    expect(cases.length).toBeGreaterThan(1000);
    for (const rule of declaredRules()) {
      const t = overOpenSets(rule, cases);
      expect(t.wrong.slice(0, 5), rule.name).toEqual([]);
      // The check is not vacuous: the precondition is false on some pairs and holds on others.
      expect(t.passed, rule.name).toBeGreaterThan(20);
      expect(t.asked, rule.name).toBeGreaterThan(20);
    }
  }, 180_000);

  it('follow from each rule’s guard on candidates with the words the rules read put in or taken out', () => {
    fc.assert(
      fc.property(mutated, (k) => {
        const t: Tally[] = [];
        for (const rule of declaredRules())
          check(rule, k.original, k.candidate, k.baselines.length > 0 && k.candidate.length % 2 === 0 ? k.baselines : [], t);
        expect(sum(t).wrong).toEqual([]);
      }),
      { numRuns: 400, seed: 11 },
    );
  }, 180_000);

  it('catch a precondition narrower than its rule’s guard (the polarity rule without the modal scale)', () => {
    const narrow: Occasion[] = [{ differ: negatedTrait }, { either: { traits: freeTrait } }, { baselines: true }];
    const rule: DeclaredRule = { ...polarityRule, name: 'polarity, narrowed', precondition: narrow };
    const t = overOpenSets(rule, cases);
    expect(t.wrong.length).toBeGreaterThan(0);
    expect(modalityTraits).not.toBe(0);
  }, 180_000);

  it('test occasions with bit operations', () => {
    const rule: DeclaredRule = {
      name: 'x',
      level: 'clauses',
      precondition: [{ differ: 1 }, { both: { cues: 4 } }, { original: { traits: 8 }, candidate: { cues: 2 } }, { baselines: true }],
      probe: () => false,
    };
    const h = (traits: number, cues: number) => ({ traits, cues, contentBits: 0 });
    expect(mayFire(rule, h(1, 0), h(0, 0), 0)).toBe(true);
    expect(mayFire(rule, h(1, 0), h(1, 0), 0)).toBe(false);
    expect(mayFire(rule, h(0, 4), h(0, 0), 0)).toBe(false);
    expect(mayFire(rule, h(0, 4), h(0, 4), 0)).toBe(true);
    expect(mayFire(rule, h(8, 0), h(0, 2), 0)).toBe(true);
    expect(mayFire(rule, h(0, 2), h(8, 0), 0)).toBe(false);
    expect(mayFire(rule, h(0, 0), h(0, 0), 1)).toBe(true);
    expect(mayFire({ ...rule, precondition: [] }, h(-1, -1), h(0, 0), 1)).toBe(false);
  });

  it('test whether two sides share a content word by their content bits', () => {
    // Id lists sharing an id share a bit, whatever else they hold.
    fc.assert(
      fc.property(fc.array(fc.nat(100_000)), fc.array(fc.nat(100_000)), fc.nat(100_000), (a, b, w) => {
        expect(contentBits([...a, w]) & contentBits([w, ...b])).not.toBe(0);
      }),
      { seed: 16 },
    );
    const rule: DeclaredRule = {
      name: 'y',
      level: 'answers',
      precondition: [{ original: { traits: 1 }, candidate: { traits: 2 }, shared: true }],
      probe: () => false,
    };
    const clause = (traits: number, bits: number) => ({ traits, cues: 0, contentBits: bits });
    const answer = (...clauses: ReturnType<typeof clause>[]) => ({ traits: clauses.reduce((t, c) => t | c.traits, 0), cues: 0, clauses });
    // The words meet only between clauses that hold the traits asked.
    expect(mayFire(rule, answer(clause(1, 4), clause(0, 8)), answer(clause(2, 4)), 0)).toBe(true);
    expect(mayFire(rule, answer(clause(1, 4), clause(0, 8)), answer(clause(2, 8), clause(0, 4)), 0)).toBe(false);
    expect(mayFire({ ...rule, level: 'clauses' }, clause(1, 4), clause(2, 6), 0)).toBe(true);
    expect(mayFire({ ...rule, level: 'clauses' }, clause(1, 4), clause(2, 8), 0)).toBe(false);
  });

  it('refuse a rule declared twice, and "differ" between answers', () => {
    expect(() => declareRule('denied extended', 'answers', [], () => false)).toThrow(/declared twice/);
    expect(() => declareRule('answers differ', 'answers', [{ differ: 1 }], () => false)).toThrow(/compares clauses/);
  });
});
