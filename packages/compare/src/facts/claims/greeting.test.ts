import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { isGreeting } from './greeting.js';

const first = (s: string) => {
  const c = factSheet(s).clauses[0];
  if (c === undefined) throw new Error(`no clause in ${s}`);
  return c;
};

describe('a greeting', () => {
  it('opens with a greeting word, in several languages', () => {
    for (const s of [
      'Hello, Dana from Brightline here!',
      'Hi Sam, thanks for asking.',
      'Good morning!',
      'Bonjour Mme Petit,',
      'Hola, soy Lucía.',
    ])
      expect(isGreeting(first(s)), s).toBe(true);
    for (const s of ['Good news: your refund is on its way.', 'Dana will call you tomorrow.']) expect(isGreeting(first(s)), s).toBe(false);
  });

  it('names whoever answered: another name there is noise where a baseline greets without one, a change where none does', () => {
    const original = 'Hello, Dana from Brightline here! Roofline installation is $9 per linear foot.';
    const candidate = 'Hello, Jordan from Brightline here! Roofline installation is $9 per linear foot.';
    expect(judged(original, candidate, ['Hi! Roofline lighting is $9 per linear foot.'])).toEqual([]);
    expect(judged(original, candidate)).not.toEqual([]);
    // A name outside the greeting is a fact: a baseline that leaves it out excuses nothing.
    const installer = (name: string) => `Hi! On Friday your installer ${name} puts the lights up.`;
    expect(judged(installer('Dana'), installer('Jordan'), ['Hi! On Friday we put the lights up.'])).not.toEqual([]);
  });
});
