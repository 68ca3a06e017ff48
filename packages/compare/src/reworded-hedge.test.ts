import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const modal = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'modality_change')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

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
