import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const modal = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'modality_change')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('a claim made a usual outcome in another language', () => {
  it('is a change of modality where a kept sentence gains a word of frequency', () => {
    expect(
      modal(
        'Om det finns fiber aktiveras tjänsten samma dag som du flyttar in. Flytten är gratis.',
        'Om det finns fiber aktiveras tjänsten oftast samma dag som du flyttar in. Flytten är gratis.',
      ),
    ).toHaveLength(1);
    expect(
      modal(
        'Per il piano annuale non è previsto alcun rimborso dei mesi non utilizzati.',
        'Per il piano annuale di norma non è previsto alcun rimborso dei mesi non utilizzati.',
      ),
    ).toHaveLength(1);
    // Production says it "usually" too: noise.
    expect(
      modal('Der Techniker kommt am selben Tag.', 'Der Techniker kommt meistens am selben Tag.', [
        'Der Techniker kommt in der Regel am selben Tag.',
      ]).every((m) => m.endsWith('(noise)')),
    ).toBe(true);
  });
});

describe('a promise made a possibility in a reworded answer', () => {
  it('is a change of modality where the reworded clause hedges what the original states', () => {
    expect(
      modal(
        'Our glaziers replace a cracked pane within three days. If the frame is rotten, we quote for a new one first.',
        'A new frame gets quoted before any work if the old one is rotten. A cracked pane might get replaced within three days.',
      ),
    ).toHaveLength(1);
    expect(
      modal(
        'When a delivery slot is missed, the driver returns the next morning and leaves a card.',
        'Missed your slot? The driver may return the next morning, leaving a card.',
      ),
    ).toHaveLength(1);
  });

  it('is no change where the hedge bears on other words, is the reader’s permission, or production hedges too', () => {
    // The hedge is about something the original does not say.
    expect(
      modal(
        'The repair takes two days, and the warranty doesn’t cover water damage.',
        'Expect the repair to take two days; the warranty doesn’t cover water damage, though your home insurance may.',
      ),
    ).toEqual([]);
    // "You may" grants.
    expect(
      modal('Guests collect their keys from the front desk after 3 pm.', 'After 3 pm you may collect your keys from the front desk.'),
    ).toEqual([]);
    // A baseline says it as the candidate does: production varies there.
    expect(
      modal(
        'When a delivery slot is missed, the driver returns the next morning and leaves a card.',
        'Missed your slot? The driver may return the next morning, leaving a card.',
        ['If you miss your slot, the driver may return the next morning and leave a card.'],
      ).filter((m) => !m.endsWith('(noise)')),
    ).toEqual([]);
  });
});

describe('a possibility made a promise in a reworded answer', () => {
  it('is a change of modality where the reworded clause states for certain what the original hedges', () => {
    expect(
      modal('The courier may collect the parcel the same afternoon.', 'The courier will collect your parcel that afternoon.'),
    ).toHaveLength(1);
    expect(modal('After a storm the ferry may leave late.', 'The ferry always leaves late after a storm.')).toHaveLength(1);
  });

  it('is no change where the candidate hedges too, or a baseline states it plainly', () => {
    expect(
      modal(
        'Replacement cards may take up to ten days to arrive.',
        'A replacement card can take as long as ten days, so it might arrive later than you expect.',
      ),
    ).toEqual([]);
    expect(
      modal(
        'Replacement cards may take up to ten days to arrive, and the old card stops working at once.',
        'Your old card stops working straight away. The replacement card will arrive within ten days.',
        ['The replacement card arrives within ten days; the old one stops working at once.'],
      ).filter((m) => !m.endsWith('(noise)')),
    ).toEqual([]);
  });
});

describe('a claim for every case made a usual one in a reworded answer', () => {
  it('is a change of modality where a word of frequency hedges what the original states each time', () => {
    expect(
      modal(
        'If a gel chips within 5 days, we’ll fix it for free.',
        'If your gel chips in the first 5 days, we’ll usually fix it free of charge.',
      ),
    ).toHaveLength(1);
    expect(
      modal(
        'When you land, your car is brought back to the terminal.',
        'When you land, your car will usually be brought back to the terminal.',
      ),
    ).toHaveLength(1);
    expect(modal('Repairs carry a 90-day warranty.', 'Most repairs carry a 90-day warranty.')).toHaveLength(1);
    // A permission that held each time, now in most cases.
    expect(
      modal('You can cancel within 30 days for a full refund.', 'In most cases you can cancel within 30 days and get a full refund.'),
    ).toHaveLength(1);
  });

  it('is no change where the original rounds or hedges already, the word is an aside, or production hedges too', () => {
    // The original gives the figure as rounded: "usually" adds nothing a promise held.
    expect(modal('The repair takes about two hours.', 'The repair usually takes about two hours.')).toEqual([]);
    expect(modal('Delivery often takes three days.', 'Delivery typically takes three days.')).toEqual([]);
    // A range is an estimate already.
    expect(modal('It takes two to three days for the results to come back.', 'Results usually take two to three days.')).toEqual([]);
    expect(modal('Transfers arrive in 2-3 business days.', 'Transfers normally arrive in 2-3 business days.')).toEqual([]);
    // The original says "most" too, elsewhere in the clause.
    expect(modal('The vaccine is free with most insurance plans.', 'Most insurance plans cover the vaccine completely.')).toEqual([]);
    // An aside about the answer, not a frequency of the claim.
    expect(modal('Members pay nothing for the flight.', 'Generally speaking, members pay nothing for the flight.')).toEqual([]);
    expect(
      modal(
        'Transcript requests are processed within a week.',
        'Good question! Typically, transcript requests are processed within a week.',
      ),
    ).toEqual([]);
    // "as often as" measures how often; it hedges nothing.
    expect(modal('The sync job runs every 5 minutes.', 'The sync job runs as often as every 5 minutes.')).toEqual([]);
    // A claim of its own joined to the paired clause.
    expect(
      modal(
        'Firing is charged by the shelf at $12.',
        'Firing is charged by the shelf at $12, and one shelf usually holds four to six mugs.',
      ),
    ).toEqual([]);
    // "the most" and "at most" are no quantity short of all.
    expect(modal('The tasting menu is our most popular choice.', 'The tasting menu is the most popular choice.')).toEqual([]);
    // A baseline hedges the same clause: production varies there.
    expect(
      modal(
        'When you land, your car is brought back to the terminal.',
        'When you land, your car will usually be brought back to the terminal.',
        ['Your car is normally brought back to the terminal once you land.'],
      ).filter((m) => !m.endsWith('(noise)')),
    ).toEqual([]);
  });

  it('takes as production varying only a baseline whose hedge bears on the claim’s words', () => {
    const original = 'The technician arrives between 8am and noon.';
    const candidate = 'The technician usually arrives between 8am and noon.';
    // "may call ahead" hedges another predication of the same clause.
    expect(modal(original, candidate, ['Our technician comes between 8am and noon and may call ahead.'])).toEqual([
      expect.not.stringContaining('(noise)'),
    ]);
    expect(modal(original, candidate, ['Typically, the technician arrives between 8am and noon.'])).toEqual([
      expect.stringContaining('(noise)'),
    ]);
    expect(modal(original, candidate, ['Our technician may arrive any time between 8am and noon.'])).toEqual([
      expect.stringContaining('(noise)'),
    ]);
  });
});
