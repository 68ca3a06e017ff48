import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { scopeDiffers } from './quantifier-scope.js';

const flips = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);
const differs = (a: string, b: string): boolean => scopeDiffers(clauseTokens(a), clauseTokens(b));

describe('a claim kept with its scope swapped', () => {
  it('reads every / always / whatever / as many as against only / if / limited to / up to', () => {
    expect(differs('at every rehearsal', 'only if the conductor asks')).toBe(true);
    expect(differs('are capped at two per family', 'as many as you want')).toBe(true);
    expect(differs('is returned if you cancel in time', 'is kept whatever happens')).toBe(true);
    expect(differs('with no limit on guests', 'up to four guests')).toBe(true);
    // Both sides bounded, or one side saying both: no side taken.
    expect(differs('limited to one per person', 'up to one per person')).toBe(false);
    expect(differs('for all members', 'only for all members')).toBe(false);
  });

  it('is a flip in a sentence kept word for word but for that phrase', () => {
    expect(
      flips(
        'The choir has 40 singers. A pianist accompanies every rehearsal in the main hall.',
        'The choir has 40 singers. A pianist accompanies only dress rehearsals in the main hall.',
      ),
    ).toHaveLength(1);
    expect(
      flips(
        'The kayak deposit of $50 is returned if the boat comes back dry and undamaged.',
        'The kayak deposit of $50 is kept whatever the boat looks like when it comes back dry and undamaged.',
      ),
    ).toHaveLength(1);
    // The same scope said in other words is no flip.
    expect(
      flips(
        'Festival wristbands are limited to two per household this year.',
        'Festival wristbands are capped at two per household this year.',
      ),
    ).toEqual([]);
  });

  it('is a flip where a sentence keeps its subject and swaps its whole predicate for one of the other scope', () => {
    expect(
      flips(
        'Rehearsals start at 7 pm. A second pianist is present at every rehearsal.',
        'Rehearsals start at 7 pm. A second pianist comes only if the soloist asks.',
      ),
    ).toHaveLength(1);
    // The predicate said again in words of the same scope, or a negation that words it: no flip.
    expect(
      flips(
        'Rehearsals start at 7 pm. A second pianist is present at every rehearsal.',
        'Rehearsals start at 7 pm. A second pianist attends all rehearsals.',
      ),
    ).toEqual([]);
    expect(
      flips('Rehearsals start at 7 pm. The hall stays heated throughout.', 'Rehearsals start at 7 pm. The hall never gets cold.'),
    ).toEqual([]);
  });

  it('reads "any" / "anywhere" / "whenever" as the open side', () => {
    expect(differs('only during the interval', 'at any time')).toBe(true);
    expect(differs('only inside the marked bays', 'anywhere on the pavement')).toBe(true);
    expect(
      flips(
        'Tickets are £12 at the door. Late arrivals are seated only during the interval.',
        'Tickets are £12 at the door. Late arrivals are seated at any time.',
      ),
    ).toHaveLength(1);
  });

  it('is a flip where the edits take the bound out and put the open side in apart ("only on the Gold plan" → "on every plan")', () => {
    expect(
      flips(
        'Screen cracks are covered with a $50 excess. Battery faults are covered only on the Gold plan.',
        'Screen cracks are covered with a $50 excess. Battery faults are covered on every plan.',
      ),
    ).toHaveLength(1);
    // The bound said again in other words: no flip.
    expect(
      flips(
        'Screen cracks are covered with a $50 excess. Battery faults are covered only on the Gold plan.',
        'Screen cracks are covered with a $50 excess. Battery faults are covered on the Gold plan alone.',
      ),
    ).toEqual([]);
  });
});
