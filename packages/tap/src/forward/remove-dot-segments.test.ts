import { describe, expect, it } from 'vitest';
import { removeDotSegments } from './remove-dot-segments.js';

describe('removeDotSegments', () => {
  it('resolves . and .. as RFC 3986 §5.2.4 does', () => {
    expect(removeDotSegments('/a/b/c/./../../g')).toBe('/a/g');
    expect(removeDotSegments('/mid/content=5/../6')).toBe('/mid/6');
    expect(removeDotSegments('/a/..')).toBe('/');
    expect(removeDotSegments('/a/.')).toBe('/a/');
    expect(removeDotSegments('/a//../b')).toBe('/a/b');
    expect(removeDotSegments('/a/%2e%2E/b/%2E/c')).toBe('/b/c');
  });

  it('keeps paths without dot segments as they are', () => {
    for (const path of ['/', '/v1/chat.completions', '//x', '/a/...', '/a/..b/%2e%2ex', '/a/%2fx', '/a/%25zz'])
      expect(removeDotSegments(path)).toBe(path);
  });

  it('returns null for a segment that hides a .. step from an upstream that decodes once, twice, or reads \\ as /', () => {
    for (const path of ['/a/%2f..', '/..%2fadmin', '/%252e%252e/x', '/a/%25252e%25252e%25252fb', '/..\\admin', '/a/%5c..'])
      expect([path, removeDotSegments(path)]).toEqual([path, null]);
  });

  it('returns null for a path that climbs above its root', () => {
    for (const path of ['/..', '/../a', '/a/../../b', '/%2e%2e/a', '/a/.%2E/%2e./b']) expect(removeDotSegments(path)).toBeNull();
  });
});
