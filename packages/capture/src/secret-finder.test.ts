import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretFinder } from './secret-finder.js';
import { builtinPatterns } from './text-patterns.js';

const noLeads = builtinPatterns.map((p) => ('find' in p ? p : (({ lead: _lead, ...rest }) => rest)(p)));
const fragments = fc.constantFrom(
  '4111 1111 1111 1111',
  '4111-1111-1111-1111 123',
  '41111111111111111234567',
  '\\u00014111111111111111',
  '\\u001',
  '1795000000',
  'Bearer abcdefgh12345678',
  'bearer\tXYZ.abc-123~def',
  'BEARER ',
  '\\nBearer tok12345678',
  'xBearer abcdefgh1234',
  ' ',
  '-',
  '\\n',
  '"',
  'a',
  '7',
);
/** Key shapes, their prefixes and near misses: where the key patterns' leads (their literal prefixes) must find every start. */
const keyPieces = fc.constantFrom(
  'sk-',
  'pk_',
  'rk-',
  'sk_live_',
  'Sk-',
  'AKIA',
  'ASIA',
  'AKI',
  'gh',
  'ghp_',
  'gho_',
  'ghs_',
  'ghx_',
  'github_pat_',
  'github_',
  'xoxb-',
  'xoxp-',
  'xox',
  'AIza',
  'eyJ',
  '.eyJ',
  '\\n',
  '\\u0041',
  '\\',
  'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ',
  'ABCDEFGHIJKLMNOP',
  '_-',
);
const texts = fc
  .array(fc.oneof(fragments, keyPieces, fc.string({ maxLength: 8 }), fc.stringMatching(/^[0-9 -]{1,30}$/)), { maxLength: 16 })
  .map((p) => p.join(''));

describe('secret finder', () => {
  it('finds the same secrets when patterns are tried only where their lead matches', () => {
    const fast = secretFinder(builtinPatterns, new Map());
    const slow = secretFinder(noLeads, new Map());
    fc.assert(
      fc.property(texts, (text) => {
        expect(fast.ranges(text)).toEqual(slow.ranges(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds the same secrets when hinted patterns are gated by one pass over every hint', () => {
    const gated = secretFinder(builtinPatterns, new Map());
    const noHints = secretFinder(
      builtinPatterns.map((p) => ('find' in p ? p : (({ hints: _hints, ...rest }) => rest)(p))),
      new Map(),
    );
    const keyShaped = fc.constantFrom(
      'sk-abcdefghijklmnop1234',
      'pk_live_abcdefghijklmnop',
      'AKIAABCDEFGHIJKLMNOP',
      'ghp_abcdefghijklmnopqrstuvwxyz',
      'github_pat_abcdefghijklmnopqrstuvwx',
      'xoxb-1234567890-abc',
      'AIza0123456789abcdefghijklmnopqrstuvwxy',
      'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl',
      'alice@example.com',
      'xxxxxxxx',
      'AAAAAAAA',
      'x',
      'o',
      '@',
    );
    const mixed = fc.array(fc.oneof(keyShaped, fragments, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(mixed, (text) => {
        expect(gated.ranges(text)).toEqual(noHints.ranges(text));
      }),
      { numRuns: 5000 },
    );
  });
});
