import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { modalOutsideMainPart } from './main-modality.js';

const kinds = (original: string, candidate: string) =>
  diffFacts(factSheet(original), factSheet(candidate))
    .filter((d) => d.severity === 'high')
    .map((d) => d.kind);

describe("a time clause's modal is not the claim's", () => {
  it('reads the modal after "before you", "until it" as the time clause\'s', () => {
    expect(modalOutsideMainPart(clauseTokens('Leave a week between visits before you can book again'))).toBe(true);
    expect(modalOutsideMainPart(clauseTokens('Hold the lever until it can turn no further'))).toBe(true);
  });

  it("keeps a modal of the main part, and a relative clause's", () => {
    expect(modalOutsideMainPart(clauseTokens('You must leave a week between visits before booking again'))).toBe(false);
    expect(modalOutsideMainPart(clauseTokens('Before you book you must pay the deposit'))).toBe(false);
    expect(modalOutsideMainPart(clauseTokens('Anyone who has a season ticket can park here'))).toBe(false);
    expect(modalOutsideMainPart(clauseTokens('Use the repair kit, which needs a spare valve'))).toBe(false);
    expect(modalOutsideMainPart(clauseTokens('Leave a week between visits'))).toBe(false);
  });

  it('reports no change of modality between a main "must" and a "can" of a time clause', () => {
    expect(
      kinds(
        'You must wait two full weeks before taking the climbing test again.',
        'There is a two-week gap before you can take the climbing test again.',
      ),
    ).toEqual([]);
  });

  it('still reports a change of modality of the main part, or of a relative clause', () => {
    expect(
      kinds('You must wait two weeks before taking the test again.', 'You can wait two weeks before taking the test again.'),
    ).toContain('modality_change');
    expect(kinds('Refunds can be requested before the trip starts.', 'Refunds must be requested before you start the trip.')).toContain(
      'modality_change',
    );
    expect(
      kinds(
        'Patch it with the repair kit, which needs a spare valve and a pump.',
        'Patch it with the repair kit, which needs a spare valve; a pump is optional.',
      ),
    ).toContain('modality_change');
  });
});
