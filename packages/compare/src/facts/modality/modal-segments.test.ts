import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { modalSegments } from './modal-segments.js';

const read = (text: string): string[] =>
  modalSegments(factSheet(text), 200).map((s) => `${s.polarity.modality ?? 'none'}: ${s.tokens.map((t) => t.core).join(' ')}`);

describe('the stretches of a clause holding a modal', () => {
  it('part at a comma or a dash, each with its own modal', () => {
    expect(read('You need to be a confident swimmer, able to swim 50 m unaided.')).toEqual([
      'necessity: You need to be a confident swimmer',
      'possibility: able to swim 50 m unaided',
    ]);
    expect(read('Delivery is $12 — someone must be there to receive it.')).toEqual([
      'none: Delivery is $12',
      'necessity: someone must be there to receive it',
    ]);
  });

  it('keep a word alone with the stretch before it, and a clause without a modal or a mark whole', () => {
    expect(read('A technician can reach you within 60 minutes, guaranteed.')).toEqual([
      'possibility: A technician can reach you within 60 minutes guaranteed',
    ]);
    expect(read('Parking is included, and breakfast is served until ten.')).toHaveLength(1);
    expect(read('You must bring photo ID.')).toEqual(['necessity: You must bring photo ID']);
  });
});
