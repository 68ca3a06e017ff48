import { describe, expect, it } from 'vitest';
import { regressionKinds as found } from '../../../test/judged.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { clausePolarity } from './clause-polarity.js';
import { deniesPermission } from './denied-may.js';

const at = (s: string) => {
  const t = clauseTokens(s);
  return deniesPermission(
    t,
    t.findIndex((x) => x.lower === 'may'),
  );
};

describe('"may not" before an act', () => {
  it('denies a permission; before a verb of being, needing or befalling, or after a thing, it is a likelihood', () => {
    expect(at('You may not edit the text')).toBe(true);
    expect(at('Dogs may not enter the beach')).toBe(true);
    expect(at('You may not need a visa')).toBe(false);
    expect(at('Prices may not include VAT')).toBe(false);
    expect(at('It may not arrive before Friday')).toBe(false);
    expect(at('You may bring a guest')).toBe(false);
    expect(clausePolarity(clauseTokens('You may not edit the text')).forbids).toBe(true);
  });

  const licence =
    'Reusing our photo on your blog costs €60 for one year. You must credit the photographer, and you may not alter the image beyond resizing it.';
  const baselines = [
    'A one-year licence for your blog is €60. Credit the photographer, and cropping the image is not allowed.',
    'It is €60 a year to reuse the photo on a blog; the photographer must be credited and the image cannot be cropped.',
    "For €60 you can use the photo on your blog for a year. Always credit the photographer; don't crop it.",
  ];

  it('so a paraphrase that says "must not be altered" is noise with 0, 1 and 3 baselines', () => {
    const paraphrase =
      'Blog reuse of the photo: €60 for a year. Credit the photographer; apart from resizing it, the image must not be altered.';
    for (const n of [0, 1, 3]) expect(found(licence, paraphrase, baselines.slice(0, n))).toEqual([]);
  });

  it('and a permission to crop is still a flip', () => {
    const flipped = 'Blog reuse of the photo: €60 for a year. Credit the photographer; you can alter the image as you like.';
    expect(found(licence, flipped, baselines.slice(0, 1))).not.toEqual([]);
  });
});
