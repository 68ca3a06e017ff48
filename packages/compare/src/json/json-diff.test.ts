import { describe, expect, it } from 'vitest';
import { diffJsonValues } from './json-diff.js';
import { compilePathMatcher } from './json-path.js';

describe('diffJsonValues', () => {
  it('ignores key order and reports typed differences with paths and risk', () => {
    const a = { user: { name: 'Ada', age: 36, tags: ['x', 'y'] }, ok: true, score: 1 };
    const b = { ok: true, user: { age: '36', tags: ['x'], email: 'a@b.c' }, score: 1.0 };
    const { differences } = diffJsonValues(a, b);
    const byPath = Object.fromEntries(differences.map((d) => [d.path, [d.kind, d.severity]]));
    expect(byPath).toEqual({
      '$.user.name': ['missing', 'high'],
      '$.user.age': ['type_change', 'high'],
      '$.user.tags': ['array_length', 'medium'],
      '$.user.tags[1]': ['missing', 'high'],
      '$.user.email': ['extra', 'low'],
    });
    expect(diffJsonValues({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }).differences).toEqual([]);
  });

  it('keys array slots as [*] for aggregation', () => {
    const { differences } = diffJsonValues({ items: [{ p: 1 }, { p: 2 }] }, { items: [{ p: 1 }, { p: 3 }] });
    expect(differences).toMatchObject([{ path: '$.items[1].p', key: '$.items[*].p', kind: 'value_change', severity: 'medium' }]);
  });

  it('applies a relative numeric tolerance', () => {
    expect(diffJsonValues({ x: 100 }, { x: 100.4 }, { numericTolerance: 0.01 }).differences).toEqual([]);
    expect(diffJsonValues({ x: 100 }, { x: 102 }, { numericTolerance: 0.01 }).differences).toHaveLength(1);
  });

  it('skips ignored paths and everything below them', () => {
    const ignore = compilePathMatcher(['$.meta', '$.items[*].id', '$.**.trace']);
    const a = { meta: { t: 1 }, items: [{ id: 'a', v: 1 }], deep: { x: { trace: 'q' } } };
    const b = { meta: { t: 2 }, items: [{ id: 'b', v: 1 }], deep: { x: { trace: 'r' } } };
    expect(diffJsonValues(a, b, { ignore }).differences).toEqual([]);
  });

  it('grades reworded phrases by similarity instead of equality', () => {
    const { differences } = diffJsonValues({ q: 'refund policy for shoes' }, { q: 'refund rules for shoes' });
    expect(differences[0]).toMatchObject({ kind: 'text_change', severity: 'low' });
  });

  it('bounds the number of differences', () => {
    const a = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i]));
    const r = diffJsonValues(a, {}, { maxDifferences: 10 });
    expect(r.differences).toHaveLength(10);
    expect(r.omitted).toBe(190);
  });
});
