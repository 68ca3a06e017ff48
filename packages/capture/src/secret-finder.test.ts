import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vendorPrefixes } from './key-shapes.js';
import { runLeadGate } from './run-lead-gate.js';
import { secretFinder } from './secret-finder.js';
import { builtinPatterns, type RegexPattern, type TextPattern } from './text-patterns.js';

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

  it('finds the same secrets when key shapes are looked for only in long runs of key characters', () => {
    const inRuns = secretFinder(builtinPatterns, new Map());
    // Without `keyRun` each pattern's lead is looked for over the whole text, as before.
    const everywhere = secretFinder(
      builtinPatterns.map((p): TextPattern => ('find' in p ? p : (({ keyRun: _keyRun, ...rest }) => rest)(p))),
      new Map(),
    );
    const prefixes = fc.constantFrom(
      ...vendorPrefixes,
      'sk-',
      'rk_',
      'AKIA',
      'ghp_',
      'github_pat_',
      'xoxb-',
      'AIza',
      'SG.',
      'SK',
      'AC',
      'key-',
      'eyJ',
    );
    // Key characters around the patterns' shortest lengths, hex for Twilio's, and what ends or splits a run.
    const rest = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
      fc.stringMatching(/^[0-9a-f]{30,34}$/),
      fc.stringMatching(/^[A-Z0-9]{14,18}$/),
      fc.constantFrom('.', '..', 'abcd.efgh.ijkl', '1', 'x9'),
    );
    const around = fc.constantFrom(' ', '"', ':', '=', '/', '+', '.', '-', '\\n', '\\u0041', '\\', 'x', '9', '密', '');
    const text = fc
      .array(
        fc.oneof(
          fc.tuple(around, prefixes, rest).map((t) => t.join('')),
          rest,
          around,
          fc.string({ maxLength: 6 }),
        ),
        { maxLength: 12 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(inRuns.ranges(t)).toEqual(everywhere.ranges(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds each key shape at its shortest, where a longer run length would pass it by', () => {
    const finder = secretFinder(builtinPatterns, new Map());
    const shortest = [
      'sk-abcdefgh12345678',
      'AKIAABCDEFGH23456789',
      'ghp_abcdefghij0123456789',
      'github_pat_abcdefghij0123456789',
      'xoxb-12345abcde',
      'AIza0123456789abcdefghijklmnopqrstuvwxy',
      ...vendorPrefixes.map((p) => `${p}abcdefgh12345678`),
      'SG.abcdefgh12345678.abcdefgh12345678',
      'SK0123456789abcdef0123456789abcdef',
      'eyJabcd.efgh.ijkl',
    ];
    for (const key of shortest) {
      for (const text of [key, `x ${key} y`, `"${key}"`, `\\n${key}`]) {
        const found = finder.ranges(text);
        expect(found.length, `${key} in ${text}`).toBe(1);
        expect(text.slice(found[0]?.start, found[0]?.end), text).toBe(key);
      }
    }
  });

  it('finds a known secret in a short text it found clean before (a header value seen on an earlier exchange)', () => {
    const patterns = [...builtinPatterns];
    const value = 'team-alpha Zq7xW2mPq';
    expect(secretFinder(patterns, new Map()).ranges(value)).toEqual([]);
    // Remembered as clean: the next exchange's known secret in it is still found.
    const known = new Map([['Zq7xW2mPq', '[redacted:x]']]);
    expect(secretFinder(patterns, known).ranges(value)).toEqual([{ start: 11, end: 20, kind: 'known' }]);
    expect(secretFinder(patterns, known).redact(value, () => 'never')).toBe('team-alpha [redacted:x]');
    expect(secretFinder(patterns, new Map()).ranges(value)).toEqual([]);
  });

  it('finds in texts seen again, with or without known secrets, what a finder that never saw them finds', () => {
    // One pattern list for the whole property: texts come back, clean ones are remembered across finders.
    const patterns = [...builtinPatterns];
    const secrets = ['Zq7xW2mPq', 'sk-abcdefghijklmnop1234', 'caf%C3%A9Pw12', 'abcdefghijklmnop'];
    const pool = fc.array(texts, { minLength: 1, maxLength: 6 });
    const visits = fc.array(fc.tuple(fc.nat(), fc.subarray(secrets), fc.nat({ max: 3 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(pool, visits, (pieces, steps) => {
        for (const [pick, knownSecrets, withSecret] of steps) {
          const base = pieces[pick % pieces.length] as string;
          // Sometimes the text carries one of the secrets, percent-encoded or as written.
          const text = withSecret === 0 ? `${base}${secrets[pick % secrets.length]}` : base;
          const known = new Map(knownSecrets.map((k) => [k, `[redacted:${k.length}]`]));
          const fresh = secretFinder([...builtinPatterns], known);
          expect(secretFinder(patterns, known).ranges(text)).toEqual(fresh.ranges(text));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the short texts it remembered when texts seen once (a stream of events) pass through', () => {
    let scans = 0;
    const patterns: TextPattern[] = [
      {
        name: 'counted',
        find: (text) => {
          scans++;
          return text.includes('sk-') ? [[text.indexOf('sk-'), text.length]] : [];
        },
      },
    ];
    const finder = secretFinder(patterns, new Map());
    expect(finder.ranges('application/json')).toEqual([]);
    scans = 0;
    // More events than the memory of clean texts holds: remembered, they would have pushed the header value out.
    for (let i = 0; i < 5000; i++) expect(finder.ranges(`{"i":${i},"t":1764000000${i}}`, true)).toEqual([]);
    expect(scans).toBe(5000);
    expect(finder.ranges('application/json')).toEqual([]);
    expect(scans).toBe(5000);
    // Seen once, a text is still read whole, a secret in it found, and it is not remembered.
    expect(finder.ranges('{"k":"sk-1"}', true)).toEqual([{ start: 6, end: 12, kind: 'counted' }]);
    expect(finder.ranges('{"t":1}', true)).toEqual([]);
    expect(finder.ranges('{"t":1}', true)).toEqual([]);
    expect(scans).toBe(5003);
  });
});

/**
 * The key shapes looked for in runs are tried only in the runs where the union of their leads
 * matches: it must match a run exactly when one of the leads does (the finder's own equivalence is
 * the property above, "finds the same secrets when key shapes are looked for only in long runs").
 */
describe('runLeadGate', () => {
  const inRuns = builtinPatterns.filter((p): p is RegexPattern => 'regex' in p && p.lead !== undefined && p.keyRun !== undefined);
  const piece = fc.oneof(
    fc.constantFrom(
      ...vendorPrefixes,
      'sk-',
      'pk_',
      'rk-',
      'AKIA',
      'ASIA',
      'ghp_',
      'gho_',
      'github_pat_',
      'xoxb-',
      'AIza',
      'eyJ',
      'SG.',
      'key-',
    ),
    fc.constantFrom('x', 'xo', 'gh', 'AK', 'sk', 'A', 'S', 'k', '-', '_', '.', '=', '/', '+', ' ', '"', '\\n'),
    fc.constantFrom('0123456789abcdef0123456789abcdef', 'Ab12Cd34Ef56Gh78Ij90Kl12', 'chat.completion.chunk', 'xxxxxxxxxxxxxxxx'),
    fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/),
  );
  const text = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));

  it('matches a text exactly when one of the leads looked for in runs does', () => {
    const gate = runLeadGate(builtinPatterns);
    if (gate === null) throw new Error('the built-in leads were not joined');
    const leads = inRuns.map((p) => new RegExp((p.lead as RegExp).source, (p.lead as RegExp).flags.replace('g', '')));
    expect(leads.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(text, (t) => {
        expect(gate.test(t)).toBe(leads.some((lead) => lead.test(t)));
      }),
      { numRuns: 5000 },
    );
  });

  it('is not made when the leads cannot be joined as they are (every run then read by every lead)', () => {
    const run = (lead: RegExp): TextPattern => ({ name: 'k', regex: /k/g, lead, keyRun: 8 });
    expect(runLeadGate([run(/ab/g), run(/cd/gi)])).toBeNull();
    expect(runLeadGate([run(/(a)\1/g), run(/cd/g)])).toBeNull();
    expect(runLeadGate([run(/(?<x>a)b/g), run(/cd/g)])).toBeNull();
    expect(runLeadGate([{ name: 'k', regex: /k/g }])).toBeNull();
    expect(runLeadGate([run(/ab/g), run(/cd/g)])?.test('xxcdxx')).toBe(true);
  });

  it('lets a key inside a stream event be found and the event padding pass', () => {
    const finder = secretFinder(builtinPatterns, new Map());
    for (const key of ['sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12', 'AKIAIOSFODNN7EXAMPLE', 'xoxb-1234567890-abcdefghij']) {
      const event = `{"i":7,"t":1764000000350.000,"pad":"${'x'.repeat(40)} ${key} ${'x'.repeat(40)}"}`;
      expect(finder.ranges(event, true).map((r) => event.slice(r.start, r.end))).toContain(key);
    }
    expect(finder.ranges(`{"i":7,"t":1764000000350.000,"pad":"${'x'.repeat(150)}"}`, true)).toEqual([]);
  });
});
