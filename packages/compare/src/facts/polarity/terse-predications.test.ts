import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

// Two predications in one clause, as terse answers join them: items of a comma list ("Appointment:
// not needed, walk-ins welcome"). A negation bears on its own item; the other item's claim is not
// negated by it.
const flips = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => (d.kind === 'polarity_flip' || d.kind === 'modality_change') && d.explainedByNoise !== true)
    .map((d) => `${d.kind}: ${d.message}`);

describe('two predications in one clause', () => {
  it('reads a negation in a comma list as its item\'s ("Appointment: not needed, walk-ins welcome")', () => {
    const original =
      'A lawn survey is free for members. No appointment is needed at the garden centre; walk-ins are welcome from 8 am to 5 pm on weekdays.';
    expect(
      flips(original, '- Survey: free for members\n- Appointment: not needed, walk-ins welcome\n- Hours: 8 am to 5 pm, weekdays'),
    ).toEqual([]);
    expect(flips(original, '- Survey: free for members\n- Appointment: needed, no walk-ins\n- Hours: 8 am to 5 pm, weekdays')).not.toEqual(
      [],
    );
  });
});
