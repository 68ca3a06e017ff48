import { describe, expect, it } from 'vitest';
import { regressionKinds as found } from '../test/judged.js';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const claims = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'added_claim' && d.explainedByNoise !== true)
    .map((d) => d.message);

const original = 'Your suit fitting is on Friday at 3pm. Alterations take about a week, and hemming is included.';

describe("advice on what the reader's own act does", () => {
  it('adds no claim to a longer answer for its negations', () => {
    expect(
      claims(
        original,
        'Thanks for booking! Your suit fitting is on Friday at 3pm. Alterations usually take about a week, and hemming is included. Avoiding a heavy meal beforehand helps the fitting go smoothly.',
      ),
    ).toEqual([]);
  });

  it('is still a claim where a gerund names a rule, or the service denies something', () => {
    expect(
      claims(
        original,
        "Thanks for booking! Your suit fitting is on Friday at 3pm. Alterations usually take about a week, and hemming is included. Rush alterations aren't available.",
      ),
    ).not.toEqual([]);
    expect(
      claims(
        original,
        "Thanks for booking! Your suit fitting is on Friday at 3pm. Alterations usually take about a week, and hemming is included. Bringing a guest isn't allowed at fittings.",
      ),
    ).not.toEqual([]);
  });
});

describe('advice on an effect, said with another verb of effect or as "the … way to"', () => {
  const boiler =
    'Our engineer can visit on Thursday between 8am and noon. The call-out fee is £65, and the first 30 minutes of labour are included.';
  const baselines = [
    'An engineer is free on Thursday, 8am to noon. Call-out is £65, which covers the first 30 minutes of labour.',
    'We can come Thursday between 8 and 12. It is £65 to call us out, with half an hour of labour included.',
    'Thursday 8am-12pm works for our engineer. The £65 call-out fee includes 30 minutes of labour.',
  ];
  const longer = `Sorry to hear the boiler is playing up! ${boiler} In the meantime, bleeding the radiators will limit the noise, and booking the annual service early is usually the easiest way to avoid any winter breakdowns.`;

  it('adds no claim to a longer answer: noise with 0, 1 and 3 baselines', () => {
    expect(claims(boiler, longer)).toEqual([]);
    for (const n of [0, 1, 3]) expect(found(boiler, longer, baselines.slice(0, n))).toEqual([]);
  });

  it("is still a claim where it names a price or a promise of the service, or is no gerund's", () => {
    expect(found(boiler, `${boiler} Booking the annual service early will save you the £20 fee.`)).toContain('added_claim');
    expect(found(boiler, `${boiler} Our engineer will limit the visit to one hour.`)).toContain('added_claim');
  });
});
