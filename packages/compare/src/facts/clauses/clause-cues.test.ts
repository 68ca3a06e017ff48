import { describe, expect, it } from 'vitest';
import { WordIds } from '../../text/word-ids.js';
import { directionCue } from '../flips/direction-differs.js';
import { prefixCue } from '../flips/polarity-evidence.js';
import { likelihoodCue } from '../modality/epistemic-hedge.js';
import { certaintyCue } from '../modality/reworded-hedge.js';
import { whoCue } from '../sentences/action-agent.js';
import { sideCue } from '../sentences/item-price-status.js';
import { cueNames, defineCue, holdsCue, tokensCues, wordCues } from './clause-cues.js';
import { factSheet, factSheetWith, joinClauses } from './fact-sheet.js';
import { clauseTokens } from './split-clauses.js';

const answer = [
  'Our crew puts the marquee up and takes it down.',
  'The marquee is 6 m wide.',
  'Breakfast is included, but parking is charged separately.',
  'The deposit may be refunded within 10 days.',
  "We'll send the invoice on Friday.",
  'Vous pouvez annuler à tout moment.',
].join(' ');

/** The union of the cue bits of a clause's words, each read alone. */
function wordsCues(tokens: readonly { readonly lower: string }[]): number {
  let bits = 0;
  for (const t of tokens) bits |= wordCues(t.lower);
  return bits;
}

describe('clause cues', () => {
  it('are the union of the cues of the clause’s words, for every clause of an answer, and the answer’s the union of its clauses’', () => {
    const sheet = factSheet(answer);
    expect(sheet.clauses.length).toBeGreaterThan(5);
    let all = 0;
    for (const c of sheet.clauses) {
      expect(cueNames(c.cues), c.text).toEqual(cueNames(wordsCues(c.tokens)));
      all |= c.cues;
    }
    expect(sheet.cues).toBe(all);
  });

  it('name the kinds of words a clause holds, and not those it lacks', () => {
    const sheet = factSheet(answer);
    const of = (start: string): string[] => {
      const c = sheet.clauses.find((x) => x.text.startsWith(start));
      if (c === undefined) throw new Error(`no clause "${start}"`);
      return cueNames(c.cues);
    };
    expect(of('Our crew')).toContain('who acts');
    expect(of('The marquee is')).not.toContain('who acts');
    expect(of('The marquee is')).not.toContain('likelihood');
    expect(of('Breakfast is included')).toContain('price side');
    expect(of('The deposit may')).toContain('likelihood');
    expect(of("We'll send")).toEqual(expect.arrayContaining(['who acts', 'certainty']));
    const moved = sheet.clauses.find((x) => x.text.startsWith('Our crew'));
    expect(moved !== undefined && holdsCue(moved, whoCue)).toBe(true);
    expect(moved !== undefined && holdsCue(moved, likelihoodCue | sideCue | certaintyCue)).toBe(false);
  });

  it('say which clauses may name a direction or hold a word with a negating prefix (what opposed() reads word by word otherwise)', () => {
    const [rise, calm, kept] = factSheet('Prices will increase in May. Your credit score is unaffected. We keep a copy.').clauses;
    expect(rise !== undefined && holdsCue(rise, directionCue)).toBe(true);
    expect(calm !== undefined && holdsCue(calm, prefixCue)).toBe(true);
    expect(kept !== undefined && holdsCue(kept, directionCue | prefixCue)).toBe(false);
  });

  it('of clauses read as one are the union of their parts’', () => {
    const sheet = factSheet(answer);
    const parts = sheet.clauses.slice(0, 3);
    let union = 0;
    for (const c of parts) union |= c.cues;
    expect(joinClauses(parts, sheet.words).cues).toBe(union);
  });

  it('read a token by its own word when its id names another word in the table given, or when it has none', () => {
    const a = new WordIds();
    const [our] = clauseTokens('Our', a);
    expect(our?.id).toBeDefined();
    const b = new WordIds();
    // In b, our's id names a word of no cue.
    while (b.size <= (our?.id ?? 0)) b.id(`marquee${b.size}`);
    expect(tokensCues(our === undefined ? [] : [our], b) & whoCue).toBe(whoCue);
    expect(tokensCues([{ core: 'our', lower: 'our', upper: false }], b) & whoCue).toBe(whoCue);
    // Read with its own table, through that table's memo: the same bits.
    expect(factSheetWith('Our crew puts it up.', a).clauses[0]?.cues).toBe(wordsCues(clauseTokens('Our crew puts it up.', a)));
  });

  it('may not be defined once answers were read, nor twice under one name', () => {
    factSheet('We may call you.');
    expect(() => defineCue('late', () => true)).toThrow(
      expect.objectContaining({ code: 'internal', message: expect.stringMatching(/after answers were read/) }),
    );
    expect(() => defineCue('who acts', () => true)).toThrow(
      expect.objectContaining({ code: 'internal', message: expect.stringMatching(/twice/) }),
    );
  });
});
