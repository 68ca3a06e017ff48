import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const changes = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'fact_changed' && d.severity === 'high')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

// A place or a service named by a noun phrase whose determiner changed with it ("go to the front
// desk" → "go to your bank"): the rest of the sentence copied word for word, the noun phrase is
// the one word of fact that changed, whichever determiner each side says it with.
describe('a noun phrase swapped with its determiner in a copied clause', () => {
  it('is a changed fact after a verb of going or bringing and a preposition', () => {
    expect(changes('To reset it, go to the front desk with your ID.', 'To reset it, go to your bank with your ID.')).toEqual([
      'the front desk → your bank',
    ]);
    expect(
      changes('Please take it to the repair shop and show the receipt.', 'Please take it to your dealer and show the receipt.'),
    ).toEqual(['the repair shop → your dealer']);
    expect(changes('Returns are accepted at the store in the city.', 'Returns are accepted at a warehouse in the city.')).toEqual([
      'the store → a warehouse',
    ]);
    expect(
      changes('Ask at the pharmacy counter if you need help with the dose.', 'Ask at your clinic if you need help with the dose.'),
    ).toEqual(['the pharmacy counter → your clinic']);
  });

  it('is a changed fact after a preposition where one side says it with no determiner', () => {
    expect(changes('Payments are sent via bank transfer on Fridays.', 'Payments are sent via your wallet on Fridays.')).toEqual([
      'bank transfer → your wallet',
    ]);
    expect(
      changes('You can pick up the keys from the concierge after 2 pm.', 'You can pick up the keys from reception after 2 pm.'),
    ).toEqual(['the concierge → reception']);
  });

  it('is no change where only the determiner changed, the head noun stays, or a baseline names the new place', () => {
    expect(changes('To reset it, go to the front desk with your ID.', 'To reset it, go to our front desk with your ID.')).toEqual([]);
    expect(changes('Please contact the support team about a refund.', 'Please contact our support staff about a refund.')).toEqual([]);
    // Runs across a comma are no noun phrase: "for maps, send" / "for a map update, pass" (the
    // sentence's reworded phrase is another rule's).
    expect(
      changes(
        'For photos, send up to 30 per message; for maps, send the map links.',
        'For photos, send up to 30 per message; for a map update, pass the map links.',
      ).filter((m) => m.startsWith('maps')),
    ).toEqual([]);
    // A quantifier and a time noun: how a paraphrase words a time.
    expect(
      changes('Breakfast is included every day, but dinners are not.', 'Breakfast is included each morning, but dinners are not.'),
    ).toEqual([]);
    expect(
      changes('To reset it, go to the front desk with your ID.', 'To reset it, go to your bank with your ID.', [
        'Take your ID to your bank to reset it.',
      ]),
    ).toEqual([]);
    // A clause reworded around the phrase is a paraphrase.
    expect(changes('To reset it, go to the front desk with your ID.', 'Your bank can reset it if you bring ID.')).toEqual([]);
  });
});
