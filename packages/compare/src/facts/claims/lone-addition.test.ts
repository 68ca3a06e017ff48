import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const added = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'added_claim' && d.explainedByNoise !== true)
    .map((d) => d.message);

const original =
  'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook. Aprons are provided.';

describe('an answer that repeats production word for word and adds one thing', () => {
  it('is a new claim where the added sentence names things no production answer names', () => {
    const candidate =
      'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook. ' +
      'Each guest takes home a signed recipe booklet. Aprons are provided.';
    expect(added(original, candidate)).toHaveLength(1);
  });

  it('is a new claim where a clause is added at the end of a kept sentence', () => {
    const candidate =
      'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook, ' +
      'and you keep the hand-carved rolling pin. Aprons are provided.';
    expect(added(original, candidate)).toHaveLength(1);
  });

  it('reads a tail longer than the short sentence it is added to', () => {
    const candidate =
      'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook. ' +
      'Aprons are provided, and each guest keeps the brass pasta cutter they used.';
    expect(added(original, candidate)).toHaveLength(1);
    // An item added to a short list sentence: "…and a set of bone folders to keep".
    expect(
      added(
        'Classes run on Sundays. All materials are provided, and you leave with two notebooks.',
        'Classes run on Sundays. All materials are provided, and you leave with two notebooks and a set of bone folders to keep.',
      ),
    ).toHaveLength(1);
  });

  it('is no new claim where the answer also rewords what it keeps, or the addition advises, explains or generalizes', () => {
    // Reworded elsewhere too: a longer answer elaborating, left to the claim words.
    expect(
      added(
        original,
        'Our pasta class is on Thursdays, 6 pm to 9 pm, for £65. You make two shapes of fresh pasta and eat what you cook. ' +
          'Each guest takes home a signed recipe booklet. Aprons are provided.',
      ),
    ).toEqual([]);
    for (const extra of [
      'Booking a couple of weeks ahead is a good idea for the winter terms.',
      'Most students find the ravioli the trickiest shape to fold.',
    ])
      expect(
        added(
          original,
          `The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook. ${extra} Aprons are provided.`,
        ),
      ).toEqual([]);
    expect(
      added(
        original,
        'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook, ' +
          'so skipping dinner beforehand makes sense. Aprons are provided.',
      ),
    ).toEqual([]);
  });

  it("leaves the speaker's own report or courtesy and the reader's state to the framing rules, not what the reader may do", () => {
    const kept =
      'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook.';
    for (const extra of [
      "I've checked the kitchen's equipment list for the class.",
      'We look forward to welcoming you to the cookery school.',
      "Otherwise you're all set for the evening — enjoy the wine tasting.",
      'You will love the sourdough starter workshop afterwards.',
    ])
      expect(added(original, `${kept} ${extra} Aprons are provided.`), extra).toEqual([]);
    expect(added(original, `${kept} You can also borrow the knife roll and keep the pasta cutter. Aprons are provided.`)).toHaveLength(1);
  });

  it('reads a comment on what was said ("It\'s a great way to…") as no claim', () => {
    const kept =
      'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook.';
    for (const extra of ["It's a really fun way to spend a weekday evening.", "That's a lovely present idea for keen cooks."])
      expect(added(original, `${kept} ${extra} Aprons are provided.`), extra).toEqual([]);
    expect(added(original, `${kept} The tutor trained at a restaurant in Bologna. Aprons are provided.`)).toHaveLength(1);
  });

  it('reads what the service undertakes or the reader will get to do, said with "we can" / "you\'ll", as a claim', () => {
    const kept =
      'The pasta class runs on Thursdays from 6 pm to 9 pm and costs £65. You make two shapes of fresh pasta and eat what you cook.';
    for (const extra of [
      'We can courier your leftover dough home the next morning.',
      "You'll also roll a tray of gnocchi to freeze at home.",
      'We will deliver a starter kit of semolina to your door.',
    ])
      expect(added(original, `${kept} ${extra} Aprons are provided.`), extra).toHaveLength(1);
    // Courtesy said the same way: a feeling, a meeting, help, talk, being.
    for (const extra of [
      'We could not be more excited to cook with you.',
      "You'll have a wonderful evening with the tutors.",
      "We'll be delighted to answer any questions beforehand.",
      'We can help you pick a class date that suits.',
      "We'll see you at the cookery school soon.",
    ])
      expect(added(original, `${kept} ${extra} Aprons are provided.`), extra).toEqual([]);
  });
});
