import { describe, expect, it } from 'vitest';
import { regressionKinds as found } from '../test/judged.js';

const original = 'Your tiles ship on Tuesday. Offcuts are recycled for free.';

describe('a reassuring interjection', () => {
  it('denies nothing and claims nothing', () => {
    expect(found(original, 'No worries, this happens a lot. Your tiles ship on Tuesday. Offcuts are recycled for free.')).toEqual([]);
    expect(found(original, 'No rush - your tiles ship on Tuesday. Offcuts are recycled for free.')).toEqual([]);
  });

  it('is no interjection where it names what it allows, and a flip after it is still one', () => {
    expect(found(original, 'No problem bringing your own offcuts. Your tiles ship on Tuesday. Offcuts are recycled for free.')).toContain(
      'added_claim',
    );
    expect(found(original, "No worries, your tiles don't ship on Tuesday. Offcuts are recycled for free.")).not.toEqual([]);
  });
});
