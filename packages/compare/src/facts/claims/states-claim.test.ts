import { describe, expect, it } from 'vitest';
import type { Difference } from '../../report/divergence-report.js';
import { factSheet, onOneTable } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { statesClaim } from './states-claim.js';

const facts = (a: string, b: string, baselines: string[]): Difference[] => diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet));
const shown = (ds: Difference[]): string[] =>
  ds
    .filter((d) => d.severity === 'high')
    .map(
      (d) =>
        `${d.kind}${d.explainedByNoise === true ? ' (noise)' : ''} [${d.origin?.rule ?? '?'}${d.origin?.excuse ? ` / ${d.origin.excuse.test} #${d.origin.excuse.baseline}` : ''}]`,
    );

/** Whether the baseline's clause that says `x` states the claim of the candidate's clause that says `c`. */
function states(baseline: string, x: string, candidate: string, c: string): boolean {
  const [b, k] = onOneTable([factSheet(baseline), factSheet(candidate)]);
  const bx = b?.clauses.find((y) => y.text.includes(x));
  const kc = k?.clauses.find((y) => y.text.includes(c));
  if (b === undefined || k === undefined || bx === undefined || kc === undefined) throw new Error('no such clause');
  return statesClaim(bx, kc, k, 200);
}

describe('a baseline clause states the candidate clause’s claim', () => {
  it('where each is the other’s closest and both say it with one polarity and modality', () => {
    expect(states('The alarm code is reset every Monday.', 'reset', 'We reset the alarm code each Monday.', 'reset')).toBe(true);
  });

  it('not where it says the same words the other way', () => {
    expect(
      states('The filter setting persists across restarts.', 'persists', 'The filter setting does not persist across restarts.', 'persist'),
    ).toBe(false);
    expect(states('Members may bring one guest.', 'guest', 'Members must bring one guest.', 'guest')).toBe(false);
  });

  it('not where it is closer to another clause of the candidate', () => {
    expect(
      states('Towels are included in the day pass.', 'Towels', 'Towels are included in the day pass. Lockers are included too.', 'Lockers'),
    ).toBe(false);
  });

  it('not where it states another value of the slot', () => {
    expect(states('Check-in opens at 3 pm.', 'Check-in', 'Check-in opens at 2 pm.', 'Check-in')).toBe(false);
  });
});

describe('what a baseline excuses, and which rule found it', () => {
  it('names the rule that found each difference and the test and baseline that excused it', () => {
    const ds = facts(
      'Each booking covers two adults, and children under 5 stay free.',
      'Each booking covers two adults, and children under 5 do not stay free.',
      ['Every booking is for two adults; children under 5 do not stay free.'],
    );
    expect(shown(ds)).toEqual([expect.stringMatching(/^polarity_flip \(noise\) \[[a-z-]+ \/ .+ #0\]$/)]);
  });

  it('reports an added claim a baseline clause matches only through a sentence the candidate keeps', () => {
    // "Every dog has a run of its own" rewords the original's first sentence, which the candidate keeps;
    // the candidate's new sentence says the opposite of the original's "can share a run".
    const original = 'Each dog gets its own heated run, and we walk them twice a day. Dogs from the same family can share a run.';
    const baseline = 'Every dog has a heated run of its own and is walked twice daily. Dogs from one family may share a run.';
    const candidate =
      'Each dog gets its own heated run, and we walk them twice a day. Every dog is kept in a run of its own, even littermates.';
    expect(shown(facts(original, candidate, [])).some((s) => s.startsWith('added_claim'))).toBe(true);
    expect(shown(facts(original, candidate, [baseline])).some((s) => s.startsWith('added_claim'))).toBe(true);
  });

  it('stays quiet on a sentence a baseline says the candidate’s way', () => {
    const original = 'Each dog gets its own heated run, and we walk them twice a day.';
    const baseline = 'Each dog gets its own heated run, and we walk them twice a day. Every dog is groomed before going home.';
    const candidate = 'Each dog gets its own heated run, and we walk them twice a day. We groom every dog before it goes home.';
    expect(shown(facts(original, candidate, [baseline]))).toEqual([]);
  });

  it('reports a changed figure a baseline states only in a clause about something else', () => {
    // The baseline's "21 days" is the notice (the candidate's "3 weeks"); the candidate's trial is 21
    // days where the original and the baseline say twenty-eight.
    const original = 'Your free trial lasts twenty-eight days. Cancellations need three weeks of notice.';
    const candidate = 'The free trial runs for 21 days. Cancellations need 3 weeks of notice.';
    const baseline = 'The free trial runs for 28 days. Tell us 21 days before you leave.';
    expect(shown(facts(original, candidate, []))).toEqual(['fact_changed [clause-value-diff]']);
    expect(shown(facts(original, candidate, [baseline]))).toEqual(['fact_changed [clause-value-diff]']);
  });

  it('still reads a figure a baseline states for the candidate’s claim as production’s', () => {
    const original = 'Your free trial lasts twenty-eight days. Cancellations need two weeks of notice.';
    const candidate = 'The free trial runs for 21 days. Cancellations need 2 weeks of notice.';
    const baseline = 'Your free trial runs for 21 days. Tell us 14 days before you leave.';
    expect(shown(facts(original, candidate, [baseline]))).toEqual([]);
  });
});
