import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from './clause-polarity.js';

const polarity = (s: string) => clausePolarity(clauseTokens(s));
const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).map(
    (d) => `${d.kind}${d.explainedByNoise ? ' (noise)' : ''}: ${d.message}`,
  );
const flags = (a: string, b: string, baselines: string[] = []) => facts(a, b, baselines).filter((d) => !d.includes('(noise)'));

describe('the price sense of "free" said twice in one clause', () => {
  it('counts once: "covered by our insurance at no extra cost" says what "included" does', () => {
    expect(polarity('the painting is covered by our insurance at no extra cost')).toMatchObject({ negated: true, free: true });
    expect(
      flags('Insurance while the painting is with us is included.', 'The painting is covered by our insurance at no extra cost.'),
    ).toEqual([]);
  });

  it('still reads a charge against it', () => {
    expect(polarity("the painting isn't covered by our insurance at no extra cost")).toMatchObject({ negated: false });
  });
});

describe('a price that covers something', () => {
  it('includes it: "the $95 fee covers all materials" is no "free"', () => {
    expect(polarity('the $95 fee covers all materials')).toEqual({ negated: false, modality: null });
    expect(
      flags(
        'The class runs Saturdays from 10:00 to 13:00 and costs $95, materials included.',
        'The class is held every Saturday, 10:00 to 13:00, and the $95 fee covers all materials.',
      ),
    ).toEqual([]);
  });

  it('while someone who covers the cost still makes it free', () => {
    expect(polarity('we cover the cost of materials')).toMatchObject({ negated: true, free: true });
    expect(polarity('the cost is covered by your insurance')).toMatchObject({ negated: true, free: true });
  });
});

describe('a reason or a purpose after a comma', () => {
  it('says nothing of the claim before it', () => {
    expect(polarity("We don't work on digital pianos, since they never need tuning")).toMatchObject({ negated: true });
    expect(polarity('Passengers must stand for the full hour, as there are no seats')).toMatchObject({ negated: false });
    expect(polarity('Latecomers are admitted only between pieces, so that no one is disturbed')).toMatchObject({ negated: false });
    expect(
      flags(
        'Latecomers are admitted only between pieces.',
        'Latecomers are admitted only between pieces, so that no one is disturbed mid-piece.',
      ),
    ).toEqual([]);
  });

  it('but "since" with no comma, and "as" before a verb, stay in the claim', () => {
    expect(polarity("We haven't raised prices since 2019")).toMatchObject({ negated: true });
    expect(polarity('Towels are included, as is the sauna')).toMatchObject({ negated: false });
    expect(polarity("Towels aren't included, as is the sauna")).toMatchObject({ negated: true });
  });
});

describe('verbs of not doing asked for', () => {
  it('"skip" opening a request denies, as "avoid" does', () => {
    expect(polarity('And skip alcohol the night before, please')).toMatchObject({ negated: true });
    expect(flags('Avoid alcohol the evening before.', 'Skip alcohol the night before.')).toEqual([]);
  });

  it('"bans", "prohibits" and "forbids" deny as "banned" and "prohibited" do', () => {
    expect(polarity('The Open category bans flying over crowds')).toMatchObject({ negated: true });
    expect(polarity('The lease forbids subletting')).toMatchObject({ negated: true });
    expect(
      flags('Flying over crowds is never allowed in the Open category.', 'The Open category bans flying over crowds in every case.'),
    ).toEqual([]);
  });
});

describe('a leading purpose, and a verb of not doing after a noun', () => {
  it('"To … without …," says what the claim is for, not what it denies', () => {
    expect(polarity('To reclaim the space without a long lock, use pg_repack')).toMatchObject({ negated: false });
    expect(polarity("To hold the date we don't need a deposit, just a card")).toMatchObject({ negated: true });
  });

  it('"To make sure you aren\'t …," keeps the subject of its object clause in the purpose', () => {
    expect(polarity("To make sure you aren't billed twice, you can cancel the old plan first")).toMatchObject({ negated: false });
    expect(polarity("To ensure it doesn't crack, let the glaze dry overnight")).toMatchObject({ negated: false });
    expect(
      judged(
        'Your plan renewed on May 2. You can turn off auto-renew in Settings so you are not billed again next year.',
        "Your plan renewed on May 2. To make sure you aren't billed again next year, you can turn off auto-renew in Settings.",
      ),
    ).toEqual([]);
    // The purpose's own negation dropped in a kept sentence is still a flip.
    expect(
      judged(
        "To make sure you aren't billed twice, cancel the old plan first.",
        'To make sure you are billed twice, cancel the old plan first.',
      ),
    ).not.toEqual([]);
  });

  it('"notice to skip a visit" names the notice; "choose to skip" and "need to skip" deny', () => {
    expect(polarity("We need at least 24 hours' notice to skip a visit")).toMatchObject({ negated: false });
    expect(polarity('You can choose to skip the permit')).toMatchObject({ negated: true });
    expect(polarity('Members need to skip the queue')).toMatchObject({ negated: true });
  });
});

describe('a "non-" word used as a noun', () => {
  it('names a thing ("file the non-provisional") and denies nothing', () => {
    expect(polarity('The filing fee is $728 for the non-provisional')).toMatchObject({ negated: false });
  });

  it('while said of the subject or before its noun it still denies', () => {
    expect(polarity('The deposit is non-refundable')).toMatchObject({ negated: true });
    expect(polarity('You pay a non-refundable deposit')).toMatchObject({ negated: true });
  });
});

describe('a need denied by its object, and an ability named as a thing', () => {
  it('"need no ticket" lifts the need as "no ticket is needed" does', () => {
    expect(polarity('Competitors need no spectator ticket')).toMatchObject({ negated: true, modality: 'possibility' });
    expect(judged("Spectator tickets aren't required for competitors.", 'Competitors need no spectator ticket.')).toEqual([]);
    // The need itself stays one, and "no" taken away is still a flip.
    expect(polarity('Competitors need a spectator ticket')).toMatchObject({ negated: false, modality: 'necessity' });
    expect(judged('Competitors need no spectator ticket.', 'Competitors need a spectator ticket.')).not.toEqual([]);
  });

  it('"Being able to …" is no permission', () => {
    expect(polarity('Being able to swim 50 metres is a requirement')).toMatchObject({ modality: null });
    expect(
      judged("You'll need to swim 50 m in light clothes.", 'Being able to swim 50 metres in light clothing is a requirement.'),
    ).toEqual([]);
    expect(polarity('Members are able to book ahead')).toMatchObject({ modality: 'possibility' });
  });
});
