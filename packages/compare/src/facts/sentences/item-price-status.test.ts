import { describe, expect, it } from 'vitest';
import { type FactSheet, factSheet, onOneTable } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { itemsMoved } from './item-price-status.js';

const moved = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' && /^\w+: "/.test(d.message))
    .map((d) => `${d.message.slice(0, d.message.indexOf(':'))}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('an item moved across what a price covers', () => {
  it('is a flip where an item the price includes is hired or charged apart', () => {
    expect(
      moved(
        'The two-day canoe trip costs $280, including the canoe, paddles, dry bags and a tent. Meals are not provided.',
        'The two-day canoe trip costs $280, including the canoe and paddles; dry bags are rented at the put-in. Meals are not provided.',
      ),
    ).toEqual(['dry']);
    expect(
      moved(
        'Your quote of $900 covers removing the old boiler, fitting the new one and flushing the radiators.',
        'Your quote of $900 covers removing the old boiler and fitting the new one; flushing the radiators is billed on top.',
      ),
    ).toEqual(['flush']);
  });

  it('is a flip where an item production charges apart is put into what the price includes', () => {
    expect(
      moved(
        'Entry is €18 and includes the museum and the rooftop terrace. Audio guides are €4 to rent at the desk.',
        'Entry is €18 and includes the museum, the rooftop terrace and an audio guide.',
      ),
    ).toEqual(['audio']);
  });

  it('is no flip where the paraphrase keeps each item on its side, or a baseline puts it the candidate’s way', () => {
    expect(
      moved(
        'Entry is €18 and includes the museum and the rooftop terrace. Audio guides are €4 to rent at the desk.',
        'For €18 you get the museum and the rooftop terrace; an audio guide costs €4 more, rented at the desk.',
      ),
    ).toEqual([]);
    // Helmets stay inside the price: only the boots are rented ("…, and boots rent for $15").
    expect(
      moved(
        'Helmets and suits are included in the tour price. Boots can be rented for $15.',
        'Helmets and suits come with the tour, and boots rent for $15.',
      ),
    ).toEqual([]);
    // "per extra mile" says which mile, not that the allowance is charged apart.
    expect(moved('The lease includes 10,000 miles a year.', 'Mileage: 10,000 miles a year, 25 cents per extra mile.')).toEqual([]);
    expect(
      moved(
        'Entry is €18 and includes the museum and the rooftop terrace. Audio guides are €4 to rent at the desk.',
        'Entry is €18 and includes the museum, the rooftop terrace and an audio guide.',
        ['Your €18 ticket includes the museum, the terrace and an audio guide.'],
      ),
    ).toEqual([]);
  });

  it('reads each stretch of a clause that lists what is included, then sets an item apart after a comma', () => {
    expect(
      moved(
        'The walking tour is €40 and includes the guide, a map and a picnic lunch.',
        'The €40 walking tour includes the guide and a map, and a picnic lunch is charged at the farm.',
      ),
    ).toEqual(['picnic']);
    // Each item kept on its side: no flip.
    expect(
      moved(
        'The walking tour is €40 and includes the guide and a map. A picnic lunch is extra.',
        'The €40 walking tour includes the guide and a map, and a picnic lunch is charged at the farm.',
      ),
    ).toEqual([]);
  });

  it('reads what the reader brings as apart from the price', () => {
    expect(
      moved(
        'The pottery taster is $55 for two hours, including clay, aprons and glazing.',
        'The two-hour pottery taster costs $55 with clay and glazing. Bring your own apron.',
      ),
    ).toEqual(['apron']);
    expect(
      moved(
        'The pottery taster is $55 for two hours. Aprons are not provided, so bring one along.',
        'For $55 you get a two-hour pottery taster. Bring your own apron.',
      ),
    ).toEqual([]);
  });

  it('reads a charge paid by someone named as apart, and what comes with a price as inside', () => {
    expect(
      moved('The ferry crossing is €12 per adult; bicycles travel free.', 'Adults cross for €12, and every bicycle pays a €3 supplement.'),
    ).toEqual(['bicycl']);
    expect(
      moved('Hire of the hall is $300, projector not included.', 'The hall is $300 to hire, and the projector comes with it.'),
    ).toEqual(['projector']);
    expect(
      moved('Hire of the hall is $300, and the projector is included.', 'The hall is $300 to hire, and the projector comes with it.'),
    ).toEqual([]);
  });

  it('reads a refund as what the reader does not pay for, and "non-refundable" as what they do', () => {
    const items = (a: string, b: string): string[] => {
      const [o, c] = onOneTable([factSheet(a), factSheet(b)]) as [FactSheet, FactSheet];
      return itemsMoved(o, c, [], 60).map((d) => d.message.slice(0, d.message.indexOf(':')));
    };
    expect(
      items(
        'Class passes are $90 for ten sessions and are non-refundable.',
        'Ten sessions cost $90 on a class pass, and unused passes are refunded at the desk.',
      ),
    ).toEqual(['pass']);
    expect(
      items(
        'Class passes are $90 for ten sessions and are non-refundable.',
        'A ten-session class pass costs $90; passes are non-refundable.',
      ),
    ).toEqual([]);
  });

  it('reads what follows a price’s "plus" as apart ("$150, plus the cost of the drill-out")', () => {
    expect(
      moved(
        'You get two keys. A lost key costs $150 to replace, including the drill-out.',
        'You receive two keys. If one is lost, the replacement key is $150, plus the cost of the drill-out.',
      ),
    ).toContain('drill');
    // "plus" that lists without a price before it puts nothing apart.
    expect(
      moved('The tour is $90 and includes lunch and a guidebook.', 'The tour costs $90. It includes lunch, plus a guidebook.'),
    ).toEqual([]);
  });

  it('reads an item that can be rented or bought as apart from the price', () => {
    expect(
      moved(
        'The guided cave tour is $45, and helmets and lamps are included; waterproof overalls can be rented for $8.',
        'For $45 the guided cave tour gives you a helmet and a lamp, and waterproof overalls are included as well.',
      ),
    ).toEqual(['waterproof']);
    expect(
      moved(
        'The guided cave tour is $45, and helmets and lamps are included; waterproof overalls can be rented for $8.',
        'Helmets and lamps come with the $45 guided cave tour, and you can rent waterproof overalls for $8.',
      ),
    ).toEqual([]);
  });
});
