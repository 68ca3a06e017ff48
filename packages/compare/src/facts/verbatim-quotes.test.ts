import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factSheet } from './clauses/fact-sheet.js';
import { diffFacts, factDifferences } from './fact-diff.js';

const production = 'The overdraft fee is $35, and it is waived for premium members.';
const said = (candidate: string) => diffFacts(factSheet(production), factSheet(candidate)).map((d) => [d.kind, d.message, d.candidate]);

describe('fact evidence quotes the answer as written (user audit 3)', () => {
  it('keeps underscores, emphasis and code marks the reading took out', () => {
    const added = said(`${production} Set window.__x to 1 to extend it by **30 days**.`);
    expect(added.length).toBeGreaterThan(0);
    for (const [, message] of added) {
      expect(message).toContain('"Set window.__x to 1 to extend it by **30 days**."');
      expect(message).not.toContain('window. x');
    }
    expect(said(`${production} Call __init__ with my_var_name.`)).toEqual([
      ['added_claim', 'adds "Call __init__ with my_var_name." (no production answer says this)', 'Call __init__ with my_var_name.'],
    ]);
  });

  // bench:facts found it: "\-" of an escaped hyphen is a syntax error under the pattern's `u` flag.
  it('reads any punctuation back: hyphens, quotes, brackets, slashes, dollars', () => {
    const odd = 'Set **source_lang="en-US"** (auto-detected) via [x]/{y} at $5^2 + a|b or c\\d.';
    const found = said(`${production} ${odd}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some(([, m]) => String(m).includes(odd.slice(0, 60)))).toBe(true);
  });

  it('never throws on markup around any punctuation, and every quote it restores is in the answer', () => {
    const pieces = [
      '**',
      '__',
      '`',
      '> ',
      '# ',
      ' | ',
      'a-b',
      '$5',
      '(x)',
      '[y]',
      '{z}',
      '=',
      '"q"',
      '\\',
      '/',
      '^',
      '+',
      '?',
      '.',
      ',',
      'é',
      '猫',
      'Fee',
      '30',
      'days',
      ' ',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const candidate = `${production} ${parts.join('')}`;
        for (const d of diffFacts(factSheet(production), factSheet(candidate)))
          if (d.kind === 'added_claim' && typeof d.candidate === 'string' && d.candidate.length > 3)
            expect(candidate).toContain(d.candidate);
      }),
      { numRuns: 1500 },
    );
  });

  it('quotes markup-free clauses as before, markup and all in the candidate', () => {
    const hostile = said('The overdraft fee is $53 <script>window.__x = 1</script>, and it is waived for premium members.');
    expect(hostile[0]).toEqual(['fact_changed', '$35 → $53', '$53']);
    expect(hostile.some(([, m]) => String(m).includes('<script>window.__x = 1</script>'))).toBe(true);
  });

  it('changes no finding: the same kinds and keys as the reading alone', () => {
    const candidate = `${production}\n> **Note:** call \`reset_fee()\` within __5 days__ or the fee is **$53**.`;
    const sheets = [factSheet(production), factSheet(candidate)] as const;
    const found = diffFacts(sheets[0], sheets[1]);
    const read = factDifferences(sheets[0], sheets[1], [], {}, true);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => [d.kind, d.key, d.path, d.severity])).toEqual(read.map((d) => [d.kind, d.key, d.path, d.severity]));
    expect(read.some((d) => / {2}/.test(d.message))).toBe(true); // the reading: "  5 days ", " $53 "
    for (const d of found) expect(d.message).not.toMatch(/ {2}/);
  });
});
