import { describe, expect, it } from 'vitest';
import { compilePathMatcher, formatPath, formatPathKey, matchesGlob } from './json-path.js';

describe('JSON paths', () => {
  it('formats paths and aggregation keys', () => {
    expect(formatPath(['a', 0, 'odd key'])).toBe('$.a[0]["odd key"]');
    expect(formatPathKey(['items', 3, 'price'])).toBe('$.items[*].price');
  });

  it('matches ignore patterns with *, [*] and **, and reports invalid ones', () => {
    const m = compilePathMatcher(['$.a.*.c', '$.list[*].id', '$.**.trace_id', 'nope']);
    expect(m.invalid).toEqual(['nope']);
    expect(m.matches(['a', 'b', 'c'])).toBe(true);
    expect(m.matches(['a', 'b', 'd'])).toBe(false);
    expect(m.matches(['list', 4, 'id', 'deeper'])).toBe(true);
    expect(m.matches(['x', 1, 'y', 'trace_id'])).toBe(true);
    expect(m.matches(['list', 'k', 'id'])).toBe(false);
  });

  it('matches URL globs', () => {
    expect(matchesGlob('/v1/*/completions', '/v1/chat/completions')).toBe(true);
    expect(matchesGlob('/v1/*', '/v1/chat/completions')).toBe(false);
    expect(matchesGlob('/v1/**', '/v1/chat/completions')).toBe(true);
  });
});
