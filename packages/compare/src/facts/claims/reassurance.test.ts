import { describe, expect, it } from 'vitest';
import { regressionKinds as found } from '../../../test/judged.js';

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

describe('"don\'t be" and a word of feeling', () => {
  const kayak = 'The kayak taster is £30 for two hours and runs on Saturday mornings. Buoyancy aids and paddles are provided.';
  const longer =
    "The kayak taster costs £30 for two hours, on Saturday mornings, and we provide buoyancy aids and paddles. The instructors are very patient, so don't be nervous!";

  it('reassures, as "don\'t worry" does: no denial, no claim', () => {
    expect(found(kayak, longer)).toEqual([]);
  });

  it('is still a claim where what follows is no feeling ("don\'t be late"), and a flip after it is still one', () => {
    expect(found(kayak, longer.replace("don't be nervous", "don't be late, as we can't wait"))).toContain('added_claim');
    expect(found(kayak, `${longer} Paddles aren't provided.`)).not.toEqual([]);
  });
});
