import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from '../polarity/clause-polarity.js';
import { modalityDiffers } from './polarity-agreement.js';

const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).map((d) => `${d.kind}: ${d.message}`);
const polarity = (s: string) => clausePolarity(clauseTokens(s));

describe('a permission denied against an obligation', () => {
  it('reads "cannot" and "must not" as one prohibition', () => {
    expect(modalityDiffers(polarity('Guests cannot smoke in the rooms'), polarity('Guests must not smoke in the rooms'))).toBe(false);
    expect(facts('Guests cannot smoke in the rooms.', 'Guests must not smoke in the rooms.')).toEqual([]);
    expect(facts("Visitors can't feed the goats.", 'Visitors must never feed the goats.')).toEqual([]);
  });

  it('reads "can\'t … inside" and "has to … outside" as one rule', () => {
    expect(facts("The backup job can't run inside business hours.", 'The backup job has to run outside business hours.')).toEqual([]);
  });

  it('still reports a prohibition lifted or turned into a permission', () => {
    expect(facts('Guests must not smoke in the rooms.', 'Guests may smoke in the rooms.')).not.toEqual([]);
    expect(facts('Guests cannot smoke in the rooms.', 'Guests must smoke in the rooms.')).not.toEqual([]);
  });
});

describe('"block" as a noun', () => {
  it('denies nothing after a noun or a determiner', () => {
    expect(polarity("It can't run inside a transaction block").negated).toBe(true);
    expect(polarity('Lessons come in a block of ten').negated).toBe(false);
  });

  it('still denies as a verb', () => {
    expect(polarity('The filter will block those senders').negated).toBe(true);
    expect(polarity('Block the card in the app').negated).toBe(true);
  });

  it('leaves a terse "not in a transaction" in agreement with "can\'t run inside a transaction block"', () => {
    expect(
      facts("The rebuild takes longer and can't run inside a transaction block.", 'The rebuild is slower and not in a transaction.'),
    ).toEqual([]);
  });
});

describe('"covered" against a price that says what it includes', () => {
  const kinds = (a: string, b: string) =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.severity === 'high')
      .map((d) => d.kind);

  it('words the same pole ("fees are $90 and include the map" / "the map is covered")', () => {
    expect(
      kinds(
        'Monthly moorage charges for a 30-foot berth are $410 and include water and shore power.',
        'For a 30-foot berth, the monthly moorage charge is $410 - water and shore power are covered.',
      ),
    ).toEqual([]);
    expect(kinds('The boarding charge is £30 a night and includes two walks.', 'For £30 a night, two walks are covered.')).toEqual([]);
  });

  it('still reads a denial of either turned around (regressions)', () => {
    expect(
      kinds(
        'Guided walk fees are $90 a person and include the trail map.',
        "The guided walk is $90 a person - the trail map isn't covered.",
      ),
    ).toContain('polarity_flip');
    expect(kinds('The trail map is covered by the $90 fee.', "The trail map isn't included in the $90 fee.")).toContain('polarity_flip');
  });

  it('leaves two clauses that both say "free" to their counts ("included at no charge" / "costs nothing extra")', () => {
    expect(kinds('Route notes are included at no charge.', 'The route notes cost nothing extra.')).toEqual([]);
  });
});
