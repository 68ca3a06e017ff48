import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('folds quotes, dashes, zero-width characters, spaces and blank lines', () => {
    expect(normalizeText(' \u201cA\u201d \u2014 it\u2019s\u00a0 ok\u200b \n\n\n\nnext ')).toBe('"A" - it\'s ok\n\nnext');
  });

  it('is idempotent, and the clean-ASCII shortcut agrees with the full path', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~\n]{0,60}$/), (s) => normalizeText(s) === normalizeText(`${s}\u00a0`).replace(/ $/, '').trim()),
    );
  });
});
